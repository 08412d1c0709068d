import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, mnistBatchToFloat, type MnistSplit } from '../data/mnist';
import { Autoencoder } from '../model/autoencoder';
import { AUTOENCODER_BATCH_SIZE } from '../model/autoencoderTask';
import { encodeAndReconstruct, readEncoderFilters } from '../model/autoencoderReadout';
import { deriveSeed, mulberry32 } from '../model/random';
import { loadSharedMnist } from '../data/mnistShared';
import { modelConfig, settingsFromParams } from '../lessons/autoencoder/settings';
import { appStore } from '../state/store';

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
}

declare global {
  interface Window { __cnnlabBench?: CnnLabBench }
}

/** Read back the loss every this many steps, as GAN Lab does. */
const READBACK_EVERY = 50;
const WARMUP_STEPS = 20;
/** Test digits the lesson's views reconstruct (liveViews SHOWN_DIGITS). */
const VIEW_DIGITS = 12;

async function loadMnistTrain(): Promise<MnistSplit> {
  const { promise, unsubscribe } = loadSharedMnist(() => {});
  try {
    const data = await promise;
    if (!data.train) throw new Error('MNIST was loaded without its training split');
    return data.train;
  } finally {
    unsubscribe();
  }
}

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

window.__cnnlabBench = {
  runBareAutoencoder,
  numTensors: () => tf.memory().numTensors,
  loadMnistTrain,
};
