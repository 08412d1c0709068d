import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { CifarTask, histogram, type CifarTaskConfig } from '../../../src/model/cifarTask';
import { randomCifarSet } from '../../helpers/cifarData';
import { confusion } from '../../../src/lessons/cifar10/AccuracyPanel';

const config: CifarTaskConfig = { seed: 5, batchSize: 2, trainFiles: 1, initialLearningRate: 0.05, decayFactor: 0.1, decaySteps: 20, averageDecay: 0.9999, distort: true };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('CIFAR-10 training task', () => {
  it('keeps tf.memory().numTensors unchanged over 50 steps and across a reset', async () => {
    const task = new CifarTask(randomCifarSet(30, 1), randomCifarSet(10, 2), config);
    const before = tf.memory().numTensors;
    for (let step = 0; step < 50; step++) task.trainStep(step).dispose();
    const snap = await task.takeSnapshot();
    expect(snap.step).toBe(50);
    expect(snap.gradientStep).toBe(40);
    expect(snap.conv1.length).toBe(4800);
    expect(snap.conv2.length).toBe(102_400);
    expect(Object.keys(snap.weights)).toHaveLength(10);
    expect([...snap.gradients!['local3/weights'].counts].reduce((a, b) => a + b, 0)).toBe(2304 * 384);
    // One gradient set (10 tensors) is kept for the next snapshot, plus the two loss terms of the last step.
    expect(tf.memory().numTensors).toBe(before + 12);
    task.reset();
    expect(tf.memory().numTensors).toBe(before);
    task.dispose();
  }, 400_000);

  it('draws the same batches and distortions for a seed, and the staircase schedule from its settings', () => {
    const a = new CifarTask(randomCifarSet(30, 1), randomCifarSet(10, 2), config);
    const b = new CifarTask(randomCifarSet(30, 1), randomCifarSet(10, 2), config);
    expect(a.batchIndices(7)).toEqual(b.batchIndices(7));
    expect(a.distortions(7)).toEqual(b.distortions(7));
    expect(a.learningRate(19)).toBeCloseTo(0.05);
    expect(a.learningRate(20)).toBeCloseTo(0.005);
    a.configure({ initialLearningRate: 0.2, seed: 99 });
    expect(a.learningRate(0)).toBeCloseTo(0.2);
    expect(a.batchIndices(7)).toEqual(b.batchIndices(7)); // the seed needs a new task; configure ignores it
    a.dispose();
    b.dispose();
  });

  it('previews the next batch as standardised 24×24 crops and reads feature maps of a test image', async () => {
    const task = new CifarTask(randomCifarSet(30, 1), randomCifarSet(10, 2), config);
    const p = task.preview(2);
    expect(p.images.length).toBe(2 * 24 * 24 * 3);
    const f = await task.featureMaps({ index: 3 });
    expect(f.layers.map((l) => l.shape)).toEqual([[24, 24, 64], [12, 12, 64], [12, 12, 64], [12, 12, 64], [12, 12, 64], [6, 6, 64], [384], [192], [10]]);
    expect(f.probabilities!.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    const snap = await task.takeSnapshot();
    const replay = await task.featureMaps({ index: 3, conv: snap });
    expect(replay.layers).toHaveLength(6);
    expect(replay.layers[0].values).toEqual(f.layers[0].values);
    expect(replay.probabilities).toBeNull();
    await expect(task.featureMaps({ image: new Float32Array(5) })).rejects.toThrow(/1728 values/);
    task.dispose();
  });
});

describe('histogram and confusion matrix', () => {
  it('bins values over their own range, the maximum in the last bin', () => {
    const h = histogram(new Float32Array([0, 0.1, 0.5, 1]), 4);
    expect([h.min, h.max]).toEqual([0, 1]);
    expect([...h.counts]).toEqual([2, 0, 1, 1]);
    expect([...histogram(new Float32Array([3, 3]), 2).counts]).toEqual([2, 0]);
  });
  it('counts true class by predicted class', () => {
    const m = confusion(new Uint8Array([0, 0, 1, 2]), new Uint8Array([0, 1, 1, 0]), 3);
    expect(m).toEqual([[1, 1, 0], [0, 1, 0], [1, 0, 0]]);
  });
});
