import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DropoutTask, type DropoutConfig, type DropoutData } from '../../../src/model/dropoutTask';
import { dropoutParameterCount } from '../../../src/model/dropoutNet';
import { mulberry32 } from '../../../src/model/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function split(count: number, size: number, seed: number) {
  const r = mulberry32(seed);
  const pixels = new Uint8Array(count * size);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(r() * 256);
  return { count, pixels, labels: Uint8Array.from({ length: count }, () => Math.floor(r() * 10)) };
}

const DATA: DropoutData = { side: 4, channels: 1, train: split(24, 16, 1), test: split(10, 16, 2) };
const CONFIG: DropoutConfig = { seed: 5, batchSize: 8, hidden: 12, learningRate: 0.05, momentum: 0.9, weightDecay: 0.0005, dropoutRate: 0.5, evalEverySteps: 2, epochCap: 2 };

async function weights(task: DropoutTask, run: 'plain' | 'dropout'): Promise<Float32Array[]> {
  return task.runs[run].readWeights();
}

describe('the dropout task', () => {
  it('starts both runs identical, trains them on the same batches, and the dropout run differs after a step', async () => {
    const task = new DropoutTask(DATA, CONFIG);
    expect(task.facts()).toMatchObject({ parameters: dropoutParameterCount({ inputs: 16, hidden: 12, classes: 10 }), trainCount: 24, testCount: 10, batchesPerEpoch: 3 });
    expect(dropoutParameterCount({ inputs: 16, hidden: 12, classes: 10 })).toBe(16 * 12 + 12 + 12 * 12 + 12 + 12 * 10 + 10);
    const [p0, d0] = [await weights(task, 'plain'), await weights(task, 'dropout')];
    p0.forEach((w, i) => expect(w).toEqual(d0[i]));
    // One seeded order per epoch, shared by both runs: each epoch covers distinct images.
    const epoch0 = [0, 1, 2].flatMap((s) => Array.from(task.batchIndices(s)));
    expect(new Set(epoch0).size).toBe(24);
    expect(Array.from(task.batchIndices(1))).toEqual(Array.from(new DropoutTask(DATA, CONFIG).batchIndices(1)));
    task.trainStep(0).dispose();
    const [p1, d1] = [await weights(task, 'plain'), await weights(task, 'dropout')];
    expect(p1[0]).not.toEqual(p0[0]);
    expect(d1[0]).not.toEqual(p1[0]);
    task.dispose();
  });

  it('without dropout the two runs stay identical (same batches, same rule)', async () => {
    const task = new DropoutTask(DATA, { ...CONFIG, dropoutRate: 0 });
    for (let s = 0; s < 3; s++) task.trainStep(s).dispose();
    const [p, d] = [await weights(task, 'plain'), await weights(task, 'dropout')];
    p.forEach((w, i) => expect(w).toEqual(d[i]));
    task.dispose();
  });

  it('reports losses, and accuracies with gaps when a measurement is due; keeps the tensor count over steps and reset', async () => {
    const task = new DropoutTask(DATA, CONFIG);
    const first = await task.metrics();
    expect(first.evalEpoch).toBe(0);
    expect(first['plain.trainAccuracy']).toBe(first['dropout.trainAccuracy']);
    let before = -1;
    for (let s = 0; s < 4; s++) {
      task.trainStep(s).dispose();
      if (s % 2 === 1) {
        const m = await task.metrics();
        expect(Object.keys(m).sort()).toEqual([
          'dropout.error', 'dropout.gap', 'dropout.loss', 'dropout.testAccuracy', 'dropout.trainAccuracy', 'epoch', 'evalEpoch', 'evalStep',
          'plain.error', 'plain.gap', 'plain.loss', 'plain.testAccuracy', 'plain.trainAccuracy',
        ]);
        expect(m['plain.gap']).toBeCloseTo(m['plain.trainAccuracy'] - m['plain.testAccuracy'], 12);
        for (const k of ['plain.trainAccuracy', 'dropout.testAccuracy']) { expect(m[k]).toBeGreaterThanOrEqual(0); expect(m[k]).toBeLessThanOrEqual(1); }
        expect(m.evalStep).toBe(s + 1);
        // Velocities exist from the first update on; from then on the count stays put.
        if (before < 0) before = tf.memory().numTensors;
      }
    }
    task.trainStep(4).dispose();
    const between = await task.metrics();
    expect(between.evalEpoch).toBeUndefined();
    expect(between['plain.loss']).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    expect(task.evaluations.map((e) => e.step)).toEqual([0, 2, 4]);
    task.trainStep(5).dispose();
    expect(task.finished()).toMatch(/2 epochs/);
    expect(task.finished()).toBeNull();
    task.reset();
    expect(task.evaluations).toHaveLength(0);
    // Reset disposes the old networks, velocities and unread stats: one step and a read later the count is back.
    task.trainStep(0).dispose();
    await task.metrics();
    expect(tf.memory().numTensors).toBe(before);
    task.reset();
    const [p, d] = [await weights(task, 'plain'), await weights(task, 'dropout')];
    p.forEach((w, i) => expect(w).toEqual(d[i]));
    task.evaluateLoss().dispose();
    task.dispose();
  });
});
