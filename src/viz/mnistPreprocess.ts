/**
 * MNIST's own normalisation, applied to a drawing: LeCun, Cortes & Burges describe the digits as
 * "size normalized to fit in a 20x20 pixel box while preserving their aspect ratio" with
 * anti-aliasing, then "centered in a 28x28 image by computing the center of mass of the pixels,
 * and translating the image so as to position this point at the center of the 28x28 field".
 */

/** Side of an MNIST image. */
export const MNIST_SIZE = 28;
/** Side of the box the longer side of the ink is scaled to. */
export const MNIST_BOX = 20;
/** Values above this count as ink when finding the bounding box. */
export const INK_THRESHOLD = 0.05;

/**
 * Area-averaging (box filter) weights for resampling `n` source samples onto `m` target
 * samples: target i covers source [i·n/m, (i+1)·n/m) and takes each overlapped source sample
 * with weight overlap / (n/m). Works for shrinking and enlarging.
 */
function boxWeights(n: number, m: number): { start: Int32Array; weights: Float64Array[] } {
  const step = n / m;
  const start = new Int32Array(m);
  const weights: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const a = i * step;
    const b = (i + 1) * step;
    const first = Math.floor(a);
    const last = Math.min(n - 1, Math.ceil(b) - 1);
    const w = new Float64Array(last - first + 1);
    for (let k = first; k <= last; k++) w[k - first] = (Math.min(b, k + 1) - Math.max(a, k)) / step;
    start[i] = first;
    weights.push(w);
  }
  return { start, weights };
}

/**
 * Resizes the `w × h` block of `src` (row stride `stride`) at (x0, y0) to `outW × outH` by area
 * averaging, separably: first along rows, then along columns.
 */
function resizeArea(
  src: Float32Array, stride: number, x0: number, y0: number, w: number, h: number, outW: number, outH: number,
): Float64Array {
  const horizontal = boxWeights(w, outW);
  const vertical = boxWeights(h, outH);
  const rows = new Float64Array(h * outW);
  for (let y = 0; y < h; y++) {
    const base = (y0 + y) * stride + x0;
    for (let i = 0; i < outW; i++) {
      const ws = horizontal.weights[i];
      let acc = 0;
      for (let k = 0; k < ws.length; k++) acc += ws[k] * src[base + horizontal.start[i] + k];
      rows[y * outW + i] = acc;
    }
  }
  const out = new Float64Array(outW * outH);
  for (let j = 0; j < outH; j++) {
    const ws = vertical.weights[j];
    for (let i = 0; i < outW; i++) {
      let acc = 0;
      for (let k = 0; k < ws.length; k++) acc += ws[k] * rows[(vertical.start[j] + k) * outW + i];
      out[j * outW + i] = acc;
    }
  }
  return out;
}

/**
 * Centre of mass of a `w × h` image in pixel units from its top-left edge (pixel (x, y) has
 * its centre at (x + 0.5, y + 0.5)); null when the image has no mass.
 */
export function centerOfMass(img: ArrayLike<number>, w: number, h: number): [number, number] | null {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return mass > 0 ? [mx / mass, my / mass] : null;
}

/**
 * Turns a grey drawing (`width × height`, row-major, 0 = background, 1 = ink) into a 28×28
 * MNIST-style input with values in [0, 1]: crops to the ink's bounding box (values >
 * {@link INK_THRESHOLD}), scales it by area averaging so the longer side is 20 px (aspect ratio
 * kept), and places it in a 28×28 frame shifted by whole pixels so its centre of mass lies
 * within half a pixel of (14, 14); ink pushed past the border is clipped. No ink → 784 zeros.
 */
export function toMnistInput(gray: Float32Array, width: number, height: number): Float32Array {
  if (gray.length < width * height) throw new RangeError(`toMnistInput: ${gray.length} values for ${width}×${height}`);
  const out = new Float32Array(MNIST_SIZE * MNIST_SIZE);
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (gray[y * width + x] > INK_THRESHOLD) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return out;

  const boxW = x1 - x0 + 1;
  const boxH = y1 - y0 + 1;
  const s = MNIST_BOX / Math.max(boxW, boxH);
  const outW = Math.min(MNIST_BOX, Math.max(1, Math.round(boxW * s)));
  const outH = Math.min(MNIST_BOX, Math.max(1, Math.round(boxH * s)));
  const clean = new Float32Array(boxW * boxH);
  for (let y = 0; y < boxH; y++) {
    for (let x = 0; x < boxW; x++) {
      const v = gray[(y0 + y) * width + x0 + x];
      clean[y * boxW + x] = v > 0 ? Math.min(1, v) : 0; // also maps NaN to 0
    }
  }
  const small = resizeArea(clean, boxW, 0, 0, boxW, boxH, outW, outH);

  const com = centerOfMass(small, outW, outH) ?? [outW / 2, outH / 2];
  const dx = Math.round(MNIST_SIZE / 2 - com[0]);
  const dy = Math.round(MNIST_SIZE / 2 - com[1]);
  for (let y = 0; y < outH; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= MNIST_SIZE) continue;
    for (let x = 0; x < outW; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= MNIST_SIZE) continue;
      out[ty * MNIST_SIZE + tx] = Math.min(1, Math.max(0, small[y * outW + x]));
    }
  }
  return out;
}
