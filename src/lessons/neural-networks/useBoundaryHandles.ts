import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { handlesOnLine, lineThrough } from '../../math/linearClassifier';
import { DOMAIN, useClassifierStore, type BinaryWeights, type MultiWeights } from './classifierStore';

type Point = [number, number];

/**
 * The two draggable handles on the line being edited (the two-class boundary, or class `line`'s own line s_k = 0
 * with three classes). Dragging one turns the line about the other: the new line passes through both, with the same
 * |w| and the same class on each side. While the student drags, the handles stay where they were put; when the
 * weights change any other way (sliders, Fit, Start over) they go back to a quarter and three quarters along the line.
 */
export function useBoundaryHandles(classes: number, line: number, onManualChange: () => void) {
  const binary = useClassifierStore((s) => s.binary);
  const multi = useClassifierStore((s) => s.multi);
  const [dragged, setDragged] = useState<{ key: BinaryWeights | MultiWeights; line: number; pts: [Point, Point] } | null>(null);
  const edited = classes === 2 ? binary : multi;
  const w = classes === 2 ? binary.w : multi.W[line];
  const b = classes === 2 ? binary.b : multi.b[line];
  const onLine = useMemo<Point[]>(() => handlesOnLine(w, b, DOMAIN[0], DOMAIN[1]) ?? [], [w, b]);
  const handles: Point[] = dragged && dragged.key === edited && dragged.line === line ? dragged.pts : onLine;

  const latest = useRef({ handles, classes, line, onManualChange });
  useEffect(() => { latest.current = { handles, classes, line, onManualChange }; });

  const moveHandle = useCallback((index: number, x1: number, x2: number) => {
    const { handles: pts, classes: cls, line: ln, onManualChange: stop } = latest.current;
    if (pts.length !== 2) return;
    const s = useClassifierStore.getState();
    const old = cls === 2 ? s.binary : { w: s.multi.W[ln], b: s.multi.b[ln] };
    const moving: Point = [x1, x2];
    const other = pts[1 - index];
    const next = lineThrough(other, moving, old.w);
    if (!next) return;
    stop();
    let key: BinaryWeights | MultiWeights;
    if (cls === 2) {
      key = { w: next.w, b: next.b };
      s.setBinary(key);
    } else {
      key = { W: s.multi.W.map((row, k) => (k === ln ? next.w : row)), b: s.multi.b.map((bk, k) => (k === ln ? next.b : bk)) };
      s.setMulti(key);
    }
    const nextPts: [Point, Point] = index === 0 ? [moving, other] : [other, moving];
    latest.current = { ...latest.current, handles: nextPts };
    setDragged({ key, line: ln, pts: nextPts });
  }, []);

  return { handles, moveHandle };
}
