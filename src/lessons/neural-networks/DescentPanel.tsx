import { useEffect, useRef, useState } from 'react';
import { isDiverged } from '../../math/gradientDescent';
import { createContourPlot, type ContourPlot, type Grid } from '../../viz/contourPlot';
import { advance, formatNumber, LOG_LR_RANGE, startRun, type DescentRun } from './descent';
import { UpdateFormula } from './UpdateFormula';

/** A run stops by itself after this many updates, or when an update moves less than RUN_TOLERANCE. */
const RUN_MAX_UPDATES = 2000;
const RUN_TOLERANCE = 1e-7;

export interface DescentPanelProps {
  title: string;
  /** Accessible name prefix for the controls, e.g. "quadratic". */
  id: string;
  loss: (p: number[]) => number;
  grad: (p: number[]) => number[];
  grid: Grid;
  xDomain: [number, number];
  yDomain: [number, number];
  /** Coordinate names, e.g. ['w1', 'w2']; the vector is called `vectorName` in the formula. */
  axes: [string, string];
  vectorName: string;
  defaultStart: number[];
  markers: { x: number; y: number; label: string }[];
  lr: number;
  onLr: (lr: number) => void;
  momentum: boolean;
}

/** A loss surface as contours with a gradient-descent path: pick a start, update once or run, watch it converge or diverge. */
export function DescentPanel(props: DescentPanelProps) {
  const { loss, grad, grid, lr, momentum, markers } = props;
  const [run, setRun] = useState<DescentRun>(() => startRun(props.defaultStart));
  const [running, setRunning] = useState(false);
  const runRef = useRef(run);
  const commit = (next: DescentRun) => { runRef.current = next; setRun(next); };

  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<ContourPlot | null>(null);
  const pickRef = useRef<(x: number, y: number) => void>(() => {});
  useEffect(() => {
    pickRef.current = (x, y) => { setRunning(false); const next = startRun([x, y]); runRef.current = next; setRun(next); };
  });
  useEffect(() => {
    if (!host.current) return;
    const p = createContourPlot(host.current, {
      xDomain: props.xDomain, yDomain: props.yDomain, xLabel: props.axes[0], yLabel: props.axes[1],
      label: `${props.title}: loss contours; click to choose where gradient descent starts`,
      onPick: (x, y) => pickRef.current(x, y),
    });
    plot.current = p;
    return () => { p.destroy(); plot.current = null; };
  }, [props.xDomain, props.yDomain, props.axes, props.title]);
  useEffect(() => { plot.current?.update({ grid, path: run.path, markers }); }, [grid, run, markers]);

  useEffect(() => {
    if (!running) return;
    let frame = 0;
    const tick = () => {
      const before = runRef.current;
      const next = advance(before, grad, lr, momentum);
      runRef.current = next;
      setRun(next);
      const a = before.path[before.path.length - 1];
      const b = next.path[next.path.length - 1];
      const moved = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (isDiverged(loss(b)) || moved < RUN_TOLERANCE || next.path.length > RUN_MAX_UPDATES) { setRunning(false); return; }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [running, grad, loss, lr, momentum]);

  const w = run.path[run.path.length - 1];
  const current = loss(w);
  const diverged = isDiverged(current);
  const outside = w[0] < props.xDomain[0] || w[0] > props.xDomain[1] || w[1] < props.yDomain[0] || w[1] > props.yDomain[1];
  const count = run.path.length - 1;
  const logLr = Math.log10(lr);

  return (
    <section className="panel nn-descent" aria-label={props.title}>
      <h3>{props.title}</h3>
      <div className="nn-contour" ref={host} />
      <div className="nn-descent-controls">
        <label className="nn-slider">
          <span>learning rate ε = {formatNumber(lr)}</span>
          <input type="range" aria-label={`${props.id} learning rate (log scale)`} min={LOG_LR_RANGE[0]} max={LOG_LR_RANGE[1]} step={0.05}
            value={logLr} onChange={(e) => props.onLr(Number((10 ** Number(e.target.value)).toPrecision(3)))} />
        </label>
        <div className="nn-buttons">
          <button type="button" disabled={running || diverged} onClick={() => commit(advance(runRef.current, grad, lr, momentum))}>One update</button>
          <button type="button" className="primary" disabled={diverged && !running} onClick={() => setRunning((r) => !r)}>{running ? 'Stop' : 'Run'}</button>
          <button type="button" onClick={() => { setRunning(false); commit(startRun(runRef.current.path[0])); }}>Start over</button>
        </div>
      </div>
      <p className="status-readout" aria-live="polite" data-testid={`${props.id}-status`}>
        updates {count} · loss {formatNumber(current)}
        {diverged ? ' · diverged' : outside ? ' · off the plot' : ''}
      </p>
      <p className="hint">
        at ({w.map(formatNumber).join(', ')}), started at ({run.path[0].map(formatNumber).join(', ')}){momentum ? `, velocity (${run.v.map(formatNumber).join(', ')})` : ''}
      </p>
      <UpdateFormula w={w} v={run.v} grad={grad(w)} lr={lr} momentum={momentum} name={props.vectorName} />
    </section>
  );
}
