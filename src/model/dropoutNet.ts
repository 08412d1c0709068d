import * as tf from '@tensorflow/tfjs';
import { LectureMomentumSgd, type MomentumSgdOptions } from './momentumSgd';
import { deriveSeed, mulberry32, truncatedNormal } from './random';

/** A multilayer perceptron with two fully connected hidden layers (ReLU), the part of AlexNet where dropout sat. */
export interface DropoutNetShape {
  /** Inputs per example (side·side·channels). */
  inputs: number;
  /** Units in each of the two hidden layers. */
  hidden: number;
  classes: number;
}

export const DROPOUT_LAYERS = ['fc1', 'fc2', 'out'] as const;
export type DropoutLayer = (typeof DROPOUT_LAYERS)[number];

/** Variable names must be unique across tfjs; each network gets its own number. */
let netsBuilt = 0;

export function dropoutVariableShapes(shape: DropoutNetShape): { layer: DropoutLayer; weights: [number, number]; fanIn: number; gain: number }[] {
  return [
    { layer: 'fc1', weights: [shape.inputs, shape.hidden], fanIn: shape.inputs, gain: Math.SQRT2 },
    { layer: 'fc2', weights: [shape.hidden, shape.hidden], fanIn: shape.hidden, gain: Math.SQRT2 },
    { layer: 'out', weights: [shape.hidden, shape.classes], fanIn: shape.hidden, gain: 1 },
  ];
}

export function dropoutParameterCount(shape: DropoutNetShape): number {
  return dropoutVariableShapes(shape).reduce((n, s) => n + s.weights[0] * s.weights[1] + s.weights[1], 0);
}

/**
 * The same seeded draws for every copy: weights z·gain·√(1/fan-in) with z a truncated normal (He's gain √2 for
 * the ReLU layers, 1 for the output), biases zero.
 */
export function dropoutInitialWeights(shape: DropoutNetShape, seed: number): { layer: DropoutLayer; weights: Float32Array; biases: Float32Array }[] {
  return dropoutVariableShapes(shape).map((s) => ({
    layer: s.layer,
    weights: truncatedNormal(s.weights[0] * s.weights[1], s.gain / Math.sqrt(s.fanIn), mulberry32(deriveSeed(seed, `dropout/${s.layer}`))),
    biases: new Float32Array(s.weights[1]),
  }));
}

/**
 * inputs → fc1 (ReLU) → fc2 (ReLU) → 10 logits, trained with the lecture's momentum rule and weight decay.
 * With `dropoutRate` > 0 each hidden unit's output is set to zero with that probability while training, in
 * both hidden layers, as in AlexNet (Krizhevsky, Sutskever & Hinton 2012, §4.2). The units kept are scaled by
 * 1/(1 − rate) while training ("inverted" dropout), so at test time every unit is used as it is; AlexNet
 * instead multiplied the outputs by 0.5 at test time, which gives the same expected activations.
 */
export class DropoutNet {
  readonly variables: { layer: DropoutLayer; weights: tf.Variable; biases: tf.Variable }[];
  readonly optimizer: LectureMomentumSgd;

  constructor(readonly shape: DropoutNetShape, readonly dropoutRate: number, seed: number, sgd: MomentumSgdOptions, readonly name: string) {
    const id = ++netsBuilt;
    this.variables = tf.tidy(() => dropoutInitialWeights(shape, seed).map((w, i) => ({
      layer: w.layer,
      weights: tf.variable(tf.tensor2d(w.weights, dropoutVariableShapes(shape)[i].weights), true, `dropout${id}/${name}/${w.layer}/weights`),
      biases: tf.variable(tf.tensor1d(w.biases), true, `dropout${id}/${name}/${w.layer}/biases`),
    })));
    this.optimizer = new LectureMomentumSgd({ ...sgd });
  }

  get trainables(): tf.Variable[] {
    return this.variables.flatMap((v) => [v.weights, v.biases]);
  }

  /** Logits; `maskSeed` (training only) draws the dropout masks, so a seed reproduces a run. */
  logits(x: tf.Tensor2D, maskSeed: number | null): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = x;
      this.variables.forEach((v, i) => {
        h = tf.add(tf.matMul(h, v.weights as tf.Tensor2D), v.biases);
        if (i < 2) {
          h = tf.relu(h);
          if (maskSeed !== null && this.dropoutRate > 0) h = tf.dropout(h, this.dropoutRate, undefined, maskSeed + i) as tf.Tensor2D;
        }
      });
      return h;
    });
  }

  /** One update on (x, labels) with dropout (if any); returns [loss, errors in the batch]. */
  trainStep(x: tf.Tensor2D, labels: tf.Tensor1D, maskSeed: number): tf.Tensor1D {
    const weights = this.trainables;
    let errors: tf.Scalar | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const logits = this.logits(x, maskSeed);
      errors = tf.keep(tf.sum(tf.cast(tf.notEqual(tf.argMax(logits, 1), labels), 'float32')));
      return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), this.shape.classes), logits) as tf.Scalar;
    }, weights);
    const stats = tf.stack([value, errors!]) as tf.Tensor1D;
    this.optimizer.apply(weights, grads);
    tf.dispose([value, errors!, ...Object.values(grads)]);
    return stats;
  }

  /** Number of correct answers on (x, labels), every unit used (no dropout). */
  correct(x: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
    return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(this.logits(x, null), 1), labels), 'float32')) as tf.Scalar);
  }

  loss(x: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
    return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), this.shape.classes), this.logits(x, null)) as tf.Scalar);
  }

  async readWeights(): Promise<Float32Array[]> {
    return Promise.all(this.trainables.map(async (t) => new Float32Array(await t.data())));
  }

  writeWeights(values: Float32Array[]): void {
    const all = this.trainables;
    if (values.length !== all.length) throw new Error(`expected ${all.length} arrays, got ${values.length}`);
    tf.tidy(() => all.forEach((t, i) => t.assign(tf.tensor(values[i], t.shape))));
    this.optimizer.resetVelocities();
  }

  dispose(): void {
    for (const v of this.variables) { v.weights.dispose(); v.biases.dispose(); }
    this.optimizer.dispose();
  }
}
