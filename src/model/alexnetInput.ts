import type { Volume } from '../math/volume';
import { ALEXNET_INPUT_SIZE } from './alexnetLayers';

/**
 * AlexNet's input as TensorSpace feeds it (and as Caffe-trained ImageNet models expect): 227×227×3, channels in
 * BGR order, each channel's ImageNet mean subtracted, values otherwise 0…255.
 *
 * The means are read off TensorSpace's own input (examples/alexnet/data/macaw.json): every value in channel 0 has
 * fractional part .061 and runs from −103.939 (pixel 0) to 151.061 (pixel 255), channel 1 .221 (−116.779…138.221),
 * channel 2 .320 (up to 131.32 = 255 − 123.68). So one constant per channel, B 103.939, G 116.779, R 123.68 — the
 * per-channel ImageNet means published with the VGG models (Simonyan & Zisserman 2014; RGB 123.68, 116.779,
 * 103.939) — and not Caffe's per-pixel ilsvrc_2012_mean.binaryproto, nor its rounded 104/117/123, which would leave
 * fractional parts that vary or vanish. The smallest mean sits on channel 0, so channel 0 is blue: BGR, Caffe's order.
 */
export const ALEXNET_BGR_MEANS = [103.939, 116.779, 123.68] as const;

/**
 * An RGBA image (canvas ImageData layout, alpha ignored) as AlexNet's input volume: out[y,x,0] = B − 103.939,
 * out[y,x,1] = G − 116.779, out[y,x,2] = R − 123.68. The image must already be 227×227 (see `resizeAndCropRgba`).
 */
export function preprocessForAlexNet(rgba: ArrayLike<number>, width: number, height: number): Volume {
  const size = ALEXNET_INPUT_SIZE;
  if (width !== size || height !== size) throw new Error(`preprocessForAlexNet: the image must be ${size}×${size}, got ${width}×${height}`);
  if (rgba.length !== width * height * 4) throw new Error(`preprocessForAlexNet: ${width}×${height} RGBA needs ${width * height * 4} values, got ${rgba.length}`);
  const [meanB, meanG, meanR] = ALEXNET_BGR_MEANS;
  const data = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    data[j] = rgba[i + 2] - meanB;
    data[j + 1] = rgba[i + 1] - meanG;
    data[j + 2] = rgba[i] - meanR;
  }
  return { height, width, depth: 3, data };
}

/** Undoes `preprocessForAlexNet`: RGBA bytes (alpha 255) of a BGR mean-subtracted volume, for showing the input. */
export function alexnetInputToRgba(input: Volume): Uint8ClampedArray {
  const [meanB, meanG, meanR] = ALEXNET_BGR_MEANS;
  const out = new Uint8ClampedArray(input.height * input.width * 4);
  for (let i = 0, j = 0; j < input.data.length; i += 4, j += 3) {
    out[i] = Math.round(input.data[j + 2] + meanR);
    out[i + 1] = Math.round(input.data[j + 1] + meanG);
    out[i + 2] = Math.round(input.data[j] + meanB);
    out[i + 3] = 255;
  }
  return out;
}

/**
 * Scales an RGBA image so its shorter side is `size`, then cuts the centred size × size square (the paper's
 * test-time centre crop, §4.1 "rescaled … then cropped out the central patch"). Resampling is separable and
 * linear (triangle filter), widened by the reduction factor when shrinking so every source pixel counts (the
 * antialiased bilinear of PIL/Pillow). Returns size·size·4 bytes, alpha 255.
 */
export function resizeAndCropRgba(rgba: ArrayLike<number>, width: number, height: number, size = ALEXNET_INPUT_SIZE): Uint8ClampedArray {
  if (rgba.length !== width * height * 4 || width < 1 || height < 1) {
    throw new Error(`resizeAndCropRgba: ${width}×${height} RGBA needs ${width * height * 4} values, got ${rgba.length}`);
  }
  const scale = size / Math.min(width, height);
  const scaledW = Math.max(size, Math.round(width * scale));
  const scaledH = Math.max(size, Math.round(height * scale));
  const left = Math.floor((scaledW - size) / 2);
  const top = Math.floor((scaledH - size) / 2);
  const xTaps = resampleTaps(width, scaledW, left, size);
  const yTaps = resampleTaps(height, scaledH, top, size);
  // Horizontal pass into float rows (all source rows, only the crop's columns), then vertical.
  const rows = new Float32Array(height * size * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < size; x++) {
      const { first, weights } = xTaps[x];
      let r = 0, g = 0, b = 0;
      for (let k = 0; k < weights.length; k++) {
        const s = (y * width + first + k) * 4;
        r += weights[k] * rgba[s]; g += weights[k] * rgba[s + 1]; b += weights[k] * rgba[s + 2];
      }
      const o = (y * size + x) * 3;
      rows[o] = r; rows[o + 1] = g; rows[o + 2] = b;
    }
  }
  const out = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    const { first, weights } = yTaps[y];
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0;
      for (let k = 0; k < weights.length; k++) {
        const s = ((first + k) * size + x) * 3;
        r += weights[k] * rows[s]; g += weights[k] * rows[s + 1]; b += weights[k] * rows[s + 2];
      }
      const o = (y * size + x) * 4;
      out[o] = Math.round(r); out[o + 1] = Math.round(g); out[o + 2] = Math.round(b); out[o + 3] = 255;
    }
  }
  return out;
}

/**
 * For output pixels offset … offset+count−1 of a source axis of `inSize` scaled to `outSize`: the first source
 * pixel each reads and the normalised triangle-filter weights (pixel centres at i + 0.5, support max(1, 1/scale)).
 */
function resampleTaps(inSize: number, outSize: number, offset: number, count: number): { first: number; weights: number[] }[] {
  const scale = outSize / inSize;
  const support = Math.max(1, 1 / scale);
  const taps = [];
  for (let o = offset; o < offset + count; o++) {
    const centre = (o + 0.5) / scale;
    const first = Math.max(0, Math.floor(centre - support));
    const last = Math.min(inSize - 1, Math.ceil(centre + support));
    let weights: number[] = [];
    for (let i = first; i <= last; i++) weights.push(Math.max(0, 1 - Math.abs(i + 0.5 - centre) / support));
    const total = weights.reduce((a, b) => a + b, 0);
    weights = weights.map((w) => w / total);
    taps.push({ first, weights });
  }
  return taps;
}
