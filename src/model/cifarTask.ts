import * as tf from '@tensorflow/tfjs';
import type { CifarSet } from '../data/cifar10';
import { CROP_SIDE, CROP_VALUES, drawDistortion, prepareBatch, type Distortion } from '../data/cifarAugment';
import type { WorkerTask } from '../engine/workerHost';
import { CIFAR_VARIABLES, CifarNet, cifarForward, staircaseLearningRate, type CifarActivations, type CifarVariableName } from './cifar10Net';
import { deriveSeed, mulberry32, shuffledIndices } from './random';

/** Settings of a CIFAR-10 training run (the tutorial's values unless the student changes them). */
export interface CifarTaskConfig {
  seed: number;
  /** Images per SGD step (tutorial: 128). */
  batchSize: number;
  /** How many of the five 10,000-image training files to load. */
  trainFiles: number;
  initialLearningRate: number;
  decayFactor: number;
  /** Steps between two learning-rate drops (tutorial: 350 epochs of 50,000/128 batches; a demo uses far fewer). */
  decaySteps: number;
  /** Moving-average decay of the weights (tutorial 0.9999), with TensorFlow's warm-up. */
  averageDecay: number;
  /** Random crops, flips, brightness and contrast as the tutorial's training input; off = the central crop. */
  distort: boolean;
}

export const TUTORIAL_CONFIG: CifarTaskConfig = {
  seed: 1, batchSize: 128, trainFiles: 5, initialLearningRate: 0.1, decayFactor: 0.1,
  decaySteps: Math.floor((350 * 50_000) / 128), averageDecay: 0.9999, distort: true,
};

/** What the views ask the task for (answered with copies, in the worker or on the page). */
export interface CifarFilters { step: number; conv1: Float32Array; conv2: Float32Array }

/** Counts of values in `bins` equal-width bins over [min, max]. */
export interface Histogram { min: number; max: number; counts: Uint32Array }
export const HISTOGRAM_BINS = 40;

/** The convolution layers' weights and biases: enough to recompute every feature map up to pool2. */
export interface CifarConvWeights { conv1: Float32Array; conv1Bias: Float32Array; conv2: Float32Array; conv2Bias: Float32Array }

/**
 * What the timeline keeps every few steps: the convolution weights (4,800 + 102,400 + 128 floats, 429 KB)
 * and a histogram of every variable and of its latest gradient (10 × 2 × 40 counts).
 */
export interface CifarSnapshot extends CifarConvWeights {
  step: number;
  weights: Record<CifarVariableName, Histogram>;
  /** Gradients of the most recent step that kept them (step `gradientStep`), or null before the first. */
  gradients: Record<CifarVariableName, Histogram> | null;
  gradientStep: number | null;
}

/** Histogram of `values` over their own range. */
export function histogram(values: Float32Array, bins = HISTOGRAM_BINS): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Uint32Array(bins);
  if (!(min <= max)) return { min: 0, max: 0, counts };
  const width = max - min || 1;
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor(((values[i] - min) / width) * bins))]++;
  return { min, max, counts };
}

/** Steps between two kept gradients (a gradient copy costs one extra read of 1.07 M numbers). */
export const GRADIENT_EVERY_STEPS = 10;
/** Steps between two timeline snapshots. */
export const SNAPSHOT_EVERY_STEPS = 10;
export interface CifarEvaluation { step: number; count: number; raw: number; averaged: number; predictions: Uint8Array; averagedPredictions: Uint8Array; labels: Uint8Array }
export interface CifarPreview { images: Float32Array; labels: Uint8Array; distortions: Distortion[]; side: number }
export interface CifarFeatureMaps { index: number | null; layers: { name: keyof CifarActivations; shape: number[]; values: Float32Array }[]; probabilities: Float32Array | null }

const EVAL_CHUNK = 100;

/**
 * Connects the tutorial network to CIFAR-10 for the Trainer: seeded shuffles per epoch, the tutorial's
 * distortions drawn from a per-step seed (so a step's batch is the same on every backend and after a reset),
 * the staircase learning rate and the weights' moving average.
 */
export class CifarTask implements WorkerTask<CifarSnapshot> {
  net: CifarNet;
  private config: CifarTaskConfig;
  private order: Uint32Array | null = null;
  private orderEpoch = -1;
  private lastTerms: { crossEntropy: tf.Scalar; weightDecay: tf.Scalar } | null = null;
  private lastLearningRate: number;
  private steps = 0;
  private readonly evalIndices: Uint32Array;
  private lastGradients: { step: number; tensors: Record<CifarVariableName, tf.Tensor> } | null = null;
  readonly snapshot = { everySteps: SNAPSHOT_EVERY_STEPS, maxKept: 2, take: () => this.takeSnapshot() };

  constructor(private readonly train: CifarSet, private readonly test: CifarSet, config: CifarTaskConfig) {
    this.config = { ...config };
    this.net = new CifarNet(config.seed);
    this.lastLearningRate = config.initialLearningRate;
    this.evalIndices = Uint32Array.from({ length: Math.min(config.batchSize, test.count) }, (_, i) => i);
  }

  facts(): Record<string, unknown> {
    return { parameters: this.net.parameterCount(), trainImages: this.train.count, testImages: this.test.count, classes: this.train.classes };
  }

  configure(patch: unknown): void {
    // Seed and data size need a new task; everything else applies from the next step.
    const live = { ...(patch as Partial<CifarTaskConfig>) };
    delete live.seed;
    delete live.trainFiles;
    this.config = { ...this.config, ...live };
  }

  /** The images of step `step`: positions step·B … step·B+B−1 of the seeded shuffled order. */
  batchIndices(step: number): Uint32Array {
    const n = this.train.count;
    const b = this.config.batchSize;
    const out = new Uint32Array(b);
    for (let k = 0; k < b; k++) {
      const position = step * b + k;
      const epoch = Math.floor(position / n);
      if (epoch !== this.orderEpoch) {
        this.order = shuffledIndices(n, mulberry32(deriveSeed(this.config.seed, `cifar-epoch-${epoch}`)));
        this.orderEpoch = epoch;
      }
      out[k] = this.order![position % n];
    }
    return out;
  }

  /** The distortions of step `step` (null when distortion is off). */
  distortions(step: number): Distortion[] | null {
    if (!this.config.distort) return null;
    const random = mulberry32(deriveSeed(this.config.seed, `cifar-distort-${step}`));
    return Array.from({ length: this.config.batchSize }, () => drawDistortion(random));
  }

  epochsAfter(steps: number): number {
    return (steps * this.config.batchSize) / this.train.count;
  }

  learningRate(step: number): number {
    const c = this.config;
    return staircaseLearningRate(step, c.initialLearningRate, c.decayFactor, c.decaySteps);
  }

  trainStep(step: number): tf.Scalar {
    const indices = this.batchIndices(step);
    const images = prepareBatch(this.train.pixels, indices, this.distortions(step));
    const labels = Int32Array.from(indices, (i) => this.train.labels[i]);
    const x = tf.tensor4d(images, [indices.length, CROP_SIDE, CROP_SIDE, 3]);
    const y = tf.tensor1d(labels, 'int32');
    this.lastLearningRate = this.learningRate(step);
    try {
      const withGradients = step % GRADIENT_EVERY_STEPS === 0;
      const r = this.net.trainStep(x, y, this.lastLearningRate, { step, averageDecay: this.config.averageDecay, withGradients });
      tf.dispose([this.lastTerms?.crossEntropy, this.lastTerms?.weightDecay].filter((t): t is tf.Scalar => !!t));
      this.lastTerms = { crossEntropy: r.crossEntropy, weightDecay: r.weightDecay };
      if (r.gradients) {
        this.dropGradients();
        this.lastGradients = { step, tensors: r.gradients };
      }
      this.steps = step + 1;
      return r.total;
    } finally {
      tf.dispose([x, y]);
    }
  }

  evaluateLoss(): tf.Scalar {
    return tf.tidy(() => {
      const x = tf.tensor4d(prepareBatch(this.test.pixels, this.evalIndices, null), [this.evalIndices.length, CROP_SIDE, CROP_SIDE, 3]);
      const y = tf.tensor1d(Int32Array.from(this.evalIndices, (i) => this.test.labels[i]), 'int32');
      return this.net.losses(x, y).total;
    });
  }

  async metrics(): Promise<Record<string, number>> {
    const out: Record<string, number> = { learningRate: this.lastLearningRate, epoch: this.epochsAfter(this.steps) };
    if (this.lastTerms) {
      const [ce, wd] = await Promise.all([this.lastTerms.crossEntropy.data(), this.lastTerms.weightDecay.data()]);
      out.crossEntropy = ce[0];
      out.weightDecay = wd[0];
    }
    return out;
  }

  reset(): void {
    this.net.dispose();
    this.net = new CifarNet(this.config.seed);
    tf.dispose([this.lastTerms?.crossEntropy, this.lastTerms?.weightDecay].filter((t): t is tf.Scalar => !!t));
    this.lastTerms = null;
    this.dropGradients();
    this.steps = 0;
    this.lastLearningRate = this.config.initialLearningRate;
  }

  private dropGradients(): void {
    if (this.lastGradients) tf.dispose(Object.values(this.lastGradients.tensors));
    this.lastGradients = null;
  }

  /** Convolution weights and histograms of every variable and its latest gradient (copies). */
  async takeSnapshot(): Promise<CifarSnapshot> {
    const step = this.steps;
    // Copies taken now, before any await: the next step may replace (and dispose) the kept gradients meanwhile.
    const g = this.lastGradients ? { step: this.lastGradients.step, tensors: tf.tidy(() => Object.fromEntries(Object.entries(this.lastGradients!.tensors).map(([k, t]) => [k, t.clone()]))) as Record<CifarVariableName, tf.Tensor> } : null;
    const weights = {} as Record<CifarVariableName, Histogram>;
    const values = {} as Record<CifarVariableName, Float32Array>;
    for (const spec of CIFAR_VARIABLES) {
      values[spec.name] = (await this.net.variables[spec.name].data()) as Float32Array;
      weights[spec.name] = histogram(values[spec.name]);
    }
    let gradients: Record<CifarVariableName, Histogram> | null = null;
    if (g) {
      try {
        gradients = {} as Record<CifarVariableName, Histogram>;
        for (const spec of CIFAR_VARIABLES) gradients[spec.name] = histogram((await g.tensors[spec.name].data()) as Float32Array);
      } finally {
        tf.dispose(Object.values(g.tensors));
      }
    }
    return {
      step,
      conv1: values['conv1/weights'].slice(), conv1Bias: values['conv1/biases'].slice(),
      conv2: values['conv2/weights'].slice(), conv2Bias: values['conv2/biases'].slice(),
      weights, gradients, gradientStep: g ? g.step : null,
    };
  }

  async filters(): Promise<CifarFilters> {
    const [conv1, conv2] = await Promise.all([this.net.variables['conv1/weights'].data(), this.net.variables['conv2/weights'].data()]);
    return { step: this.steps, conv1: (conv1 as Float32Array).slice(), conv2: (conv2 as Float32Array).slice() };
  }

  /** Accuracy on the test images (central crops) with the raw and the averaged weights. */
  async evaluate(): Promise<CifarEvaluation> {
    const n = this.test.count;
    const step = this.steps;
    const predictions = new Uint8Array(n);
    const averagedPredictions = new Uint8Array(n);
    // Every chunk is computed before the first await, so all of them use the weights of one step (the worker's
    // training loop could otherwise step between two chunks).
    const chunks: { start: number; raw: tf.Tensor; avg: tf.Tensor }[] = [];
    for (let start = 0; start < n; start += EVAL_CHUNK) {
      const idx = Uint32Array.from({ length: Math.min(EVAL_CHUNK, n - start) }, (_, i) => start + i);
      const [raw, avg] = tf.tidy(() => {
        const x = tf.tensor4d(prepareBatch(this.test.pixels, idx, null), [idx.length, CROP_SIDE, CROP_SIDE, 3]);
        return [tf.argMax(this.net.predict(x, false), 1), tf.argMax(this.net.predict(x, true), 1)];
      });
      chunks.push({ start, raw, avg });
    }
    try {
      for (const { start, raw, avg } of chunks) {
        const [r, a] = await Promise.all([raw.data(), avg.data()]);
        predictions.set(r, start);
        averagedPredictions.set(a, start);
      }
    } finally {
      tf.dispose(chunks.flatMap((c) => [c.raw, c.avg]));
    }
    const correct = (p: Uint8Array) => p.reduce((s, v, i) => s + (v === this.test.labels[i] ? 1 : 0), 0) / n;
    return { step, count: n, raw: correct(predictions), averaged: correct(averagedPredictions), predictions, averagedPredictions, labels: this.test.labels.slice() };
  }

  /** The images the network is fed at the next step (first `count`), as standardised floats. */
  preview(count: number): CifarPreview {
    const indices = this.batchIndices(this.steps).slice(0, count);
    const all = this.distortions(this.steps);
    const distortions = all ? all.slice(0, count) : [];
    return {
      images: prepareBatch(this.train.pixels, indices, all ? distortions : null),
      labels: Uint8Array.from(indices, (i) => this.train.labels[i]),
      distortions,
      side: CROP_SIDE,
    };
  }

  /**
   * Every layer's activations for one image — test image `index` (central crop) or `image` (24×24×3, already
   * standardised) — and the class probabilities. With `conv`, the convolution layers use those weights (a
   * timeline snapshot) and the layers after pool2 are left out, since they would mix two moments of training.
   */
  async featureMaps(source: { index?: number; image?: Float32Array; conv?: CifarConvWeights; averaged?: boolean }): Promise<CifarFeatureMaps> {
    const i = Math.max(0, Math.min(this.test.count - 1, Math.floor(source.index ?? 0)));
    const input = source.image ?? prepareBatch(this.test.pixels, [i], null);
    if (input.length !== CROP_VALUES) throw new Error(`an input image must have ${CROP_VALUES} values (24×24×3), not ${input.length}`);
    const names = source.conv
      ? (['conv1', 'pool1', 'norm1', 'conv2', 'norm2', 'pool2'] as const)
      : (['conv1', 'pool1', 'norm1', 'conv2', 'norm2', 'pool2', 'local3', 'local4', 'logits'] as const);
    const acts = tf.tidy(() => {
      const x = tf.tensor4d(input, [1, CROP_SIDE, CROP_SIDE, 3]);
      let params = this.net.params(source.averaged ?? false);
      const c = source.conv;
      if (c) {
        params = {
          ...params,
          'conv1/weights': tf.tensor(c.conv1, [5, 5, 3, 64]), 'conv1/biases': tf.tensor(c.conv1Bias, [64]),
          'conv2/weights': tf.tensor(c.conv2, [5, 5, 64, 64]), 'conv2/biases': tf.tensor(c.conv2Bias, [64]),
        };
      }
      const a = cifarForward(params, x);
      return { ...a, probabilities: tf.softmax(a.logits) };
    });
    try {
      const layers: CifarFeatureMaps['layers'] = [];
      for (const name of names) layers.push({ name, shape: acts[name].shape.slice(1), values: ((await acts[name].data()) as Float32Array).slice() });
      const probabilities = source.conv ? null : ((await acts.probabilities.data()) as Float32Array).slice();
      return { index: source.image ? null : i, layers, probabilities };
    } finally {
      tf.dispose(Object.values(acts));
    }
  }

  /** Every variable's values (copies), for saving. */
  async weightsRecord(): Promise<Record<CifarVariableName, Float32Array>> {
    return Object.fromEntries(await this.exportWeights()) as Record<CifarVariableName, Float32Array>;
  }

  async read(name: string, args: unknown): Promise<unknown> {
    const a = (args ?? {}) as { count?: number; index?: number; averaged?: boolean; image?: Float32Array; conv?: CifarConvWeights; weights?: Record<string, Float32Array> };
    switch (name) {
      case 'filters': return this.filters();
      case 'evaluate': return this.evaluate();
      case 'preview': return this.preview(a.count ?? 8);
      case 'features': return this.featureMaps(a);
      case 'weights': return this.weightsRecord();
      case 'setWeights': this.importWeights(new Map(Object.entries(a.weights ?? {})) as Map<CifarVariableName, Float32Array>); return this.facts();
      default: throw new Error(`the CIFAR-10 task has no read-out "${name}"`);
    }
  }

  async exportWeights(): Promise<Map<CifarVariableName, Float32Array>> {
    const w = await this.net.readWeights();
    return new Map([...w].map(([k, v]) => [k, v.slice()]));
  }

  /** Rebuilds the network on the current backend and puts the weights back (after a backend change). */
  importWeights(weights: unknown): void {
    // Everything of the old backend goes: the network, the kept gradients and loss terms (reading them there
    // could hang after a lost context).
    try {
      this.net.dispose();
      this.dropGradients();
      tf.dispose([this.lastTerms?.crossEntropy, this.lastTerms?.weightDecay].filter((t): t is tf.Scalar => !!t));
    } catch {
      // The old backend may be gone; its tensors go with it.
    }
    this.lastGradients = null;
    this.lastTerms = null;
    this.net = new CifarNet(this.config.seed);
    this.net.writeWeights(weights as Map<CifarVariableName, Float32Array>);
  }

  /**
   * Takes kept weights as the state after `step` steps: the next step trains on batch `step` at the schedule's
   * rate for `step`, as the kept run would have. Plain SGD keeps no state besides the weights; the moving average
   * starts again from the kept weights (a moment keeps the trained weights only). Changes nothing when a
   * variable is missing or has the wrong size.
   */
  restoreAt(weights: unknown, step: number): void {
    if (!Number.isInteger(step) || step < 0) throw new Error(`a kept step must be a whole number ≥ 0, not ${step}`);
    const map = new Map<CifarVariableName, Float32Array>(weights instanceof Map ? weights : Object.entries((weights ?? {}) as Record<string, Float32Array>) as [CifarVariableName, Float32Array][]);
    for (const spec of CIFAR_VARIABLES) {
      const n = spec.shape.reduce((a, b) => a * b, 1);
      const v = map.get(spec.name);
      if (!(v instanceof Float32Array) || v.length !== n) throw new Error(`${spec.name}: expected ${n} values, got ${v?.length ?? 'none'}`);
    }
    this.importWeights(map);
    this.steps = step;
    this.lastLearningRate = this.learningRate(step);
  }

  dispose(): void {
    this.dropGradients();
    this.net.dispose();
    tf.dispose([this.lastTerms?.crossEntropy, this.lastTerms?.weightDecay].filter((t): t is tf.Scalar => !!t));
    this.lastTerms = null;
  }
}

