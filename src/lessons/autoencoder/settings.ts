import { intParam, numberParam } from '../../app/route';
import { matchingPreset, type ClassroomPreset } from '../../app/presets';
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

/** Parameters shared by the presets: the lecture's network (MATLAB's example: 100 hidden units) with Adam at 0.01. */
const LECTURE = { lr: '0.01', hidden: String(MATLAB_EXAMPLE.hiddenSize) };

/**
 * What the class should see, and when. Times were measured in headless Chromium on a 2-core machine without a
 * GPU (the default backend there is WASM), seed 1, while other jobs shared the CPU; see the text of each.
 */
export const PRESETS: ClassroomPreset[] = [
  {
    id: 'classroom',
    name: 'Classroom: the lecture’s network',
    params: { ...LECTURE, sparse: null, noise: null },
    expect: 'Within about 10 seconds the bottom row shows every test digit, blurred but recognisable. Within about a minute most of the 100 tiles under “What the hidden units learned” turn from noise into short pen strokes, arcs and dots: the lecture’s curls and stroke patterns.',
    measured: 'The lecture’s MATLAB settings (100 hidden units, ρ = 0.15, β = 4, λ = 0.004), trained with Adam instead of MATLAB’s conjugate gradients; MATLAB’s example runs 400 epochs, over an hour here, but the strokes are there after 3,000–4,000 steps of 64 digits (three or four passes through the 60,000). Seed 1, Chromium on a 2-core machine without a GPU (WASM), other jobs sharing the CPU: the loss fell from 160 to under 30 after 2–8 s (steps 170–460); step 4,000 came after 36 s at load 1–2.5 and after 59 s at load 4–6; the browser test saw the strokes (few coloured pixels left in the tiles) at step 2,764 after 46 s at load 11.',
  },
  {
    id: 'no-sparsity',
    name: 'Without the sparsity penalty',
    params: { ...LECTURE, sparse: '0', noise: null },
    expect: 'The contrast for the sparsity step. Within about 10 seconds the digits come back sharper than with the penalty, but after a minute the hidden units still look like speckled noise, with no strokes: the sparsity penalty is what makes the strokes.',
    measured: 'Seed 1, Chromium on a 2-core machine without a GPU (WASM), other jobs sharing the CPU (load 11–12): the loss, now only the squared error, fell from 51 to 6.7 at step 524 (11 s) and to 3.2 at step 3,713 (61 s); the tiles were still speckled at 30 and 60 s.',
  },
  {
    id: 'denoising',
    name: 'Denoising: half the pixels dropped',
    params: { ...LECTURE, sparse: null, noise: '0.5' },
    expect: 'Half of each input’s pixels are blanked (the middle row). Within about 10 seconds the bottom row rebuilds whole digits from the broken ones; within about a minute the features are longer, thicker strokes and blobs than without noise.',
    measured: 'Seed 1, Chromium on a 2-core machine without a GPU (WASM), other jobs sharing the CPU (load 9–14): step 754 after 11 s, step 4,643 after 61 s, the pictures looked at in screenshots at 10 and 60 s.',
  },
];

/** The preset these settings are (the seed does not count), or null. */
export function activePreset(s: AutoencoderSettings): ClassroomPreset | null {
  return matchingPreset(PRESETS, s, settingsFromParams);
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
