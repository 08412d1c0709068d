import { intParam, numberParam } from '../../app/route';
import type { DropoutDataset } from '../../model/dropoutData';
import type { DropoutConfig } from '../../model/dropoutTask';
import { ALEXNET_SGD } from '../../model/momentumSgd';

/** The dropout comparison's settings; each can be set in the URL (`#/alexnet/5?don=500&docap=2&doeval=4`). */
export interface DropoutSettings {
  dataset: DropoutDataset;
  /** Training images (the first n of the training set): few, so that the network can memorise them. */
  trainCount: number;
  /** Held-out test images the test accuracy is measured on. */
  testCount: number;
  hidden: number;
  batchSize: number;
  learningRate: number;
  epochCap: number;
  evalEverySteps: number;
  seed: number;
}

export interface DropoutPreset {
  name: string;
  /** What the class should see, and when (measured with scripts/dropout.mjs in Node, WASM, 1 thread). */
  expect: string;
  settings: DropoutSettings;
}

/** The probability AlexNet used. */
export const DROPOUT_RATE = 0.5;

export const DROPOUT_PRESET: DropoutPreset = {
  name: 'Classroom: 2,000 CIFAR-10 images, 15 epochs',
  expect: 'The run without dropout soon fits its 2,000 training images almost perfectly while its test accuracy stalls near 38%: by epoch 10 (about a minute) train 98% against test 39%, a gap of about 60 points. The dropout run reaches the same test accuracy with train accuracy near 64%: a gap of about 26 points. At the 15-epoch cap (about 1½ minutes) the gaps were 61.8 and 36.4 points. Dropout slows memorising a lot, but on this small set it does not stop it (the paper: dropout roughly doubles the iterations needed to converge), and the test accuracy stays near 38% either way. Measured with seed 1 in Node on the WASM backend, one thread (scripts/dropout.mjs).',
  settings: { dataset: 'cifar10', trainCount: 2000, testCount: 1000, hidden: 512, batchSize: 128, learningRate: ALEXNET_SGD.learningRate, epochCap: 15, evalEverySteps: 15, seed: 1 },
};

export function dropoutSettingsFromParams(params: Record<string, string>): DropoutSettings {
  const d = DROPOUT_PRESET.settings;
  const dataset: DropoutDataset = params.dodata === 'mnist' || params.dodata === 'cifar10' ? params.dodata : d.dataset;
  return {
    dataset,
    trainCount: Math.round(numberParam(params, 'don', d.trainCount, 128, dataset === 'mnist' ? 60_000 : 10_000)),
    testCount: Math.round(numberParam(params, 'dotest', d.testCount, 100, dataset === 'mnist' ? 10_000 : 1000)),
    hidden: Math.round(numberParam(params, 'dohidden', d.hidden, 16, 2048)),
    batchSize: d.batchSize,
    learningRate: numberParam(params, 'dolr', d.learningRate, 1e-4, 1),
    epochCap: numberParam(params, 'docap', d.epochCap, 0.5, 500),
    evalEverySteps: Math.round(numberParam(params, 'doeval', d.evalEverySteps, 1, 1000)),
    seed: intParam(params, 'doseed') ?? d.seed,
  };
}

export function isPreset(s: DropoutSettings): boolean {
  const p = DROPOUT_PRESET.settings;
  return (Object.keys(p) as (keyof DropoutSettings)[]).every((k) => p[k] === s[k]);
}

export type DropoutTaskConfig = DropoutConfig & { dataset: DropoutDataset; trainCount: number; testCount: number };

/** The worker task's configuration: the lecture's momentum 0.9 and weight decay 0.0005, dropout 0.5. */
export function dropoutConfig(s: DropoutSettings): DropoutTaskConfig {
  return {
    dataset: s.dataset, trainCount: s.trainCount, testCount: s.testCount, seed: s.seed, batchSize: s.batchSize, hidden: s.hidden,
    learningRate: s.learningRate, momentum: ALEXNET_SGD.momentum, weightDecay: ALEXNET_SGD.weightDecay, dropoutRate: DROPOUT_RATE,
    evalEverySteps: s.evalEverySteps, epochCap: s.epochCap,
  };
}

/** The store key of the dropout view's training. */
export const DROPOUT_VIEW_ID = 'alexnet-dropout';

/** "gap without dropout: 14.2 points · with dropout: 4.1 points", from the latest measurement's gaps (0–1). */
export function gapText(plainGap: number, dropoutGap: number): string {
  return `gap without dropout: ${(plainGap * 100).toFixed(1)} points · with dropout: ${(dropoutGap * 100).toFixed(1)} points`;
}
