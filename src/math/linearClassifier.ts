import { sigmoid } from './activations';

/** A 2-D point with a class label (0, 1, 2, ...). */
export interface LabeledPoint { x1: number; x2: number; label: number }

/** The score s = w·x + b of a linear unit on a 2-D point. */
export function score(w: readonly number[], b: number, x1: number, x2: number): number {
  return w[0] * x1 + w[1] * x2 + b;
}

/** Two-class prediction: class 1 where the score is positive (p = σ(s) > ½), else class 0. */
export function predictBinary(w: readonly number[], b: number, x1: number, x2: number): { score: number; p1: number; label: number } {
  const s = score(w, b, x1, x2);
  return { score: s, p1: sigmoid(s), label: s > 0 ? 1 : 0 };
}

/** softmax(z)_k = e^{z_k} / Σ_j e^{z_j}, shifted by max z so it never overflows. */
export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / sum);
}

/** K-class prediction: the class with the highest score (ties go to the lower index). */
export function predictMulti(W: readonly (readonly number[])[], b: readonly number[], x1: number, x2: number): { scores: number[]; probs: number[]; label: number } {
  const scores = W.map((w, k) => score(w, b[k], x1, x2));
  let label = 0;
  scores.forEach((s, k) => { if (s > scores[label]) label = k; });
  return { scores, probs: softmax(scores), label };
}

/** Fraction of points whose predicted label equals their own (NaN with no points). */
export function accuracy(points: readonly LabeledPoint[], predict: (x1: number, x2: number) => number): { correct: number; total: number; fraction: number } {
  let correct = 0;
  for (const p of points) if (predict(p.x1, p.x2) === p.label) correct++;
  return { correct, total: points.length, fraction: points.length ? correct / points.length : NaN };
}

/**
 * The segment of the line w1·x1 + w2·x2 + b = 0 inside the box [lo, hi]², or null when the line misses the box
 * (or w = 0, where there is no line).
 */
export function boundarySegment(w: readonly number[], b: number, lo: number, hi: number): [[number, number], [number, number]] | null {
  const [w1, w2] = w;
  const hits: [number, number][] = [];
  const add = (x1: number, x2: number) => {
    const eps = 1e-9 * (hi - lo);
    if (x1 < lo - eps || x1 > hi + eps || x2 < lo - eps || x2 > hi + eps) return;
    if (hits.some(([a, c]) => Math.abs(a - x1) < eps && Math.abs(c - x2) < eps)) return;
    hits.push([x1, x2]);
  };
  if (w2 !== 0) for (const x1 of [lo, hi]) add(x1, -(w1 * x1 + b) / w2);
  if (w1 !== 0) for (const x2 of [lo, hi]) add(-(w2 * x2 + b) / w1, x2);
  return hits.length >= 2 ? [hits[0], hits[1]] : null;
}

/**
 * The decision boundaries of an argmax (softmax) classifier inside [lo, hi]²: for each pair of classes i < j, the
 * part of the line s_i = s_j where those two tie for the highest score. Returns the pieces with their pair.
 */
export function argmaxBoundaries(W: readonly (readonly number[])[], b: readonly number[], lo: number, hi: number): { pair: [number, number]; from: [number, number]; to: [number, number] }[] {
  const out: { pair: [number, number]; from: [number, number]; to: [number, number] }[] = [];
  for (let i = 0; i < W.length; i++) {
    for (let j = i + 1; j < W.length; j++) {
      const seg = boundarySegment([W[i][0] - W[j][0], W[i][1] - W[j][1]], b[i] - b[j], lo, hi);
      if (!seg) continue;
      let [from, to] = seg;
      let kept = true;
      for (let k = 0; k < W.length && kept; k++) {
        if (k === i || k === j) continue;
        // Along the segment s_i − s_k is linear: keep the part where it is ≥ 0.
        const d0 = score(W[i], b[i], ...from) - score(W[k], b[k], ...from);
        const d1 = score(W[i], b[i], ...to) - score(W[k], b[k], ...to);
        if (d0 < 0 && d1 < 0) { kept = false; break; }
        if (d0 < 0 || d1 < 0) {
          const t = d0 / (d0 - d1);
          const cut: [number, number] = [from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])];
          if (d0 < 0) from = cut; else to = cut;
        }
      }
      if (kept) out.push({ pair: [i, j], from, to });
    }
  }
  return out;
}

/**
 * The line w·x + b = 0 through the points p and q, keeping the old weights' length |w| (so the sigmoid is as steep
 * as before) and their side (the new normal is the one closer to the old w, so the same class stays on the same
 * side). Null when p and q (nearly) coincide or the old w is zero.
 */
export function lineThrough(p: readonly number[], q: readonly number[], oldW: readonly number[]): { w: [number, number]; b: number } | null {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy);
  const scale = Math.hypot(oldW[0], oldW[1]);
  if (len < 1e-6 || scale === 0) return null;
  let n: [number, number] = [-dy / len, dx / len];
  if (n[0] * oldW[0] + n[1] * oldW[1] < 0) n = [-n[0], -n[1]];
  const w: [number, number] = [scale * n[0], scale * n[1]];
  return { w, b: -(w[0] * p[0] + w[1] * p[1]) };
}

/** Two points on the line w·x + b = 0 inside [lo, hi]², a quarter and three quarters of the way along it; null when it misses the box. */
export function handlesOnLine(w: readonly number[], b: number, lo: number, hi: number): [[number, number], [number, number]] | null {
  const seg = boundarySegment(w, b, lo, hi);
  if (!seg) return null;
  const [[a1, a2], [c1, c2]] = seg;
  const at = (t: number): [number, number] => [a1 + t * (c1 - a1), a2 + t * (c2 - a2)];
  return [at(0.25), at(0.75)];
}
