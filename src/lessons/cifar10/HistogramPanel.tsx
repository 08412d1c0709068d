import { useEffect, useId, useRef, useState } from 'react';
import { CIFAR_VARIABLES, type CifarVariableName } from '../../model/cifar10Net';
import type { CifarSnapshot } from '../../model/cifarTask';
import { createRidgePlot, type RidgePlot } from '../../viz/ridgePlot';

/**
 * The lecture's `tf.summary.histogram` of every trainable variable and of its gradient, over the run: a ridge
 * per timeline snapshot, the timeline's step in orange.
 */
export function HistogramPanel({ snapshots, version, highlight }: { snapshots: readonly CifarSnapshot[]; version: number; highlight: number | null }) {
  const id = useId();
  const [variable, setVariable] = useState<CifarVariableName>('local3/weights');
  const [kind, setKind] = useState<'weights' | 'gradients'>('weights');
  const hostRef = useRef<HTMLDivElement>(null);
  const plot = useRef<RidgePlot | null>(null);

  useEffect(() => {
    plot.current = createRidgePlot(hostRef.current!, { label: 'Histograms over time', height: 300 });
    return () => { plot.current?.destroy(); plot.current = null; };
  }, []);

  useEffect(() => {
    const slices = snapshots.flatMap((s) => {
      const h = kind === 'weights' ? s.weights[variable] : s.gradients?.[variable];
      return h ? [{ step: kind === 'weights' ? s.step : s.gradientStep ?? s.step, min: h.min, max: h.max, counts: h.counts }] : [];
    });
    // Successive snapshots can hold the same gradient (kept every few steps): draw each once.
    const unique = slices.filter((s, i) => i === 0 || s.step !== slices[i - 1].step);
    plot.current?.update(unique.slice(-30), highlight);
  }, [snapshots, version, variable, kind, highlight]);

  return (
    <section className="panel histogram-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Histograms of {variable}{kind === 'gradients' ? ' gradients' : ''}</h3>
      <div className="histogram-choice">
        <label htmlFor={`${id}-var`}>Variable </label>
        <select id={`${id}-var`} value={variable} onChange={(e) => setVariable(e.target.value as CifarVariableName)}>
          {CIFAR_VARIABLES.map((v) => <option key={v.name} value={v.name}>{v.name} ({v.shape.join('×')})</option>)}
        </select>
        <span role="radiogroup" aria-label="Values or gradients">
          <label><input type="radio" name={`${id}-kind`} checked={kind === 'weights'} onChange={() => setKind('weights')} /> values</label>
          <label><input type="radio" name={`${id}-kind`} checked={kind === 'gradients'} onChange={() => setKind('gradients')} /> gradients</label>
        </span>
      </div>
      <div ref={hostRef} className="chart-host" />
      <p className="hint">One curve per kept moment (the newest 30), oldest at the top, each scaled to its own peak. Biases start as a single value (0 or 0.1) and spread out; the weights of local3 shrink under weight decay.</p>
    </section>
  );
}
