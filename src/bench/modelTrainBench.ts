import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, mnistBatchToFloat } from '../data/mnist';
import { CifarNet, CIFAR_INPUT_SIZE, cifarForwardMacs } from '../model/cifar10Net';
import { MNIST_CNN_DEFAULTS, MNIST_CNN_SIDE, MnistCnn, mnistCnnForwardMacs } from '../model/mnistCnn';
import { deriveSeed, mulberry32 } from '../model/random';
import { RaceNet, raceForwardMacs, type RaceNetShape } from '../model/raceNet';
import { loadCifarInputs, loadMnistTrain, randomIndices } from './benchData';
import { timeOneStep, timeSteps } from './timedSteps';

/**
 * Training throughput of the convolutional networks for `scripts/bench.mjs`: one batch per step on real data,
 * on whatever backend is active. The FLOP count is nominal: 3 × 2 × the forward multiply–accumulates of the
 * convolutions and dense layers (forward, gradient of the input, gradient of the weights), nothing for
 * activations, pooling, normalisation, the loss or the update.
 */
export type ConvModel = 'mnist-cnn' | 'cifar10-net' | 'race-relu';

export const TRAIN_BATCH_SIZE = 64;
/** Batch of the probe step that estimates how long one full batch takes before running it. */
const PROBE_BATCH_SIZE = 8;
export const FLOPS_RULE = '3 × 2 × forward MACs of conv/dense layers (forward, input gradient, weight gradient); activations, pooling, LRN, loss and update not counted';

export interface ModelTrainResult {
  model: string;
  backend: string;
  batchSize: number;
  steps: number;
  seconds: number;
  examplesPerSecond: number;
  flopsPerExample: number;
  flopsRule: string;
  data: string;
  optimizer: string;
  /** Loss of the last timed step. */
  lastLoss: number;
  warmupSteps: number;
  /** The estimate that decided warm-up and skipping: one step at PROBE_BATCH_SIZE, scaled to the full batch. */
  probe?: { batchSize: number; secondsPerStep: number; estimatedSecondsPerFullBatch: number };
  /** Why nothing was timed (then steps is 0 and the rates are null). */
  skipped?: string;
  numTensorsBefore: number;
  numTensorsAfter: number;
}

export interface TrainOptions {
  /** Timed window; at least one step is timed however long it takes. */
  seconds: number;
  /** Untimed warm-up steps at full batch, fewer when the time limit needs it. */
  warmupSteps: number;
  /** Skip when one full batch is estimated to take longer than this; warm-up + timed steps stay near it. */
  maxSeconds: number;
  seed: number;
}

interface Job {
  step(batchSize: number): tf.Scalar;
  dispose(): void;
  forwardMacs: number;
  data: string;
  optimizer: string;
}

const sumMacs = (layers: { macs: number }[]) => layers.reduce((s, l) => s + l.macs, 0);

async function mnistCnnJob(seed: number): Promise<Job> {
  const train = await loadMnistTrain();
  const net = new MnistCnn(seed);
  const random = mulberry32(deriveSeed(seed, 'bench-mnist-cnn-batches'));
  return {
    step(batchSize) {
      const indices = randomIndices(batchSize, train.count, random);
      const labels = Int32Array.from(indices, (i) => train.labels[i]);
      const [x, y] = [tf.tensor4d(mnistBatchToFloat(train.images, indices), [batchSize, MNIST_CNN_SIDE, MNIST_CNN_SIDE, 1]), tf.tensor1d(labels, 'int32')];
      try {
        return net.trainStep(x, y);
      } finally {
        tf.dispose([x, y]);
      }
    },
    dispose: () => net.dispose(),
    forwardMacs: sumMacs(mnistCnnForwardMacs()),
    data: `MNIST training images (real), ${MNIST_PIXELS} pixels scaled to [0, 1]`,
    optimizer: `SGD with momentum ${MNIST_CNN_DEFAULTS.momentum}, learning rate ${MNIST_CNN_DEFAULTS.learningRate}`,
  };
}

const CIFAR_LEARNING_RATE = 0.1;

async function cifarJob(seed: number): Promise<Job> {
  const inputs = await loadCifarInputs();
  const net = new CifarNet(seed);
  const random = mulberry32(deriveSeed(seed, 'bench-cifar-batches'));
  const values = CIFAR_INPUT_SIZE * CIFAR_INPUT_SIZE * 3;
  return {
    step(batchSize) {
      const indices = randomIndices(batchSize, inputs.count, random);
      const pixels = new Float32Array(batchSize * values);
      indices.forEach((i, b) => pixels.set(inputs.images.subarray(i * values, (i + 1) * values), b * values));
      const x = tf.tensor4d(pixels, [batchSize, CIFAR_INPUT_SIZE, CIFAR_INPUT_SIZE, 3]);
      const y = tf.tensor1d(Int32Array.from(indices, (i) => inputs.labels[i]), 'int32');
      try {
        const { total, crossEntropy, weightDecay } = net.trainStep(x, y, CIFAR_LEARNING_RATE);
        tf.dispose([crossEntropy, weightDecay]);
        return total;
      } finally {
        tf.dispose([x, y]);
      }
    },
    dispose: () => net.dispose(),
    forwardMacs: sumMacs(cifarForwardMacs()),
    data: 'CIFAR-10 test images 1–1000 (real), centre-cropped to 24×24×3, standardised per image',
    optimizer: `SGD, learning rate ${CIFAR_LEARNING_RATE} (CifarNet.trainStep), no moving averages`,
  };
}

/** The activation race's classroom network (MNIST, narrow), as one ReLU run alone: the race's baseline. */
export const RACE_BENCH_SHAPE: RaceNetShape = { side: MNIST_CNN_SIDE, channels: 1, widths: [16, 16, 32], classes: 10 };
const RACE_LEARNING_RATE = 0.01;

async function raceReluJob(seed: number): Promise<Job> {
  const train = await loadMnistTrain();
  const net = new RaceNet(RACE_BENCH_SHAPE, 'relu', seed, RACE_LEARNING_RATE, 0.9);
  const random = mulberry32(deriveSeed(seed, 'bench-race-batches'));
  return {
    step(batchSize) {
      const indices = randomIndices(batchSize, train.count, random);
      const x = tf.tensor4d(mnistBatchToFloat(train.images, indices), [batchSize, MNIST_CNN_SIDE, MNIST_CNN_SIDE, 1]);
      const y = tf.tensor1d(Int32Array.from(indices, (i) => train.labels[i]), 'int32');
      try {
        const { stats } = net.trainStep(x, y);
        const loss = tf.tidy(() => tf.reshape(tf.slice(stats, [0], [1]), []) as tf.Scalar);
        stats.dispose();
        return loss;
      } finally {
        tf.dispose([x, y]);
      }
    },
    dispose: () => net.dispose(),
    forwardMacs: sumMacs(raceForwardMacs(RACE_BENCH_SHAPE)),
    data: `MNIST training images (real), ${MNIST_PIXELS} pixels scaled to [0, 1]`,
    optimizer: `the lecture's momentum rule (μ 0.9, ε ${RACE_LEARNING_RATE}, no weight decay), RaceNet.trainStep with its per-step statistics`,
  };
}

/** Trains `model` on the active backend: a probe step, warm-up, then the timed window; or skips with a reason. */
export async function trainConvModel(model: ConvModel, opts: TrainOptions): Promise<ModelTrainResult> {
  const backend = tf.getBackend();
  const numTensorsBefore = tf.memory().numTensors;
  const job = model === 'mnist-cnn' ? await mnistCnnJob(opts.seed) : model === 'race-relu' ? await raceReluJob(opts.seed) : await cifarJob(opts.seed);
  const base = {
    model, backend, batchSize: TRAIN_BATCH_SIZE, flopsPerExample: 3 * 2 * job.forwardMacs, flopsRule: FLOPS_RULE,
    data: job.data, optimizer: job.optimizer,
  };
  let result: Omit<ModelTrainResult, 'numTensorsAfter'>;
  try {
    const probeSeconds = await timeOneStep(() => job.step(PROBE_BATCH_SIZE));
    const estimate = probeSeconds * (TRAIN_BATCH_SIZE / PROBE_BATCH_SIZE);
    const probe = { batchSize: PROBE_BATCH_SIZE, secondsPerStep: probeSeconds, estimatedSecondsPerFullBatch: estimate };
    if (estimate > opts.maxSeconds) {
      const skipped = `one batch-${TRAIN_BATCH_SIZE} step would take ≈${estimate.toFixed(0)} s (a batch-${PROBE_BATCH_SIZE} step took ${probeSeconds.toFixed(1)} s), over the ${opts.maxSeconds} s limit`;
      result = { ...base, steps: 0, seconds: 0, examplesPerSecond: NaN, lastLoss: NaN, warmupSteps: 0, probe, skipped, numTensorsBefore };
    } else {
      const warmupSteps = Math.max(0, Math.min(opts.warmupSteps, Math.floor(opts.maxSeconds / estimate) - 2));
      const timed = await timeSteps(() => job.step(TRAIN_BATCH_SIZE), { warmupSteps, seconds: opts.seconds, minSteps: 1 });
      result = {
        ...base, steps: timed.steps, seconds: timed.seconds, examplesPerSecond: (timed.steps * TRAIN_BATCH_SIZE) / timed.seconds,
        lastLoss: timed.lastLoss, warmupSteps, probe, numTensorsBefore,
      };
    }
  } finally {
    job.dispose();
  }
  return { ...result, numTensorsAfter: tf.memory().numTensors };
}
