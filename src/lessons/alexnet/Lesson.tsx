import { useState, type ReactNode } from 'react';
import { LessonFrame } from '../../app/LessonFrame';
import { Ilsvrc2010Panel } from './Ilsvrc2010Panel';
import { ALEXNET_STEPS, type AlexnetView } from './steps';
import { Top5Panel } from './Top5Panel';
import { useImagenetClassifier } from './useImagenetClassifier';
import type { AlexnetContext, CurrentPicture } from './currentPicture';
import './alexnet.css';

/** Each view of the lesson, by name; a step lists the ones it shows. */
const VIEWS: Record<AlexnetView, (ctx: AlexnetContext) => ReactNode> = {
  top5: (ctx) => <Top5Panel classifier={ctx.classifier} onPicture={ctx.setPicture} />,
  ilsvrc2010: () => <Ilsvrc2010Panel />,
};

/**
 * `#/alexnet`: ImageNet, the top-5 task and AlexNet's ILSVRC-2010 results. The shipped MobileNet is loaded once
 * for the whole lesson (so moving between steps does not reload it) and disposed when the lesson unmounts.
 */
export default function AlexnetLesson({ step }: { step: number }) {
  const index = Math.min(Math.max(step, 1), ALEXNET_STEPS.length) - 1;
  const classifier = useImagenetClassifier();
  const [picture, setPicture] = useState<CurrentPicture | null>(null);
  const ctx: AlexnetContext = { classifier, picture, setPicture };
  return (
    <LessonFrame title="AlexNet: ImageNet classification" steps={ALEXNET_STEPS} step={step}>
      <div className="alexnet-lab">
        {ALEXNET_STEPS[index].views.map((view) => <div key={view} className="alexnet-view">{VIEWS[view](ctx)}</div>)}
      </div>
    </LessonFrame>
  );
}
