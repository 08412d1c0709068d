import { useMemo, useState } from 'react';
import { alignedCifarCode } from './cifarSource';
import { LessonLink } from './LessonLink';
import { runCifarForwardOnce, type ForwardRun } from '../../model/cifarForwardRun';
import { CALL_MAPPINGS, type AlignedCode } from './tutorialCode';

/** A code line that wraps with a hanging indent below its own indentation (the text keeps its spaces, for copying). */
function Line({ text, className = 'lib-line' }: { text: string; className?: string }) {
  const hang = text.length - text.trimStart().length + 4;
  return <span className={className} style={{ paddingLeft: `${hang}ch`, textIndent: `-${hang}ch` }}>{text || ' '}</span>;
}

function shapeText(shape: number[] | undefined): string {
  return shape ? shape.join('×') : '';
}

/** Step 3: the tutorial's `inference()` beside the real `cifarForward` of src/model/cifar10Net.ts, layer by layer. */
export function CodeCompare() {
  const [run, setRun] = useState<ForwardRun | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const code = useMemo((): AlignedCode | Error => {
    try {
      return alignedCifarCode();
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, []);
  if (code instanceof Error) {
    return <p className="panel error" role="alert">The app’s model source could not be cut into layers: {code.message}</p>;
  }

  const onRun = () => {
    setRunning(true);
    setRunError(null);
    runCifarForwardOnce().then(setRun, (e: unknown) => setRunError(e instanceof Error ? e.message : String(e))).finally(() => setRunning(false));
  };

  return (
    <section className="panel lib-code lib-wide" aria-labelledby="lib-code-title">
      <h3 id="lib-code-title">The lecture’s TensorFlow beside the TensorFlow.js this app runs</h3>
      {code.unclaimed.length > 0 && (
        <p className="backend-notice" role="alert">
          cifar10Net.ts has lines no layer claims (shown after the row before them): {code.unclaimed.join(' · ')}
        </p>
      )}
      <div className="lib-code-grid" role="table" aria-label="TensorFlow 1.x Python and TensorFlow.js, layer by layer">
        <div className="lib-code-row lib-code-head" role="row">
          <span role="columnheader">Layer</span>
          <span role="columnheader">Lecture: TensorFlow 1.x, Python (cifar10.py)</span>
          <span role="columnheader">This app: TensorFlow.js, TypeScript (src/model/cifar10Net.ts)</span>
        </div>
        {code.rows.map((row) => (
          <div key={row.id} className="lib-code-row" role="row" data-row={row.id}>
            <span className="lib-code-label" role="rowheader">
              {row.label}
              {run && row.activation && <span className="lib-shape" title="Output shape on this backend">{shapeText(run.shapes[row.activation])}</span>}
            </span>
            <pre className="lib-pre lib-py" data-lang="TensorFlow 1.x (Python)" role="cell" aria-label={`${row.label}, Python`}>
              {row.python.map((l, i) => (
                <Line key={i} text={l.text} className={l.restored ? 'lib-line lib-restored' : 'lib-line'} />
              ))}
            </pre>
            <pre className="lib-pre lib-ts" data-lang="TensorFlow.js (TypeScript)" role="cell" aria-label={`${row.label}, TypeScript`}>
              {row.typescript.map((l, i) => <Line key={i} text={l} />)}
            </pre>
          </div>
        ))}
      </div>
      <p className="hint">
        Shaded Python lines are missing from the lecture’s slide text and restored from the tutorial’s cifar10.py
        (tensorflow/models, tutorials/image/cifar10; © The TensorFlow Authors, Apache License 2.0). The TypeScript is cut
        out of the app’s own source at build time, so it is always the code that runs.
      </p>
      <div className="lib-run">
        <button type="button" onClick={onRun} disabled={running}>Run cifarForward here</button>{' '}
        <span aria-live="polite">
          {running && 'Running…'}
          {run && !running && <>One 24×24×3 image through every layer on <span className="lib-mono">{run.backend}</span> in {run.ms.toFixed(1)} ms (after a warm-up pass); output shapes are under the layer names.</>}
          {runError && <span role="alert">The forward pass failed: {runError}</span>}
        </span>
      </div>
      <table className="results lib-mapping">
        <caption>TensorFlow 1.x call → TensorFlow.js call</caption>
        <thead><tr><th scope="col">TensorFlow (Python)</th><th scope="col">TensorFlow.js</th><th scope="col">What changes</th></tr></thead>
        <tbody>
          {CALL_MAPPINGS.map((m) => (
            <tr key={`${m.tf}→${m.tfjs}`}>
              <td className="lib-mono">{m.tf}</td>
              <td className="lib-mono">{m.tfjs}</td>
              <td>{m.note}</td>
            </tr>
          ))}
          <tr><td className="lib-mono">_activation_summary</td><td>—</td><td>TensorBoard summaries; here cifarForward returns every activation and the live lesson draws them</td></tr>
        </tbody>
      </table>
      <p className="hint">See it train: <LessonLink to="cifar10">the CIFAR-10 lesson</LessonLink> runs this function on real CIFAR-10 images.</p>
    </section>
  );
}
