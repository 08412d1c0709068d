import * as tf from '@tensorflow/tfjs';
import type { WorkerTask } from '../engine/workerHost';
import { DropoutNet, dropoutParameterCount, type DropoutNetShape } from './dropoutNet';
import { deriveSeed, mulberry32, shuffledIndices } from './random';

/** Images of one split: `count` images of side×side×channels bytes (HWC), labels 0–9. */
export interface DropoutSplit { count: number; pixels: Uint8Array; labels: Uint8Array }
export interface DropoutData { side: number; channels: number; train: DropoutSplit; test: DropoutSplit }

/** The two runs, in the order they are shown: the same network without and with dropout. */
export const DROPOUT_RUNS = ['plain', 'dropout'] as const;
export type DropoutRun = (typeof DROPOUT_RUNS)[number];

export interface DropoutConfig {
  seed: number;
  /** Images per step; both runs train on the same batch. */
  batchSize: number;
  /** Units in each of the two hidden layers. */
  hidden: number;
  /** ε of the lecture's rule. */
  learningRate: number;
  momentum: number;
  weightDecay: number;
  /** Probability of setting a hidden unit to zero in the dropout run (AlexNet: 0.5). */
  dropoutRate: number;
  /** Train and test accuracy are measured every this many steps. */
  evalEverySteps: number;
  /** Epochs after which training pauses (Train continues past it). */
  epochCap: number;
}

export interface DropoutFacts extends Record<string, unknown> { parameters: number; trainCount: number; testCount: number; batchesPerEpoch: number; inputs: number; hidden: number }

/** One measurement of both runs: accuracy on the training subset and on the held-out images, every unit used. */
export interface DropoutEvaluation { step: number; epoch: number; trainAccuracy: Record<DropoutRun, number>; testAccuracy: Record<DropoutRun, number> }

/** Examples per forward pass when measuring accuracy (bounds the memory a measurement needs). */
const EVAL_CHUNK = 500;

/**
 * Dropout shown live: two copies of the same two-hidden-layer network, built from the same draws and trained in
 * turn on the very same batches with the lecture's momentum rule and weight decay, one with dropout on both
 * hidden layers and one without. Every `evalEverySteps` steps both are measured without dropout on the whole
 * training subset and on held-out test images, so the gap between the two accuracies shows how much each
 * overfits. The loss the trainer reports is the run without dropout's.
 */
export class DropoutTask implements WorkerTask {
  private nets: Record<DropoutRun, DropoutNet>;
  private readonly trainX: tf.Tensor2D;
  private readonly trainY: tf.Tensor1D;
  private readonly testX: tf.Tensor2D;
  private readonly testY: tf.Tensor1D;
  private readonly batchesPerEpoch: number;
  private pending: tf.Tensor2D[] = [];
  private order: Uint32Array | null = null;
  private orderEpoch = -1;
  private stepsDone = 0;
  private lastEvalStep = -Infinity;
  private generation = 0;
  private capSaid = false;
  private evaluationsKept: DropoutEvaluation[] = [];

  constructor(private readonly data: DropoutData, private config: DropoutConfig) {
    const { channels } = data;
    const mean = new Float64Array(channels);
    const sq = new Float64Array(channels);
    const px = data.train.pixels;
    for (let i = 0; i < px.length; i++) {
      const v = px[i] / 255;
      mean[i % channels] += v;
      sq[i % channels] += v * v;
    }
    const n = px.length / channels;
    const invStd = new Float64Array(channels);
    for (let k = 0; k < channels; k++) {
      mean[k] /= n;
      invStd[k] = 1 / Math.sqrt(Math.max(1e-8, sq[k] / n - mean[k] ** 2));
    }
    /** Standardised per channel with the training subset's mean and deviation. */
    const standardise = (split: DropoutSplit): tf.Tensor2D => {
      const out = new Float32Array(split.pixels.length);
      for (let i = 0; i < out.length; i++) out[i] = (split.pixels[i] / 255 - mean[i % channels]) * invStd[i % channels];
      return tf.tensor2d(out, [split.count, this.inputs]);
    };
    this.trainX = standardise(data.train);
    this.trainY = tf.tensor1d(Int32Array.from(data.train.labels), 'int32');
    this.testX = standardise(data.test);
    this.testY = tf.tensor1d(Int32Array.from(data.test.labels), 'int32');
    this.batchesPerEpoch = Math.max(1, Math.floor(data.train.count / config.batchSize));
    this.nets = this.buildNets();
  }

  get inputs(): number { return this.data.side * this.data.side * this.data.channels; }

  get shape(): DropoutNetShape { return { inputs: this.inputs, hidden: this.config.hidden, classes: 10 }; }

  /** The two networks (tests and read-outs; training goes through trainStep). */
  get runs(): Readonly<Record<DropoutRun, DropoutNet>> { return this.nets; }

  get evaluations(): readonly DropoutEvaluation[] { return this.evaluationsKept; }

  facts(): DropoutFacts {
    return {
      parameters: dropoutParameterCount(this.shape), trainCount: this.data.train.count, testCount: this.data.test.count,
      batchesPerEpoch: this.batchesPerEpoch, inputs: this.inputs, hidden: this.config.hidden,
    };
  }

  private buildNets(): Record<DropoutRun, DropoutNet> {
    const sgd = { learningRate: this.config.learningRate, momentum: this.config.momentum, weightDecay: this.config.weightDecay };
    return {
      plain: new DropoutNet(this.shape, 0, this.config.seed, sgd, 'plain'),
      dropout: new DropoutNet(this.shape, this.config.dropoutRate, this.config.seed, sgd, 'dropout'),
    };
  }

  /** Indices of the images in batch `step`: a fresh seeded shuffle every epoch, the same for both runs. */
  batchIndices(step: number): Uint32Array {
    const epoch = Math.floor(step / this.batchesPerEpoch);
    if (epoch !== this.orderEpoch) {
      this.order = shuffledIndices(this.data.train.count, mulberry32(deriveSeed(this.config.seed, `dropout/order/${epoch}`)));
      this.orderEpoch = epoch;
    }
    const start = (step % this.batchesPerEpoch) * this.config.batchSize;
    return this.order!.subarray(start, start + this.config.batchSize);
  }

  trainStep(step: number): tf.Scalar {
    const idx = tf.tensor1d(Int32Array.from(this.batchIndices(step)), 'int32');
    const x = tf.gather(this.trainX, idx) as tf.Tensor2D;
    const labels = tf.gather(this.trainY, idx) as tf.Tensor1D;
    const stats: tf.Tensor1D[] = [];
    const maskSeed = deriveSeed(this.config.seed, `dropout/mask/${step}`) % 1_000_000_007;
    try {
      for (const r of DROPOUT_RUNS) stats.push(this.nets[r].trainStep(x, labels, maskSeed));
    } catch (err) {
      tf.dispose(stats);
      throw err;
    } finally {
      tf.dispose([idx, x, labels]);
    }
    const stacked = tf.stack(stats) as tf.Tensor2D;
    tf.dispose(stats);
    this.pending.push(stacked);
    this.stepsDone = step + 1;
    return tf.tidy(() => tf.reshape(tf.slice(stacked, [0, 0], [1, 1]), []) as tf.Scalar);
  }

  evaluateLoss(): tf.Scalar {
    return tf.tidy(() => {
      const n = Math.min(this.config.batchSize, this.data.train.count);
      return this.nets.plain.loss(tf.slice(this.trainX, [0, 0], [n, -1]), tf.slice(this.trainY, [0], [n]));
    });
  }

  /** Accuracy of every run on (x, y), no dropout, in chunks. */
  private async accuracy(x: tf.Tensor2D, y: tf.Tensor1D): Promise<Record<DropoutRun, number>> {
    const count = x.shape[0];
    const correct = tf.tidy(() => {
      const perRun = DROPOUT_RUNS.map((r) => {
        let total: tf.Scalar = tf.scalar(0);
        for (let s = 0; s < count; s += EVAL_CHUNK) {
          const n = Math.min(EVAL_CHUNK, count - s);
          total = tf.add(total, this.nets[r].correct(tf.slice(x, [s, 0], [n, -1]), tf.slice(y, [s], [n])));
        }
        return total;
      });
      return tf.stack(perRun);
    });
    const values = await correct.data();
    correct.dispose();
    return { plain: values[0] / count, dropout: values[1] / count };
  }

  /** Measures both runs now (train and test accuracy) and keeps the result. */
  async evaluate(): Promise<DropoutEvaluation | null> {
    const generation = this.generation;
    const step = this.stepsDone;
    const trainAccuracy = await this.accuracy(this.trainX, this.trainY);
    const testAccuracy = await this.accuracy(this.testX, this.testY);
    if (generation !== this.generation) return null;
    const e = { step, epoch: step / this.batchesPerEpoch, trainAccuracy, testAccuracy };
    this.evaluationsKept.push(e);
    return e;
  }

  finished(): string | null {
    if (!this.capSaid && this.stepsDone / this.batchesPerEpoch >= this.config.epochCap) {
      this.capSaid = true;
      return `Both runs trained ${this.config.epochCap} epochs, as the preset planned. Train continues past it.`;
    }
    return null;
  }

  configure(patch: unknown): void {
    const p = patch as Partial<DropoutConfig>;
    if (p.epochCap !== undefined) { this.config = { ...this.config, epochCap: p.epochCap }; this.capSaid = false; }
    if (p.evalEverySteps !== undefined) this.config = { ...this.config, evalEverySteps: Math.max(1, p.evalEverySteps) };
  }

  /**
   * Per run: the mean batch loss and error rate of the steps since the last call (`<run>.loss`, `<run>.error`),
   * and `epoch`; when a measurement is due (at step 0, then at the first read-back `evalEverySteps` or more steps after the last) also
   * `<run>.trainAccuracy`, `<run>.testAccuracy`, `<run>.gap` (train − test, 0–1) and `evalEpoch`.
   */
  async metrics(): Promise<Record<string, number>> {
    const generation = this.generation;
    const out: Record<string, number> = { epoch: this.stepsDone / this.batchesPerEpoch };
    const taken = this.pending.splice(0);
    if (taken.length) {
      const all = tf.concat(taken);
      tf.dispose(taken);
      const values = await all.data();
      all.dispose();
      if (generation !== this.generation) return {};
      DROPOUT_RUNS.forEach((r, i) => {
        let loss = 0;
        let errors = 0;
        for (let s = 0; s < taken.length; s++) {
          loss += values[(s * DROPOUT_RUNS.length + i) * 2];
          errors += values[(s * DROPOUT_RUNS.length + i) * 2 + 1];
        }
        out[`${r}.loss`] = loss / taken.length;
        out[`${r}.error`] = errors / (taken.length * this.config.batchSize);
      });
    }
    if (this.stepsDone - this.lastEvalStep >= this.config.evalEverySteps) {
      this.lastEvalStep = this.stepsDone;
      const e = await this.evaluate();
      if (!e) return {};
      out.evalEpoch = e.epoch;
      out.evalStep = e.step;
      for (const r of DROPOUT_RUNS) {
        out[`${r}.trainAccuracy`] = e.trainAccuracy[r];
        out[`${r}.testAccuracy`] = e.testAccuracy[r];
        out[`${r}.gap`] = e.trainAccuracy[r] - e.testAccuracy[r];
      }
    }
    return out;
  }

  async read(name: string): Promise<unknown> {
    if (name === 'evaluations') return this.evaluationsKept.map((e) => ({ ...e, trainAccuracy: { ...e.trainAccuracy }, testAccuracy: { ...e.testAccuracy } }));
    throw new Error(`no read-out named "${name}"`);
  }

  async exportWeights(): Promise<Record<DropoutRun, Float32Array[]>> {
    return { plain: await this.nets.plain.readWeights(), dropout: await this.nets.dropout.readWeights() };
  }

  importWeights(weights: unknown): void {
    const w = weights as Record<DropoutRun, Float32Array[]>;
    for (const r of DROPOUT_RUNS) this.nets[r].writeWeights(w[r]);
  }

  private clearRun(): void {
    this.generation++;
    tf.dispose(this.pending);
    this.pending = [];
    for (const r of DROPOUT_RUNS) this.nets[r].dispose();
  }

  reset(): void {
    this.clearRun();
    this.nets = this.buildNets();
    this.stepsDone = 0;
    this.lastEvalStep = -Infinity;
    this.capSaid = false;
    this.evaluationsKept = [];
  }

  dispose(): void {
    this.clearRun();
    tf.dispose([this.trainX, this.trainY, this.testX, this.testY]);
  }
}
