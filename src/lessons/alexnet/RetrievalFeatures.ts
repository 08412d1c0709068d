import type { Volume } from '../../math/volume';
import { ALEXNET_INPUT_SIZE, type AlexNet } from '../../model/alexnet';
import { preprocessForAlexNet, resizeAndCropRgba } from '../../model/alexnetInput';
import { MOBILENET_FEATURES, type MobileNet } from '../../model/mobilenet';
import type { GalleryItem } from './RetrievalGallery';

/** A network's last hidden layer, as the retrieval view uses it: RGB squares in, one feature vector each out. */
export interface FeatureExtractor {
  /** Cache key: vectors computed under one key are reused for the whole session. */
  key: string;
  /** The network, as the view names it. */
  name: string;
  /** The layer, in words. */
  layer: string;
  dims: number;
  /** Whether `extract` pauses for paints inside a batch (then batches can be larger). */
  paused: boolean;
  /** Feature vectors of `side` × `side` RGB images (copies; no tensors). */
  extract(rgbs: readonly Uint8Array[], side: number): Promise<Float32Array[]>;
}

/** Main-thread milliseconds of work before the page paints again (a long task is one of 50 ms or more). */
const SLICE_MS = 30;
/** Images per batch when the extractor pauses inside a batch; otherwise batches are sized to take about SLICE_MS. */
const PAUSED_BATCH = 1;
const MAX_BATCH = 32;

/** Resolves after the browser has painted (or after 100 ms in a hidden tab, which runs no animation frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
  });
}

export function mobilenetExtractor(net: MobileNet): FeatureExtractor {
  return {
    key: 'mobilenet',
    name: 'MobileNet',
    layer: `its last hidden layer: ${MOBILENET_FEATURES} channel averages, the classifier's input`,
    dims: MOBILENET_FEATURES,
    paused: true,
    extract: (rgbs, side) => net.penultimate(rgbs, side, { pause: afterPaint, sliceMs: SLICE_MS }),
  };
}

const alexnetIds = new WeakMap<AlexNet, number>();
let alexnetCount = 0;

/** RGB bytes as AlexNet's input: scaled up to 227 × 227, BGR, channel means subtracted. */
function alexnetVolume(rgb: Uint8Array, side: number): Volume {
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i]; rgba[j + 1] = rgb[i + 1]; rgba[j + 2] = rgb[i + 2]; rgba[j + 3] = 255;
  }
  return preprocessForAlexNet(resizeAndCropRgba(rgba, side, side, ALEXNET_INPUT_SIZE), ALEXNET_INPUT_SIZE, ALEXNET_INPUT_SIZE);
}

/** AlexNet's fc7 (4,096 values after ReLU), the layer of the paper's Fig. 4; one cache per loaded network. */
export function alexnetExtractor(net: AlexNet): FeatureExtractor {
  if (!alexnetIds.has(net)) alexnetIds.set(net, ++alexnetCount);
  return {
    key: `alexnet-fc7-${alexnetIds.get(net)}`,
    name: 'AlexNet',
    layer: 'fc7, its last hidden layer: 4,096 values after ReLU, as in the paper',
    dims: 4096,
    paused: false,
    extract: (rgbs, side) => net.penultimate(rgbs.map((rgb) => alexnetVolume(rgb, side))),
  };
}

export interface FeatureProgress {
  done: number;
  total: number;
  /** Wall-clock milliseconds spent so far (batches and the paints between them). */
  ms: number;
  /** The largest batch used so far. */
  largestBatch: number;
}

interface FeatureRun { vectors: Float32Array[]; ms: number; largestBatch: number; queue: Promise<unknown> }
const runs = new Map<string, FeatureRun>();

/**
 * Feature vectors of every gallery item, in order, cached per extractor for the session (an interrupted run
 * resumes where it stopped). The page paints between batches, and inside one when the extractor pauses between
 * layers; otherwise batches are sized so that their synchronous part (the whole forward pass on WASM and CPU,
 * only the dispatch on WebGL) takes about {@link SLICE_MS}. Resolves to null when `cancelled()` turns true (checked between batches).
 */
export function galleryFeatures(
  extractor: FeatureExtractor,
  items: readonly GalleryItem[],
  onProgress: (p: FeatureProgress) => void,
  cancelled: () => boolean,
): Promise<Float32Array[] | null> {
  let run = runs.get(extractor.key);
  if (!run) {
    run = { vectors: [], ms: 0, largestBatch: 0, queue: Promise.resolve() };
    runs.set(extractor.key, run);
  }
  const r = run;
  const job = r.queue.then(async () => {
    let batch = extractor.paused ? PAUSED_BATCH : 1;
    const report = () => onProgress({ done: r.vectors.length, total: items.length, ms: r.ms, largestBatch: r.largestBatch });
    report();
    while (r.vectors.length < items.length) {
      if (cancelled()) return null;
      const started = performance.now();
      const first = r.vectors.length;
      const side = items[first].side;
      let end = first;
      while (end < items.length && end - first < batch && items[end].side === side) end++;
      const pending = extractor.extract(items.slice(first, end).map((item) => item.rgb), side);
      const syncMs = performance.now() - started;
      const vectors = await pending;
      r.vectors.push(...vectors);
      r.largestBatch = Math.max(r.largestBatch, end - first);
      if (!extractor.paused) batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(SLICE_MS / Math.max(syncMs / (end - first), 0.5))));
      await afterPaint();
      r.ms += performance.now() - started;
      report();
    }
    return r.vectors;
  });
  r.queue = job.catch(() => undefined);
  return job;
}

const pictureFeatures = new WeakMap<GalleryItem, Map<string, Promise<Float32Array>>>();

/** One item's feature vector outside the shipped gallery (the student's own pictures), cached per extractor. */
export function itemFeatures(extractor: FeatureExtractor, item: GalleryItem): Promise<Float32Array> {
  let byKey = pictureFeatures.get(item);
  if (!byKey) pictureFeatures.set(item, (byKey = new Map()));
  let vector = byKey.get(extractor.key);
  if (!vector) {
    vector = extractor.extract([item.rgb], item.side).then(([v]) => v);
    byKey.set(extractor.key, vector);
    vector.catch(() => byKey.delete(extractor.key));
  }
  return vector;
}
