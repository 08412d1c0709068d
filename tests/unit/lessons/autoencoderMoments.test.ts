import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';
import { loadMnist, mnistBatchToFloat, type MnistSplit } from '../../../src/data/mnist';
import { momentProblem } from '../../../src/engine/moments';
import { Trainer } from '../../../src/engine/trainer';
import { autoencoderForward, encoderFilters, meanAbsoluteDifference, reconstructionError } from '../../../src/math/autoencoderForward';
import { MATLAB_EXAMPLE, type AutoencoderConfig } from '../../../src/model/autoencoder';
import { encodeAndReconstruct, readEncoderFilters } from '../../../src/model/autoencoderReadout';
import { AutoencoderTask } from '../../../src/model/autoencoderTask';
import { readAutoencoderWeights, writeAutoencoderWeights } from '../../../src/model/autoencoderWeights';
import { autoencoderMoment, momentMismatch, momentReadout } from '../../../src/lessons/autoencoder/momentRecord';
import { restoreMoment } from '../../../src/lessons/autoencoder/useMoments';
import { fileFetch } from '../../helpers/fileFetch';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let test: MnistSplit;
let digits: Float32Array;

const config = (patch: Partial<AutoencoderConfig> = {}): AutoencoderConfig => ({
  inputSize: 784, hiddenSize: 25, learningRate: 0.01, sparse: true,
  sparsityWeight: MATLAB_EXAMPLE.sparsityWeight, sparsityTarget: MATLAB_EXAMPLE.sparsityTarget, l2Weight: MATLAB_EXAMPLE.l2Weight,
  inputNoise: 0, seed: 1, ...patch,
});

beforeAll(async () => {
  await tf.setBackend('cpu');
  test = (await loadMnist({ baseUrl: 'datasets/mnist/', includeTrain: false, fetchFn: fileFetch(ROOT) })).test;
  digits = mnistBatchToFloat(test.images, Array.from({ length: 12 }, (_, i) => i));
});

function liveRun(task: AutoencoderTask, trainer: Trainer<unknown>, name: string, weights: Awaited<ReturnType<typeof readAutoencoderWeights>>) {
  return autoencoderMoment({
    name, step: trainer.completedSteps, epoch: task.epochsAfter(trainer.completedSteps), loss: trainer.loss, seed: 1, hiddenSize: 25,
    view: { lessonStep: 3, params: { backend: 'wasm', seed: '1', hidden: '25' } }, weights, curve: trainer.history,
  }, new Date('2026-11-28T16:00:00Z'));
}

describe('autoencoder moments', () => {
  it('the plain-TypeScript forward pass and filters equal the tfjs model on the 12 test digits', async () => {
    const task = new AutoencoderTask(test, test, config());
    const trainer = new Trainer({ task });
    for (let i = 0; i < 5; i++) await trainer.step();
    const weights = await readAutoencoderWeights(task.model);
    const ours = autoencoderForward(weights, digits, 784);
    const theirs = await encodeAndReconstruct(task.model, digits, 784);
    expect(meanAbsoluteDifference(ours.codes, theirs.codes)).toBeLessThan(1e-6);
    expect(meanAbsoluteDifference(ours.reconstructions, theirs.reconstructions)).toBeLessThan(1e-6);
    expect(encoderFilters(weights.w1, 784, 25)).toEqual(await readEncoderFilters(task.model));
    const m = liveRun(task, trainer, 'five', weights);
    const readout = momentReadout(m, digits);
    expect(readout.hiddenSize).toBe(25);
    expect(readout.error).toBeCloseTo(reconstructionError(digits, theirs.reconstructions, 784), 4);
    trainer.dispose();
    task.dispose();
  });

  it('a record of the live run is valid, leaves the backend out and writes the seed and hidden size', async () => {
    const task = new AutoencoderTask(test, test, config());
    const trainer = new Trainer({ task });
    await trainer.step();
    const m = liveRun(task, trainer, 'one', await readAutoencoderWeights(task.model));
    expect(momentProblem(m)).toBeNull();
    expect(m.view).toEqual({ lessonStep: 3, params: { seed: '1', hidden: '25' } });
    expect(m.shapes).toEqual({ w1: [784, 25], b1: [25], w2: [25, 784], b2: [784] });
    expect(m.step).toBe(1);
    expect(m.loss).toBe(trainer.loss);
    expect(momentMismatch(m, 25)).toBeNull();
    expect(momentMismatch(m, 100)).toBe('“one” has 25 hidden units and this network has 100, so its weights do not fit. Set the hidden units to 25 first');
    expect(momentMismatch({ ...m, version: 9 }, 25)).toMatch(/layout version 9/);
    trainer.dispose();
    task.dispose();
  });

  it('two moments of one run differ, and the later one rebuilds the digits better', async () => {
    const task = new AutoencoderTask(test, test, config());
    const trainer = new Trainer({ task });
    await trainer.step();
    const early = liveRun(task, trainer, 'early', await readAutoencoderWeights(task.model));
    for (let i = 0; i < 40; i++) await trainer.step();
    const later = liveRun(task, trainer, 'later', await readAutoencoderWeights(task.model));
    const a = momentReadout(early, digits);
    const b = momentReadout(later, digits);
    expect(meanAbsoluteDifference(a.reconstructions, b.reconstructions)).toBeGreaterThan(0.01);
    expect(b.error).toBeLessThan(a.error);
    trainer.dispose();
    task.dispose();
  });

  it('going to a moment restores its weights and step, continues with the batches after it, and leaks no tensor', async () => {
    const task = new AutoencoderTask(test, test, config());
    const trainer = new Trainer({ task });
    await trainer.measureInitialLoss();
    for (let i = 0; i < 3; i++) await trainer.step();
    const kept = liveRun(task, trainer, 'three', await readAutoencoderWeights(task.model));
    // The run that goes on without interruption: the loss of its 4th batch (measured before that batch's update).
    await trainer.step();
    const straightLoss = trainer.loss;
    for (let i = 0; i < 5; i++) await trainer.step();
    const tensors = tf.memory().numTensors;
    restoreMoment(trainer, task, kept);
    expect(trainer.completedSteps).toBe(3);
    expect(trainer.loss).toBe(kept.loss);
    // The loss curve up to the moment comes back with it: step 0 (measured untrained) to step 3.
    expect(kept.curve!.map((p) => p.step)).toEqual([0, 1, 2, 3]);
    expect(trainer.history.map((p) => [p.step, p.loss])).toEqual(kept.curve!.map((p) => [p.step, p.loss]));
    const back = await readAutoencoderWeights(task.model);
    for (const n of ['w1', 'b1', 'w2', 'b2'] as const) expect(back[n]).toEqual(kept.weights[n]);
    await trainer.step();
    expect(trainer.completedSteps).toBe(4);
    // Same weights and the same batch (position 3 of the seeded order) give the same loss as the straight run.
    expect(trainer.loss).toBeCloseTo(straightLoss!, 6);
    expect(tf.memory().numTensors).toBe(tensors);
    writeAutoencoderWeights(task.model, back);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(() => writeAutoencoderWeights(task.model, { ...back, b1: new Float32Array(3) })).toThrow(/b1 has 3 values, the network needs 25/);
    expect(tf.memory().numTensors).toBe(tensors);
    trainer.dispose();
    task.dispose();
  });
});
