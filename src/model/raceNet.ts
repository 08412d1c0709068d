import * as tf from '@tensorflow/tfjs';
import { LectureMomentumSgd } from './momentumSgd';
import { deriveSeed, mulberry32, truncatedNormal } from './random';

/** The three transfer functions the race compares, in the order they are shown. */
export const RACE_ACTIVATIONS = ['relu', 'tanh', 'sigmoid'] as const;
export type RaceActivation = (typeof RACE_ACTIVATIONS)[number];

/**
 * Each activation's initial weight scale for the three convolutions (the layers its units follow): the same
 * unit draws z (truncated normal, cut at 2) times gain·√(1/fan-in). ReLU gets He's gain √2 (it zeroes half of
 * its inputs); tanh and sigmoid LeCun's 1. The fully connected layer feeds the softmax, not an activation,
 * so it gets gain 1 in every run.
 */
export const INIT_GAIN: Record<RaceActivation, number> = { relu: Math.SQRT2, tanh: 1, sigmoid: 1 };
export const INIT_RULE: Record<RaceActivation, string> = {
  relu: 'He: z·√(2/fan-in)',
  tanh: 'LeCun: z·√(1/fan-in)',
  sigmoid: 'LeCun: z·√(1/fan-in)',
};

/** Input and width of the four-layer network: three 5×5 convolutions (each followed by max pooling) and one fully connected layer. */
export interface RaceNetShape {
  side: number;
  channels: number;
  /** Feature maps of conv1, conv2, conv3. */
  widths: readonly [number, number, number];
  classes: number;
}

export const RACE_LAYERS = ['conv1', 'conv2', 'conv3', 'fc'] as const;
export type RaceLayer = (typeof RACE_LAYERS)[number];
const KERNEL = 5;
/** Variable names must be unique across tfjs; each network gets its own number. */
let netsBuilt = 0;

/** Side after the three SAME 3×3/2 poolings: ⌈side/2⌉ three times. */
export function pooledSide(side: number): number {
  let s = side;
  for (let i = 0; i < 3; i++) s = Math.ceil(s / 2);
  return s;
}

/** Variable shapes, layer by layer: weights then biases. */
export function raceVariableShapes(shape: RaceNetShape): { layer: RaceLayer; weights: number[]; biases: number[]; fanIn: number }[] {
  const [w1, w2, w3] = shape.widths;
  const flat = pooledSide(shape.side) ** 2 * w3;
  return [
    { layer: 'conv1', weights: [KERNEL, KERNEL, shape.channels, w1], biases: [w1], fanIn: KERNEL * KERNEL * shape.channels },
    { layer: 'conv2', weights: [KERNEL, KERNEL, w1, w2], biases: [w2], fanIn: KERNEL * KERNEL * w1 },
    { layer: 'conv3', weights: [KERNEL, KERNEL, w2, w3], biases: [w3], fanIn: KERNEL * KERNEL * w2 },
    { layer: 'fc', weights: [flat, shape.classes], biases: [shape.classes], fanIn: flat },
  ];
}

export function raceParameterCount(shape: RaceNetShape): number {
  return raceVariableShapes(shape).reduce((n, s) => n + s.weights.reduce((a, b) => a * b, 1) + s.biases[0], 0);
}

/** Multiply–accumulates of one example's forward pass, per layer. */
export function raceForwardMacs(shape: RaceNetShape): { layer: RaceLayer; macs: number }[] {
  const sides = [shape.side, Math.ceil(shape.side / 2), Math.ceil(shape.side / 4)];
  return raceVariableShapes(shape).map((s, i) => {
    const perOutput = s.weights.slice(0, -1).reduce((a, b) => a * b, 1);
    const outputs = i < 3 ? sides[i] ** 2 * s.weights[3] : s.weights[1];
    return { layer: s.layer, macs: perOutput * outputs };
  });
}

/**
 * The same unit draws for every activation (one seeded stream per layer), so the three networks start from
 * weights that differ only by each activation's scale. Biases start at zero.
 */
export function raceInitialWeights(shape: RaceNetShape, activation: RaceActivation, seed: number): { layer: RaceLayer; weights: Float32Array; biases: Float32Array }[] {
  return raceVariableShapes(shape).map((s) => {
    const n = s.weights.reduce((a, b) => a * b, 1);
    const gain = s.layer === 'fc' ? 1 : INIT_GAIN[activation];
    const weights = truncatedNormal(n, gain / Math.sqrt(s.fanIn), mulberry32(deriveSeed(seed, `race/${s.layer}`)));
    return { layer: s.layer, weights, biases: new Float32Array(s.biases[0]) };
  });
}

function activate(x: tf.Tensor4D, activation: RaceActivation): tf.Tensor4D {
  if (activation === 'relu') return tf.relu(x);
  if (activation === 'tanh') return tf.tanh(x);
  return tf.sigmoid(x);
}

/** What one training batch of one network reports (tensors owned by the caller). */
export interface RaceStepResult {
  /** [loss, errors in the batch, then the RMS gradient of each layer's weights]: 2 + 4 numbers. */
  stats: tf.Tensor1D;
}

/**
 * The four-layer convolutional network of the race, one per activation: conv 5×5 → f → max pool 3×3/2 (×3,
 * SAME padding) → fully connected → softmax. Trained with the lecture's momentum rule (no weight decay: the
 * paper's Figure 1 used no regularisation).
 */
export class RaceNet {
  readonly variables: { layer: RaceLayer; weights: tf.Variable; biases: tf.Variable }[];
  readonly optimizer: LectureMomentumSgd;

  constructor(readonly shape: RaceNetShape, readonly activation: RaceActivation, seed: number, learningRate: number, momentum: number) {
    const id = ++netsBuilt;
    const shapes = raceVariableShapes(shape);
    // Inside tidy the initial tensors are freed; the variables survive it.
    this.variables = tf.tidy(() => raceInitialWeights(shape, activation, seed).map((w, i) => ({
      layer: w.layer,
      weights: tf.variable(tf.tensor(w.weights, shapes[i].weights), true, `race${id}/${activation}/${w.layer}/weights`),
      biases: tf.variable(tf.tensor(w.biases, shapes[i].biases), true, `race${id}/${activation}/${w.layer}/biases`),
    })));
    this.optimizer = new LectureMomentumSgd({ learningRate, momentum, weightDecay: 0 });
  }

  logits(x: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor4D = x;
      for (const v of this.variables.slice(0, 3)) {
        const z = tf.add(tf.conv2d(h, v.weights as tf.Tensor4D, 1, 'same'), v.biases) as tf.Tensor4D;
        h = tf.maxPool(activate(z, this.activation), 3, 2, 'same');
      }
      const fc = this.variables[3];
      const flat = tf.reshape(h, [h.shape[0], -1]) as tf.Tensor2D;
      return tf.add(tf.matMul(flat, fc.weights as tf.Tensor2D), fc.biases) as tf.Tensor2D;
    });
  }

  /** One SGD step on (x, labels); returns the batch's loss, its error count and each layer's RMS weight gradient. */
  trainStep(x: tf.Tensor4D, labels: tf.Tensor1D): RaceStepResult {
    const weights = this.variables.flatMap((v) => [v.weights, v.biases]);
    let errors: tf.Scalar | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const logits = this.logits(x);
      errors = tf.keep(tf.sum(tf.cast(tf.notEqual(tf.argMax(logits, 1), labels), 'float32')));
      return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), this.shape.classes), logits) as tf.Scalar;
    }, weights);
    const stats = tf.tidy(() => {
      const rms = this.variables.map((v) => tf.sqrt(tf.mean(tf.square(grads[v.weights.name]))));
      return tf.concat([tf.stack([value, errors!]), tf.stack(rms)]) as tf.Tensor1D;
    });
    this.optimizer.apply(weights, grads);
    tf.dispose([value, errors!, ...Object.values(grads)]);
    return { stats };
  }

  /** Loss of the current weights on (x, labels), no training. */
  loss(x: tf.Tensor4D, labels: tf.Tensor1D): tf.Scalar {
    return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), this.shape.classes), this.logits(x)) as tf.Scalar);
  }

  /** Copies of every weight and bias, in layer order (weights, biases, …). */
  async readWeights(): Promise<Float32Array[]> {
    const all = this.variables.flatMap((v) => [v.weights, v.biases]);
    return Promise.all(all.map(async (t) => new Float32Array(await t.data())));
  }

  writeWeights(values: Float32Array[]): void {
    const all = this.variables.flatMap((v) => [v.weights, v.biases]);
    if (values.length !== all.length) throw new Error(`expected ${all.length} arrays, got ${values.length}`);
    tf.tidy(() => all.forEach((t, i) => t.assign(tf.tensor(values[i], t.shape))));
    this.optimizer.resetVelocities();
  }

  dispose(): void {
    for (const v of this.variables) { v.weights.dispose(); v.biases.dispose(); }
    this.optimizer.dispose();
  }
}
