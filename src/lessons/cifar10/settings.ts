import { intParam, numberParam } from '../../app/route';
import { matchingPreset, type ClassroomPreset } from '../../app/presets';
import type { CifarTaskConfig } from '../../model/cifarTask';

/** The lesson's settings as they appear in the URL (`#/cifar10?files=1&batch=64&lr=0.1&decay=2000&avg=0.9999&seed=7`). */
export interface CifarSettings {
  /** Training files to load, 10,000 images each (1–5). */
  trainFiles: number;
  batchSize: number;
  initialLearningRate: number;
  /** Steps between two learning-rate drops (×0.1 each). */
  decaySteps: number;
  averageDecay: number;
  distort: boolean;
  seed: number | null;
}

export const BATCH_SIZES = [16, 32, 64, 128] as const;
/** The tutorial's batch; the default here is smaller so a laptop without a GPU shows progress sooner. */
export const TUTORIAL_BATCH = 128;
export const DEFAULT_BATCH = 64;
/** A demo-length schedule: the tutorial drops the rate every 350 epochs (136,718 steps of 128), far past any class. */
export const DEFAULT_DECAY_STEPS = 3000;

export function settingsFromParams(params: Record<string, string>): CifarSettings {
  const batch = intParam(params, 'batch');
  return {
    trainFiles: Math.round(numberParam(params, 'files', 1, 1, 5)),
    batchSize: batch !== null && (BATCH_SIZES as readonly number[]).includes(batch) ? batch : DEFAULT_BATCH,
    initialLearningRate: numberParam(params, 'lr', 0.1, 1e-4, 1),
    decaySteps: Math.round(numberParam(params, 'decay', DEFAULT_DECAY_STEPS, 10, 1_000_000)),
    averageDecay: numberParam(params, 'avg', 0.9999, 0, 0.99999),
    distort: params.distort !== '0',
    seed: intParam(params, 'seed'),
  };
}

/** The tutorial's learning-rate drop: every 350 epochs of 50,000 images in batches of 128 (int(50000 / 128 · 350)). */
export const TUTORIAL_DECAY_STEPS = 136_718;

/**
 * What the class should see, and when. Times were measured in headless Chromium on a 2-core machine without a
 * GPU (the default backend there is WASM, in a worker), seed 1, while other jobs shared the CPU.
 */
export const PRESETS: ClassroomPreset[] = [
  {
    id: 'classroom',
    name: 'Classroom: 10,000 images, batches of 64',
    params: { files: null, batch: String(DEFAULT_BATCH), lr: '0.1', decay: String(DEFAULT_DECAY_STEPS), avg: '0.9999', distort: null },
    expect: 'Press “Measure on the test images” now and then. Within one to two minutes the averaged weights get 30–40% of the 1,000 test images right, three to four times the 10% of guessing; after five minutes close to 50%. conv1’s filters still look like coloured noise then: for the filters a longer training gives, press “Load the network shipped with the app” below.',
    measured: 'The first training file (10,000 images), batches of 64, the tutorial’s learning rate 0.1 (×0.1 every 3,000 steps), averaging 0.9999 and distortions. Seed 1, Chromium on a 2-core machine without a GPU (WASM, in a worker), other jobs sharing the CPU: 30.3% with the averaged weights at step 72 after 30 s (load 5) and 33.5% at step 81 after 83 s (load 11); 39.0% at step 123, 47.4% at step 351 after 5½ minutes; the loss fell from about 4.7 to 3.5.',
  },
  {
    id: 'tutorial',
    name: 'As in the tutorial: 50,000 images, batches of 128',
    params: { files: '5', batch: String(TUTORIAL_BATCH), lr: '0.1', decay: String(TUTORIAL_DECAY_STEPS), avg: '0.9999', distort: null },
    expect: 'The tutorial’s own settings. A step of 128 images takes nearly 2 s here: about 27% right after a minute and a quarter, one epoch every 12 minutes. The tutorial reports about 86% after 100,000 steps (4 hours on a GPU): about two days here. Run it over a break, or use the Classroom preset.',
    measured: 'All 50,000 training images (the five files loaded in about 10 s), batches of 128, the learning rate ×0.1 only after 350 epochs (136,718 steps). Seed 1, Chromium on a 2-core machine without a GPU (WASM, in a worker), other jobs sharing the CPU (load 9–10): 43 steps in 75 s (0.56 a second), 27.0% with the averaged weights at step 43. The 86% at 100,000 steps on a Tesla K40m is from the tutorial’s cifar10_train.py.',
  },
];

/** The preset these settings are (the seed does not count), or null. */
export function activePreset(s: CifarSettings): ClassroomPreset | null {
  return matchingPreset(PRESETS, s, settingsFromParams);
}

/** The settings a running task takes from its next step (the rest need a new task). */
export function liveConfig(s: CifarSettings): Partial<CifarTaskConfig> {
  return { initialLearningRate: s.initialLearningRate, decaySteps: s.decaySteps, averageDecay: s.averageDecay, distort: s.distort };
}

export function taskConfig(s: CifarSettings, seed: number): CifarTaskConfig {
  return {
    seed,
    batchSize: s.batchSize,
    trainFiles: s.trainFiles,
    initialLearningRate: s.initialLearningRate,
    decayFactor: 0.1,
    decaySteps: s.decaySteps,
    averageDecay: s.averageDecay,
    distort: s.distort,
  };
}

/** The store key of the lesson's training view. */
export const CIFAR_VIEW_ID = 'cifar10';
