import { intParam, numberParam } from '../../app/route';
import type { ClassroomPreset } from '../../app/presets';
import type { RaceDataset } from '../../data/raceData';
import { RACE_ACTIVATIONS, type RaceActivation } from '../../model/raceNet';
import type { RaceConfig } from '../../model/raceTask';

/** The race's settings as they appear in the URL (`#/activations?data=cifar10&n=10000&thr=25&cap=30&seed=7`). */
export interface RaceSettings {
  dataset: RaceDataset;
  /** Training images used (the first n of the training set). */
  trainCount: number;
  width: 'narrow' | 'full';
  batchSize: number;
  /** Error rate that counts as reached, 0–1. */
  threshold: number;
  epochCap: number;
  learningRates: Record<RaceActivation, number>;
  seed: number | null;
}

export const WIDTHS: Record<RaceSettings['width'], [number, number, number]> = { narrow: [16, 16, 32], full: [32, 32, 64] };
export const BATCH_SIZES = [32, 64, 128] as const;
/** Examples each run's training error is measured over: the 2,000 it trained on most recently. */
export const ERROR_WINDOW = 2000;
export const MOMENTUM = 0.9;

export interface RacePreset {
  id: string;
  name: string;
  /** What the class should see, and when (measured on a 2-core laptop without a GPU, WASM backend). */
  expect: string;
  /** How that was measured. */
  measured: string;
  settings: Omit<RaceSettings, 'seed'>;
}

export const PRESETS: RacePreset[] = [
  {
    id: 'classroom',
    name: 'Classroom (MNIST, a few minutes)',
    expect: 'ReLU reaches 10% training error first, after about 0.65 epochs (under half a minute); tanh needs about twice as many epochs (1.29); sigmoid stays near 87–90% error, barely better than guessing, and has not reached 10% when the race stops at its 3-epoch cap, about 1½–2 minutes in.',
    measured: 'Measured with seed 1 on a 2-core laptop without a GPU (WASM).',
    settings: { dataset: 'mnist', trainCount: 10_000, width: 'narrow', batchSize: 128, threshold: 0.1, epochCap: 3, learningRates: { relu: 0.01, tanh: 0.01, sigmoid: 0.01 } },
  },
  {
    id: 'paper',
    name: 'As in the paper (CIFAR-10, 25%)',
    expect: 'One epoch of all three runs takes about 2½ minutes on a 2-core laptop without a GPU (WASM), so the 30-epoch cap is over an hour: run it during a break. With the same ε for all three: ReLU and tanh both reached 25% at epoch 9.1, about 21 minutes in (ReLU in less compute time); tanh then went lower, and sigmoid was still at 50% error at the cap. The paper’s factor of six used a learning rate tuned for each network: try your own ε per run.',
    measured: 'Measured with seed 1 on a 2-core laptop without a GPU (WASM).',
    settings: { dataset: 'cifar10', trainCount: 10_000, width: 'full', batchSize: 128, threshold: 0.25, epochCap: 30, learningRates: { relu: 0.01, tanh: 0.01, sigmoid: 0.01 } },
  },
];
export const DEFAULT_PRESET = PRESETS[0];

const DATASETS: RaceDataset[] = ['mnist', 'cifar10'];

export function settingsFromParams(params: Record<string, string>): RaceSettings {
  const d = DEFAULT_PRESET.settings;
  const dataset = DATASETS.includes(params.data as RaceDataset) ? (params.data as RaceDataset) : d.dataset;
  const max = dataset === 'mnist' ? 60_000 : 50_000;
  const batch = intParam(params, 'batch');
  const learningRates = {} as Record<RaceActivation, number>;
  for (const a of RACE_ACTIVATIONS) learningRates[a] = numberParam(params, `lr${a}`, d.learningRates[a], 1e-5, 10);
  return {
    dataset,
    trainCount: Math.round(numberParam(params, 'n', d.trainCount, 500, max)),
    width: params.width === 'full' || params.width === 'narrow' ? params.width : d.width,
    batchSize: batch !== null && (BATCH_SIZES as readonly number[]).includes(batch) ? batch : d.batchSize,
    threshold: numberParam(params, 'thr', d.threshold * 100, 1, 95) / 100,
    epochCap: numberParam(params, 'cap', d.epochCap, 0.5, 500),
    learningRates,
    seed: intParam(params, 'seed'),
  };
}

/** The URL parameters that select a preset's settings. */
export function presetParams(p: RacePreset): Record<string, string> {
  const s = p.settings;
  return {
    data: s.dataset, n: String(s.trainCount), width: s.width, batch: String(s.batchSize), thr: String(Math.round(s.threshold * 100)), cap: String(s.epochCap),
    lrrelu: String(s.learningRates.relu), lrtanh: String(s.learningRates.tanh), lrsigmoid: String(s.learningRates.sigmoid),
  };
}

/** The presets as the shared preset buttons take them: the URL parameters each sets. */
export const CLASSROOM_PRESETS: ClassroomPreset[] = PRESETS.map((p) => ({ id: p.id, name: p.name, params: presetParams(p), expect: p.expect, measured: p.measured }));

/** The preset whose settings these are, if any. */
export function matchingPreset(s: RaceSettings): RacePreset | null {
  return PRESETS.find((p) => {
    const q = p.settings;
    return q.dataset === s.dataset && q.trainCount === s.trainCount && q.width === s.width && q.batchSize === s.batchSize
      && Math.abs(q.threshold - s.threshold) < 1e-9 && q.epochCap === s.epochCap
      && RACE_ACTIVATIONS.every((a) => q.learningRates[a] === s.learningRates[a]);
  }) ?? null;
}

export type RaceTaskConfig = RaceConfig & { dataset: RaceDataset; trainCount: number };

export function raceConfig(s: RaceSettings, seed: number): RaceTaskConfig {
  return {
    seed, dataset: s.dataset, trainCount: s.trainCount, batchSize: s.batchSize, widths: WIDTHS[s.width],
    learningRates: s.learningRates, momentum: MOMENTUM, threshold: s.threshold, epochCap: s.epochCap, windowExamples: ERROR_WINDOW,
  };
}

/** The store key of the race's training view. */
export const RACE_VIEW_ID = 'activations';
