import * as tf from '@tensorflow/tfjs';
import type { TrainTask } from '../engine/trainer';
import { mnistBatchToFloat, MNIST_PIXELS } from '../data/mnist';
import { Autoencoder, type AutoencoderConfig } from './autoencoder';
import { deriveSeed, mulberry32, shuffledIndices } from './random';

/** Unlabelled images as stored by the loader: count × 784 bytes (0–255). */
export interface ImageSet { count: number; images: Uint8Array }

export const AUTOENCODER_BATCH_SIZE = 64;
/** Images averaged for the decoder's initial bias (the first N of the training set). */
const MEAN_IMAGE_SAMPLE = 5000;

/** Mean of the first `sample` images, per pixel, in [0, 1]. */
export function meanImage(set: ImageSet, sample: number): Float32Array {
  const n = Math.min(sample, set.count);
  const sum = new Float64Array(MNIST_PIXELS);
  for (let i = 0; i < n; i++) {
    const base = i * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) sum[p] += set.images[base + p];
  }
  return Float32Array.from(sum, (v) => v / (255 * Math.max(n, 1)));
}

/**
 * Connects the autoencoder to MNIST for the Trainer: seeded epoch-by-epoch shuffling (so `?seed=N`
 * reproduces the data order), masking noise for the denoising variant, targets equal to the clean inputs.
 */
export class AutoencoderTask implements TrainTask {
  readonly model: Autoencoder;
  /** [reconstruction, sparsity, weightDecay] of the latest step; owned here, replaced every step. */
  private lastTerms: tf.Tensor1D | null = null;
  private order: Uint32Array | null = null;
  private orderEpoch = -1;
  private readonly evalBatch: Float32Array;
  private readonly meanImage: Float32Array;

  constructor(private readonly train: ImageSet, evalImages: ImageSet, config: AutoencoderConfig, readonly batchSize = AUTOENCODER_BATCH_SIZE) {
    this.model = new Autoencoder(config);
    this.meanImage = meanImage(train, MEAN_IMAGE_SAMPLE);
    this.model.setOutputBias(this.meanImage);
    const evalCount = Math.min(batchSize, evalImages.count);
    this.evalBatch = mnistBatchToFloat(evalImages.images, Array.from({ length: evalCount }, (_, i) => i));
  }

  /** The images of training step `step`: position step·B … step·B+B−1 of the seeded shuffled order. */
  batchIndices(step: number): Uint32Array {
    const n = this.train.count;
    const out = new Uint32Array(this.batchSize);
    for (let k = 0; k < this.batchSize; k++) {
      const position = step * this.batchSize + k;
      const epoch = Math.floor(position / n);
      if (epoch !== this.orderEpoch) {
        this.order = shuffledIndices(n, mulberry32(deriveSeed(this.model.config.seed, `epoch-${epoch}`)));
        this.orderEpoch = epoch;
      }
      out[k] = this.order![position % n];
    }
    return out;
  }

  /** Epochs completed (fractional) after `steps` steps. */
  epochsAfter(steps: number): number {
    return (steps * this.batchSize) / this.train.count;
  }

  trainStep(step: number): tf.Scalar {
    const clean = mnistBatchToFloat(this.train.images, this.batchIndices(step));
    const noisy = this.corrupt(clean, step);
    const target = tf.tensor2d(clean, [this.batchSize, MNIST_PIXELS]);
    const input = noisy === clean ? target : tf.tensor2d(noisy, [this.batchSize, MNIST_PIXELS]);
    let result: { loss: tf.Scalar; terms: tf.Tensor1D | null };
    try {
      result = this.model.trainBatch(input, target, true);
    } finally {
      target.dispose();
      if (input !== target) input.dispose();
    }
    const { loss, terms } = result;
    this.lastTerms?.dispose();
    this.lastTerms = terms;
    return loss;
  }

  evaluateLoss(): tf.Scalar {
    return tf.tidy(() => {
      const x = tf.tensor2d(this.evalBatch, [this.evalBatch.length / MNIST_PIXELS, MNIST_PIXELS]);
      return this.model.lossTerms(x, x).total;
    });
  }

  /** Reads back the latest step's loss terms (async; null before the first step). */
  async readLossTerms(): Promise<{ reconstruction: number; sparsity: number; weightDecay: number } | null> {
    const t = this.lastTerms;
    if (!t) return null;
    const clone = t.clone(); // the next step may dispose lastTerms while we wait
    let v: Float32Array | Int32Array | Uint8Array;
    try {
      v = await clone.data();
    } finally {
      clone.dispose();
    }
    return { reconstruction: v[0], sparsity: v[1], weightDecay: v[2] };
  }

  reset(): void {
    this.lastTerms?.dispose();
    this.lastTerms = null;
    this.model.reinitialise();
    this.model.setOutputBias(this.meanImage);
  }

  dispose(): void {
    this.lastTerms?.dispose();
    this.lastTerms = null;
    this.model.dispose();
  }

  /** Masking noise for training step `step` (seeded per step). */
  private corrupt(clean: Float32Array, step: number): Float32Array {
    const p = this.model.config.inputNoise;
    if (p <= 0) return clean;
    return maskingNoise(clean, p, mulberry32(deriveSeed(this.model.config.seed, `noise-${step}`)));
  }
}

/** Masking noise (Vincent et al. 2008): a copy of `clean` with each value set to 0 with probability p. */
export function maskingNoise(clean: Float32Array, p: number, random: () => number): Float32Array {
  const out = new Float32Array(clean.length);
  for (let i = 0; i < clean.length; i++) out[i] = random() < p ? 0 : clean[i];
  return out;
}
