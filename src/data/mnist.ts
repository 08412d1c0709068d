import { DatasetError } from './datasetError';
import { DatasetNotFoundError, fetchBytes } from './fetchBytes';
import { gunzip } from './gunzip';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdxImages, parseIdxLabels } from './idx';
import { parseSha256Sums, sha256Hex } from './sha256';

/** The four files of MNIST (LeCun, Cortes & Burges), gzipped IDX as originally distributed. */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;
export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_CHECKSUMS_FILE = 'SHA256SUMS';
const MNIST_MAX_LABEL = 9;
const MNIST_COUNTS = { train: 60_000, test: 10_000 } as const;

/** Compressed sizes of the canonical files, used for progress when a server sends no Content-Length. */
const MNIST_COMPRESSED_BYTES: Record<string, number> = {
  [MNIST_FILES.trainImages]: 9_719_438,
  [MNIST_FILES.trainLabels]: 28_857,
  [MNIST_FILES.testImages]: 1_616_508,
  [MNIST_FILES.testLabels]: 4_517,
};
/** Share of the progress bar for downloading; the rest fills as files are verified, decompressed and parsed. */
const DOWNLOAD_SHARE = 0.85;

/** One split: image i is `images[i * 784 .. (i + 1) * 784)`, row-major 28×28, 0..255 (0 = background). */
export interface MnistSplit {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

export interface MnistData {
  train: MnistSplit | null;
  test: MnistSplit;
}

/** `fraction` is overall (0..1, never decreasing) across all files, weighted by their compressed sizes. */
export interface LoadProgress {
  file: string;
  loaded: number;
  total: number | null;
  fraction: number;
  phase: 'download' | 'decompress' | 'verify' | 'done';
}

export interface LoadMnistOptions {
  /** Folder holding the four files and SHA256SUMS, e.g. 'datasets/mnist/'. In a Worker pass an absolute URL. */
  baseUrl: string;
  includeTrain: boolean;
  fetchFn?: typeof fetch;
  onProgress?: (p: LoadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Downloads MNIST (in parallel), verifies each compressed file against `SHA256SUMS` when that file exists
 * and Web Crypto is available, gunzips, parses and validates (60000 train / 10000 test images of 28×28,
 * labels 0..9). Every problem is a {@link DatasetError} naming the file; the first failure cancels the
 * other downloads. The last progress event has phase 'done' and fraction 1.
 */
export async function loadMnist(opts: LoadMnistOptions): Promise<MnistData> {
  const base = opts.baseUrl === '' || opts.baseUrl.endsWith('/') ? opts.baseUrl : opts.baseUrl + '/';
  const files: string[] = [MNIST_FILES.testImages, MNIST_FILES.testLabels];
  if (opts.includeTrain) files.push(MNIST_FILES.trainImages, MNIST_FILES.trainLabels);
  const progress = createProgress(files, opts.onProgress);
  const controller = new AbortController();
  const outer = opts.signal;
  outer?.throwIfAborted();
  const forwardAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forwardAbort, { once: true });
  const fetchOpts = { fetchFn: opts.fetchFn, signal: controller.signal };

  const sums = fetchChecksums(base + MNIST_CHECKSUMS_FILE, fetchOpts);
  sums.catch(() => undefined); // a failure surfaces where a file awaits the sums; never as an unhandled rejection
  const load = async (file: string): Promise<Uint8Array> => {
    const onProgress = (loaded: number, total: number | null) => progress.report(file, 'download', loaded, total);
    const compressed = await fetchBytes(base + file, file, { ...fetchOpts, onProgress });
    const alreadyRaw = isRawIdx(compressed);
    const expected = alreadyRaw ? null : await sums;
    if (expected) {
      await verifyChecksum(compressed, file, expected);
      progress.report(file, 'verify', compressed.length, compressed.length);
    }
    controller.signal.throwIfAborted();
    progress.report(file, 'decompress', compressed.length, compressed.length);
    const raw = alreadyRaw ? compressed : await gunzip(compressed, file);
    progress.fileFinished(file);
    return raw;
  };
  const split = async (images: string, labels: string, count: number): Promise<MnistSplit> => {
    const [imageBytes, labelBytes] = await Promise.all([load(images), load(labels)]);
    const parsedImages = parseIdxImages(imageBytes, images, { count, rows: MNIST_SIDE, cols: MNIST_SIDE });
    const parsedLabels = parseIdxLabels(labelBytes, labels, { count, maxLabel: MNIST_MAX_LABEL });
    if (parsedImages.count !== parsedLabels.count) {
      throw new DatasetError(labels, `has ${parsedLabels.count} labels but ${images} has ${parsedImages.count} images`);
    }
    return { count: parsedImages.count, images: parsedImages.pixels, labels: parsedLabels.labels };
  };

  try {
    const [test, train] = await Promise.all([
      split(MNIST_FILES.testImages, MNIST_FILES.testLabels, MNIST_COUNTS.test),
      opts.includeTrain ? split(MNIST_FILES.trainImages, MNIST_FILES.trainLabels, MNIST_COUNTS.train) : null,
    ]);
    progress.done();
    return { train, test };
  } catch (err) {
    controller.abort(err);
    throw outer?.aborted ? outer.reason : err;
  } finally {
    outer?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * Copies the images at `indices` into one Float32Array of `indices.length * 784` values scaled to [0, 1]
 * (v / 255), image after image, row-major — the layout of a `[batch, 28, 28, 1]` tensor. Reuses `out`
 * when it is long enough (returning a view of its start if it is longer). Training hot path: no allocation
 * when `out` is given.
 */
export function mnistBatchToFloat(images: Uint8Array, indices: ArrayLike<number>, out?: Float32Array): Float32Array {
  const needed = indices.length * MNIST_PIXELS;
  let target: Float32Array;
  if (!out) target = new Float32Array(needed);
  else if (out.length === needed) target = out;
  else if (out.length > needed) target = out.subarray(0, needed);
  else throw new RangeError(`mnistBatchToFloat: out holds ${out.length} values, ${needed} needed`);
  const count = Math.floor(images.length / MNIST_PIXELS);
  const scale = BYTE_TO_UNIT;
  for (let b = 0, o = 0; b < indices.length; b++) {
    const index = indices[b];
    if (!(index >= 0 && index < count) || index !== Math.floor(index)) {
      throw new RangeError(`mnistBatchToFloat: index ${index} is not an image (0..${count - 1})`);
    }
    const end = (index + 1) * MNIST_PIXELS;
    for (let p = index * MNIST_PIXELS; p < end; p++, o++) target[o] = scale[images[p]];
  }
  return target;
}

/** v / 255 for every byte value, so the copy loop is a table look-up and matches the division exactly. */
const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** A missing SHA256SUMS (404, or the dev server's HTML page) means "do not verify"; other failures propagate. */
async function fetchChecksums(url: string, opts: { fetchFn?: typeof fetch; signal: AbortSignal }) {
  try {
    const bytes = await fetchBytes(url, MNIST_CHECKSUMS_FILE, opts);
    return parseSha256Sums(new TextDecoder().decode(bytes));
  } catch (err) {
    if (err instanceof DatasetNotFoundError) return null;
    throw err;
  }
}

async function verifyChecksum(bytes: Uint8Array, file: string, sums: Map<string, string>): Promise<void> {
  const expected = sums.get(file);
  if (expected === undefined) throw new DatasetError(file, `is not listed in ${MNIST_CHECKSUMS_FILE}`);
  const actual = await sha256Hex(bytes);
  if (actual !== null && actual !== expected) {
    throw new DatasetError(file, `failed its checksum (expected sha256 ${expected}, got ${actual})`);
  }
}

/** A server that sends .gz files with Content-Encoding: gzip gets them decompressed by the browser already. */
function isRawIdx(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const magic = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  return magic === IDX_IMAGES_MAGIC || magic === IDX_LABELS_MAGIC;
}

function createProgress(files: string[], onProgress: ((p: LoadProgress) => void) | undefined) {
  const state = new Map(files.map((f) => [f, { loaded: 0, total: MNIST_COMPRESSED_BYTES[f] ?? 1, finished: false }]));
  let fraction = 0;
  let last = files[0];
  const overall = () => {
    let sum = 0;
    let loaded = 0;
    let finished = 0;
    for (const s of state.values()) {
      sum += s.total;
      loaded += Math.min(s.loaded, s.total);
      if (s.finished) finished += s.total;
    }
    // Never decreasing, even when a Content-Length replaces a fallback size; 1 only once everything is done.
    fraction = Math.max(fraction, Math.min(0.999, (DOWNLOAD_SHARE * loaded + (1 - DOWNLOAD_SHARE) * finished) / sum));
    return fraction;
  };
  const emit = (file: string, phase: LoadProgress['phase'], loaded: number, total: number | null) =>
    onProgress?.({ file, loaded, total, fraction: overall(), phase });
  return {
    report(file: string, phase: LoadProgress['phase'], loaded: number, total: number | null) {
      const s = state.get(file);
      if (s) {
        if (total !== null && total > 0) s.total = total;
        s.loaded = loaded;
      }
      emit(file, phase, loaded, total);
    },
    fileFinished(file: string) {
      const s = state.get(file);
      if (s) {
        s.finished = true;
        s.loaded = s.total;
      }
      last = file;
    },
    done() {
      let bytes = 0;
      for (const s of state.values()) bytes += s.total;
      fraction = 1;
      onProgress?.({ file: last, loaded: bytes, total: bytes, fraction: 1, phase: 'done' });
    },
  };
}
