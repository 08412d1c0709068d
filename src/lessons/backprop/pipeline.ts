/**
 * The backpropagation lesson's small network, forward and backward, in src/math's reference arithmetic:
 * 7×7 input → 3×3 correlation + bias (valid) → 5×5 net → optional ReLU → max or average pooling → output,
 * with a loss chosen at the output. Every number the lesson shows comes from {@link runBackprop}; the unit
 * test checks it against tf.grads of the same network (src/model/backpropCheck.ts).
 */
import {
  avgPool2d,
  avgPool2dBackward,
  conv2d,
  conv2dBackward,
  filters,
  maxPool2d,
  maxPool2dBackward,
  poolGeometry,
  sensitivity,
  volume,
  type ConvGradients,
  type Filters,
  type Volume,
} from '../../math';

export const INPUT_SIDE = 7;
export const KERNEL_SIDE = 3;
export const NET_SIDE = INPUT_SIDE - KERNEL_SIDE + 1;

/**
 * A 7×7 input of small integers, chosen so that every pooling window of the net map has a single clear
 * winner and, with 3×3 stride-2 windows, one net cell wins two overlapping pools.
 */
export const INPUT_VALUES: readonly number[] = [
  1, 0, 1, 1, 0, 0, 3,
  0, 3, 1, 0, 0, 2, 0,
  0, 2, 0, 1, 0, 0, 3,
  1, 0, 1, 3, 3, 0, 1,
  0, 0, 3, 1, 0, 0, 3,
  0, 0, 0, 1, 2, 0, 1,
  0, 1, 2, 0, 2, 2, 0,
];

/** The 3×3 kernel W, row-major (applied as correlation, as tf.conv2d does). */
export const KERNEL_VALUES: readonly number[] = [
  1, 2, 0,
  0, 1, -1,
  -1, 0, 1,
];

export const BIAS = -1;

export type PoolKind = 'max' | 'avg';

/** Pooling windows on the 5×5 net map; the key is what the URL stores. */
export const POOL_WINDOWS = [
  { key: '2s2', size: 2, stride: 2, label: '2×2, stride 2 (no overlap)' },
  { key: '3s2', size: 3, stride: 2, label: '3×3, stride 2 (overlapping, as in AlexNet)' },
  { key: '2s1', size: 2, stride: 1, label: '2×2, stride 1 (overlapping)' },
] as const;
export type PoolWindowKey = (typeof POOL_WINDOWS)[number]['key'];

export type LossKind = 'errors' | 'squared';

export interface BackpropSettings {
  pool: PoolKind;
  window: PoolWindowKey;
  relu: boolean;
  /**
   * 'errors': J = Σ out·e with `values` = e = ∂J/∂out chosen cell by cell;
   * 'squared': J = ½ Σ (out − t)² with `values` = the targets t.
   */
  loss: LossKind;
  /** One number per output cell, row-major (errors or targets); missing or wrong-length lists use the defaults. */
  values: readonly number[] | null;
}

export function poolWindow(key: PoolWindowKey) {
  return POOL_WINDOWS.find((w) => w.key === key) ?? POOL_WINDOWS[0];
}

/** The output side for a pooling window on the 5×5 net map. */
export function outputSide(key: PoolWindowKey): number {
  const w = poolWindow(key);
  return poolGeometry({ height: NET_SIDE, width: NET_SIDE, depth: 1 }, { size: w.size, stride: w.stride }).height;
}

/** The per-cell values used when the URL gives none: errors of 1, or targets of 0. */
export function defaultValues(loss: LossKind, cells: number): number[] {
  return new Array<number>(cells).fill(loss === 'errors' ? 1 : 0);
}

export interface BackpropResult {
  settings: BackpropSettings;
  input: Volume;
  kernel: Filters;
  bias: number;
  /** net = X ⋆ W + b, 5×5. */
  net: Volume;
  /** What the pooling sees: ReLU(net), or net itself without ReLU. */
  activation: Volume;
  output: Volume;
  /** maxPool2d's argmax (indices into activation.data); null for average pooling. */
  argmax: Int32Array | null;
  /** The errors or targets actually used, one per output cell. */
  values: number[];
  /** J for the current settings. */
  loss: number;
  /** ∂J/∂out. */
  dOutput: Volume;
  /** ∂J/∂activation, the pooling's backward pass. */
  dActivation: Volume;
  /** ∂J/∂net = ∂J/∂activation · ReLU′(net) (or unchanged without ReLU). */
  dNet: Volume;
  /** ∂J/∂X, ∂J/∂W, ∂J/∂b from the convolution's backward pass. */
  conv: ConvGradients;
  /** The lecture's sensitivities δ = −∂J/∂(·). */
  delta: { output: Volume; activation: Volume; net: Volume; input: Volume };
}

/** Forward and backward pass of the lesson's network for the given settings. */
export function runBackprop(settings: BackpropSettings): BackpropResult {
  const input = volume(INPUT_SIDE, INPUT_SIDE, 1, Float32Array.from(INPUT_VALUES));
  const kernel = filters(KERNEL_SIDE, KERNEL_SIDE, 1, 1, Float32Array.from(KERNEL_VALUES));
  const bias = Float32Array.of(BIAS);
  const net = conv2d(input, kernel, { bias });
  const activation = settings.relu ? map(net, (v) => Math.max(0, v)) : net;
  const w = poolWindow(settings.window);
  const poolOpts = { size: w.size, stride: w.stride, padding: 'valid' as const };
  let output: Volume;
  let argmax: Int32Array | null = null;
  if (settings.pool === 'max') {
    const r = maxPool2d(activation, poolOpts);
    output = r.output;
    argmax = r.argmax;
  } else {
    output = avgPool2d(activation, poolOpts);
  }
  const cells = output.data.length;
  const values = settings.values && settings.values.length === cells && settings.values.every(Number.isFinite)
    ? [...settings.values]
    : defaultValues(settings.loss, cells);
  const dOutData = new Float32Array(cells);
  let loss = 0;
  for (let i = 0; i < cells; i++) {
    if (settings.loss === 'errors') {
      dOutData[i] = values[i];
      loss += output.data[i] * values[i];
    } else {
      const diff = output.data[i] - values[i];
      dOutData[i] = diff;
      loss += 0.5 * diff * diff;
    }
  }
  const dOutput = volume(output.height, output.width, 1, dOutData);
  const dActivation = argmax
    ? maxPool2dBackward(activation, argmax, dOutput)
    : avgPool2dBackward(activation, dOutput, poolOpts);
  const dNet = settings.relu ? zip(dActivation, net, (g, v) => (v > 0 ? g : 0)) : dActivation;
  const conv = conv2dBackward(input, kernel, dNet, { bias });
  return {
    settings, input, kernel, bias: BIAS, net, activation, output, argmax, values, loss, dOutput, dActivation, dNet, conv,
    delta: { output: sensitivity(dOutput), activation: sensitivity(dActivation), net: sensitivity(dNet), input: sensitivity(conv.dInput) },
  };
}

function map(v: Volume, f: (x: number) => number): Volume {
  return { ...v, data: v.data.map(f) };
}

function zip(a: Volume, b: Volume, f: (x: number, y: number) => number): Volume {
  return { ...a, data: a.data.map((x, i) => f(x, b.data[i])) };
}

/** One output cell that sends part of its sensitivity to a cell of the pooling's input. */
export interface PoolContribution {
  /** Output row and column. */
  y: number;
  x: number;
  /** δ at that output. */
  delta: number;
  /** What reaches the input cell: δ itself (max) or δ / n (average). */
  share: number;
  /** 1 for max pooling, the window's cell count n for average pooling. */
  divisor: number;
}

/**
 * Which outputs' sensitivities arrive at pooling-input cell (y, x), and how much each sends: for max
 * pooling the outputs whose max that cell won; for average pooling every output whose window covers it.
 * Their shares add up to δ at that cell.
 */
export function poolContributions(r: BackpropResult, y: number, x: number): PoolContribution[] {
  const w = poolWindow(r.settings.window);
  const out: PoolContribution[] = [];
  const index = y * NET_SIDE + x;
  for (let oy = 0; oy < r.output.height; oy++) {
    for (let ox = 0; ox < r.output.width; ox++) {
      const j = oy * r.output.width + ox;
      const delta = r.delta.output.data[j];
      if (r.argmax) {
        if (r.argmax[j] === index) out.push({ y: oy, x: ox, delta, share: delta, divisor: 1 });
      } else {
        const y0 = oy * w.stride;
        const x0 = ox * w.stride;
        if (y >= y0 && y < y0 + w.size && x >= x0 && x < x0 + w.size) {
          const n = w.size * w.size;
          out.push({ y: oy, x: ox, delta, share: delta / n, divisor: n });
        }
      }
    }
  }
  return out;
}

/** The input rows/columns each pooling window covers, row-major over the output. */
export function poolWindowRects(key: PoolWindowKey, outSide: number): { y: number; x: number; size: number }[] {
  const w = poolWindow(key);
  const rects = [];
  for (let oy = 0; oy < outSide; oy++) {
    for (let ox = 0; ox < outSide; ox++) rects.push({ y: oy * w.stride, x: ox * w.stride, size: w.size });
  }
  return rects;
}

/** One product X[i+m, j+n] · ∂J/∂net[i, j] of the weight gradient's sum. */
export interface WeightGradientTerm {
  i: number;
  j: number;
  x: number;
  g: number;
}

/**
 * The terms of ∂J/∂W[m, n] = Σ_i Σ_j X[i+m, j+n] · ∂J/∂net[i, j] (correlation of the input with the net's
 * gradient), row-major over (i, j), and their sum in float64.
 */
export function weightGradientTerms(r: BackpropResult, m: number, n: number): { terms: WeightGradientTerm[]; sum: number } {
  const terms: WeightGradientTerm[] = [];
  let sum = 0;
  for (let i = 0; i < NET_SIDE; i++) {
    for (let j = 0; j < NET_SIDE; j++) {
      const x = r.input.data[(i + m) * INPUT_SIDE + (j + n)];
      const g = r.dNet.data[i * NET_SIDE + j];
      terms.push({ i, j, x, g });
      sum += x * g;
    }
  }
  return { terms, sum };
}
