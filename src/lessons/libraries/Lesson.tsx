import { LessonFrame } from '../../app/LessonFrame';
import { CodeCompare } from './CodeCompare';
import { LibraryTable } from './LibraryTable';
import { LIBRARIES_STEPS } from './steps';
import { TfjsPanel } from './TfjsPanel';
import './libraries.css';

/** `#/libraries`: the lecture's six libraries, TensorFlow.js and its live backend, the tutorial code beside the app's. */
export default function LibrariesLesson({ step }: { step: number }) {
  const index = Math.min(Math.max(step, 1), LIBRARIES_STEPS.length) - 1;
  const { view } = LIBRARIES_STEPS[index];
  return (
    <LessonFrame title="Popular deep learning libraries" steps={LIBRARIES_STEPS} step={step}>
      {view === 'table' && <LibraryTable />}
      {view === 'tfjs' && <TfjsPanel />}
      {view === 'code' && <CodeCompare />}
    </LessonFrame>
  );
}
