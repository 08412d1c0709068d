import { useEffect, useMemo, useRef, useState } from 'react';
import { loadSharedCifarTest } from '../../data/cifar10';
import { ALEXNET_SGD } from '../../model/momentumSgd';
import { createContourPlot, sampleGrid, type ContourPlot, type Grid } from '../../viz/contourPlot';
import { SURFACE_BATCH, startRuns, surfaceDataFromCifar, surfaceLoss, updateBoth, type SurfaceData, type SurfaceRuns } from './MomentumSurfaceModel';

const X_DOMAIN: [number, number] = [-3, 5];
const Y_DOMAIN: [number, number] = [-4, 4];
const GRID_SIDE = 64;
const START: [number, number] = [-1.5, 3.5];
/** ε on this surface by default: far flatter than AlexNet's, so the lecture's 0.01 crawls (the slider reaches it). */
const DEFAULT_EPSILON = 0.5;
const RUN_INTERVAL_MS = 80;
/** Updates after which Run stops by itself. */
const MAX_UPDATES = 1500;

const f3 = (v: number) => (Math.abs(v) < 5e-4 ? '0.000' : v.toFixed(3));
const signed = (v: number) => (v < 0 ? `(${f3(v)})` : f3(v));

/** ε on a log slider: position 0…100 ↔ 0.01…3. */
const EPS_MIN = 0.01;
const EPS_MAX = 3;
const toSlider = (eps: number) => (100 * Math.log(eps / EPS_MIN)) / Math.log(EPS_MAX / EPS_MIN);
const fromSlider = (pos: number) => Number((EPS_MIN * (EPS_MAX / EPS_MIN) ** (pos / 100)).toPrecision(2));

/**
 * Plain SGD against the lecture's momentum rule with weight decay, on the real loss of a two-weight model
 * (ship or automobile from two colour features of CIFAR-10 test images): the same start, the same batches, side by side.
 */
export function MomentumSurfacePanel() {
  const [data, setData] = useState<SurfaceData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [epsilon, setEpsilon] = useState(DEFAULT_EPSILON);
  const [runs, setRuns] = useState<SurfaceRuns>(() => startRuns(START));
  const [running, setRunning] = useState(false);
  const plainRef = useRef<HTMLDivElement>(null);
  const momentumRef = useRef<HTMLDivElement>(null);
  const plots = useRef<{ plain: ContourPlot; momentum: ContourPlot } | null>(null);

  useEffect(() => {
    let live = true;
    loadSharedCifarTest().then((set) => { if (live) setData(surfaceDataFromCifar(set)); }, (err: unknown) => { if (live) setError(err instanceof Error ? err.message : String(err)); });
    return () => { live = false; };
  }, []);

  const grid: Grid | null = useMemo(() => (data ? sampleGrid((a, b) => surfaceLoss(data, a, b), X_DOMAIN, Y_DOMAIN, GRID_SIDE, GRID_SIDE) : null), [data]);
  const minimum = useMemo(() => {
    if (!grid) return null;
    let best = 0;
    grid.values.forEach((v, i) => { if (v < grid.values[best]) best = i; });
    const c = best % grid.nx;
    const r = Math.floor(best / grid.nx);
    return { x: X_DOMAIN[0] + ((c + 0.5) / grid.nx) * (X_DOMAIN[1] - X_DOMAIN[0]), y: Y_DOMAIN[1] - ((r + 0.5) / grid.ny) * (Y_DOMAIN[1] - Y_DOMAIN[0]), loss: grid.values[best] };
  }, [grid]);

  useEffect(() => {
    if (!data) return;
    const common = { xDomain: X_DOMAIN, yDomain: Y_DOMAIN, xLabel: 'w₁ (mean blue)', yLabel: 'w₂ (brightness)', onPick: (a: number, b: number) => { setRunning(false); setRuns(startRuns([a, b])); } };
    plots.current = {
      plain: createContourPlot(plainRef.current!, { ...common, label: 'Loss surface with the plain SGD path' }),
      momentum: createContourPlot(momentumRef.current!, { ...common, label: 'Loss surface with the momentum path' }),
    };
    return () => { plots.current?.plain.destroy(); plots.current?.momentum.destroy(); plots.current = null; };
  }, [data]);

  useEffect(() => {
    if (!grid || !plots.current) return;
    const start = runs.plain.path[0];
    const markers = [{ x: start[0], y: start[1], label: 'start' }, ...(minimum ? [{ x: minimum.x, y: minimum.y, label: 'min' }] : [])];
    plots.current.plain.update({ grid, path: runs.plain.path, markers });
    plots.current.momentum.update({ grid, path: runs.momentum.path, markers });
  }, [grid, runs, minimum]);

  useEffect(() => {
    if (!running || !data) return;
    const timer = setInterval(() => setRuns((r) => {
      if (r.step >= MAX_UPDATES) { setRunning(false); return r; }
      return updateBoth(r, data, epsilon);
    }), RUN_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [running, data, epsilon]);

  const { momentum: mu, weightDecay: lambda } = ALEXNET_SGD;
  const last = runs.last;
  const lossPlain = data ? surfaceLoss(data, runs.plain.w[0], runs.plain.w[1]) : null;
  const lossMomentum = data ? surfaceLoss(data, runs.momentum.w[0], runs.momentum.w[1]) : null;
  return (
    <section className="panel momentum-surface" aria-label="SGD with momentum on a real loss surface">
      <h3>Plain SGD and SGD with momentum on a real loss surface</h3>
      {data && (
        <p>
          The model: p(ship) = σ(w₁·x₁ + w₂·x₂), where x₁ is an image&apos;s mean blue value and x₂ its mean brightness (both standardised),
          on the {data.count} ships and automobiles among the first 1,000 CIFAR-10 test images (Krizhevsky 2009). The contours are its real
          cross-entropy over all {data.count} images; each update uses the gradient averaged over a random batch of {Math.min(SURFACE_BATCH, data.count)},
          the same batch for both paths. Blue and brightness go together, so the valley is long and narrow.
        </p>
      )}
      {error && <p className="notice" role="alert">{error}</p>}
      <div className="momentum-controls">
        <button type="button" disabled={!data || running} onClick={() => data && setRuns((r) => updateBoth(r, data, epsilon))}>One update</button>
        <button type="button" disabled={!data} onClick={() => setRunning((r) => !r)}>{running ? 'Stop' : 'Run'}</button>
        <button type="button" disabled={!data} onClick={() => { setRunning(false); setRuns(startRuns(runs.plain.path[0])); }}>Back to start</button>
        <label>ε = {epsilon}{' '}
          <input type="range" min={0} max={100} step={1} value={toSlider(epsilon)} aria-label="Learning rate ε" onChange={(e) => setEpsilon(fromSlider(Number(e.target.value)))} />
        </label>
        <button type="button" onClick={() => setEpsilon(ALEXNET_SGD.learningRate)}>ε = 0.01 (the lecture&apos;s)</button>
        <span className="momentum-count" role="status">update {runs.step}</span>
      </div>
      <p className="hint">Click a surface to start both paths from there. The lecture&apos;s ε = 0.01 suited AlexNet; on this flatter surface both paths then crawl, so the slider starts at {DEFAULT_EPSILON}.</p>
      <div className="momentum-pair">
        <figure>
          <figcaption><strong>Plain SGD</strong>: w ← w − ε·⟨∂L/∂w⟩<br />loss {lossPlain === null ? '…' : lossPlain.toFixed(4)}</figcaption>
          <div ref={plainRef} className="momentum-plot" data-path="plain" />
        </figure>
        <figure>
          <figcaption><strong>Momentum and weight decay</strong> (the lecture&apos;s rule)<br />loss {lossMomentum === null ? '…' : lossMomentum.toFixed(4)}</figcaption>
          <div ref={momentumRef} className="momentum-plot" data-path="momentum" />
        </figure>
      </div>
      {minimum && <p className="hint">Lowest loss on the grid: {minimum.loss.toFixed(4)} near w = ({minimum.x.toFixed(2)}, {minimum.y.toFixed(2)}).</p>}
      <div className="momentum-formula" aria-label="The last update with numbers">
        <p>v ← {mu}·v − {lambda}·ε·w − ε·⟨∂L/∂w⟩,&nbsp;&nbsp; w ← w + v &nbsp;&nbsp;(momentum {mu}, weight decay {lambda}, ε = {epsilon}, batch {SURFACE_BATCH})</p>
        {last ? (
          ([0, 1] as const).map((k) => {
            const v = runs.momentum.v[k];
            return (
              <p key={k} className="formula-numbers">
                w{k === 0 ? '₁' : '₂'}: v = {mu}·{signed(last.vBefore[k])} − {lambda}·{epsilon}·{signed(last.wBefore[k])} − {epsilon}·{signed(last.grad[k])} = <strong>{f3(v)}</strong>;
                {' '}w = {f3(last.wBefore[k])} + {signed(v)} = <strong>{f3(runs.momentum.w[k])}</strong>
                {' '}· plain SGD: w = {f3(runs.plain.path[runs.plain.path.length - 2][k])} − {epsilon}·{signed(last.plainGrad[k])} = <strong>{f3(runs.plain.w[k])}</strong>
              </p>
            );
          })
        ) : <p className="formula-numbers">Take an update to see it with numbers.</p>}
      </div>
    </section>
  );
}
