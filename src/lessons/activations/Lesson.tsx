import { LessonFrame } from '../../app/LessonFrame';
import { useSeedInUse } from '../../app/followAlong/useSeedInUse';
import { useAppStore } from '../../state/store';
import { RaceLab } from './RaceLab';
import { settingsFromParams } from './settings';
import { ACTIVATION_STEPS } from './steps';
import './activations.css';

/** The race's seed when the URL names none: fixed, so a class sees the result the preset describes. */
const DEFAULT_SEED = 1;

/** `#/activations`: ReLU vs tanh vs sigmoid, the training-speed race of the AlexNet paper's Figure 1. */
export default function ActivationsLesson({ step }: { step: number }) {
  const params = useAppStore((s) => s.route.params);
  const settings = settingsFromParams(params);
  useSeedInUse('activations', settings.seed ?? DEFAULT_SEED);
  return (
    <LessonFrame title="ReLU vs tanh vs sigmoid: the training race" steps={ACTIVATION_STEPS} step={step}>
      <RaceLab settings={settings} seed={settings.seed ?? DEFAULT_SEED} />
    </LessonFrame>
  );
}
