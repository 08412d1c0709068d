import * as tf from '@tensorflow/tfjs';
import { mnistBatchToFloat } from '../data/mnist';
import type { Autoencoder } from './autoencoder';
import { deriveSeed, glorotUniform, mulberry32, shuffledIndices } from './random';

/** Labelled images: count × 784 bytes (0–255) and count labels 0–9. */
export interface LabelledImages { count: number; images: Uint8Array; labels: Uint8Array }

export interface ClassificationSettings {
  /** How many training images the classifiers see (the first N of a seeded shuffle). */
  trainCount: number;
  epochs: number;
  batchSize: number;
  seed: number;
}

export const DEFAULT_CLASSIFICATION: ClassificationSettings = { trainCount: 10_000, epochs: 4, batchSize: 100, seed: 1 };

export type ClassificationPhase = 'raw pixels' | 'codes' | 'fine-tuned stack';

export interface ClassificationResult {
  /** Fraction of the test images classified correctly by a softmax layer on the 784 raw pixels. */
  rawPixels: number;
  /** … by a softmax layer on the frozen encoder's codes. */
  codes: number;
  /** … by encoder + softmax trained together (fine-tuned), starting from the two trained layers. */
  fineTuned: number;
  testCount: number;
  trainCount: number;
}

const CLASSES = 10;
const STEPS_PER_FRAME = 4;

/**
 * The lecture's MATLAB recipe on a small scale: train a softmax layer on the autoencoder's codes with the
 * encoder frozen, then fine-tune encoder and softmax together with the labels; for comparison, the same
 * softmax layer on raw pixels. Each is scored on the whole test set. Cancel with `signal`.
 */
export async function runCodeClassification(
  model: Autoencoder,
  train: LabelledImages,
  test: LabelledImages,
  settings: ClassificationSettings,
  onProgress: (phase: ClassificationPhase, fraction: number) => void,
  signal?: AbortSignal,
  nextFrame: () => Promise<void> = () => tf.nextFrame(),
): Promise<ClassificationResult> {
  const pixels = model.config.inputSize;
  const hidden = model.config.hiddenSize;
  const random = mulberry32(deriveSeed(settings.seed, 'classifier'));
  const order = shuffledIndices(train.count, random).subarray(0, Math.min(settings.trainCount, train.count));
  const owned: tf.Variable[] = [];
  const newVar = (values: Float32Array | null, shape: [number] | [number, number]) => {
    const v = tf.tidy(() => tf.variable(values ? tf.tensor(values, shape) : tf.zeros(shape)));
    owned.push(v);
    return v;
  };
  // Frozen copies of the encoder, so later training of the autoencoder does not change this experiment.
  const encW = tf.tidy(() => tf.variable(model.w1.clone(), false));
  const encB = tf.tidy(() => tf.variable(model.b1.clone(), false));
  owned.push(encW, encB);

  const encode = (x: tf.Tensor2D) => tf.sigmoid(tf.add(tf.matMul(x, encW), encB)) as tf.Tensor2D;
  const rawW = newVar(glorotUniform(pixels, CLASSES, random), [pixels, CLASSES]);
  const rawB = newVar(null, [CLASSES]);
  const codeW = newVar(glorotUniform(hidden, CLASSES, random), [hidden, CLASSES]);
  const codeB = newVar(null, [CLASSES]);
  const logits = {
    raw: (x: tf.Tensor2D) => tf.add(tf.matMul(x, rawW), rawB) as tf.Tensor2D,
    code: (x: tf.Tensor2D) => tf.add(tf.matMul(encode(x), codeW), codeB) as tf.Tensor2D,
  };

  const trainPhase = async (phase: ClassificationPhase, f: (x: tf.Tensor2D) => tf.Tensor2D, vars: tf.Variable[], rate: number) => {
    const optimizer = tf.train.adam(rate);
    const steps = Math.ceil(order.length / settings.batchSize) * settings.epochs;
    try {
      for (let s = 0; s < steps; s++) {
        if (signal?.aborted) throw new DOMException('Classification cancelled', 'AbortError');
        const start = (s * settings.batchSize) % order.length;
        const idx = order.subarray(start, Math.min(start + settings.batchSize, order.length));
        const xs = mnistBatchToFloat(train.images, idx);
        const ys = Int32Array.from(idx, (i) => train.labels[i]);
        tf.tidy(() => {
          const x = tf.tensor2d(xs, [idx.length, pixels]);
          const y = tf.oneHot(tf.tensor1d(ys, 'int32'), CLASSES);
          optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, f(x)) as tf.Scalar, false, vars);
        });
        if (s % STEPS_PER_FRAME === STEPS_PER_FRAME - 1) {
          onProgress(phase, (s + 1) / steps);
          await nextFrame();
        }
      }
    } finally {
      optimizer.dispose();
    }
    onProgress(phase, 1);
  };

  const accuracy = async (f: (x: tf.Tensor2D) => tf.Tensor2D): Promise<number> => {
    let correct = 0;
    const chunk = 1000;
    for (let start = 0; start < test.count; start += chunk) {
      const idx = Array.from({ length: Math.min(chunk, test.count - start) }, (_, k) => start + k);
      const xs = mnistBatchToFloat(test.images, idx);
      const predicted = tf.tidy(() => tf.argMax(f(tf.tensor2d(xs, [idx.length, pixels])), 1));
      let p: Float32Array | Int32Array | Uint8Array;
      try {
        p = await predicted.data();
      } finally {
        predicted.dispose();
      }
      for (let k = 0; k < idx.length; k++) if (p[k] === test.labels[start + k]) correct++;
    }
    return correct / test.count;
  };

  try {
    await trainPhase('raw pixels', logits.raw, [rawW, rawB], 0.01);
    const rawPixels = await accuracy(logits.raw);
    await trainPhase('codes', logits.code, [codeW, codeB], 0.01);
    const codes = await accuracy(logits.code);
    // Fine-tuning: the encoder copy becomes trainable, with a smaller rate so it refines rather than forgets.
    encW.trainable = true;
    encB.trainable = true;
    await trainPhase('fine-tuned stack', logits.code, [encW, encB, codeW, codeB], 0.001);
    const fineTuned = await accuracy(logits.code);
    return { rawPixels, codes, fineTuned, testCount: test.count, trainCount: order.length };
  } finally {
    for (const v of owned) v.dispose();
  }
}
