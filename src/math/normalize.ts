/**
 * Normalisation layers of early CNNs: local response normalisation across channels (AlexNet)
 * and local contrast normalisation across a spatial neighbourhood (Jarrett et al. 2009).
 */
import { assertInteger, assertVolume, type Volume } from './volume';

/** Lower bound on σ_N in {@link localContrastNorm}, so flat regions are not divided by zero. */
export const LCN_MIN_STD = 1e-5;

/** First and last offset of a window of `size` cells centred on a cell: −⌊(size−1)/2⌋ … ⌈(size−1)/2⌉. */
export function centredWindow(size: number): [before: number, after: number] {
  return [Math.floor((size - 1) / 2), Math.ceil((size - 1) / 2)];
}

export interface LocalResponseNormOptions {
  /** Number of channels in the window (n in the AlexNet paper). */
  size: number;
  alpha: number;
  beta: number;
  k: number;
}

/**
 * Local response normalisation across channels, in the form of Caffe's LRN layer and ONNX's LRN:
 * b[y,x,d] = a[y,x,d] / (k + (alpha/size) · Σ_j a[y,x,j]²)^beta, j running over
 * d − ⌊(size−1)/2⌋ … d + ⌈(size−1)/2⌉ clipped to 0 … depth−1.
 * Source: Krizhevsky, Sutskever & Hinton, "ImageNet Classification with Deep Convolutional Neural
 * Networks", 2012, §3.3 (the paper prints α without the division by size; Caffe and ONNX divide).
 * tf.localResponseNormalization(x, r, bias, tfAlpha, beta) sums over d−r … d+r and does not divide
 * by the window, so for odd size = 2r+1 it equals this with k = bias and alpha = tfAlpha·size.
 * Computed in float64, rounded to float32 when stored.
 */
export function localResponseNorm(input: Volume, opts: LocalResponseNormOptions): Volume {
  assertVolume(input, 'localResponseNorm: input');
  assertInteger(opts.size, 1, 'localResponseNorm: size');
  for (const name of ['alpha', 'beta', 'k'] as const) {
    if (!Number.isFinite(opts[name])) throw new Error(`localResponseNorm: ${name} must be a finite number, got ${opts[name]}`);
  }
  const { size, alpha, beta, k } = opts;
  const [before, after] = centredWindow(size);
  const depth = input.depth;
  const out = new Float32Array(input.data.length);
  for (let base = 0; base < input.data.length; base += depth) {
    for (let d = 0; d < depth; d++) {
      let sumSquares = 0;
      const last = Math.min(depth - 1, d + after);
      for (let j = Math.max(0, d - before); j <= last; j++) sumSquares += input.data[base + j] ** 2;
      out[base + d] = input.data[base + d] / (k + (alpha / size) * sumSquares) ** beta;
    }
  }
  return { height: input.height, width: input.width, depth, data: out };
}

export interface LocalContrastNormOptions {
  /** Side of the square spatial window N (odd sizes are centred exactly). */
  size: number;
}

/**
 * Local contrast normalisation as in the lecture: h'[y,x,d] = (h[y,x,d] − m_N) / max(σ_N, 1e-5),
 * where N is the size × size spatial window centred on (y, x) (offsets −⌊(size−1)/2⌋ … ⌈(size−1)/2⌉,
 * clipped at the borders) taken across all feature maps together, m_N the mean of the values in
 * N and σ_N their population standard deviation. Uniform weights; a simplification of the
 * Gaussian-weighted subtractive + divisive normalisation of Jarrett, Kavukcuoglu, Ranzato & LeCun,
 * "What is the Best Multi-Stage Architecture for Object Recognition?", ICCV 2009.
 * Computed in float64 (two passes: mean, then variance), rounded to float32 when stored.
 */
export function localContrastNorm(input: Volume, opts: LocalContrastNormOptions): Volume {
  assertVolume(input, 'localContrastNorm: input');
  assertInteger(opts.size, 1, 'localContrastNorm: size');
  const { height, width, depth, data } = input;
  const [before, after] = centredWindow(opts.size);
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - before);
    const y1 = Math.min(height - 1, y + after);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - before);
      const x1 = Math.min(width - 1, x + after);
      const { mean, std } = windowStats(input, y0, y1, x0, x1);
      const divisor = Math.max(std, LCN_MIN_STD);
      const base = (y * width + x) * depth;
      for (let d = 0; d < depth; d++) out[base + d] = (data[base + d] - mean) / divisor;
    }
  }
  return { height, width, depth, data: out };
}

/** Mean and population standard deviation of all channels of rows y0…y1 and columns x0…x1 (inclusive). */
function windowStats(input: Volume, y0: number, y1: number, x0: number, x1: number): { mean: number; std: number } {
  const { width, depth, data } = input;
  let sum = 0;
  for (let y = y0; y <= y1; y++) {
    for (let i = (y * width + x0) * depth; i < (y * width + x1 + 1) * depth; i++) sum += data[i];
  }
  const n = (y1 - y0 + 1) * (x1 - x0 + 1) * depth;
  const mean = sum / n;
  let squares = 0;
  for (let y = y0; y <= y1; y++) {
    for (let i = (y * width + x0) * depth; i < (y * width + x1 + 1) * depth; i++) squares += (data[i] - mean) ** 2;
  }
  return { mean, std: Math.sqrt(squares / n) };
}
