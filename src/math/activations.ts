/**
 * Transfer (activation) functions of a unit and their derivatives, in plain float64 arithmetic.
 * Conventions follow TensorFlow.js: ReLU′(0) = 0 (tfjs multiplies the gradient by step(x), which is 0 at 0).
 */

/** Logistic sigmoid σ(x) = 1 / (1 + e^−x), evaluated without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ′(x) = σ(x)·(1 − σ(x)); its maximum is 1/4, at x = 0. */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

/** Hyperbolic tangent tanh(x) = (e^x − e^−x) / (e^x + e^−x) = 2σ(2x) − 1. */
export function tanh(x: number): number {
  return Math.tanh(x);
}

/** tanh′(x) = 1 − tanh²(x); its maximum is 1, at x = 0. */
export function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

/** Rectified linear unit max(0, x) (Nair & Hinton 2010; AlexNet's choice). */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** ReLU′(x) = 1 for x > 0, else 0 (0 at x = 0, as in tfjs). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

export type ActivationName = 'sigmoid' | 'tanh' | 'relu';

export interface Activation {
  f: (x: number) => number;
  df: (x: number) => number;
  label: string;
}

/** The three transfer functions of the lecture, by name. */
export const ACTIVATIONS: Record<ActivationName, Activation> = {
  sigmoid: { f: sigmoid, df: sigmoidDerivative, label: 'sigmoid' },
  tanh: { f: tanh, df: tanhDerivative, label: 'tanh' },
  relu: { f: relu, df: reluDerivative, label: 'ReLU' },
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

/**
 * The intervals of [from, to] where |f′(x)| < fraction · max |f′| (max taken over the same samples):
 * the "saturated" (or, for ReLU, dead) inputs, where a unit passes almost no gradient back.
 * Sampled at `samples` evenly spaced points; each interval's ends are sample positions.
 */
export function saturatedIntervals(df: (x: number) => number, from: number, to: number, fraction = 0.1, samples = 1201): { maxDerivative: number; threshold: number; intervals: [number, number][] } {
  const xs = Array.from({ length: samples }, (_, i) => from + ((to - from) * i) / (samples - 1));
  const ds = xs.map((x) => Math.abs(df(x)));
  const maxDerivative = Math.max(...ds);
  const threshold = fraction * maxDerivative;
  const intervals: [number, number][] = [];
  let start: number | null = null;
  xs.forEach((x, i) => {
    const low = ds[i] < threshold;
    if (low && start === null) start = x;
    if (!low && start !== null) { intervals.push([start, xs[i - 1]]); start = null; }
  });
  if (start !== null) intervals.push([start, to]);
  return { maxDerivative, threshold, intervals };
}
