/** The centred square of an image: `side` × `side` pixels from (`x`, `y`). */
export interface SquareCrop {
  x: number;
  y: number;
  side: number;
}

/**
 * The largest centred square of a `width` × `height` image: side min(width, height), the longer dimension
 * trimmed equally on both ends (the odd pixel, if any, is dropped on the right or at the bottom).
 * This is the "central crop" of ImageNet evaluation; AlexNet took the central 224 × 224 patch of a 256 × 256 image.
 */
export function centreSquare(width: number, height: number): SquareCrop {
  if (!(width > 0 && height > 0) || !Number.isInteger(width) || !Number.isInteger(height)) {
    throw new RangeError(`an image of ${width} × ${height} pixels has no centre square`);
  }
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), side };
}

/**
 * RGB bytes (3 per pixel) from RGBA bytes, each pixel composited over white by its alpha:
 * c' = round(c·a/255 + 255·(1 − a/255)). Opaque pixels keep their colour exactly; Tux Paint's cut-out stamps get
 * a white background instead of black.
 */
export function rgbaOverWhite(rgba: ArrayLike<number>): Uint8Array {
  const pixels = Math.floor(rgba.length / 4);
  const out = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const a = rgba[p * 4 + 3];
    for (let c = 0; c < 3; c++) {
      const v = rgba[p * 4 + c];
      out[p * 3 + c] = a === 255 ? v : Math.round((v * a) / 255 + 255 - a);
    }
  }
  return out;
}
