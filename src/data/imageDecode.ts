import { centreSquare, rgbaOverWhite, type SquareCrop } from './imageSquare';

/** Files larger than this are refused before decoding. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Images with more pixels than this (about 12,000 × 12,000) are refused after their size is known. */
export const MAX_IMAGE_PIXELS = 150_000_000;

/** A photo brought down to the network's square input. */
export interface SquareImage {
  /** `side` × `side` RGB bytes, row-major, composited over white. */
  rgb: Uint8Array;
  side: number;
  /** The decoded photo's own size, and the centre square taken from it. */
  width: number;
  height: number;
  crop: SquareCrop;
  /** Milliseconds spent decoding, cropping and resizing. */
  decodeMs: number;
}

/** A photo that cannot be used, with a message a student can act on (it names the file). */
export class ImageInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageInputError';
  }
}

function canvasOf(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  return typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
}

/** RGB bytes of a small drawable (already `side` × `side`), composited over white. */
function readSquare(source: CanvasImageSource, side: number): Uint8Array {
  const canvas = canvasOf(side, side);
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new ImageInputError('this browser offers no 2D canvas to read the image with');
  ctx.drawImage(source, 0, 0, side, side);
  return rgbaOverWhite(ctx.getImageData(0, 0, side, side).data);
}

/**
 * Decodes an image file (PNG, JPEG, GIF, WebP, BMP — whatever the browser reads) to the centre square of it,
 * resized by the browser to `side` × `side`. The full-size decode stays inside the browser's image decoder
 * (`createImageBitmap`, off the main thread in Chromium); only the small square reaches JavaScript, so a
 * 6000 × 6000 photo costs 224·224·3 bytes here, not 144 MB. Rejects with an {@link ImageInputError} for an empty
 * file, a file over {@link MAX_IMAGE_BYTES}, something that is not an image, or an image over {@link MAX_IMAGE_PIXELS}.
 */
export async function decodeSquare(blob: Blob, name: string, side: number): Promise<SquareImage> {
  const started = performance.now();
  if (blob.size === 0) throw new ImageInputError(`${name} is empty (0 bytes): pick an image file`);
  if (blob.size > MAX_IMAGE_BYTES) {
    throw new ImageInputError(`${name} is ${(blob.size / 1048576).toFixed(0)} MB; pick an image under ${MAX_IMAGE_BYTES / 1048576} MB`);
  }
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(blob);
  } catch {
    throw new ImageInputError(`${name} is not an image this browser can read (try a PNG, JPEG, GIF or WebP)`);
  }
  try {
    const { width, height } = full;
    if (width * height > MAX_IMAGE_PIXELS) {
      throw new ImageInputError(`${name} is ${width} × ${height} pixels, too large to use here; pick one under ${(MAX_IMAGE_PIXELS / 1e6).toFixed(0)} megapixels`);
    }
    const crop = centreSquare(width, height);
    const small = await createImageBitmap(full, crop.x, crop.y, crop.side, crop.side, { resizeWidth: side, resizeHeight: side, resizeQuality: 'high' });
    try {
      return { rgb: readSquare(small, side), side, width, height, crop, decodeMs: performance.now() - started };
    } finally {
      small.close();
    }
  } finally {
    full.close();
  }
}

/** The centre square of a playing `<video>` (a webcam frame), resized to `side` × `side`. */
export function grabVideoSquare(video: HTMLVideoElement, side: number): SquareImage {
  const started = performance.now();
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) throw new ImageInputError('the camera has not sent a picture yet; wait a moment and try again');
  const crop = centreSquare(width, height);
  const canvas = canvasOf(side, side);
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new ImageInputError('this browser offers no 2D canvas to read the camera with');
  ctx.drawImage(video, crop.x, crop.y, crop.side, crop.side, 0, 0, side, side);
  return { rgb: rgbaOverWhite(ctx.getImageData(0, 0, side, side).data), side, width, height, crop, decodeMs: performance.now() - started };
}
