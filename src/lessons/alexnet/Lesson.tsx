import type { ReactNode } from 'react';
import { LessonFrame } from '../../app/LessonFrame';
import { Ilsvrc2010Panel } from './Ilsvrc2010Panel';
import { ALEXNET_STEPS, type AlexnetView } from './steps';
import { Top5Panel } from './Top5Panel';
import { useImagenetClassifier, type ImagenetClassifier } from './useImagenetClassifier';
import './alexnet.css';

/** Each view of the lesson, by name; a step lists the ones it shows. */
const VIEWS: Record<AlexnetView, (classifier: ImagenetClassifier) => ReactNode> = {
  top5: (classifier) => <Top5Panel classifier={classifier} />,
  ilsvrc2010: () => <Ilsvrc2010Panel />,
};

/**
 * `#/alexnet`: ImageNet, the top-5 task and AlexNet's ILSVRC-2010 results. The shipped MobileNet is loaded once
 * for the whole lesson (so moving between steps does not reload it) and disposed when the lesson unmounts.
 */
export default function AlexnetLesson({ step }: { step: number }) {
  const index = Math.min(Math.max(step, 1), ALEXNET_STEPS.length) - 1;
  const classifier = useImagenetClassifier();
  return (
    <LessonFrame title="AlexNet: ImageNet classification" steps={ALEXNET_STEPS} step={step}>
      <div className="alexnet-lab">
        {ALEXNET_STEPS[index].views.map((view) => <div key={view} className="alexnet-view">{VIEWS[view](classifier)}</div>)}
      </div>
    </LessonFrame>
  );
}
