import { CIFAR_CHANNELS, CIFAR_SIDE } from './cifar10';

/**
 * The input pipeline of TensorFlow's CIFAR-10 tutorial (`cifar10_input.py`), on plain typed arrays:
 *
 * - training (`distorted_inputs`): a random 24×24 crop of the 32×32 image, a random left–right flip, a random
 *   brightness shift δ ∈ [−63, 63] (on 0–255 values), a random contrast factor c ∈ [0.2, 1.8] around each
 *   channel's mean, then per-image standardisation;
 * - evaluation (`inputs`): the central 24×24 crop, then per-image standardisation.
 *
 * Per-image standardisation: (x − mean) / max(stddev, 1/√n) over all n = 24·24·3 values of the image.
 */

export const CROP_SIDE = 24;
export const CROP_VALUES = CROP_SIDE * CROP_SIDE * CIFAR_CHANNELS;
const IMAGE_VALUES = CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS;

export const MAX_BRIGHTNESS_DELTA = 63;
export const CONTRAST_RANGE = [0.2, 1.8] as const;

export interface Distortion {
  top: number;
  left: number;
  flip: boolean;
  /** Added to every value (0–255 scale). */
  brightness: number;
  /** Distance from each channel's mean is multiplied by this. */
  contrast: number;
}

/** What the tutorial draws for one training image. */
export function drawDistortion(random: () => number): Distortion {
  return {
    top: Math.floor(random() * (CIFAR_SIDE - CROP_SIDE + 1)),
    left: Math.floor(random() * (CIFAR_SIDE - CROP_SIDE + 1)),
    flip: random() < 0.5,
    brightness: (random() * 2 - 1) * MAX_BRIGHTNESS_DELTA,
    contrast: CONTRAST_RANGE[0] + random() * (CONTRAST_RANGE[1] - CONTRAST_RANGE[0]),
  };
}

/** No distortion: the central crop the tutorial evaluates on. */
export const CENTRAL: Distortion = { top: (CIFAR_SIDE - CROP_SIDE) / 2, left: (CIFAR_SIDE - CROP_SIDE) / 2, flip: false, brightness: 0, contrast: 1 };

/**
 * Writes image `index` of `pixels` (32×32×3, 0–255), cropped, flipped, brightened, contrasted and standardised
 * as `d` says, into `out` at `outOffset` (24×24×3 floats, HWC). Brightness and contrast are skipped when they are
 * the identity, so the central crop is exactly the tutorial's evaluation input.
 */
export function prepareImage(pixels: Uint8Array, index: number, d: Distortion, out: Float32Array, outOffset: number): void {
  const src = index * IMAGE_VALUES;
  for (let y = 0; y < CROP_SIDE; y++) {
    for (let x = 0; x < CROP_SIDE; x++) {
      const sx = d.left + (d.flip ? CROP_SIDE - 1 - x : x);
      const s = src + ((d.top + y) * CIFAR_SIDE + sx) * CIFAR_CHANNELS;
      const o = outOffset + (y * CROP_SIDE + x) * CIFAR_CHANNELS;
      for (let c = 0; c < CIFAR_CHANNELS; c++) out[o + c] = pixels[s + c] + d.brightness;
    }
  }
  if (d.contrast !== 1) {
    for (let c = 0; c < CIFAR_CHANNELS; c++) {
      let mean = 0;
      for (let i = c; i < CROP_VALUES; i += CIFAR_CHANNELS) mean += out[outOffset + i];
      mean /= CROP_VALUES / CIFAR_CHANNELS;
      for (let i = c; i < CROP_VALUES; i += CIFAR_CHANNELS) out[outOffset + i] = (out[outOffset + i] - mean) * d.contrast + mean;
    }
  }
  standardise(out, outOffset, CROP_VALUES);
}

/** `tf.image.per_image_standardization` in place on `n` values from `offset`. */
export function standardise(values: Float32Array, offset: number, n: number): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[offset + i];
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[offset + i] - mean) ** 2;
  const scale = Math.max(Math.sqrt(variance / n), 1 / Math.sqrt(n));
  for (let i = 0; i < n; i++) values[offset + i] = (values[offset + i] - mean) / scale;
}

/** A batch of prepared images: `indices` of `pixels`, each distorted by `distortions[i]` (or the central crop). */
export function prepareBatch(pixels: Uint8Array, indices: ArrayLike<number>, distortions: readonly Distortion[] | null): Float32Array {
  const out = new Float32Array(indices.length * CROP_VALUES);
  for (let i = 0; i < indices.length; i++) prepareImage(pixels, indices[i], distortions ? distortions[i] : CENTRAL, out, i * CROP_VALUES);
  return out;
}
