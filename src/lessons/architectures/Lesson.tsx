import type { ReactNode } from 'react';
import { LessonFrame } from '../../app/LessonFrame';
import { ErrorChartPanel, ParamsChartPanel } from './ChartPanels';
import { ComparisonTable } from './ComparisonTable';
import { DeepImagePanel } from './DeepImagePanel';
import { NetworkPanel } from './NetworkPanel';
import { ARCHITECTURES_STEPS, type ArchitecturesView } from './steps';
import './architectures.css';

function view(name: ArchitecturesView): ReactNode {
  switch (name) {
    case 'compare': return <ComparisonTable />;
    case 'deepimage': return <DeepImagePanel />;
    case 'errors': return <ErrorChartPanel />;
    case 'params': return <ParamsChartPanel />;
    default: return <NetworkPanel id={name} />;
  }
}

/** `#/architectures`: the lecture's "other CNN structures", compared, drawn and counted. */
export default function ArchitecturesLesson({ step }: { step: number }) {
  const index = Math.min(Math.max(step, 1), ARCHITECTURES_STEPS.length) - 1;
  return (
    <LessonFrame title="Other CNN structures" steps={ARCHITECTURES_STEPS} step={step}>
      <div className="arch-lab">
        {ARCHITECTURES_STEPS[index].views.map((v) => <div key={v} className="arch-view">{view(v)}</div>)}
      </div>
    </LessonFrame>
  );
}
