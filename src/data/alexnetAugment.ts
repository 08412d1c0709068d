/**
 * AlexNet's first form of data augmentation (Krizhevsky, Sutskever & Hinton 2012, §4.1): images are rescaled to
 * 256×256, and the network trains on random 224×224 patches of them and on those patches' horizontal
 * reflections. Pure arithmetic on RGB bytes (row-major, 3 bytes a pixel), so it runs in Node tests.
 */

/** Side of the rescaled image the crops are taken from. */
export const AUGMENT_SOURCE_SIDE = 256;
/** Side of the patch the network sees. */
export const AUGMENT_CROP_SIDE = 224;

/** One augmented example: the patch's top-left corner in the source, and whether it is reflected left–right. */
export interface CropBox { x: number; y: number; flip: boolean }

/**
 * The paper's count of distinct examples one image gives: (source − crop)² positions times 2 reflections,
 * "a factor of 2048" for 256 and 224. (Counting both end positions, x and y each take source − crop + 1
 * values, 33² = 1,089 corners; the paper's figure counts 32 per axis.)
 */
export function augmentationFactor(source = AUGMENT_SOURCE_SIDE, crop = AUGMENT_CROP_SIDE): { perAxis: number; positions: number; reflections: number; factor: number; exactPerAxis: number; exactFactor: number } {
  const perAxis = Math.max(0, source - crop);
  const positions = perAxis * perAxis;
  // The corners randomCropPairs draws: 0 … source − crop on each axis, both ends included.
  const exactPerAxis = source >= crop ? source - crop + 1 : 0;
  return { perAxis, positions, reflections: 2, factor: positions * 2, exactPerAxis, exactFactor: exactPerAxis * exactPerAxis * 2 };
}

/**
 * `count` random patches: corners uniform over 0 … source − crop (inclusive) on each axis, and every patch
 * followed by its own reflection (so the grid shows pairs), drawn from `random` (a seeded generator).
 */
export function randomCropPairs(count: number, random: () => number, source = AUGMENT_SOURCE_SIDE, crop = AUGMENT_CROP_SIDE): CropBox[] {
  const span = source - crop + 1;
  if (span < 1) throw new Error(`a ${crop}×${crop} crop does not fit in ${source}×${source}`);
  const out: CropBox[] = [];
  for (let i = 0; i < count; i++) {
    const x = Math.min(span - 1, Math.floor(random() * span));
    const y = Math.min(span - 1, Math.floor(random() * span));
    out.push({ x, y, flip: false }, { x, y, flip: true });
  }
  return out;
}

/**
 * The `crop`×`crop` patch at `box` of a `side`×`side` RGB image; with `box.flip`, reflected left–right
 * (output column c reads input column x + crop − 1 − c).
 */
export function cropRgb(rgb: Uint8Array, side: number, box: CropBox, crop = AUGMENT_CROP_SIDE): Uint8Array {
  if (box.x < 0 || box.y < 0 || box.x + crop > side || box.y + crop > side) throw new Error(`crop at (${box.x}, ${box.y}) of ${crop}×${crop} leaves the ${side}×${side} image`);
  const out = new Uint8Array(crop * crop * 3);
  for (let r = 0; r < crop; r++) {
    for (let c = 0; c < crop; c++) {
      const sc = box.flip ? box.x + crop - 1 - c : box.x + c;
      const src = ((box.y + r) * side + sc) * 3;
      const dst = (r * crop + c) * 3;
      out[dst] = rgb[src];
      out[dst + 1] = rgb[src + 1];
      out[dst + 2] = rgb[src + 2];
    }
  }
  return out;
}

/** Bilinear resize of a square RGB image (a webcam frame kept at 224 is shown at 256 this way), pixel centres aligned. */
export function resizeRgbSquare(rgb: Uint8Array, side: number, to: number): Uint8Array {
  if (side === to) return rgb.slice();
  const out = new Uint8Array(to * to * 3);
  const scale = side / to;
  for (let r = 0; r < to; r++) {
    const sy = Math.min(side - 1, Math.max(0, (r + 0.5) * scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(side - 1, y0 + 1);
    const fy = sy - y0;
    for (let c = 0; c < to; c++) {
      const sx = Math.min(side - 1, Math.max(0, (c + 0.5) * scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(side - 1, x0 + 1);
      const fx = sx - x0;
      for (let k = 0; k < 3; k++) {
        const top = rgb[(y0 * side + x0) * 3 + k] * (1 - fx) + rgb[(y0 * side + x1) * 3 + k] * fx;
        const bottom = rgb[(y1 * side + x0) * 3 + k] * (1 - fx) + rgb[(y1 * side + x1) * 3 + k] * fx;
        out[(r * to + c) * 3 + k] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}
