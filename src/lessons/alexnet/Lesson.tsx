import { useEffect, useState, type ReactNode } from 'react';
import { LessonFrame } from '../../app/LessonFrame';
import { ArchitecturePanel } from './ArchitecturePanel';
import { AugmentationPanel } from './AugmentationPanel';
import { DropoutPanel } from './DropoutPanel';
import { Ilsvrc2010Panel } from './Ilsvrc2010Panel';
import { MomentumSurfacePanel } from './MomentumSurfacePanel';
import { rememberPicture } from './RetrievalGallery';
import { RetrievalPanel } from './RetrievalPanel';
import { ALEXNET_STEPS, type AlexnetView } from './steps';
import { Top5Panel } from './Top5Panel';
import { useImagenetClassifier } from './useImagenetClassifier';
import { useAlexnetWeights } from './AlexnetWeightsState';
import { AlexnetWeightsPanel } from './AlexnetWeightsPanel';
import { AlexnetTop5 } from './AlexnetTop5';
import { AlexnetFiltersPanel } from './AlexnetFiltersPanel';
import { AlexnetFeatureMapsPanel } from './AlexnetFeatureMapsPanel';
import type { AlexnetContext, CurrentPicture } from './currentPicture';
import './alexnet.css';

/** Each view of the lesson, by name; a step lists the ones it shows. */
const VIEWS: Record<AlexnetView, (ctx: AlexnetContext) => ReactNode> = {
  top5: (ctx) => (
    <Top5Panel classifier={ctx.classifier} onPicture={ctx.setPicture}
      besides={ctx.alexnet.net && ctx.classifier.state === 'ready' ? <AlexnetTop5 net={ctx.alexnet.net} picture={ctx.picture} classes={ctx.classifier.classes} /> : null} />
  ),
  ilsvrc2010: () => <Ilsvrc2010Panel />,
  alexnetWeights: (ctx) => <AlexnetWeightsPanel weights={ctx.alexnet} />,
  alexnetFilters: (ctx) => <AlexnetFiltersPanel alexnet={ctx.alexnet.net} mobilenet={ctx.classifier.state === 'ready' ? ctx.classifier.net : null} />,
  alexnetFeatureMaps: (ctx) => <AlexnetFeatureMapsPanel alexnet={ctx.alexnet.net} mobilenet={ctx.classifier.state === 'ready' ? ctx.classifier.net : null} picture={ctx.picture} />,
  architecture: () => <ArchitecturePanel />,
  augmentation: (ctx) => <AugmentationPanel picture={ctx.picture} />,
  dropout: () => <DropoutPanel />,
  momentumSurface: () => <MomentumSurfacePanel />,
  retrieval: (ctx) => <RetrievalPanel classifier={ctx.classifier} picture={ctx.picture} onPicture={ctx.setPicture} alexnet={ctx.alexnet.net} />,
};

/**
 * `#/alexnet`: ImageNet, the top-5 task and AlexNet's ILSVRC-2010 results. The shipped MobileNet is loaded once
 * for the whole lesson (so moving between steps does not reload it) and disposed when the lesson unmounts.
 */
export default function AlexnetLesson({ step }: { step: number }) {
  const index = Math.min(Math.max(step, 1), ALEXNET_STEPS.length) - 1;
  const classifier = useImagenetClassifier();
  const [picture, setPicture] = useState<CurrentPicture | null>(null);
  useEffect(() => rememberPicture(picture), [picture]); // the student's own pictures join the retrieval gallery
  const alexnet = useAlexnetWeights();
  const ctx: AlexnetContext = { classifier, picture, setPicture, alexnet };
  return (
    <LessonFrame title="AlexNet: ImageNet classification" steps={ALEXNET_STEPS} step={step}>
      <div className="alexnet-lab">
        {ALEXNET_STEPS[index].views.map((view) => <div key={view} className="alexnet-view">{VIEWS[view](ctx)}</div>)}
      </div>
    </LessonFrame>
  );
}
