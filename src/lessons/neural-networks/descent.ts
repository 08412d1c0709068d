import { ALEXNET_MOMENTUM, gradientStep, momentumStep } from '../../math/gradientDescent';

/** An optimiser's run: every point visited, and the velocity (zero for plain gradient descent). */
export interface DescentRun { path: number[][]; v: number[] }

export function startRun(start: readonly number[]): DescentRun {
  return { path: [start.slice()], v: start.map(() => 0) };
}

/** One update from the run's last point, plain (w ← w − ε∇L) or with the lecture's momentum rule. */
export function advance(run: DescentRun, grad: (p: number[]) => number[], lr: number, momentum: boolean): DescentRun {
  const w = run.path[run.path.length - 1];
  const g = grad(w);
  if (!momentum) return { path: [...run.path, gradientStep(w, g, lr)], v: run.v };
  const next = momentumStep(w, run.v, g, lr, ALEXNET_MOMENTUM);
  return { path: [...run.path, next.w], v: next.v };
}

/** log10 of the learning-rate slider's ends. */
export const LOG_LR_RANGE: [number, number] = [-3, 1];

/** A learning rate from the URL, or the fallback when absent or outside the slider's range. */
export function readLearningRate(raw: string | undefined, fallback: number): number {
  const v = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(v) && v >= 10 ** LOG_LR_RANGE[0] && v <= 10 ** LOG_LR_RANGE[1] ? v : fallback;
}

/** 3 significant digits, plain up to a million, then as 6.21e7; a true minus sign. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const s = a !== 0 && (a >= 1e6 || a < 1e-4) ? v.toExponential(2).replace('e+', 'e') : String(Number(v.toPrecision(3)));
  return s.replace(/-/g, '−');
}
