import * as tf from '@tensorflow/tfjs';
import { CIFAR_CLASSES, CIFAR_INPUT_SIZE, CifarNet } from '../model/cifar10Net';
import { mulberry32 } from '../model/random';

/**
 * Test-only hook for tests/e2e/isolation.e2e.mjs, loaded when the hash holds `threadscheck=1` (see main.tsx).
 * `window.__threadsCheck(options)` restarts tfjs's WASM backend with a given thread count and times a short
 * training loop on it, to say whether threads help on the machine at hand.
 *
 * tfjs 4.22 caps its thread pool at half of `navigator.hardwareConcurrency`; `cores` overrides what the page
 * reports so that cap can be lifted (a 2-core machine otherwise never gets a second thread).
 */
export interface ThreadsCheckOptions {
  /** Passed to `setThreadsCount` before the backend restarts; omit to time the backend the page started. */
  threads?: number;
  /** Logical cores the page reports to tfjs while it restarts (`navigator.hardwareConcurrency`); omit to keep the real count. */
  cores?: number;
  model: 'dense' | 'cifar';
  batch: number;
  warmupSteps: number;
  seconds: number;
}

export interface ThreadsCheckResult {
  options: ThreadsCheckOptions;
  isolated: boolean;
  simd: boolean;
  multithreaded: boolean;
  /** Threads XNNPACK's pool really has (`getThreadsCount()`), the page's own included. */
  threads: number;
  steps: number;
  seconds: number;
  examplesPerSecond: number;
  lastLoss: number;
  numTensorsBefore: number;
  numTensorsAfter: number;
}

declare global {
  interface Window { __threadsCheck?: (options: ThreadsCheckOptions) => Promise<ThreadsCheckResult> }
}

const READBACK_EVERY = 5;

/** Disposes the running WASM backend and starts a fresh one with `threads`, keeping tfjs's registration and kernels. */
async function restartWasm(threads: number, cores: number | undefined): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const factory = tf.findBackendFactory('wasm');
  if (!factory) throw new Error('the wasm backend is not registered (open the page with ?backend=wasm)');
  if (cores !== undefined) Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores, configurable: true });
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', factory, 2);
  wasm.setThreadsCount(threads);
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm did not restart');
  await tf.ready();
}

/** A random batch and a training step for each model; `dispose` frees the model and the batch. */
function buildModel(model: ThreadsCheckOptions['model'], batch: number): { step: () => tf.Scalar; dispose: () => void } {
  const random = mulberry32(1);
  const fill = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  if (model === 'cifar') {
    const net = new CifarNet(1);
    const x = tf.tensor4d(fill(batch * CIFAR_INPUT_SIZE * CIFAR_INPUT_SIZE * 3, 1), [batch, CIFAR_INPUT_SIZE, CIFAR_INPUT_SIZE, 3]);
    const labels = tf.tensor1d(Int32Array.from({ length: batch }, (_, i) => i % CIFAR_CLASSES), 'int32');
    return {
      step: () => {
        const r = net.trainStep(x, labels, 0.05);
        tf.dispose([r.crossEntropy, r.weightDecay]);
        return r.total;
      },
      dispose: () => { net.dispose(); tf.dispose([x, labels]); },
    };
  }
  // The dense autoencoder's shape: 784 → 256 (sigmoid) → 784 (sigmoid), squared error, plain SGD.
  const [w1, w2] = tf.tidy(() => [tf.variable(tf.tensor2d(fill(784 * 256, 0.05), [784, 256])), tf.variable(tf.tensor2d(fill(256 * 784, 0.05), [256, 784]))]);
  const x = tf.tensor2d(fill(batch * 784, 1).map(Math.abs), [batch, 784]);
  const optimizer = tf.train.sgd(0.1);
  return {
    step: () => optimizer.minimize(() => tf.losses.meanSquaredError(x, tf.sigmoid(tf.matMul(tf.sigmoid(tf.matMul(x, w1)), w2))), true, [w1, w2]) as tf.Scalar,
    dispose: () => { optimizer.dispose(); tf.dispose([w1, w2, x]); },
  };
}

async function runSteps(step: () => tf.Scalar, count: number, deadline: number): Promise<{ done: number; lastLoss: number }> {
  let done = 0;
  let last: tf.Scalar | null = null;
  try {
    while (done < count && (done === 0 || performance.now() < deadline)) {
      last?.dispose();
      last = step();
      done++;
      if (done % READBACK_EVERY === 0) await last.data();
    }
    return { done, lastLoss: last ? (await last.data())[0] : NaN };
  } finally {
    last?.dispose();
  }
}

window.__threadsCheck = async (options) => {
  if (options.threads !== undefined) await restartWasm(options.threads, options.cores);
  if (tf.getBackend() !== 'wasm') throw new Error(`the page runs on ${tf.getBackend()}, not wasm (open it with ?backend=wasm)`);
  const threads = (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount();
  const [simd, threadsSupported] = await Promise.all([tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'), tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')]);
  const numTensorsBefore = tf.memory().numTensors;
  const model = buildModel(options.model, options.batch);
  let timed: { done: number; lastLoss: number; seconds: number };
  try {
    await runSteps(model.step, options.warmupSteps, Infinity);
    const start = performance.now();
    const { done, lastLoss } = await runSteps(model.step, Infinity, start + options.seconds * 1000);
    timed = { done, lastLoss, seconds: (performance.now() - start) / 1000 };
  } finally {
    model.dispose();
  }
  return {
    options,
    isolated: self.crossOriginIsolated === true,
    simd: simd === true,
    multithreaded: simd === true && threadsSupported === true,
    threads,
    steps: timed.done,
    seconds: timed.seconds,
    examplesPerSecond: (timed.done * options.batch) / timed.seconds,
    lastLoss: timed.lastLoss,
    numTensorsBefore,
    numTensorsAfter: tf.memory().numTensors,
  };
};
