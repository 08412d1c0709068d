import { intParam, numberParam } from '../../app/route';
import type { AutoencoderConfig } from '../../model/autoencoder';
import { MATLAB_EXAMPLE } from '../../model/autoencoder';
import { MNIST_PIXELS } from '../../data/mnist';

/** The lesson's settings as they appear in the URL (`#/autoencoder?lr=0.005&hidden=100&sparse=0&noise=0.3&seed=7`). */
export interface AutoencoderSettings {
  learningRate: number;
  hiddenSize: number;
  sparse: boolean;
  inputNoise: number;
  /** null: no seed in the URL (the lesson picks one and shows it). */
  seed: number | null;
}

export const DEFAULT_LEARNING_RATE = 0.01;
export const HIDDEN_SIZES = [16, 25, 36, 49, 64, 100, 144, 196, 256, 400] as const;
export const MIN_HIDDEN = 16;
export const MAX_HIDDEN = 400;

export function settingsFromParams(params: Record<string, string>): AutoencoderSettings {
  const hidden = intParam(params, 'hidden');
  return {
    learningRate: numberParam(params, 'lr', DEFAULT_LEARNING_RATE, 1e-5, 1),
    hiddenSize: hidden !== null && hidden >= MIN_HIDDEN && hidden <= MAX_HIDDEN ? hidden : MATLAB_EXAMPLE.hiddenSize,
    // On unless `sparse=0`: the lecture's MATLAB example trains a sparse autoencoder.
    sparse: params.sparse !== '0',
    inputNoise: numberParam(params, 'noise', 0, 0, 0.9),
    seed: intParam(params, 'seed'),
  };
}

export function modelConfig(s: AutoencoderSettings, seed: number): AutoencoderConfig {
  return {
    inputSize: MNIST_PIXELS,
    hiddenSize: s.hiddenSize,
    learningRate: s.learningRate,
    sparse: s.sparse,
    sparsityWeight: MATLAB_EXAMPLE.sparsityWeight,
    sparsityTarget: MATLAB_EXAMPLE.sparsityTarget,
    l2Weight: MATLAB_EXAMPLE.l2Weight,
    inputNoise: s.inputNoise,
    seed,
  };
}

/** The store key of the lesson's main training view. */
export const MAIN_VIEW_ID = 'autoencoder';
