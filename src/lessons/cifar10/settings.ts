import { intParam, numberParam } from '../../app/route';
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
