import { DatasetError } from './datasetError';
import { DatasetNotFoundError, fetchBytes } from './fetchBytes';
import { parseSha256Sums, sha256Hex } from './sha256';

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

/** The five training sprites (10,000 images each, the official `data_batch_1` … `data_batch_5` in order) and their labels. */
export const CIFAR_TRAIN_FILES = {
  batches: ['cifar10_train_batch1.png', 'cifar10_train_batch2.png', 'cifar10_train_batch3.png', 'cifar10_train_batch4.png', 'cifar10_train_batch5.png'],
  labels: 'cifar10_train_labels.u8',
  checksums: 'SHA256SUMS',
} as const;
export const CIFAR_TRAIN_BATCH_SIZE = 10_000;

async function checksumsAt(base: string, fetchFn?: typeof fetch): Promise<Map<string, string> | null> {
  try {
    return parseSha256Sums(new TextDecoder().decode(await fetchBytes(base + CIFAR_TRAIN_FILES.checksums, CIFAR_TRAIN_FILES.checksums, { fetchFn })));
  } catch (err) {
    if (err instanceof DatasetNotFoundError) return null;
    throw err;
  }
}

async function verified(bytes: Uint8Array, file: string, sums: Map<string, string> | null): Promise<Uint8Array> {
  const expected = sums?.get(file);
  if (!expected) return bytes;
  const actual = await sha256Hex(bytes);
  if (actual !== null && actual !== expected) throw new DatasetError(file, `failed its checksum (expected sha256 ${expected}, got ${actual})`);
  return bytes;
}

/**
 * The first `batches` × 10,000 CIFAR-10 training images (1 to 5 sprites), checked against SHA256SUMS where
 * Web Crypto exists, decoded in the browser or a worker. `onProgress(fraction, text)` reports as files arrive.
 */
export async function loadCifarTrain(baseUrl: string, batches: number, opts: { fetchFn?: typeof fetch; onProgress?: (fraction: number, text: string) => void } = {}): Promise<CifarSet> {
  const n = Math.max(1, Math.min(CIFAR_TRAIN_FILES.batches.length, Math.round(batches)));
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const { fetchFn, onProgress } = opts;
  const sums = await checksumsAt(base, fetchFn);
  const allLabels = await verified(await fetchBytes(base + CIFAR_TRAIN_FILES.labels, CIFAR_TRAIN_FILES.labels, { fetchFn }), CIFAR_TRAIN_FILES.labels, sums);
  if (allLabels.length !== CIFAR_TRAIN_BATCH_SIZE * CIFAR_TRAIN_FILES.batches.length) {
    throw new DatasetError(CIFAR_TRAIN_FILES.labels, `has ${allLabels.length} labels, expected 50000`);
  }
  if (allLabels.some((l) => l > 9)) throw new DatasetError(CIFAR_TRAIN_FILES.labels, 'has a label above 9');
  const count = n * CIFAR_TRAIN_BATCH_SIZE;
  const pixels = new Uint8Array(count * CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS);
  for (let b = 0; b < n; b++) {
    const file = CIFAR_TRAIN_FILES.batches[b];
    onProgress?.(b / n, `loading ${file} (${b + 1} of ${n})`);
    const png = await verified(await fetchBytes(base + file, file, {
      fetchFn,
      onProgress: (loaded, total) => onProgress?.((b + (total ? 0.8 * loaded / total : 0)) / n, `loading ${file} (${b + 1} of ${n})`),
    }), file, sums);
    const { width, height, rgba } = await decodePng(png, file);
    if (width !== SPRITE_COLUMNS * CIFAR_SIDE || height !== (CIFAR_TRAIN_BATCH_SIZE / SPRITE_COLUMNS) * CIFAR_SIDE) {
      throw new DatasetError(file, `is ${width}×${height} pixels, expected 3200×3200`);
    }
    pixels.set(tilesFromSprite(rgba, width, CIFAR_TRAIN_BATCH_SIZE), b * CIFAR_TRAIN_BATCH_SIZE * CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS);
  }
  onProgress?.(1, `${count.toLocaleString('en-US')} training images loaded`);
  const classesBytes = await fetchBytes(base + CIFAR_TEST_FILES.classes, CIFAR_TEST_FILES.classes, { fetchFn });
  const classes = new TextDecoder().decode(classesBytes).split('\n').map((s) => s.trim()).filter(Boolean);
  return { count, pixels, labels: allLabels.slice(0, count), classes };
}
