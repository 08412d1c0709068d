import * as tf from '@tensorflow/tfjs';
import type { Autoencoder } from './autoencoder';

/**
 * The encoder's weight vectors as images: row i is hidden unit i's 784 incoming weights (column i of W1),
 * the pattern that excites that unit most for an input of fixed norm. Returns hiddenSize × inputSize values.
 */
export async function readEncoderFilters(model: Autoencoder): Promise<Float32Array> {
  const t = tf.tidy(() => tf.transpose(model.w1));
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/** Codes (n × hidden) and reconstructions (n × 784) of n images given as values in [0, 1]. */
export async function encodeAndReconstruct(model: Autoencoder, images: Float32Array, inputSize: number): Promise<{ codes: Float32Array; reconstructions: Float32Array }> {
  const n = images.length / inputSize;
  const [codeT, reconT] = tf.tidy(() => {
    const x = tf.tensor2d(images, [n, inputSize]);
    const code = model.encode(x);
    return [code, model.decode(code)];
  });
  try {
    const [codes, reconstructions] = (await Promise.all([codeT.data(), reconT.data()])) as [Float32Array, Float32Array];
    return { codes, reconstructions };
  } finally {
    codeT.dispose();
    reconT.dispose();
  }
}

/** Number of trainable parameters, counted from the model's variables (not a constant). */
export function countParameters(model: Autoencoder): number {
  return [model.w1, model.b1, model.w2, model.b2].reduce((sum, v) => sum + v.size, 0);
}
