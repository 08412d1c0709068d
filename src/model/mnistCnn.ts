import * as tf from '@tensorflow/tfjs';
import { deriveSeed, mulberry32, truncatedNormal } from './random';

/**
 * The small MNIST network of ConvNetJS's MNIST demo, in tfjs, for benchmarks and comparisons:
 *
 *   28×28×1 → conv 5×5×8 (stride 1, SAME, ReLU) → max pool 2×2/2 → conv 5×5×16 (SAME, ReLU)
 *   → max pool 2×2/2 → dense 10 (logits) → softmax cross-entropy
 *
 * SAME padding on a 5×5 kernel is ConvNetJS's `pad: 2`, so the two builds have the same shapes:
 * 28 → 14 → 7, and 7·7·16 = 784 features into the last layer. Weights are He-scaled truncated normals
 * (std √(2 / fan-in), cut at 2σ) drawn from a seeded JS generator, biases 0, so a seed gives the same
 * network on every backend. Training is SGD with momentum, as ConvNetJS's default `sgd` trainer.
 */

export const MNIST_CNN_SIDE = 28;
export const MNIST_CNN_CLASSES = 10;
const KERNEL = 5;
const CONV1_FILTERS = 8;
const CONV2_FILTERS = 16;
/** Side after the two stride-2 pools: 28 → 14 → 7. */
const POOLED_SIDE = MNIST_CNN_SIDE / 4;
const FLAT = POOLED_SIDE * POOLED_SIDE * CONV2_FILTERS;

export type MnistCnnVariableName = 'conv1/weights' | 'conv1/biases' | 'conv2/weights' | 'conv2/biases' | 'dense/weights' | 'dense/biases';

export const MNIST_CNN_VARIABLES: readonly { name: MnistCnnVariableName; shape: number[]; fanIn: number | null }[] = [
  { name: 'conv1/weights', shape: [KERNEL, KERNEL, 1, CONV1_FILTERS], fanIn: KERNEL * KERNEL },
  { name: 'conv1/biases', shape: [CONV1_FILTERS], fanIn: null },
  { name: 'conv2/weights', shape: [KERNEL, KERNEL, CONV1_FILTERS, CONV2_FILTERS], fanIn: KERNEL * KERNEL * CONV1_FILTERS },
  { name: 'conv2/biases', shape: [CONV2_FILTERS], fanIn: null },
  { name: 'dense/weights', shape: [FLAT, MNIST_CNN_CLASSES], fanIn: FLAT },
  { name: 'dense/biases', shape: [MNIST_CNN_CLASSES], fanIn: null },
];

export interface MnistCnnOptions {
  learningRate: number;
  momentum: number;
}

/** ConvNetJS's trainer defaults: `learning_rate` 0.01, `momentum` 0.9. */
export const MNIST_CNN_DEFAULTS: MnistCnnOptions = { learningRate: 0.01, momentum: 0.9 };

/** Multiply–accumulates of one forward pass per example, layer by layer (convolutions and the dense layer only). */
export function mnistCnnForwardMacs(): { layer: string; macs: number }[] {
  const s = MNIST_CNN_SIDE;
  return [
    { layer: 'conv1', macs: s * s * CONV1_FILTERS * KERNEL * KERNEL * 1 },
    { layer: 'conv2', macs: (s / 2) * (s / 2) * CONV2_FILTERS * KERNEL * KERNEL * CONV1_FILTERS },
    { layer: 'dense', macs: FLAT * MNIST_CNN_CLASSES },
  ];
}

/** Initial values of every variable for a seed (each variable from its own derived stream). */
export function mnistCnnInitialValues(seed: number): Map<MnistCnnVariableName, Float32Array> {
  const values = new Map<MnistCnnVariableName, Float32Array>();
  for (const spec of MNIST_CNN_VARIABLES) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    values.set(spec.name, spec.fanIn === null
      ? new Float32Array(n)
      : truncatedNormal(n, Math.sqrt(2 / spec.fanIn), mulberry32(deriveSeed(seed, `mnist-cnn/${spec.name}`))));
  }
  return values;
}

/** Logits [N, 10] of a batch [N, 28, 28, 1] with the given variables. */
export function mnistCnnForward(v: Record<MnistCnnVariableName, tf.Tensor>, x: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const conv1 = tf.relu(tf.add(tf.conv2d(x, v['conv1/weights'] as tf.Tensor4D, 1, 'same'), v['conv1/biases'])) as tf.Tensor4D;
    const pool1 = tf.maxPool(conv1, 2, 2, 'valid');
    const conv2 = tf.relu(tf.add(tf.conv2d(pool1, v['conv2/weights'] as tf.Tensor4D, 1, 'same'), v['conv2/biases'])) as tf.Tensor4D;
    const pool2 = tf.maxPool(conv2, 2, 2, 'valid');
    const flat = tf.reshape(pool2, [x.shape[0], FLAT]);
    return tf.add(tf.matMul(flat, v['dense/weights'] as tf.Tensor2D), v['dense/biases']) as tf.Tensor2D;
  });
}

/** Mean softmax cross-entropy of logits [N, 10] against integer labels [N]. */
export function mnistCnnLoss(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), MNIST_CNN_CLASSES), logits) as tf.Scalar);
}

/** The network's variables and its optimizer; `dispose()` frees both. */
export class MnistCnn {
  readonly variables: Record<MnistCnnVariableName, tf.Variable>;
  private readonly optimizer: tf.MomentumOptimizer;

  constructor(seed: number, options: MnistCnnOptions = MNIST_CNN_DEFAULTS) {
    const init = mnistCnnInitialValues(seed);
    const vars = {} as Record<MnistCnnVariableName, tf.Variable>;
    const id = ++instanceCounter;
    for (const spec of MNIST_CNN_VARIABLES) {
      const value = tf.tensor(init.get(spec.name)!, spec.shape);
      vars[spec.name] = tf.variable(value, true, `mnist-cnn/${spec.name}/${seed}/${id}`);
      value.dispose(); // the variable holds its own reference to the data
    }
    this.variables = vars;
    this.optimizer = tf.train.momentum(options.learningRate, options.momentum);
  }

  /** Trainable parameters, counted from the built variables (200 + 8 + 3,200 + 16 + 7,840 + 10 = 11,274). */
  parameterCount(): number {
    return MNIST_CNN_VARIABLES.reduce((sum, s) => sum + this.variables[s.name].size, 0);
  }

  predict(x: tf.Tensor4D): tf.Tensor2D {
    return mnistCnnForward(this.variables, x);
  }

  /** One optimizer step on a batch; returns the batch's loss before the update (the caller disposes it). */
  trainStep(x: tf.Tensor4D, labels: tf.Tensor1D): tf.Scalar {
    const varList = MNIST_CNN_VARIABLES.map((s) => this.variables[s.name]);
    return this.optimizer.minimize(() => mnistCnnLoss(mnistCnnForward(this.variables, x), labels), true, varList)!;
  }

  dispose(): void {
    tf.dispose(Object.values(this.variables));
    this.optimizer.dispose();
    // tfjs 4.22's MomentumOptimizer.dispose frees its momentum and accumulators but not the learning-rate scalar
    // its SGDOptimizer base holds: free that too, or each network leaves one tensor behind.
    tf.SGDOptimizer.prototype.dispose.call(this.optimizer);
  }
}

let instanceCounter = 0;
