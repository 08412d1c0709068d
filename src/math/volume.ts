/**
 * Volumes and filter banks on plain typed arrays, laid out as TensorFlow lays them out, so a
 * typed array read back from a tensor can be wrapped without copying or reordering.
 */

/**
 * One image or feature map, height × width × depth, stored channels-last (TensorFlow's NHWC
 * without the batch axis): the value at row y, column x, channel d is `data[(y*width + x)*depth + d]`.
 */
export interface Volume {
  height: number;
  width: number;
  depth: number;
  data: Float32Array;
}

/** A shape without data: what a backward pass needs to know about the forward input. */
export interface VolumeShape {
  height: number;
  width: number;
  depth: number;
}

/**
 * A bank of `outDepth` filters, each kh × kw × inDepth, in TensorFlow's HWIO order
 * (tf.conv2d's filter layout): the weight at kernel row ky, column kx, input channel c, for
 * output channel o is `data[((ky*kw + kx)*inDepth + c)*outDepth + o]`.
 */
export interface Filters {
  kh: number;
  kw: number;
  inDepth: number;
  outDepth: number;
  data: Float32Array;
}

/** Throws unless `value` is an integer ≥ `min`; `what` names the argument in the message. */
export function assertInteger(value: number, min: number, what: string): void {
  if (!Number.isInteger(value) || value < min) {
    const bound = min === 1 ? 'a positive integer' : `an integer ≥ ${min}`;
    throw new Error(`${what} must be ${bound}, got ${value}`);
  }
}

/** Throws unless `shape` has positive integer height, width and depth. */
export function assertShape(shape: VolumeShape, what: string): void {
  assertInteger(shape.height, 1, `${what}.height`);
  assertInteger(shape.width, 1, `${what}.width`);
  assertInteger(shape.depth, 1, `${what}.depth`);
}

/** Throws unless `v` has a valid shape and `v.data.length` = height·width·depth. */
export function assertVolume(v: Volume, what: string): void {
  assertShape(v, what);
  const needed = v.height * v.width * v.depth;
  if (v.data.length !== needed) {
    throw new Error(
      `${what}: data has length ${v.data.length} but a ${v.height}×${v.width}×${v.depth} volume needs ${needed}`,
    );
  }
}

function assertFilterDims(f: Omit<Filters, 'data'>, what: string): void {
  assertInteger(f.kh, 1, `${what}.kh`);
  assertInteger(f.kw, 1, `${what}.kw`);
  assertInteger(f.inDepth, 1, `${what}.inDepth`);
  assertInteger(f.outDepth, 1, `${what}.outDepth`);
}

/** Throws unless `f` has valid dimensions and `f.data.length` = kh·kw·inDepth·outDepth. */
export function assertFilters(f: Filters, what: string): void {
  assertFilterDims(f, what);
  const needed = f.kh * f.kw * f.inDepth * f.outDepth;
  if (f.data.length !== needed) {
    throw new Error(
      `${what}: data has length ${f.data.length} but ${f.kh}×${f.kw}×${f.inDepth}×${f.outDepth} filters need ${needed}`,
    );
  }
}

/**
 * Makes a volume, zero-filled unless `data` is given; a plain number array is copied into a
 * Float32Array, a Float32Array is used as is. Throws if the data length does not match the shape.
 */
export function volume(height: number, width: number, depth: number, data?: Float32Array | ArrayLike<number>): Volume {
  assertShape({ height, width, depth }, 'volume');
  const values = data === undefined ? new Float32Array(height * width * depth) : toFloat32(data);
  const v: Volume = { height, width, depth, data: values };
  assertVolume(v, 'volume');
  return v;
}

/** Makes a filter bank in HWIO order, zero-filled unless `data` is given (see {@link volume}). */
export function filters(
  kh: number,
  kw: number,
  inDepth: number,
  outDepth: number,
  data?: Float32Array | ArrayLike<number>,
): Filters {
  assertFilterDims({ kh, kw, inDepth, outDepth }, 'filters');
  const values = data === undefined ? new Float32Array(kh * kw * inDepth * outDepth) : toFloat32(data);
  const f: Filters = { kh, kw, inDepth, outDepth, data: values };
  assertFilters(f, 'filters');
  return f;
}

function toFloat32(data: Float32Array | ArrayLike<number>): Float32Array {
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

/** Index into `v.data` of row y, column x, channel d (channels-last layout). */
export function volumeIndex(v: VolumeShape, y: number, x: number, d: number): number {
  return (y * v.width + x) * v.depth + d;
}

/** Index into `f.data` of kernel row ky, column kx, input channel c, output channel o (HWIO). */
export function filterIndex(f: Omit<Filters, 'data'>, ky: number, kx: number, c: number, o: number): number {
  return ((ky * f.kw + kx) * f.inDepth + c) * f.outDepth + o;
}

/**
 * The filters rotated by 180° in the spatial plane: W'[ky, kx, c, o] = W[kh−1−ky, kw−1−kx, c, o].
 * Correlating with W' is convolving with W (the flip that separates the two operations);
 * channels are not reordered. Applying it twice gives back the original.
 */
export function rotate180(f: Filters): Filters {
  assertFilters(f, 'rotate180: filters');
  const out = new Float32Array(f.data.length);
  for (let ky = 0; ky < f.kh; ky++) {
    for (let kx = 0; kx < f.kw; kx++) {
      const from = filterIndex(f, f.kh - 1 - ky, f.kw - 1 - kx, 0, 0);
      const to = filterIndex(f, ky, kx, 0, 0);
      const block = f.inDepth * f.outDepth;
      for (let i = 0; i < block; i++) out[to + i] = f.data[from + i];
    }
  }
  return { kh: f.kh, kw: f.kw, inDepth: f.inDepth, outDepth: f.outDepth, data: out };
}
