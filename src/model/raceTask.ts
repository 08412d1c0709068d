import * as tf from '@tensorflow/tfjs';
import type { WorkerTask } from '../engine/workerHost';
import { RACE_ACTIVATIONS, RACE_LAYERS, RaceNet, raceParameterCount, type RaceActivation, type RaceNetShape } from './raceNet';
import { RunProgress, epochRatios, type Crossing } from './raceProgress';

export type { Crossing } from './raceProgress';
import { deriveSeed, mulberry32, shuffledIndices } from './random';

/** Training images for the race: `count` images of side×side×channels bytes (HWC), labels 0–9. */
export interface RaceData { count: number; side: number; channels: number; pixels: Uint8Array; labels: Uint8Array }

export interface RaceConfig {
  seed: number;
  /** Images per step; every run trains on the same batch. */
  batchSize: number;
  /** Feature maps of the three convolution layers. */
  widths: [number, number, number];
  /** Each run's learning rate ε (the paper tuned each network's separately). */
  learningRates: Record<RaceActivation, number>;
  momentum: number;
  /** Training error rate that counts as "reached" (the paper: 0.25). */
  threshold: number;
  /** Epochs after which the race stops even if a run has not reached the threshold. */
  epochCap: number;
  /** Examples the training error is measured over (the most recent ones each run trained on). */
  windowExamples: number;
}

export interface RaceFacts extends Record<string, unknown> { parameters: number; trainCount: number; batchesPerEpoch: number; side: number; channels: number }

/** What a view reads at once (without waiting for the next metrics), e.g. after the threshold changed. */
export interface RaceCrossings { threshold: number; crossings: Record<RaceActivation, Crossing | null>; ratios: Record<RaceActivation, number | null> }

/**
 * The activation race as one training task: three copies of the same four-layer network (ReLU, tanh,
 * sigmoid), started from the same unit draws, trained step by step in turn on the very same batch, so none
 * gets more data or compute than another. A step is one batch for each run; the loss the trainer reports is
 * the ReLU run's. Per-run losses, error counts and gradient sizes stay on the device until `metrics()` reads
 * them in one go.
 */
export class RaceTask implements WorkerTask {
  private nets: Record<RaceActivation, RaceNet>;
  private progress!: Record<RaceActivation, RunProgress>;
  private pending: { step: number; stats: tf.Tensor2D; ms: number[] }[] = [];
  private readonly mean: Float32Array;
  private readonly invStd: Float32Array;
  private readonly batchesPerEpoch: number;
  private readonly batchPixels: Float32Array;
  private readonly batchLabels: Int32Array;
  private order: Uint32Array | null = null;
  private orderEpoch = -1;
  private generation = 0;
  private finishedSaid = new Set<string>();
  private gradients: Record<RaceActivation, number[]> = { relu: [], tanh: [], sigmoid: [] };
  private stepsDone = 0;

  constructor(private readonly data: RaceData, private config: RaceConfig) {
    const c = data.channels;
    this.mean = new Float32Array(c);
    this.invStd = new Float32Array(c);
    const sum = new Float64Array(c);
    const sq = new Float64Array(c);
    for (let i = 0; i < data.pixels.length; i++) {
      const v = data.pixels[i] / 255;
      sum[i % c] += v;
      sq[i % c] += v * v;
    }
    const n = data.pixels.length / c;
    for (let k = 0; k < c; k++) {
      this.mean[k] = sum[k] / n;
      this.invStd[k] = 1 / Math.sqrt(Math.max(1e-8, sq[k] / n - this.mean[k] ** 2));
    }
    this.batchesPerEpoch = Math.max(1, Math.floor(data.count / config.batchSize));
    this.batchPixels = new Float32Array(config.batchSize * data.side * data.side * c);
    this.batchLabels = new Int32Array(config.batchSize);
    this.nets = this.buildNets();
    this.resetProgress();
  }

  /** The three networks (for tests and read-outs; training goes through trainStep). */
  get runs(): Readonly<Record<RaceActivation, RaceNet>> { return this.nets; }

  get shape(): RaceNetShape {
    return { side: this.data.side, channels: this.data.channels, widths: this.config.widths, classes: 10 };
  }

  facts(): RaceFacts {
    return { parameters: raceParameterCount(this.shape), trainCount: this.data.count, batchesPerEpoch: this.batchesPerEpoch, side: this.data.side, channels: this.data.channels };
  }

  private buildNets(): Record<RaceActivation, RaceNet> {
    const out = {} as Record<RaceActivation, RaceNet>;
    for (const a of RACE_ACTIVATIONS) out[a] = new RaceNet(this.shape, a, this.config.seed, this.config.learningRates[a], this.config.momentum);
    return out;
  }

  private resetProgress(): void {
    // An epoch is `batchesPerEpoch` whole batches (the remainder of the subset waits for the next shuffle).
    const examplesPerEpoch = this.batchesPerEpoch * this.config.batchSize;
    const windowExamples = Math.min(this.config.windowExamples, examplesPerEpoch);
    this.progress = {} as Record<RaceActivation, RunProgress>;
    for (const a of RACE_ACTIVATIONS) this.progress[a] = new RunProgress(examplesPerEpoch, windowExamples);
  }

  /** Indices of the images in batch `step`: a fresh seeded shuffle every epoch, the same for every run. */
  batchIndices(step: number): Uint32Array {
    const epoch = Math.floor(step / this.batchesPerEpoch);
    if (epoch !== this.orderEpoch) {
      this.order = shuffledIndices(this.data.count, mulberry32(deriveSeed(this.config.seed, `race/order/${epoch}`)));
      this.orderEpoch = epoch;
    }
    const start = (step % this.batchesPerEpoch) * this.config.batchSize;
    return this.order!.subarray(start, start + this.config.batchSize);
  }

  /** The batch of step `step`, standardised per channel with the subset's mean and deviation. */
  batch(step: number): { x: tf.Tensor4D; labels: tf.Tensor1D } {
    const { side, channels, pixels, labels } = this.data;
    const size = side * side * channels;
    const idx = this.batchIndices(step);
    for (let b = 0; b < idx.length; b++) {
      const src = idx[b] * size;
      const dst = b * size;
      for (let i = 0; i < size; i++) {
        const k = i % channels;
        this.batchPixels[dst + i] = (pixels[src + i] / 255 - this.mean[k]) * this.invStd[k];
      }
      this.batchLabels[b] = labels[idx[b]];
    }
    return {
      x: tf.tensor4d(this.batchPixels, [idx.length, side, side, channels]),
      labels: tf.tensor1d(this.batchLabels, 'int32'),
    };
  }

  trainStep(step: number): tf.Scalar {
    const { x, labels } = this.batch(step);
    const ms: number[] = [];
    const stats: tf.Tensor1D[] = [];
    try {
      for (const a of RACE_ACTIVATIONS) {
        const t0 = performance.now();
        stats.push(this.nets[a].trainStep(x, labels).stats);
        ms.push(performance.now() - t0);
      }
    } catch (err) {
      tf.dispose(stats);
      throw err;
    } finally {
      tf.dispose([x, labels]);
    }
    const stacked = tf.stack(stats) as tf.Tensor2D;
    tf.dispose(stats);
    this.pending.push({ step: step + 1, stats: stacked, ms });
    this.stepsDone = step + 1;
    return tf.tidy(() => tf.reshape(tf.slice(stacked, [0, 0], [1, 1]), []) as tf.Scalar);
  }

  evaluateLoss(): tf.Scalar {
    const { x, labels } = this.batch(0);
    try {
      return this.nets.relu.loss(x, labels);
    } finally {
      tf.dispose([x, labels]);
    }
  }

  /** Set when every run has trained `epochCap` epochs, or all three reached the threshold; said once each. */
  finished(): string | null {
    const epochs = this.stepsDone / this.batchesPerEpoch;
    if (epochs >= this.config.epochCap && !this.finishedSaid.has('cap')) {
      this.finishedSaid.add('cap');
      return `The race reached its cap of ${this.config.epochCap} epochs. Train continues past it.`;
    }
    if (RACE_ACTIVATIONS.every((a) => this.progress[a].crossing(this.config.threshold)) && !this.finishedSaid.has('all')) {
      this.finishedSaid.add('all');
      return `All three runs reached ${Math.round(this.config.threshold * 100)}% training error.`;
    }
    return null;
  }

  configure(patch: unknown): void {
    const p = patch as Partial<RaceConfig>;
    if (p.threshold !== undefined) {
      this.config = { ...this.config, threshold: p.threshold };
      this.finishedSaid.delete('all');
    }
    if (p.epochCap !== undefined) {
      this.config = { ...this.config, epochCap: p.epochCap };
      this.finishedSaid.delete('cap');
    }
  }

  crossings(): RaceCrossings {
    const crossings = {} as Record<RaceActivation, Crossing | null>;
    for (const a of RACE_ACTIVATIONS) crossings[a] = this.progress[a].crossing(this.config.threshold);
    return { threshold: this.config.threshold, crossings, ratios: epochRatios<RaceActivation>(crossings, 'relu') };
  }

  /**
   * Reads every step's numbers since the last call (one transfer), adds them to each run's progress, and
   * returns per run: windowed error and loss, the latest batch's loss, epochs, ms, RMS gradient per layer
   * (mean over the steps read), and the threshold crossing (-1 when not reached).
   */
  async metrics(): Promise<Record<string, number>> {
    const taken = this.pending.splice(0);
    const generation = this.generation;
    if (taken.length) {
      const all = tf.concat(taken.map((p) => p.stats));
      tf.dispose(taken.map((p) => p.stats));
      const values = await all.data();
      all.dispose();
      if (generation !== this.generation) return {};
      const width = 2 + RACE_LAYERS.length;
      const gradSums = RACE_ACTIVATIONS.map(() => new Float64Array(RACE_LAYERS.length));
      taken.forEach((p, s) => {
        RACE_ACTIVATIONS.forEach((a, r) => {
          const o = (s * RACE_ACTIVATIONS.length + r) * width;
          this.progress[a].record(p.step, this.config.batchSize, values[o + 1], values[o], p.ms[r]);
          for (let l = 0; l < RACE_LAYERS.length; l++) gradSums[r][l] += values[o + 2 + l] / taken.length;
        });
      });
      RACE_ACTIVATIONS.forEach((a, r) => { this.gradients[a] = Array.from(gradSums[r]); });
    }
    const out: Record<string, number> = {};
    const { crossings, ratios } = this.crossings();
    for (const a of RACE_ACTIVATIONS) {
      const latest = this.progress[a].latest;
      if (!latest) continue;
      out[`${a}.error`] = latest.error;
      out[`${a}.loss`] = latest.loss;
      out[`${a}.batchLoss`] = this.progress[a].lastLoss;
      out[`${a}.epoch`] = latest.epoch;
      out[`${a}.ms`] = latest.ms;
      RACE_LAYERS.forEach((l, i) => { out[`${a}.grad.${l}`] = this.gradients[a][i] ?? NaN; });
      const c = crossings[a];
      out[`${a}.crossEpoch`] = c ? c.epoch : -1;
      out[`${a}.crossMs`] = c ? c.ms : -1;
      out[`${a}.crossStep`] = c ? c.step : -1;
      out[`${a}.ratio`] = ratios[a] ?? -1;
    }
    return out;
  }

  async read(name: string): Promise<unknown> {
    if (name === 'crossings') return this.crossings();
    throw new Error(`no read-out named "${name}"`);
  }

  async exportWeights(): Promise<Record<RaceActivation, Float32Array[]>> {
    const out = {} as Record<RaceActivation, Float32Array[]>;
    for (const a of RACE_ACTIVATIONS) out[a] = await this.nets[a].readWeights();
    return out;
  }

  importWeights(weights: unknown): void {
    const w = weights as Record<RaceActivation, Float32Array[]>;
    for (const a of RACE_ACTIVATIONS) this.nets[a].writeWeights(w[a]);
  }

  reset(): void {
    this.generation++;
    tf.dispose(this.pending.map((p) => p.stats));
    this.pending = [];
    for (const a of RACE_ACTIVATIONS) this.nets[a].dispose();
    this.nets = this.buildNets();
    this.resetProgress();
    this.finishedSaid.clear();
    this.gradients = { relu: [], tanh: [], sigmoid: [] };
    this.stepsDone = 0;
  }

  dispose(): void {
    this.generation++;
    tf.dispose(this.pending.map((p) => p.stats));
    this.pending = [];
    for (const a of RACE_ACTIVATIONS) this.nets[a].dispose();
  }
}
