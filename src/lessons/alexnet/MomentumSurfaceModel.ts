import type { CifarSet } from '../../data/cifar10';
import { ALEXNET_SGD, lectureMomentumStep, type MomentumSgdOptions } from '../../model/momentumSgd';
import { deriveSeed, mulberry32, shuffledIndices } from '../../model/random';

/** CIFAR-10 classes of the two-weight model: ship (label 1) against automobile (label 0). */
export const SURFACE_CLASSES = { positive: 8, negative: 1 } as const;
/** Examples averaged in one update's gradient (the lecture's batch size). */
export const SURFACE_BATCH = 128;

/**
 * Two features per image, standardised over the images used: x₁ the mean blue value, x₂ the mean brightness
 * (mean of R, G, B). They are strongly correlated, which makes the loss a long, narrow valley.
 */
export interface SurfaceData { x1: Float64Array; x2: Float64Array; y: Uint8Array; count: number }

/** Ships and automobiles of a CIFAR-10 set as {@link SurfaceData}. */
export function surfaceDataFromCifar(set: CifarSet): SurfaceData {
  const blue: number[] = [];
  const bright: number[] = [];
  const y: number[] = [];
  const pixels = 32 * 32;
  for (let i = 0; i < set.count; i++) {
    const label = set.labels[i];
    if (label !== SURFACE_CLASSES.positive && label !== SURFACE_CLASSES.negative) continue;
    let r = 0, g = 0, b = 0;
    for (let p = 0; p < pixels; p++) {
      const o = (i * pixels + p) * 3;
      r += set.pixels[o]; g += set.pixels[o + 1]; b += set.pixels[o + 2];
    }
    blue.push(b / pixels / 255);
    bright.push((r + g + b) / 3 / pixels / 255);
    y.push(label === SURFACE_CLASSES.positive ? 1 : 0);
  }
  const standardise = (v: number[]) => {
    const m = v.reduce((s, a) => s + a, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, a) => s + (a - m) ** 2, 0) / v.length) || 1;
    return Float64Array.from(v, (a) => (a - m) / sd);
  };
  return { x1: standardise(blue), x2: standardise(bright), y: Uint8Array.from(y), count: y.length };
}

/** log(1 + eˣ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Mean cross-entropy of p(ship) = σ(w₁x₁ + w₂x₂) over the given examples (all when `indices` is omitted). */
export function surfaceLoss(d: SurfaceData, w1: number, w2: number, indices?: ArrayLike<number>): number {
  const n = indices ? indices.length : d.count;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k] : k;
    const z = w1 * d.x1[i] + w2 * d.x2[i];
    sum += d.y[i] ? softplus(-z) : softplus(z);
  }
  return sum / n;
}

/** ⟨∂L/∂w⟩ over the given examples: the mean of (σ(z) − y)·x. */
export function surfaceGradient(d: SurfaceData, w1: number, w2: number, indices: ArrayLike<number>): [number, number] {
  let g1 = 0, g2 = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const err = 1 / (1 + Math.exp(-(w1 * d.x1[i] + w2 * d.x2[i]))) - d.y[i];
    g1 += err * d.x1[i];
    g2 += err * d.x2[i];
  }
  return [g1 / indices.length, g2 / indices.length];
}

/** The examples of update `step`: a seeded random batch of {@link SURFACE_BATCH} (all of them when there are fewer). */
export function surfaceBatch(count: number, step: number, seed = 1): Uint32Array {
  return shuffledIndices(count, mulberry32(deriveSeed(seed, `surface/batch/${step}`))).subarray(0, Math.min(SURFACE_BATCH, count));
}

export interface SurfaceRuns {
  step: number;
  plain: { w: [number, number]; path: [number, number][] };
  momentum: { w: [number, number]; v: [number, number]; path: [number, number][] };
  /** The last momentum update, number by number, for the formula (null before the first). */
  last: { grad: [number, number]; vBefore: [number, number]; wBefore: [number, number]; plainGrad: [number, number] } | null;
}

export function startRuns(w: [number, number]): SurfaceRuns {
  return { step: 0, plain: { w, path: [w] }, momentum: { w, v: [0, 0], path: [w] }, last: null };
}

/**
 * One update of both paths on the same batch: plain SGD w ← w − ε·⟨∂L/∂w⟩, and the lecture's rule
 * v ← 0.9·v − 0.0005·ε·w − ε·⟨∂L/∂w⟩, w ← w + v (with `options`' ε, momentum and decay).
 */
export function updateBoth(runs: SurfaceRuns, d: SurfaceData, learningRate: number, options: MomentumSgdOptions = ALEXNET_SGD): SurfaceRuns {
  const batch = surfaceBatch(d.count, runs.step);
  const o = { ...options, learningRate };
  const pg = surfaceGradient(d, runs.plain.w[0], runs.plain.w[1], batch);
  const plainW: [number, number] = [runs.plain.w[0] - learningRate * pg[0], runs.plain.w[1] - learningRate * pg[1]];
  const mg = surfaceGradient(d, runs.momentum.w[0], runs.momentum.w[1], batch);
  const a = lectureMomentumStep(runs.momentum.w[0], runs.momentum.v[0], mg[0], o);
  const b = lectureMomentumStep(runs.momentum.w[1], runs.momentum.v[1], mg[1], o);
  return {
    step: runs.step + 1,
    plain: { w: plainW, path: [...runs.plain.path, plainW] },
    momentum: { w: [a.w, b.w], v: [a.v, b.v], path: [...runs.momentum.path, [a.w, b.w]] },
    last: { grad: mg, vBefore: runs.momentum.v, wBefore: runs.momentum.w, plainGrad: pg },
  };
}
