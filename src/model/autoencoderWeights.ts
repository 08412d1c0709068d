import * as tf from '@tensorflow/tfjs';
import type { Autoencoder } from './autoencoder';

/** Names of the autoencoder's variables, in the order they are read and written. */
export const AUTOENCODER_VARIABLE_NAMES = ['w1', 'b1', 'w2', 'b2'] as const;
export type AutoencoderVariableName = (typeof AUTOENCODER_VARIABLE_NAMES)[number];

/** Shapes of the variables of an inputSize → hiddenSize → inputSize autoencoder. */
export function autoencoderShapes(inputSize: number, hiddenSize: number): Record<AutoencoderVariableName, number[]> {
  return { w1: [inputSize, hiddenSize], b1: [hiddenSize], w2: [hiddenSize, inputSize], b2: [inputSize] };
}

/**
 * Copies of the model's four variables, read back asynchronously. All reads are queued in the same tick, so
 * they come from the same training step even while training goes on.
 */
export async function readAutoencoderWeights(model: Autoencoder): Promise<Record<AutoencoderVariableName, Float32Array>> {
  const values = await Promise.all(AUTOENCODER_VARIABLE_NAMES.map((n) => model[n].data()));
  // data() of a float32 variable is a Float32Array; copy so the record never aliases backend memory.
  return Object.fromEntries(AUTOENCODER_VARIABLE_NAMES.map((n, i) => [n, Float32Array.from(values[i] as Float32Array)])) as Record<AutoencoderVariableName, Float32Array>;
}

/**
 * Writes kept weights into the model's variables (shapes must already have been checked). The optimizer is
 * not touched; callers that restore a run reinitialise the model first, so Adam's running averages start fresh.
 */
export function writeAutoencoderWeights(model: Autoencoder, weights: Record<AutoencoderVariableName, Float32Array>): void {
  tf.tidy(() => {
    for (const n of AUTOENCODER_VARIABLE_NAMES) {
      const v: tf.Variable = model[n];
      const expected = v.shape.reduce((a, b) => a * b, 1);
      if (weights[n].length !== expected) throw new Error(`${n} has ${weights[n].length} values, the network needs ${expected}`);
      v.assign(tf.tensor(weights[n], v.shape));
    }
  });
}
