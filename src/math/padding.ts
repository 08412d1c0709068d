/**
 * Output sizes and padding for sliding windows (convolution and pooling), following
 * TensorFlow's conventions so the numbers shown match what tf.conv2d and tf.maxPool compute.
 */
import { assertInteger } from './volume';

/**
 * How a sliding window treats the border: `'valid'` (no padding), `'same'` (TensorFlow's rule,
 * see {@link outputSize}), a number of cells on all four sides, or [top, bottom, left, right].
 */
export type Padding = 'valid' | 'same' | number | [top: number, bottom: number, left: number, right: number];

/** Padding along one axis: `'valid'`, `'same'`, the same number on both sides, or [before, after]. */
export type AxisPadding = 'valid' | 'same' | number | [before: number, after: number];

/** A stride: one number for both axes, or [vertical, horizontal]. */
export type Stride = number | [sy: number, sx: number];

/** Where the windows fall along one axis. */
export interface AxisGeometry {
  /** Number of window positions (output cells) along the axis. */
  out: number;
  /** Padded cells before the first input cell (top or left). */
  padBefore: number;
  /** Padded cells after the last input cell (bottom or right). */
  padAfter: number;
}

/** Where the windows fall on a 2-D input: the output size, the padding and the window. */
export interface WindowGeometry {
  height: number;
  width: number;
  /** [top, bottom, left, right] padding actually applied. */
  pad: [top: number, bottom: number, left: number, right: number];
  stride: [sy: number, sx: number];
  kh: number;
  kw: number;
}

/**
 * The number of window positions along one axis and the padding on each side.
 *
 * out = ⌊(in + padBefore + padAfter − k) / s⌋ + 1 (the formula of Dumoulin & Visin, "A guide to
 * convolution arithmetic for deep learning", 2016, with floor rounding as TensorFlow/Keras/PyTorch).
 * `'valid'` pads nothing. `'same'` is TensorFlow's rule (tf.nn.convolution docs, "padding"):
 * out = ⌈in / s⌉, total = max((out − 1)·s + k − in, 0), padBefore = ⌊total / 2⌋ and the odd
 * cell, if any, goes after (bottom/right).
 *
 * Throws if a size or stride is not a positive integer, padding is negative or fractional, or
 * the window is larger than the padded input. `what` and `axis` only word the error messages.
 */
export function outputSize(
  inSize: number,
  k: number,
  stride: number,
  padding: AxisPadding,
  what = 'outputSize',
  axis: 'height' | 'width' | 'size' = 'size',
): AxisGeometry {
  assertInteger(inSize, 1, `${what}: input ${axis}`);
  assertInteger(k, 1, `${what}: window ${axis}`);
  assertInteger(stride, 1, `${what}: stride`);
  let padBefore: number;
  let padAfter: number;
  if (padding === 'valid') {
    padBefore = padAfter = 0;
  } else if (padding === 'same') {
    const out = Math.ceil(inSize / stride);
    const total = Math.max((out - 1) * stride + k - inSize, 0);
    padBefore = Math.floor(total / 2);
    padAfter = total - padBefore;
  } else if (typeof padding === 'number') {
    padBefore = padAfter = padding;
  } else if (Array.isArray(padding) && padding.length === 2) {
    [padBefore, padAfter] = padding;
  } else {
    throw new Error(`${what}: padding must be 'valid', 'same', a number or [before, after], got ${String(padding)}`);
  }
  assertPad(padBefore, what);
  assertPad(padAfter, what);
  const padded = inSize + padBefore + padAfter;
  if (k > padded) {
    throw new Error(
      `${what}: the window ${axis} ${k} is larger than the padded input ${axis} ${padded} ` +
        `(${inSize} + padding ${padBefore} + ${padAfter})`,
    );
  }
  return { out: Math.floor((padded - k) / stride) + 1, padBefore, padAfter };
}

function assertPad(pad: number, what: string): void {
  if (!Number.isInteger(pad) || pad < 0) {
    throw new Error(`${what}: padding must be a non-negative integer, got ${pad}`);
  }
}

/** [sy, sx] from a stride given as one number or a pair; throws unless both are positive integers. */
export function normalizeStride(stride: Stride, what: string): [sy: number, sx: number] {
  const [sy, sx] = typeof stride === 'number' ? [stride, stride] : stride;
  assertInteger(sy, 1, `${what}: stride`);
  assertInteger(sx, 1, `${what}: stride`);
  return [sy, sx];
}

/** [h, w] from a window size given as one number or a pair; throws unless both are positive integers. */
export function normalizeSize(size: number | [h: number, w: number], what: string): [h: number, w: number] {
  const [h, w] = typeof size === 'number' ? [size, size] : size;
  assertInteger(h, 1, `${what}: window size`);
  assertInteger(w, 1, `${what}: window size`);
  return [h, w];
}

/** Splits a 2-D padding into its vertical and horizontal parts. */
export function splitPadding(padding: Padding, what: string): [vertical: AxisPadding, horizontal: AxisPadding] {
  if (padding === 'valid' || padding === 'same' || typeof padding === 'number') return [padding, padding];
  if (Array.isArray(padding) && padding.length === 4) {
    return [
      [padding[0], padding[1]],
      [padding[2], padding[3]],
    ];
  }
  throw new Error(
    `${what}: padding must be 'valid', 'same', a number or [top, bottom, left, right], got ${JSON.stringify(padding)}`,
  );
}

/**
 * Output height and width, and the padding applied, for a kh × kw window sliding over `input`
 * with the given stride and padding: {@link outputSize} on each axis (TensorFlow's rules).
 * Used for convolution and pooling alike.
 */
export function convOutputShape(
  input: { height: number; width: number },
  kh: number,
  kw: number,
  stride: Stride = 1,
  padding: Padding = 'valid',
  what = 'convOutputShape',
): WindowGeometry {
  const [sy, sx] = normalizeStride(stride, what);
  const [vertical, horizontal] = splitPadding(padding, what);
  const rows = outputSize(input.height, kh, sy, vertical, what, 'height');
  const cols = outputSize(input.width, kw, sx, horizontal, what, 'width');
  return {
    height: rows.out,
    width: cols.out,
    pad: [rows.padBefore, rows.padAfter, cols.padBefore, cols.padAfter],
    stride: [sy, sx],
    kh,
    kw,
  };
}
