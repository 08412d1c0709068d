import { useEffect, useState } from 'react';
import { tfBackpropGradients, type TfGradients } from '../../model/backpropCheck';
import { useAppStore } from '../../state/store';
import { ValueGrid } from '../../app/ValueGrid';
import { compareWithTf, networkFor, type CheckRow } from './check';
import { CELL } from './ForwardView';
import { formatDifference } from './format';
import { KERNEL_SIDE, type BackpropResult } from './pipeline';

interface CheckState {
  result: BackpropResult;
  tf: TfGradients;
  rows: CheckRow[];
  max: number;
}

/**
 * Runs tf.grads of the same network whenever the settings change (once the app's backend has started) and
 * compares it with the pipeline's numbers; a stale run never overwrites a newer one.
 */
export function useTfCheck(r: BackpropResult): { check: CheckState | null; error: string | null; backend: string | null } {
  const backend = useAppStore((s) => s.backend.name);
  const [check, setCheck] = useState<CheckState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!backend) return;
    let live = true;
    tfBackpropGradients(networkFor(r)).then(
      (tf) => { if (live) { setCheck({ result: r, tf, ...compareWithTf(r, tf) }); setError(null); } },
      (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [r, backend]);
  return { check: check && check.result === r ? check : null, error, backend };
}

/** The one-line verdict shown on every step. */
export function TfCheckLine({ r }: { r: BackpropResult }) {
  const { check, error, backend } = useTfCheck(r);
  return <CheckLine check={check} error={error} backend={backend} />;
}

function CheckLine({ check, error, backend }: ReturnType<typeof useTfCheck>) {
  if (error) return <p className="bp-check error" role="alert">TensorFlow.js check failed: {error}</p>;
  if (!check) return <p className="bp-check" aria-live="polite">Checking against TensorFlow.js…</p>;
  const ok = check.max < 1e-4;
  return (
    <p className={`bp-check${ok ? ' ok' : ' error'}`} aria-live="polite">
      {ok ? '✓' : '✗'} Checked against TensorFlow.js ({backend} backend): max difference {formatDifference(check.max)}
    </p>
  );
}

/** Step 7: the comparison quantity by quantity, and tfjs's own ∂J/∂W next to ours. */
export function CheckView({ r }: { r: BackpropResult }) {
  const state = useTfCheck(r);
  const { check } = state;
  return (
    <section className="panel" aria-label="Checked against TensorFlow.js">
      <CheckLine {...state} />
      {check && (
        <>
          <table className="results bp-check-table">
            <caption>Largest |this page − tf.grads| for the current settings</caption>
            <thead><tr><th scope="col">Quantity</th><th scope="col">Max difference</th></tr></thead>
            <tbody>
              {check.rows.map((row) => <tr key={row.name}><td>{row.name}</td><td>{formatDifference(row.maxDifference)}</td></tr>)}
            </tbody>
          </table>
          <div className="bp-row">
            <figure>
              <ValueGrid values={r.conv.dFilters.data} height={KERNEL_SIDE} width={KERNEL_SIDE} cell={CELL + 6} colormap="diverging" showNumbers label="Weight gradient computed by this page" />
              <figcaption>∂J/∂W, this page (src/math)</figcaption>
            </figure>
            <figure>
              <ValueGrid values={check.tf.dKernel} height={KERNEL_SIDE} width={KERNEL_SIDE} cell={CELL + 6} colormap="diverging" showNumbers label="Weight gradient from TensorFlow.js tf.grads" />
              <figcaption>∂J/∂W, tf.grads</figcaption>
            </figure>
          </div>
          <p className="hint">
            The same loss in TensorFlow.js: {r.settings.loss === 'errors' ? 'J = tf.sum(tf.mul(out, e))' : 'J = 0.5 · tf.sum(tf.square(out − t))'} with out ={' '}
            {r.settings.pool === 'max' ? 'tf.maxPool' : 'tf.avgPool'}({r.settings.relu ? 'tf.relu(' : ''}tf.conv2d(X, W, 1, &apos;valid&apos;) + b{r.settings.relu ? ')' : ''}),
            and tf.valueAndGrads(J)([X, W, b]).
          </p>
        </>
      )}
    </section>
  );
}
