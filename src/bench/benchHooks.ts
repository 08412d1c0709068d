import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, mnistBatchToFloat, type MnistSplit } from '../data/mnist';
import { updateParams } from '../app/navigation';
import { Autoencoder } from '../model/autoencoder';
import { AUTOENCODER_BATCH_SIZE } from '../model/autoencoderTask';
import { encodeAndReconstruct, readEncoderFilters } from '../model/autoencoderReadout';
import { deriveSeed, mulberry32 } from '../model/random';
import { modelConfig, settingsFromParams } from '../lessons/autoencoder/settings';
import { appStore, type BackendState } from '../state/store';
import { loadMnistTrain } from './benchData';
import { trainConvnetjs, type ConvnetjsResult } from './convnetjsBench';
import { inferenceLatency, type InferenceOptions, type InferenceResult } from './imagenetBench';
import { benchMatmul, type MatmulResult } from './matmulBench';
import { trainConvModel, type ConvModel, type ModelTrainResult, type TrainOptions } from './modelTrainBench';

/**
 * Hooks for `scripts/bench.mjs`, loaded only when the hash holds `bench=1` (see main.tsx). They run in the
 * page's own tfjs instance and backend, so the bare loop and the lesson share one engine and one GPU context.
 */
export interface BareRunResult {
  steps: number;
  seconds: number;
  examplesPerSecond: number;
  backend: string;
  numTensorsBefore: number;
  numTensorsAfter: number;
}

/** Lesson behaviours the bare loop can add back, one at a time, for profiling. */
export interface BareVariant {
  /** `await tf.nextFrame()` after every step, as the Trainer does. */
  waitForFrame?: boolean;
  /** With `waitForFrame`: keep stepping until this many ms have passed since the last frame, then wait (a per-frame time budget). */
  frameBudgetMs?: number;
  /** Keep the [reconstruction, sparsity, weightDecay] vector every step, as AutoencoderTask does. */
  keepTerms?: boolean;
  /** Await the loss when this many ms have passed since the last read-back (the Trainer's cadence), instead of every READBACK_EVERY steps. */
  readbackEveryMs?: number;
  /** Every this many ms, start (without awaiting) the live views' model read-backs: encoder filters and 12 reconstructions. */
  viewReadsEveryMs?: number;
}

export interface CnnLabBench {
  /**
   * Trains a fresh `Autoencoder` (the lesson's configuration from the URL) for `seconds` with no Trainer,
   * no frame waits and no views: one `trainBatch` per step, an awaited loss read-back every READBACK_EVERY
   * steps. A short untimed warm-up comes first. `variant` adds back one thing the lesson does, to find
   * where the lesson's time goes.
   */
  runBareAutoencoder(seconds: number, backend: string, variant?: BareVariant): Promise<BareRunResult>;
  numTensors(): number;
  /** The MNIST training split, from the same shared download the lesson uses. */
  loadMnistTrain(): Promise<MnistSplit>;
  /**
   * Makes `name` the page's backend through the app's own backend control and `startBackend` (so WASM gets the
   * project's gradient kernels), and says what it runs on. Throws when that backend cannot start.
   */
  useBackend(name: string): Promise<BackendDetails>;
  /** GFLOP/s of an n×n by n×n float32 matMul on the active backend (see matmulBench.ts). */
  matmul(n: number, seconds: number): Promise<MatmulResult>;
  /** Training throughput of one model on the active backend (see modelTrainBench.ts; `autoencoder` is the bare loop). */
  trainModel(model: 'autoencoder' | ConvModel, opts: TrainOptions): Promise<ModelTrainResult>;
  /** The same small MNIST CNN trained in ConvNetJS on the main thread (see convnetjsBench.ts). */
  trainConvnetjs(seconds: number, seed: number): Promise<ConvnetjsResult>;
  /** Median single-image inference ms of the shipped MobileNet or a generated-weights AlexNet (see imagenetBench.ts). */
  inferenceLatency(model: 'mobilenet' | 'alexnet', opts: InferenceOptions): Promise<InferenceResult>;
}

export interface BackendDetails {
  name: string;
  /** WebGL renderer string; null on the other backends. */
  renderer: string | null;
  software: boolean;
  crossOriginIsolated: boolean;
  /** Threads XNNPACK uses on WASM (1 without SharedArrayBuffer); null on the other backends. */
  wasmThreads: number | null;
  wasmSimd: boolean | null;
}

declare global {
  interface Window { __cnnlabBench?: CnnLabBench }
}

/** Read back the loss every this many steps, as GAN Lab does. */
const READBACK_EVERY = 50;
const WARMUP_STEPS = 20;
/** Test digits the lesson's views reconstruct (liveViews SHOWN_DIGITS). */
const VIEW_DIGITS = 12;

async function runBareAutoencoder(seconds: number, backend: string, variant: BareVariant = {}): Promise<BareRunResult> {
  if (tf.getBackend() !== backend) {
    throw new Error(`the page runs on ${tf.getBackend()}, not ${backend}: open it with ?backend=${backend}`);
  }
  const train = await loadMnistTrain();
  const settings = settingsFromParams(appStore.getState().route.params);
  const seed = settings.seed ?? 1;
  const numTensorsBefore = tf.memory().numTensors;
  const model = new Autoencoder(modelConfig(settings, seed));
  const random = mulberry32(deriveSeed(seed, 'bench-batches'));
  const indices = new Uint32Array(AUTOENCODER_BATCH_SIZE);
  const viewDigits = mnistBatchToFloat(train.images, Array.from({ length: VIEW_DIGITS }, (_, i) => i));
  let viewReads: Promise<unknown> | null = null;
  let lastViewRead = -Infinity;
  const maybeReadViews = () => {
    if (variant.viewReadsEveryMs === undefined || viewReads || performance.now() - lastViewRead < variant.viewReadsEveryMs) return;
    lastViewRead = performance.now();
    viewReads = Promise.all([readEncoderFilters(model), encodeAndReconstruct(model, viewDigits, MNIST_PIXELS)]).finally(() => { viewReads = null; });
  };

  const step = (): tf.Scalar => {
    for (let k = 0; k < indices.length; k++) indices[k] = Math.floor(random() * train.count);
    const batch = tf.tensor2d(mnistBatchToFloat(train.images, indices), [AUTOENCODER_BATCH_SIZE, MNIST_PIXELS]);
    try {
      const { loss, terms } = model.trainBatch(batch, batch, variant.keepTerms ?? false);
      terms?.dispose();
      return loss;
    } finally {
      batch.dispose();
    }
  };
  /** Runs `count` steps or until `deadline`, reading the loss back every READBACK_EVERY steps and after the last. */
  const run = async (count: number, deadline: number): Promise<number> => {
    let done = 0;
    let last: tf.Scalar | null = null;
    let lastReadback = performance.now();
    let lastFrame = performance.now();
    try {
      while (done < count && performance.now() < deadline) {
        last?.dispose();
        last = step();
        done++;
        const due = variant.readbackEveryMs === undefined
          ? done % READBACK_EVERY === 0
          : performance.now() - lastReadback >= variant.readbackEveryMs;
        if (due) {
          lastReadback = performance.now();
          await last.data();
        }
        maybeReadViews();
        if (variant.waitForFrame && performance.now() - lastFrame >= (variant.frameBudgetMs ?? 0)) {
          await tf.nextFrame();
          lastFrame = performance.now();
        }
      }
      if (last) await last.data(); // the queued GPU work belongs to the timed window
    } finally {
      await viewReads?.catch(() => {});
      last?.dispose();
    }
    return done;
  };

  let steps: number;
  let elapsed: number;
  try {
    await run(WARMUP_STEPS, Infinity);
    const start = performance.now();
    steps = await run(Infinity, start + seconds * 1000);
    elapsed = (performance.now() - start) / 1000;
  } finally {
    model.dispose();
  }
  return {
    steps,
    seconds: elapsed,
    examplesPerSecond: (steps * AUTOENCODER_BATCH_SIZE) / elapsed,
    backend: tf.getBackend(),
    numTensorsBefore,
    numTensorsAfter: tf.memory().numTensors,
  };
}

const BACKEND_START_TIMEOUT_MS = 120_000;

/**
 * Switches the page's `?backend=` parameter, so the app's own backend control (app/backendControl.ts) starts the
 * backend with `startBackend` — WASM with the project's gradient kernels — as when a person changes it, and
 * resolves when the header's store says it runs. (Importing engine/backend.ts here instead would make the bundler
 * split wasmGradients out of the main chunk: one more file, and more bytes, on every normal visit.)
 */
async function useBackend(name: string): Promise<BackendDetails> {
  if (appStore.getState().route.params.backend !== name) updateParams({ backend: name });
  const state = await new Promise<BackendState>((resolve, reject) => {
    const settle = (b: BackendState): boolean => {
      if (b.name === null) return false;
      if (b.name === name) resolve(b);
      else reject(new Error(`${name} did not start: ${b.notice ?? `the page runs ${b.name}`}`));
      return true;
    };
    if (settle(appStore.getState().backend)) return;
    const timer = setTimeout(() => { unsubscribe(); reject(new Error(`${name} did not start in ${BACKEND_START_TIMEOUT_MS / 1000} s`)); }, BACKEND_START_TIMEOUT_MS);
    const unsubscribe = appStore.subscribe((s) => {
      if (settle(s.backend)) { unsubscribe(); clearTimeout(timer); }
    });
  });
  if (tf.getBackend() !== name) throw new Error(`the header says ${name} but tfjs runs ${tf.getBackend()}`);
  let wasmThreads: number | null = null;
  let wasmSimd: boolean | null = null;
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasmThreads = wasm.getThreadsCount();
    wasmSimd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  }
  return { name, renderer: state.renderer, software: state.software, crossOriginIsolated: self.crossOriginIsolated, wasmThreads, wasmSimd };
}

/** Dense layers only, as the convolutional models: 3 × 2 × (784·h + h·784) multiply–accumulates per example. */
async function trainAutoencoder(opts: TrainOptions): Promise<ModelTrainResult> {
  const backend = tf.getBackend();
  const bare = await runBareAutoencoder(opts.seconds, backend);
  const settings = settingsFromParams(appStore.getState().route.params);
  const config = modelConfig(settings, settings.seed ?? 1);
  return {
    model: 'autoencoder', backend, batchSize: AUTOENCODER_BATCH_SIZE, steps: bare.steps, seconds: bare.seconds,
    examplesPerSecond: bare.examplesPerSecond,
    flopsPerExample: 3 * 2 * 2 * config.inputSize * config.hiddenSize,
    flopsRule: `3 × 2 × forward MACs of the two dense layers (${config.inputSize}·${config.hiddenSize} each); sigmoids, loss terms and update not counted`,
    data: 'MNIST training images (real)',
    optimizer: `Adam, learning rate ${config.learningRate}${config.sparse ? ', sparse (KL penalty) and L2 terms' : ''}`,
    lastLoss: NaN, warmupSteps: WARMUP_STEPS,
    numTensorsBefore: bare.numTensorsBefore, numTensorsAfter: bare.numTensorsAfter,
  };
}

window.__cnnlabBench = {
  runBareAutoencoder,
  numTensors: () => tf.memory().numTensors,
  loadMnistTrain,
  useBackend,
  matmul: benchMatmul,
  trainModel: (model, opts) => (model === 'autoencoder' ? trainAutoencoder(opts) : trainConvModel(model, opts)),
  // Imported with the rest of this chunk, which normal visits never load: a late dynamic import would fail if
  // dist/ were rebuilt while the benchmark runs.
  trainConvnetjs,
  inferenceLatency,
};
