import * as tf from '@tensorflow/tfjs';
import { deriveSeed, mulberry32, truncatedNormal } from './random';

/**
 * The network of TensorFlow's CIFAR-10 tutorial (`cifar10.py`, the model the lecture walks through):
 *
 *   24×24×3 → conv1 5×5×64 (SAME, ReLU) → max pool 3×3/2 SAME → LRN → conv2 5×5×64 (ReLU) → LRN
 *   → max pool 3×3/2 SAME → local3 384 (ReLU) → local4 192 (ReLU) → softmax_linear 10 (logits)
 *
 * Variables, initialisers and weight decay follow the tutorial: truncated normals (conv stddev 5e-2 without
 * decay; local3/local4 stddev 0.04 with decay 0.004; softmax stddev 1/192 without decay); biases 0 (conv1,
 * softmax) or 0.1 (conv2, local3, local4). The loss is the mean sparse softmax cross-entropy plus
 * Σ wd·½‖w‖² (TensorFlow's `l2_loss` is half the sum of squares). Weights are drawn from a seeded JS
 * generator, so a seed gives the same network on every backend.
 */

export const CIFAR_INPUT_SIZE = 24;
export const CIFAR_CLASSES = 10;

/** Local response normalisation of the tutorial: `tf.nn.lrn(x, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75)`. */
export const CIFAR_LRN = { depthRadius: 4, bias: 1, alpha: 0.001 / 9, beta: 0.75 } as const;

export type CifarVariableName =
  | 'conv1/weights' | 'conv1/biases' | 'conv2/weights' | 'conv2/biases'
  | 'local3/weights' | 'local3/biases' | 'local4/weights' | 'local4/biases'
  | 'softmax_linear/weights' | 'softmax_linear/biases';

export interface CifarVariableSpec {
  name: CifarVariableName;
  shape: number[];
  /** Truncated-normal stddev, or null for a constant initial value. */
  stddev: number | null;
  /** Initial value when `stddev` is null. */
  constant: number;
  /** Weight-decay factor wd: the loss gains wd·½‖w‖². */
  weightDecay: number;
}

const FLAT = (CIFAR_INPUT_SIZE / 4) * (CIFAR_INPUT_SIZE / 4) * 64; // 6·6·64 = 2304 after two stride-2 pools

export const CIFAR_VARIABLES: readonly CifarVariableSpec[] = [
  { name: 'conv1/weights', shape: [5, 5, 3, 64], stddev: 5e-2, constant: 0, weightDecay: 0 },
  { name: 'conv1/biases', shape: [64], stddev: null, constant: 0, weightDecay: 0 },
  { name: 'conv2/weights', shape: [5, 5, 64, 64], stddev: 5e-2, constant: 0, weightDecay: 0 },
  { name: 'conv2/biases', shape: [64], stddev: null, constant: 0.1, weightDecay: 0 },
  { name: 'local3/weights', shape: [FLAT, 384], stddev: 0.04, constant: 0, weightDecay: 0.004 },
  { name: 'local3/biases', shape: [384], stddev: null, constant: 0.1, weightDecay: 0 },
  { name: 'local4/weights', shape: [384, 192], stddev: 0.04, constant: 0, weightDecay: 0.004 },
  { name: 'local4/biases', shape: [192], stddev: null, constant: 0.1, weightDecay: 0 },
  { name: 'softmax_linear/weights', shape: [192, CIFAR_CLASSES], stddev: 1 / 192, constant: 0, weightDecay: 0 },
  { name: 'softmax_linear/biases', shape: [CIFAR_CLASSES], stddev: null, constant: 0, weightDecay: 0 },
];

export type CifarParams = Record<CifarVariableName, tf.Tensor>;

/** Every intermediate of one forward pass, in order (the feature maps the lesson shows). */
export interface CifarActivations {
  conv1: tf.Tensor4D;
  pool1: tf.Tensor4D;
  norm1: tf.Tensor4D;
  conv2: tf.Tensor4D;
  norm2: tf.Tensor4D;
  pool2: tf.Tensor4D;
  local3: tf.Tensor2D;
  local4: tf.Tensor2D;
  logits: tf.Tensor2D;
}

export interface CifarLosses {
  crossEntropy: tf.Scalar;
  weightDecay: tf.Scalar;
  total: tf.Scalar;
}

/** Multiply–accumulates of one forward pass per example, layer by layer (a training step costs about 3× this). */
export function cifarForwardMacs(): { layer: string; macs: number }[] {
  const s = CIFAR_INPUT_SIZE;
  return [
    { layer: 'conv1', macs: s * s * 64 * 5 * 5 * 3 },
    { layer: 'conv2', macs: (s / 2) * (s / 2) * 64 * 5 * 5 * 64 },
    { layer: 'local3', macs: FLAT * 384 },
    { layer: 'local4', macs: 384 * 192 },
    { layer: 'softmax_linear', macs: 192 * CIFAR_CLASSES },
  ];
}

/** The full network forward pass with the given parameters (variables or, for evaluation, their moving averages). */
export function cifarForward(params: CifarParams, x: tf.Tensor4D): CifarActivations {
  const p = params;
  const { depthRadius, bias, alpha, beta } = CIFAR_LRN;
  const conv1 = tf.relu(tf.add(tf.conv2d(x, p['conv1/weights'] as tf.Tensor4D, 1, 'same'), p['conv1/biases'])) as tf.Tensor4D;
  const pool1 = tf.maxPool(conv1, 3, 2, 'same');
  const norm1 = tf.localResponseNormalization(pool1, depthRadius, bias, alpha, beta);
  const conv2 = tf.relu(tf.add(tf.conv2d(norm1, p['conv2/weights'] as tf.Tensor4D, 1, 'same'), p['conv2/biases'])) as tf.Tensor4D;
  const norm2 = tf.localResponseNormalization(conv2, depthRadius, bias, alpha, beta);
  const pool2 = tf.maxPool(norm2, 3, 2, 'same');
  const flat = tf.reshape(pool2, [x.shape[0], -1]) as tf.Tensor2D;
  const local3 = tf.relu(tf.add(tf.matMul(flat, p['local3/weights'] as tf.Tensor2D), p['local3/biases'])) as tf.Tensor2D;
  const local4 = tf.relu(tf.add(tf.matMul(local3, p['local4/weights'] as tf.Tensor2D), p['local4/biases'])) as tf.Tensor2D;
  const logits = tf.add(tf.matMul(local4, p['softmax_linear/weights'] as tf.Tensor2D), p['softmax_linear/biases']) as tf.Tensor2D;
  return { conv1, pool1, norm1, conv2, norm2, pool2, local3, local4, logits };
}

/** Mean sparse softmax cross-entropy of logits [N, 10] against integer labels [N]. */
export function sparseSoftmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const logp = tf.logSoftmax(logits);
    const picked = tf.sum(tf.mul(logp, tf.oneHot(tf.cast(labels, 'int32'), logits.shape[1])), 1);
    return tf.neg(tf.mean(picked)) as tf.Scalar;
  });
}

/** Σ wd·½‖w‖² over the variables with weight decay. */
export function cifarWeightDecay(params: CifarParams): tf.Scalar {
  return tf.tidy(() => {
    let sum: tf.Scalar = tf.scalar(0);
    for (const spec of CIFAR_VARIABLES) {
      if (spec.weightDecay > 0) sum = tf.add(sum, tf.mul(spec.weightDecay * 0.5, tf.sum(tf.square(params[spec.name]))));
    }
    return sum;
  });
}

/**
 * TensorFlow's `staircase` exponential decay: lr = initial · factor^⌊step / decaySteps⌋
 * (the tutorial: initial 0.1, factor 0.1, decaySteps = 350 epochs of batches).
 */
export function staircaseLearningRate(step: number, initial: number, factor: number, decaySteps: number): number {
  return initial * factor ** Math.floor(step / Math.max(1, decaySteps));
}

/**
 * The decay `tf.train.ExponentialMovingAverage(decay, num_updates)` uses at update number t:
 * min(decay, (1 + t) / (10 + t)). Early on it is small, so the average follows the weights.
 */
export function movingAverageDecay(decay: number, step: number): number {
  return Math.min(decay, (1 + step) / (10 + step));
}

/** Initial values of every variable for a seed (each variable from its own derived stream). */
export function cifarInitialValues(seed: number): Map<CifarVariableName, Float32Array> {
  const values = new Map<CifarVariableName, Float32Array>();
  for (const spec of CIFAR_VARIABLES) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    values.set(spec.name, spec.stddev === null
      ? new Float32Array(n).fill(spec.constant)
      : truncatedNormal(n, spec.stddev, mulberry32(deriveSeed(seed, spec.name))));
  }
  return values;
}

export interface CifarStepResult extends CifarLosses {
  /** Gradient of the total loss per variable, when asked for (the caller disposes them). */
  gradients?: CifarParams;
}

/**
 * The tutorial network's variables, their moving averages and an SGD optimizer. Owns every long-lived
 * tensor; `dispose()` frees variables, averages and optimizer state.
 */
export class CifarNet {
  readonly variables: Record<CifarVariableName, tf.Variable>;
  private averages: Record<CifarVariableName, tf.Variable>;
  private optimizer: tf.SGDOptimizer;

  constructor(seed: number) {
    const init = cifarInitialValues(seed);
    const vars = {} as Record<CifarVariableName, tf.Variable>;
    const avgs = {} as Record<CifarVariableName, tf.Variable>;
    for (const spec of CIFAR_VARIABLES) {
      const value = tf.tensor(init.get(spec.name)!, spec.shape);
      vars[spec.name] = tf.variable(value, true, `cifar/${spec.name}/${seed}/${uid()}`);
      avgs[spec.name] = tf.variable(value, false, `cifar/${spec.name}/avg/${seed}/${uid()}`);
      value.dispose();
    }
    this.variables = vars;
    this.averages = avgs;
    this.optimizer = tf.train.sgd(0.1);
  }

  /** Trainable parameters, counted from the built variables (1,068,298 for the tutorial net). */
  parameterCount(): number {
    return CIFAR_VARIABLES.reduce((sum, s) => sum + this.variables[s.name].size, 0);
  }

  /** Parameters for a forward pass: the trained variables or their moving averages. */
  params(averaged = false): CifarParams {
    return averaged ? this.averages : this.variables;
  }

  /** Logits [N, 10] for a batch of 24×24×3 images. */
  predict(x: tf.Tensor4D, averaged = false): tf.Tensor2D {
    return tf.tidy(() => cifarForward(this.params(averaged), x).logits);
  }

  losses(x: tf.Tensor4D, labels: tf.Tensor1D, averaged = false): CifarLosses {
    return tf.tidy(() => {
      const params = this.params(averaged);
      const crossEntropy = sparseSoftmaxCrossEntropy(cifarForward(params, x).logits, labels);
      const weightDecay = cifarWeightDecay(params);
      return { crossEntropy, weightDecay, total: tf.add(crossEntropy, weightDecay) as tf.Scalar };
    });
  }

  /**
   * One SGD step at `learningRate` on a batch; then, when `averageDecay` is given, updates the moving
   * averages with decay min(averageDecay, (1+step)/(10+step)). Returns the loss terms of the batch before the
   * update (the caller disposes them), and the gradients when `withGradients`.
   */
  trainStep(x: tf.Tensor4D, labels: tf.Tensor1D, learningRate: number, opts: { step?: number; averageDecay?: number; withGradients?: boolean } = {}): CifarStepResult {
    this.optimizer.setLearningRate(learningRate);
    let crossEntropy: tf.Scalar | null = null;
    let weightDecay: tf.Scalar | null = null;
    const varList = CIFAR_VARIABLES.map((s) => this.variables[s.name]);
    const { value, grads } = tf.variableGrads(() => {
      const ce = sparseSoftmaxCrossEntropy(cifarForward(this.variables, x).logits, labels);
      const wd = cifarWeightDecay(this.variables);
      crossEntropy = tf.keep(ce);
      weightDecay = tf.keep(wd);
      return tf.add(ce, wd) as tf.Scalar;
    }, varList);
    this.optimizer.applyGradients(grads);
    let gradients: CifarParams | undefined;
    if (opts.withGradients) {
      gradients = {} as CifarParams;
      for (const spec of CIFAR_VARIABLES) gradients[spec.name] = grads[this.variables[spec.name].name];
    } else {
      tf.dispose(Object.values(grads));
    }
    // TensorFlow applies the averages after apply_gradients has incremented global_step: update number step + 1.
    if (opts.averageDecay !== undefined) this.updateAverages(movingAverageDecay(opts.averageDecay, (opts.step ?? 0) + 1));
    return { total: value, crossEntropy: crossEntropy!, weightDecay: weightDecay!, gradients };
  }

  /** shadow ← shadow − (1 − decay)·(shadow − variable), as `ExponentialMovingAverage.apply`. */
  updateAverages(decay: number): void {
    tf.tidy(() => {
      for (const spec of CIFAR_VARIABLES) {
        const shadow = this.averages[spec.name];
        shadow.assign(tf.sub(shadow, tf.mul(1 - decay, tf.sub(shadow, this.variables[spec.name]))));
      }
    });
  }

  /** Copies of every variable's values (for snapshots, saving and the worker boundary). */
  async readWeights(averaged = false): Promise<Map<CifarVariableName, Float32Array>> {
    const out = new Map<CifarVariableName, Float32Array>();
    const params = this.params(averaged);
    for (const spec of CIFAR_VARIABLES) out.set(spec.name, (await params[spec.name].data()) as Float32Array);
    return out;
  }

  /**
   * Sets the variables from saved values, and their moving averages to `averages` when given, else to the same
   * values. Shapes must match; nothing changes when one does not.
   */
  writeWeights(values: Map<CifarVariableName, Float32Array>, averages?: Map<CifarVariableName, Float32Array>): void {
    for (const map of averages ? [values, averages] : [values]) {
      for (const spec of CIFAR_VARIABLES) {
        const v = map.get(spec.name);
        const n = spec.shape.reduce((a, b) => a * b, 1);
        if (!v || v.length !== n) throw new Error(`${spec.name}: expected ${n} values, got ${v?.length ?? 'none'}`);
      }
    }
    tf.tidy(() => {
      for (const spec of CIFAR_VARIABLES) {
        this.variables[spec.name].assign(tf.tensor(values.get(spec.name)!, spec.shape));
        this.averages[spec.name].assign(tf.tensor((averages ?? values).get(spec.name)!, spec.shape));
      }
    });
  }

  dispose(): void {
    tf.dispose(Object.values(this.variables));
    tf.dispose(Object.values(this.averages));
    this.optimizer.dispose();
  }
}

let uidCounter = 0;
function uid(): number {
  return ++uidCounter;
}
