import { useEffect, useMemo, useRef, useState } from 'react';
import { updateParams } from '../../app/navigation';
import { useAppStore } from '../../state/store';
import { createClassifierPlot, type ClassifierPlot } from '../../viz/classifierPlot';
import { classifierSummary, FIT_MAX_UPDATES, FIT_TOLERANCE, fitBinaryOnce, fitMultiOnce } from './classifierFit';
import { CLASS_COLORS, CLASS_NAMES, DOMAIN, examplePoints, useClassifierStore } from './classifierStore';
import { PointReadout } from './PointReadout';
import { fmt } from './network';
import { useBoundaryHandles } from './useBoundaryHandles';

const WEIGHT_RANGE = 6;

/** One update of whichever classifier is showing; returns the gradient's length. */
function fitOnce(classes: number): number {
  const s = useClassifierStore.getState();
  const used = s.points.filter((p) => p.label < classes);
  if (classes === 2) {
    const r = fitBinaryOnce(used, s.binary);
    s.setBinary(r.next, true);
    return r.gradNorm;
  }
  const r = fitMultiOnce(used, { W: s.multi.W.slice(0, classes), b: s.multi.b.slice(0, classes) });
  s.setMulti(r.next, true);
  return r.gradNorm;
}

/** Step 2: a linear classifier on editable 2-D points, set by hand or fitted by gradient descent. */
export function ClassifierExplorer() {
  const params = useAppStore((s) => s.route.params);
  const classes = params.classes === '3' ? 3 : 2;
  const points = useClassifierStore((s) => s.points);
  const binary = useClassifierStore((s) => s.binary);
  const multi = useClassifierStore((s) => s.multi);
  const updates = useClassifierStore((s) => s.updates);
  const { setPoints, setBinary, setMulti, startOver } = useClassifierStore.getState();
  const [newLabel, setNewLabel] = useState(0);
  const [lineClass, setLineClass] = useState(0);
  const [hovered, setHovered] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [running, setRunning] = useState(false);

  // Indices (into the store's points) of the points this view shows.
  const shown = useMemo(() => points.flatMap((p, i) => (p.label < classes ? [i] : [])), [points, classes]);
  const summary = useMemo(() => classifierSummary(points, classes, binary, multi), [points, classes, binary, multi]);
  const label = Math.min(newLabel, classes - 1);
  const line = Math.min(lineClass, classes - 1);
  const { handles, moveHandle } = useBoundaryHandles(classes, line, () => setRunning(false));

  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<ClassifierPlot | null>(null);
  const shownRef = useRef(shown);
  const labelRef = useRef(label);
  useEffect(() => { shownRef.current = shown; labelRef.current = label; }, [shown, label]);
  useEffect(() => {
    if (!host.current) return;
    const store = useClassifierStore.getState;
    const p = createClassifierPlot(host.current, {
      domain: DOMAIN,
      colors: CLASS_COLORS,
      label: 'Classifier plot: points coloured by class over the predicted regions. Click empty space to add a point. Keys: N and P select a point, arrows move it, Delete removes it',
      onAdd: (x1, x2) => store().setPoints([...store().points, { x1: Math.round(x1 * 100) / 100, x2: Math.round(x2 * 100) / 100, label: labelRef.current }]),
      onMove: (i, x1, x2) => {
        const at = shownRef.current[i];
        store().setPoints(store().points.map((q, k) => (k === at ? { ...q, x1, x2 } : q)));
      },
      onRemove: (i) => {
        const at = shownRef.current[i];
        store().setPoints(store().points.filter((_q, k) => k !== at));
        setSelected(null);
        setHovered(null);
      },
      onSelect: (i) => setSelected(i === null ? null : shownRef.current[i]),
      onHandleMove: (i, x1, x2) => moveHandle(i, x1, x2),
      onHover: (i) => setHovered(i === null ? null : shownRef.current[i]),
    });
    plot.current = p;
    return () => { p.destroy(); plot.current = null; };
  }, [moveHandle]);
  useEffect(() => {
    const sel = selected === null ? -1 : shown.indexOf(selected);
    plot.current?.update({
      points: shown.map((i) => points[i]), probabilities: summary.probabilities, segments: summary.segments, selected: sel >= 0 ? sel : null,
      handles, handleColor: classes === 2 ? '#1d1d1f' : CLASS_COLORS[line],
    });
  }, [shown, points, summary, selected, handles, classes, line]);

  // "Fit": one gradient-descent update per animation frame until the gradient is tiny; stops on unmount.
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    let count = 0;
    const tick = () => {
      const norm = fitOnce(classes);
      count++;
      if (norm < FIT_TOLERANCE || count >= FIT_MAX_UPDATES) { setRunning(false); return; }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [running, classes]);

  const focus = hovered ?? selected;
  const focusPoint = focus !== null && points[focus] && points[focus].label < classes ? points[focus] : null;
  const weights = classes === 2 ? { w: binary.w, b: binary.b } : { w: multi.W[line], b: multi.b[line] };
  const setWeight = (which: 0 | 1 | 2, v: number) => {
    setRunning(false);
    const w: [number, number] = [weights.w[0], weights.w[1]];
    let b = weights.b;
    if (which === 2) b = v; else w[which] = v;
    if (classes === 2) setBinary({ w, b });
    else setMulti({ W: multi.W.map((row, k) => (k === line ? w : row)), b: multi.b.map((bk, k) => (k === line ? b : bk)) });
  };
  const slider = (which: 0 | 1 | 2, name: string, value: number) => (
    <label className="nn-slider">
      <span>{name} = {fmt(value)}</span>
      <input type="range" min={-WEIGHT_RANGE} max={WEIGHT_RANGE} step={0.05} value={value} aria-label={name}
        onChange={(e) => setWeight(which, Number(e.target.value))} />
    </label>
  );
  const acc = summary.accuracy;

  return (
    <section className="panel nn-classifier" aria-label="Linear classifier">
      <div className="nn-classifier-row">
        <div className="nn-plot-host" ref={host} />
        <div className="nn-classifier-side">
          <fieldset className="mode-toggle">
            <legend>Classes</legend>
            <label><input type="radio" name="nn-classes" checked={classes === 2} onChange={() => { setRunning(false); updateParams({ classes: null }); }} /> two (logistic)</label>
            <label><input type="radio" name="nn-classes" checked={classes === 3} onChange={() => { setRunning(false); updateParams({ classes: '3' }); }} /> three (softmax)</label>
          </fieldset>
          <fieldset className="mode-toggle">
            <legend>A click adds a point of class</legend>
            {CLASS_NAMES.slice(0, classes).map((n, k) => (
              <label key={n} style={{ color: CLASS_COLORS[k] }}><input type="radio" name="nn-new" checked={label === k} onChange={() => setNewLabel(k)} /> {n}</label>
            ))}
          </fieldset>
          {classes === 3 && (
            <label>Line of class{' '}
              <select aria-label="Line to edit" value={line} onChange={(e) => setLineClass(Number(e.target.value))}>
                {CLASS_NAMES.slice(0, 3).map((n, k) => <option key={n} value={k}>{n}</option>)}
              </select>
            </label>
          )}
          {slider(0, 'w1', weights.w[0])}
          {slider(1, 'w2', weights.w[1])}
          {slider(2, 'b', weights.b)}
          <div className="nn-buttons">
            <button type="button" className="primary" onClick={() => setRunning((r) => !r)}>{running ? 'Stop fitting' : 'Fit'}</button>
            <button type="button" disabled={running} onClick={() => fitOnce(classes)}>One update</button>
            <button type="button" onClick={() => { setRunning(false); startOver(); }}>Start over</button>
          </div>
          <div className="nn-buttons">
            <button type="button" className="nn-small" disabled={selected === null} onClick={() => { setPoints(points.filter((_p, k) => k !== selected)); setSelected(null); setHovered(null); }}>Remove selected point</button>
            <button type="button" className="nn-small" onClick={() => { setPoints(examplePoints()); setSelected(null); setHovered(null); }}>Original points</button>
          </div>
          <p className="status-readout" data-testid="classifier-status">
            {shown.length} points · accuracy {acc.correct}/{acc.total}{acc.total ? ` = ${(100 * acc.fraction).toFixed(0)}%` : ''} · loss {summary.loss.toFixed(4)} · updates {updates}
          </p>
          <PointReadout point={focusPoint} classes={classes} binary={binary} multi={multi} />
        </div>
      </div>
      <p className="hint">
        Drag a white handle to turn the {classes === 2 ? 'boundary' : `dashed line of class ${CLASS_NAMES[line]}`} about the other handle.
        Click empty space to add a point, drag a point to move it, shift-click it to remove it.
        Keyboard: Tab to the plot, N / P pick a point, arrows move it, Delete removes it; Tab on to a handle and use the arrows.
      </p>
    </section>
  );
}
