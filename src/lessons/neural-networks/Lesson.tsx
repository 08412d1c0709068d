import { LessonFrame } from '../../app/LessonFrame';
import { ClassifierExplorer } from './ClassifierExplorer';
import { DescentExplorer } from './DescentExplorer';
import { NetworkExplorer } from './NetworkExplorer';
import { NEURAL_NETWORKS_STEPS } from './steps';
import { TransferExplorer } from './TransferExplorer';
import './neuralNetworks.css';

/** `#/neural-networks`: units and layers, the linear classifier, transfer functions, gradient descent. */
export default function NeuralNetworksLesson({ step }: { step: number }) {
  const index = Math.min(Math.max(step, 1), NEURAL_NETWORKS_STEPS.length) - 1;
  const view = NEURAL_NETWORKS_STEPS[index].view;
  return (
    <LessonFrame title="Introduction of neural networks" steps={NEURAL_NETWORKS_STEPS} step={step}>
      {view === 'network' && <NetworkExplorer />}
      {view === 'classifier' && <ClassifierExplorer />}
      {view === 'transfer' && <TransferExplorer />}
      {view === 'descent' && <DescentExplorer />}
    </LessonFrame>
  );
}
