import { DatasetError } from './datasetError';
import { fetchBytes } from './fetchBytes';

export const CIFAR_SIDE = 32;
export const CIFAR_CHANNELS = 3;
/** Images per row of the shipped sprite PNGs: image i sits at row ⌊i/100⌋, column i mod 100 of 32×32 tiles. */
const SPRITE_COLUMNS = 100;
export const CIFAR_TEST_FILES = { images: 'cifar10_test_first1000.png', labels: 'cifar10_test_first1000_labels.u8', classes: 'cifar10_classes.txt' } as const;
const TEST_COUNT = 1000;

/** `count` RGB images of 32×32: image i is `pixels[i*3072 … (i+1)*3072)`, row-major, RGB interleaved, 0–255. */
export interface CifarSet { count: number; pixels: Uint8Array; labels: Uint8Array; classes: string[] }

/** Decodes a PNG to RGBA bytes in the browser (createImageBitmap + a canvas; OffscreenCanvas where there is one). */
async function decodePng(bytes: Uint8Array, file: string): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/png' }));
  } catch (err) {
    throw new DatasetError(file, `is not a readable PNG image (${err instanceof Error ? err.message : String(err)})`);
  }
  const { width, height } = bitmap;
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new DatasetError(file, 'could not be decoded (no 2D canvas in this browser)');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { width, height, rgba: ctx.getImageData(0, 0, width, height).data };
}

/** Cuts the 32×32 tiles out of a sprite sheet into one RGB array. */
export function tilesFromSprite(rgba: Uint8ClampedArray, width: number, count: number): Uint8Array {
  const out = new Uint8Array(count * CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS);
  for (let i = 0; i < count; i++) {
    const top = Math.floor(i / SPRITE_COLUMNS) * CIFAR_SIDE;
    const left = (i % SPRITE_COLUMNS) * CIFAR_SIDE;
    for (let y = 0; y < CIFAR_SIDE; y++) {
      for (let x = 0; x < CIFAR_SIDE; x++) {
        const src = ((top + y) * width + left + x) * 4;
        const dst = ((i * CIFAR_SIDE + y) * CIFAR_SIDE + x) * CIFAR_CHANNELS;
        out[dst] = rgba[src];
        out[dst + 1] = rgba[src + 1];
        out[dst + 2] = rgba[src + 2];
      }
    }
  }
  return out;
}

/**
 * The first 1,000 CIFAR-10 test images (Krizhevsky 2009) with labels and class names, from the project's
 * `datasets/cifar10/`. Validates the sprite's size and the label count; every problem names the file.
 */
export async function loadCifarTestSubset(baseUrl: string, fetchFn?: typeof fetch): Promise<CifarSet> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const [png, labels, classesBytes] = await Promise.all([
    fetchBytes(base + CIFAR_TEST_FILES.images, CIFAR_TEST_FILES.images, { fetchFn }),
    fetchBytes(base + CIFAR_TEST_FILES.labels, CIFAR_TEST_FILES.labels, { fetchFn }),
    fetchBytes(base + CIFAR_TEST_FILES.classes, CIFAR_TEST_FILES.classes, { fetchFn }),
  ]);
  if (labels.length !== TEST_COUNT) throw new DatasetError(CIFAR_TEST_FILES.labels, `has ${labels.length} labels, expected ${TEST_COUNT}`);
  const classes = new TextDecoder().decode(classesBytes).split('\n').map((s) => s.trim()).filter(Boolean);
  if (classes.length !== 10) throw new DatasetError(CIFAR_TEST_FILES.classes, `lists ${classes.length} classes, expected 10`);
  if (labels.some((l) => l > 9)) throw new DatasetError(CIFAR_TEST_FILES.labels, 'has a label above 9');
  const { width, height, rgba } = await decodePng(png, CIFAR_TEST_FILES.images);
  const rows = Math.ceil(TEST_COUNT / SPRITE_COLUMNS);
  if (width !== SPRITE_COLUMNS * CIFAR_SIDE || height !== rows * CIFAR_SIDE) {
    throw new DatasetError(CIFAR_TEST_FILES.images, `is ${width}×${height} pixels, expected ${SPRITE_COLUMNS * CIFAR_SIDE}×${rows * CIFAR_SIDE}`);
  }
  return { count: TEST_COUNT, pixels: tilesFromSprite(rgba, width, TEST_COUNT), labels, classes };
}

let pending: Promise<CifarSet> | null = null;
/** Loaded once per page; a failure is forgotten so a later visit retries. */
export function loadSharedCifarTest(): Promise<CifarSet> {
  if (!pending) {
    pending = loadCifarTestSubset(new URL('datasets/cifar10/', document.baseURI).href);
    pending.catch(() => { pending = null; });
  }
  return pending;
}
