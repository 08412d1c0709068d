/**
 * 2-D convolution layer arithmetic: every output cell is a sum of input × weight products over
 * a window, plus a bias. `convTerms` lists those products for one cell so a view can step
 * through them; it adds them in the same order as `conv2d`, so the sums agree exactly.
 */
import { convOutputShape, type Padding, type Stride, type WindowGeometry } from './padding';
import { assertFilters, assertVolume, filterIndex, rotate180, volumeIndex, type Filters, type Volume } from './volume';

/**
 * `'correlation'`: out[y,x,o] = Σ W[ky,kx,c,o] · X[y·sy+ky−top, x·sx+kx−left, c] — what tf.conv2d,
 * TensorFlow, PyTorch and ONNX call convolution.
 * `'convolution'`: the lecture's net[i,j] = Σ_m Σ_n X[m,n] · W[i−m, j−n], i.e. correlation with
 * the kernel rotated by 180°; the output is the same size as correlation's for the same padding
 * (the part of the "full" convolution that the padding asks for, not the full one).
 * Source: Goodfellow, Bengio & Courville, "Deep Learning", 2016, §9.1 (eq. 9.4 convolution,
 * eq. 9.6 cross-correlation, and the remark that libraries implement the latter as "convolution").
 */
export type ConvMode = 'correlation' | 'convolution';

export interface ConvOptions {
  /** Default 1. */
  stride?: Stride;
  /** Default 'valid'. Padded cells are zeros. */
  padding?: Padding;
  /** Default 'correlation'. */
  mode?: ConvMode;
  /** One bias per output channel (length filters.outDepth); default none. */
  bias?: Float32Array;
}

/** A checked convolution: its geometry and the kernel actually correlated with the input. */
export interface ConvSetup {
  geometry: WindowGeometry;
  /** The filters as passed in correlation mode, rotated by 180° in convolution mode. */
  kernel: Filters;
  mode: ConvMode;
  bias: Float32Array | undefined;
}

/**
 * Validates a convolution's arguments and works out its geometry; throws an Error naming
 * `what` and the problem (data length, depth mismatch, bias length, stride, padding, window size).
 */
export function prepareConv(input: Volume, filters: Filters, opts: ConvOptions, what: string): ConvSetup {
  assertVolume(input, `${what}: input`);
  assertFilters(filters, `${what}: filters`);
  if (input.depth !== filters.inDepth) {
    throw new Error(`${what}: input depth ${input.depth} does not match filters.inDepth ${filters.inDepth}`);
  }
  const bias = opts.bias;
  if (bias !== undefined && bias.length !== filters.outDepth) {
    throw new Error(`${what}: bias has length ${bias.length} but filters.outDepth is ${filters.outDepth}`);
  }
  const mode = opts.mode ?? 'correlation';
  if (mode !== 'correlation' && mode !== 'convolution') {
    throw new Error(`${what}: mode must be 'correlation' or 'convolution', got ${String(mode)}`);
  }
  const geometry = convOutputShape(input, filters.kh, filters.kw, opts.stride ?? 1, opts.padding ?? 'valid', what);
  const kernel = mode === 'convolution' ? rotate180(filters) : filters;
  return { geometry, kernel, mode, bias };
}

/**
 * A 2-D convolution layer on one input volume (see {@link ConvMode} for the two formulas):
 * out[y,x,o] = b[o] + Σ_{ky,kx,c} K[ky,kx,c,o] · X[y·sy+ky−top, x·sx+kx−left, c], with X zero
 * outside the input and K the filters (rotated by 180° in convolution mode). Sums run in float64
 * in the order ky, kx, c and are rounded to float32 once, when stored.
 * Matches tf.conv2d(x, filters, strides, pad) on NHWC input and HWIO filters (correlation mode).
 */
export function conv2d(input: Volume, filters: Filters, opts: ConvOptions = {}): Volume {
  const { geometry, kernel, bias } = prepareConv(input, filters, opts, 'conv2d');
  const { height, width, pad, stride } = geometry;
  const { kh, kw, inDepth, outDepth } = kernel;
  const out = new Float32Array(height * width * outDepth);
  const sums = new Float64Array(outDepth);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      sums.fill(0);
      for (let ky = 0; ky < kh; ky++) {
        const iy = y * stride[0] + ky - pad[0];
        if (iy < 0 || iy >= input.height) continue;
        for (let kx = 0; kx < kw; kx++) {
          const ix = x * stride[1] + kx - pad[2];
          if (ix < 0 || ix >= input.width) continue;
          const inBase = volumeIndex(input, iy, ix, 0);
          for (let c = 0; c < inDepth; c++) {
            const value = input.data[inBase + c];
            const wBase = filterIndex(kernel, ky, kx, c, 0);
            for (let o = 0; o < outDepth; o++) sums[o] += value * kernel.data[wBase + o];
          }
        }
      }
      const outBase = (y * width + x) * outDepth;
      for (let o = 0; o < outDepth; o++) out[outBase + o] = sums[o] + (bias === undefined ? 0 : bias[o]);
    }
  }
  return { height, width, depth: outDepth, data: out };
}

/** One multiply-add of a convolution output cell. */
export interface ConvTerm {
  /** Input row and column; outside 0…height−1 / 0…width−1 when the cell is padding. */
  iy: number;
  ix: number;
  /** Input channel. */
  c: number;
  /** Kernel row and column in the filters as passed (in convolution mode, the rotated position). */
  ky: number;
  kx: number;
  /** Row and column of the cell within the window (0 = top/left of the window). */
  windowRow: number;
  windowCol: number;
  /** The input value, 0 for padding. */
  inputValue: number;
  weight: number;
  /** inputValue · weight (exact: a product of two float32 values fits in a float64). */
  product: number;
  padded: boolean;
}

/** All the multiply-adds of one convolution output cell, and their total. */
export interface ConvCellTerms {
  /** In window order: window row, then column, then input channel. */
  terms: ConvTerm[];
  /** b[o], 0 when there is no bias. */
  bias: number;
  /** Σ products + bias, rounded to float32: exactly conv2d's output value for the cell. */
  sum: number;
}

/**
 * The terms of out[y, x, o] in {@link conv2d} with the same arguments: one per window cell and
 * input channel, padded cells included (with inputValue 0). Throws if (y, x, o) is outside the output.
 */
export function convTerms(
  input: Volume,
  filters: Filters,
  opts: ConvOptions,
  y: number,
  x: number,
  o: number,
): ConvCellTerms {
  const { geometry, kernel, mode, bias } = prepareConv(input, filters, opts, 'convTerms');
  assertCell(geometry.height, geometry.width, filters.outDepth, y, x, o, 'convTerms');
  const { pad, stride } = geometry;
  const terms: ConvTerm[] = [];
  let total = 0;
  for (let row = 0; row < kernel.kh; row++) {
    const iy = y * stride[0] + row - pad[0];
    for (let col = 0; col < kernel.kw; col++) {
      const ix = x * stride[1] + col - pad[2];
      const padded = iy < 0 || iy >= input.height || ix < 0 || ix >= input.width;
      for (let c = 0; c < kernel.inDepth; c++) {
        const inputValue = padded ? 0 : input.data[volumeIndex(input, iy, ix, c)];
        const weight = kernel.data[filterIndex(kernel, row, col, c, o)];
        const product = inputValue * weight;
        if (!padded) total += product;
        const ky = mode === 'convolution' ? kernel.kh - 1 - row : row;
        const kx = mode === 'convolution' ? kernel.kw - 1 - col : col;
        terms.push({ iy, ix, c, ky, kx, windowRow: row, windowCol: col, inputValue, weight, product, padded });
      }
    }
  }
  const b = bias === undefined ? 0 : bias[o];
  return { terms, bias: b, sum: Math.fround(total + b) };
}

/** Throws unless (y, x, d) is a cell of a height × width × depth output. */
export function assertCell(height: number, width: number, depth: number, y: number, x: number, d: number, what: string): void {
  const inside = (v: number, n: number) => Number.isInteger(v) && v >= 0 && v < n;
  if (!inside(y, height) || !inside(x, width) || !inside(d, depth)) {
    throw new Error(`${what}: cell (${y}, ${x}, ${d}) is outside the ${height}×${width}×${depth} output`);
  }
}
