import * as tf from '@tensorflow/tfjs';
import { AlexNet, ALEXNET_INPUT_SIZE, alexnetRandomValues, type AlexNetVariableName } from '../model/alexnet';
import { loadMobileNet, MOBILENET_INPUT_SIDE, MOBILENET_MODEL_PATH } from '../model/mobilenet';
import { mulberry32 } from '../model/random';

/** Options of one inference-latency measurement. */
export interface InferenceOptions {
  /** Timed single-image inferences (after `warmup` untimed ones). */
  runs: number;
  warmup: number;
  /** Time limit for the whole measurement: fewer runs when the first inference says they would not fit; skipped under 3. */
  maxSeconds: number;
  seed: number;
}

export interface InferenceResult {
  model: 'mobilenet' | 'alexnet';
  backend: string;
  /** Median wall-clock ms of one single-image inference, input upload and read-back of the output included. */
  medianMs: number;
  minMs: number;
  runs: number;
  /** The first inference (kernel compilation, weight upload): not in the median. */
  firstMs: number;
  /** Set instead of a median when the runs would exceed the time limit. */
  skipped?: string;
  numTensorsBefore: number;
  numTensorsAfter: number;
}

const MIN_RUNS = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Times `infer` (one image, awaited) after a first call; skips when MIN_RUNS would not fit in `maxSeconds`. */
async function timeInference(model: InferenceResult['model'], infer: () => Promise<unknown>, opts: InferenceOptions, numTensorsBefore: number): Promise<Omit<InferenceResult, 'numTensorsAfter'>> {
  const backend = tf.getBackend();
  let t = performance.now();
  await infer();
  const firstMs = performance.now() - t;
  const base = { model, backend, firstMs, numTensorsBefore };
  if (firstMs > opts.maxSeconds * 500) {
    return { ...base, medianMs: NaN, minMs: NaN, runs: 0, skipped: `too slow: the first inference took ${(firstMs / 1000).toFixed(1)} s, over half the ${opts.maxSeconds} s limit` };
  }
  // The first call pays for set-up; the second says what one inference costs.
  t = performance.now();
  await infer();
  const probeMs = performance.now() - t;
  const fit = Math.floor((opts.maxSeconds * 1000 - firstMs - probeMs) / probeMs);
  if (fit < MIN_RUNS + Math.min(opts.warmup, 1)) {
    return { ...base, medianMs: NaN, minMs: NaN, runs: 0, skipped: `too slow: one inference took ${(probeMs / 1000).toFixed(1)} s, ${MIN_RUNS} runs would exceed the ${opts.maxSeconds} s limit` };
  }
  const warmup = Math.max(0, Math.min(opts.warmup - 1, fit - MIN_RUNS));
  for (let i = 0; i < warmup; i++) await infer();
  const runs = Math.min(opts.runs, fit - warmup);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await infer();
    times.push(performance.now() - t);
  }
  return { ...base, medianMs: median(times), minMs: Math.min(...times), runs };
}

/** The shipped MobileNet's `classify` on one 224×224 image of seeded random pixels, on the active backend. */
export async function mobilenetLatency(opts: InferenceOptions): Promise<InferenceResult> {
  const numTensorsBefore = tf.memory().numTensors;
  const net = await loadMobileNet(new URL(MOBILENET_MODEL_PATH, document.baseURI).href);
  try {
    const random = mulberry32(opts.seed);
    const rgb = new Uint8Array(MOBILENET_INPUT_SIDE * MOBILENET_INPUT_SIDE * 3).map(() => Math.floor(random() * 256));
    const r = await timeInference('mobilenet', () => net.classify(rgb), opts, numTensorsBefore);
    return { ...r, numTensorsAfter: NaN };
  } finally {
    net.dispose();
  }
}

let alexnetValues: Map<AlexNetVariableName, Float32Array> | null = null;

/**
 * AlexNet (60,965,224 parameters, seeded He-uniform weights from `alexnetRandomValues`: no weight files needed)
 * classifying one 227×227 input of seeded random values, on the active backend. The values are generated once
 * per page; the network is built on each backend and disposed after.
 */
export async function alexnetLatency(opts: InferenceOptions): Promise<InferenceResult> {
  const numTensorsBefore = tf.memory().numTensors;
  alexnetValues ??= alexnetRandomValues(opts.seed);
  const net = new AlexNet(alexnetValues);
  try {
    const random = mulberry32(opts.seed + 1);
    const input = { height: ALEXNET_INPUT_SIZE, width: ALEXNET_INPUT_SIZE, depth: 3, data: new Float32Array(ALEXNET_INPUT_SIZE * ALEXNET_INPUT_SIZE * 3).map(() => random() * 255 - 128) };
    const r = await timeInference('alexnet', () => net.probabilities(input), opts, numTensorsBefore);
    return { ...r, numTensorsAfter: NaN };
  } finally {
    net.dispose();
  }
}

/** Both, with the tensor count after the network is disposed (a leak shows as a difference). */
export async function inferenceLatency(model: InferenceResult['model'], opts: InferenceOptions): Promise<InferenceResult> {
  const r = model === 'mobilenet' ? await mobilenetLatency(opts) : await alexnetLatency(opts);
  return { ...r, numTensorsAfter: tf.memory().numTensors };
}
