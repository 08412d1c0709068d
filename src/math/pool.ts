/**
 * Max and average pooling, channel by channel, with TensorFlow's window placement. Windows are
 * size × size and, by default, do not overlap (stride = size, as in Keras and PyTorch).
 * Source: Goodfellow, Bengio & Courville, "Deep Learning", 2016, §9.3; overlapping 3×3 stride 2
 * windows: Krizhevsky, Sutskever & Hinton 2012, §3.4.
 */
import { assertCell } from './conv';
import { convOutputShape, normalizeSize, normalizeStride, type Padding, type Stride, type WindowGeometry } from './padding';
import { assertShape, assertVolume, volumeIndex, type Volume, type VolumeShape } from './volume';

export interface PoolOptions {
  /** Window height and width: one number for a square window, or [h, w]. */
  size: number | [h: number, w: number];
  /** Default: the window size (non-overlapping windows). */
  stride?: Stride;
  /** Default 'valid'. Padded cells never win a max. */
  padding?: Padding;
}

export interface AvgPoolOptions extends PoolOptions {
  /**
   * Whether padded cells count (as zeros) in the average: false (default) divides by the number
   * of input cells in the window, as TensorFlow and Keras do; true always divides by h·w, as
   * PyTorch's default `count_include_pad=True` does.
   */
  countIncludePad?: boolean;
}

/**
 * Validates a pooling's arguments and works out where its windows fall ({@link convOutputShape}
 * with the stride defaulting to the window size). Throws if the window is larger than the padded
 * input or if a window lies entirely in padding (it would have no input cell to pool).
 */
export function poolGeometry(input: VolumeShape, opts: PoolOptions, what = 'poolGeometry'): WindowGeometry {
  assertShape(input, `${what}: input`);
  const [kh, kw] = normalizeSize(opts.size, what);
  const stride = normalizeStride(opts.stride ?? [kh, kw], what);
  const geometry = convOutputShape(input, kh, kw, stride, opts.padding ?? 'valid', what);
  const [top, , left] = geometry.pad;
  assertWindowsTouchInput(top, kh, stride[0], geometry.height, input.height, 'row', what);
  assertWindowsTouchInput(left, kw, stride[1], geometry.width, input.width, 'column', what);
  return geometry;
}

/**
 * The windows along an axis start at i·s − padBefore; they are in order, so if the first and
 * the last reach the input, all of them do.
 */
function assertWindowsTouchInput(
  padBefore: number,
  k: number,
  s: number,
  out: number,
  inSize: number,
  axis: 'row' | 'column',
  what: string,
): void {
  if (padBefore >= k) {
    throw new Error(
      `${what}: the first window ${axis} lies entirely in padding (padding ${padBefore} ≥ window ${k})`,
    );
  }
  const lastStart = (out - 1) * s - padBefore;
  if (lastStart >= inSize) {
    throw new Error(
      `${what}: the last window ${axis} lies entirely in padding (it starts at ${axis} ${lastStart}; the input has ${axis}s 0…${inSize - 1})`,
    );
  }
}

/** The input rows y0…y1−1 and columns x0…x1−1 that output cell (y, x)'s window covers, clipped to the input. */
interface WindowSpan {
  rowStart: number;
  colStart: number;
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

function windowSpan(g: WindowGeometry, input: VolumeShape, y: number, x: number): WindowSpan {
  const rowStart = y * g.stride[0] - g.pad[0];
  const colStart = x * g.stride[1] - g.pad[2];
  return {
    rowStart,
    colStart,
    y0: Math.max(0, rowStart),
    y1: Math.min(input.height, rowStart + g.kh),
    x0: Math.max(0, colStart),
    x1: Math.min(input.width, colStart + g.kw),
  };
}

/** Max and argmax over one window's input cells, row-major; a later cell wins only if strictly larger. */
function windowMax(input: Volume, span: WindowSpan, d: number): { max: number; argmax: number } {
  let max = Number.NEGATIVE_INFINITY;
  let argmax = volumeIndex(input, span.y0, span.x0, d);
  for (let iy = span.y0; iy < span.y1; iy++) {
    for (let ix = span.x0; ix < span.x1; ix++) {
      const i = volumeIndex(input, iy, ix, d);
      if (input.data[i] > max) {
        max = input.data[i];
        argmax = i;
      }
    }
  }
  return { max, argmax };
}

/** Sum (float64, row-major) and number of one window's input cells. */
function windowSum(input: Volume, span: WindowSpan, d: number): { sum: number; count: number } {
  let sum = 0;
  for (let iy = span.y0; iy < span.y1; iy++) {
    for (let ix = span.x0; ix < span.x1; ix++) sum += input.data[volumeIndex(input, iy, ix, d)];
  }
  return { sum, count: (span.y1 - span.y0) * (span.x1 - span.x0) };
}

/**
 * Max pooling: out[y,x,d] = max of X[·,·,d] over the window's input cells (padding never wins);
 * `argmax[i]` is the index into `input.data` of the cell that won output i. Ties go to the first
 * cell in row-major order within the window, as tfjs's CPU backend (strict `>` scan) does.
 * Matches tf.maxPool / tf.maxPoolWithArgmax (includeBatchInIndex = false) on one image.
 */
export function maxPool2d(input: Volume, opts: PoolOptions): { output: Volume; argmax: Int32Array } {
  assertVolume(input, 'maxPool2d: input');
  const g = poolGeometry(input, opts, 'maxPool2d');
  const output = new Float32Array(g.height * g.width * input.depth);
  const argmax = new Int32Array(output.length);
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      const span = windowSpan(g, input, y, x);
      for (let d = 0; d < input.depth; d++) {
        const i = (y * g.width + x) * input.depth + d;
        const best = windowMax(input, span, d);
        output[i] = best.max;
        argmax[i] = best.argmax;
      }
    }
  }
  return { output: { height: g.height, width: g.width, depth: input.depth, data: output }, argmax };
}

/**
 * Average pooling: out[y,x,d] = (Σ X[·,·,d] over the window's input cells) / n, with n the number
 * of input cells in the window (TensorFlow, Keras) or, with `countIncludePad`, h·w (PyTorch's
 * default, padded cells counting as zeros). Matches tf.avgPool when countIncludePad is false.
 */
export function avgPool2d(input: Volume, opts: AvgPoolOptions): Volume {
  assertVolume(input, 'avgPool2d: input');
  const g = poolGeometry(input, opts, 'avgPool2d');
  const output = new Float32Array(g.height * g.width * input.depth);
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      const span = windowSpan(g, input, y, x);
      for (let d = 0; d < input.depth; d++) {
        const { sum, count } = windowSum(input, span, d);
        output[(y * g.width + x) * input.depth + d] = sum / (opts.countIncludePad ? g.kh * g.kw : count);
      }
    }
  }
  return { height: g.height, width: g.width, depth: input.depth, data: output };
}

/**
 * The number of cells each window's average divides by, per output cell and channel-independent,
 * row-major over the output (used by the backward pass to spread gradients evenly).
 */
export function avgPoolDivisors(input: VolumeShape, opts: AvgPoolOptions, what = 'avgPoolDivisors'): {
  geometry: WindowGeometry;
  spans: { y0: number; y1: number; x0: number; x1: number; divisor: number }[];
} {
  const g = poolGeometry(input, opts, what);
  const spans = [];
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      const s = windowSpan(g, input, y, x);
      const divisor = opts.countIncludePad ? g.kh * g.kw : (s.y1 - s.y0) * (s.x1 - s.x0);
      spans.push({ y0: s.y0, y1: s.y1, x0: s.x0, x1: s.x1, divisor });
    }
  }
  return { geometry: g, spans };
}

/** One cell of a pooling window. */
export interface PoolCell {
  /** Input row and column; outside the input when the cell is padding. */
  iy: number;
  ix: number;
  /** The input value; 0 for padding (what it counts as in an average with countIncludePad). */
  value: number;
  padded: boolean;
}

/** One pooling window, for stepping through it. */
export interface PoolWindowCells {
  /** All h·w cells, row-major (top row first, then left to right), padding included. */
  cells: PoolCell[];
  /** Index into `cells` of the cell that wins the max (never a padded one). */
  winner: number;
  /** Index into input.data of the winning cell: maxPool2d's argmax for this output. */
  argmax: number;
  /** maxPool2d's output value for this cell. */
  max: number;
  /** avgPool2d's output value for this cell (with the same countIncludePad). */
  average: number;
  /** The number the average divides by. */
  count: number;
}

/** The window of output cell (y, x, d) of {@link maxPool2d} / {@link avgPool2d} with the same options. */
export function poolWindow(input: Volume, opts: AvgPoolOptions, y: number, x: number, d: number): PoolWindowCells {
  assertVolume(input, 'poolWindow: input');
  const g = poolGeometry(input, opts, 'poolWindow');
  assertCell(g.height, g.width, input.depth, y, x, d, 'poolWindow');
  const span = windowSpan(g, input, y, x);
  const { max, argmax } = windowMax(input, span, d);
  const { sum, count: inside } = windowSum(input, span, d);
  const count = opts.countIncludePad ? g.kh * g.kw : inside;
  const cells: PoolCell[] = [];
  let winner = -1;
  for (let r = 0; r < g.kh; r++) {
    for (let c = 0; c < g.kw; c++) {
      const iy = span.rowStart + r;
      const ix = span.colStart + c;
      const padded = iy < 0 || iy >= input.height || ix < 0 || ix >= input.width;
      const i = padded ? -1 : volumeIndex(input, iy, ix, d);
      if (i === argmax) winner = cells.length;
      cells.push({ iy, ix, value: padded ? 0 : input.data[i], padded });
    }
  }
  return { cells, winner, argmax, max: Math.fround(max), average: Math.fround(sum / count), count };
}
