import { sigmoid } from './activations';
import { softmax, type LabeledPoint } from './linearClassifier';

/**
 * Gradient descent, plain and with the momentum rule of Krizhevsky, Sutskever & Hinton (2012, section 5):
 *   v ← μ·v − λ·ε·w − ε·∇L(w),   w ← w + v
 * with momentum μ = 0.9, weight decay λ = 0.0005 and learning rate ε. Vectors are plain arrays.
 */

export interface MomentumOptions {
  /** μ, the fraction of the previous velocity kept (0.9 in AlexNet). */
  momentum: number;
  /** λ, weight decay as a multiple of ε·w (0.0005 in AlexNet). */
  weightDecay: number;
}

export const ALEXNET_MOMENTUM: MomentumOptions = { momentum: 0.9, weightDecay: 0.0005 };

/** A loss at some point is called diverged when it is not finite or exceeds this. */
export const DIVERGENCE_LOSS = 1e6;

/** Plain gradient descent: w − ε·∇L. */
export function gradientStep(w: readonly number[], grad: readonly number[], lr: number): number[] {
  return w.map((wi, i) => wi - lr * grad[i]);
}

/** One momentum update (the lecture's rule). Returns the new weights and the new velocity. */
export function momentumStep(w: readonly number[], v: readonly number[], grad: readonly number[], lr: number, opts: MomentumOptions = ALEXNET_MOMENTUM): { w: number[]; v: number[] } {
  const nextV = v.map((vi, i) => opts.momentum * vi - opts.weightDecay * lr * w[i] - lr * grad[i]);
  return { w: w.map((wi, i) => wi + nextV[i]), v: nextV };
}

/** True when a loss has blown up: not finite, or larger than DIVERGENCE_LOSS. */
export function isDiverged(loss: number): boolean {
  return !Number.isFinite(loss) || loss > DIVERGENCE_LOSS;
}

/** Curvatures of the quadratic bowl L(x, y) = ½(a·x² + b·y²); a/b far from 1 makes it ill-conditioned. */
export interface Quadratic { a: number; b: number }

export function quadraticLoss([x, y]: readonly number[], q: Quadratic): number {
  return 0.5 * (q.a * x * x + q.b * y * y);
}

/** ∇L = (a·x, b·y). */
export function quadraticGrad([x, y]: readonly number[], q: Quadratic): number[] {
  return [q.a * x, q.b * y];
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Mean binary cross-entropy (logistic loss) of p = σ(w·x + b) against labels 0/1, and its gradient:
 *   L = (1/N) Σ [softplus(z) − y·z],   ∂L/∂w = (1/N) Σ (p − y)·x,   ∂L/∂b = (1/N) Σ (p − y).
 * Points with labels other than 0 and 1 are ignored. With no points the loss is 0.
 */
export function logisticLossAndGrad(points: readonly LabeledPoint[], w: readonly number[], b: number): { loss: number; gradW: number[]; gradB: number } {
  let loss = 0, g1 = 0, g2 = 0, gb = 0, n = 0;
  for (const p of points) {
    if (p.label !== 0 && p.label !== 1) continue;
    const z = w[0] * p.x1 + w[1] * p.x2 + b;
    loss += softplus(z) - p.label * z;
    const r = sigmoid(z) - p.label;
    g1 += r * p.x1;
    g2 += r * p.x2;
    gb += r;
    n++;
  }
  if (n === 0) return { loss: 0, gradW: [0, 0], gradB: 0 };
  return { loss: loss / n, gradW: [g1 / n, g2 / n], gradB: gb / n };
}

/**
 * Mean softmax cross-entropy for K classes with scores z_k = W_k·x + b_k, and its gradient:
 *   L = (1/N) Σ −log softmax(z)_y,   ∂L/∂W_k = (1/N) Σ (p_k − [y = k])·x,   ∂L/∂b_k = (1/N) Σ (p_k − [y = k]).
 * Points whose label is not a class index are ignored.
 */
export function softmaxLossAndGrad(points: readonly LabeledPoint[], W: readonly (readonly number[])[], b: readonly number[]): { loss: number; gradW: number[][]; gradB: number[] } {
  const K = W.length;
  const gradW = W.map(() => [0, 0]);
  const gradB = W.map(() => 0);
  let loss = 0, n = 0;
  for (const p of points) {
    if (!(p.label >= 0 && p.label < K)) continue;
    const z = W.map((wk, k) => wk[0] * p.x1 + wk[1] * p.x2 + b[k]);
    const probs = softmax(z);
    const zMax = Math.max(...z);
    const logSum = zMax + Math.log(z.reduce((s, zk) => s + Math.exp(zk - zMax), 0));
    loss += logSum - z[p.label];
    for (let k = 0; k < K; k++) {
      const r = probs[k] - (k === p.label ? 1 : 0);
      gradW[k][0] += r * p.x1;
      gradW[k][1] += r * p.x2;
      gradB[k] += r;
    }
    n++;
  }
  if (n === 0) return { loss: 0, gradW, gradB };
  return { loss: loss / n, gradW: gradW.map((g) => g.map((v) => v / n)), gradB: gradB.map((v) => v / n) };
}
