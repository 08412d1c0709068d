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
    expect: 'Within about 10 seconds (a few hundred steps; the loss falls from 160 to under 30) the bottom row shows every test digit, blurred but recognisable. Within about a minute (about 3,000–4,000 steps, three or four passes through the 60,000 digits) most of the 100 tiles under “What the hidden units learned” have turned from noise into short pen strokes, arcs and dots: the lecture’s curls and stroke patterns. These are the settings of the lecture’s MATLAB example (100 hidden units, ρ = 0.15, β = 4, λ = 0.004), trained with Adam rather than MATLAB’s conjugate gradients; MATLAB’s example runs 400 epochs, over an hour here, but the strokes are there after four. Measured with seed 1 on a 2-core machine without a GPU (WASM), shared with other jobs: step 4,000 came after 36 s on a quiet machine and 59 s on a busy one.',
  },
  {
    id: 'no-sparsity',
    name: 'Without the sparsity penalty',
    params: { ...LECTURE, sparse: '0', noise: null },
    expect: 'The contrast for the sparsity step. Within about 10 seconds the reconstructions are sharper than with the penalty (the loss, now only the squared error, falls from 51 to about 7), but after a minute (about 3,700 steps) the hidden units still look like speckled noise, with no strokes: the penalty is what turns them into pen strokes. Measured with seed 1 on a 2-core machine without a GPU (WASM), shared with other jobs.',
  },
  {
    id: 'denoising',
    name: 'Denoising: half the pixels dropped',
    params: { ...LECTURE, sparse: null, noise: '0.5' },
    expect: 'Half of every input’s pixels are blanked (the middle row) and the network must still draw the clean digit. Within about 10 seconds the bottom row rebuilds whole digits from the broken ones; within about a minute (about 4,500 steps) the features are longer, thicker strokes and blobs than without noise, because each unit must fill in missing pixels from their neighbours. Measured with seed 1 on a 2-core machine without a GPU (WASM), shared with other jobs.',
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
