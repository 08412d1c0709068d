import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { CifarTask, TUTORIAL_CONFIG, type CifarFeatureMaps } from '../../../src/model/cifarTask';
import { momentProblem } from '../../../src/engine/moments';
import { cifarMoment, cifarMomentMismatch, cifarMomentRestoreProblem, conv1Readout } from '../../../src/lessons/cifar10/cifarMoments';
import { accuracyText } from '../../../src/lessons/cifar10/CifarMomentCompare';
import { randomCifarSet } from '../../helpers/cifarData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('CIFAR-10 moments', () => {
  it('conv1 maps computed from a kept record equal the network\'s own conv1 read-out, and the record is valid', async () => {
    const test = randomCifarSet(4, 2);
    const task = new CifarTask(randomCifarSet(20, 1), test, { ...TUTORIAL_CONFIG, seed: 5, batchSize: 4 });
    for (let step = 0; step < 3; step++) task.trainStep(step).dispose();
    const weights = (await task.read('weights', null)) as Record<string, Float32Array>;
    const m = cifarMoment({
      name: 'three', step: 3, epoch: 0.6, loss: 2.3, seed: 5, view: { lessonStep: 2, params: { backend: 'wasm', seed: '5' } },
      weights, accuracy: { raw: 0.25, averaged: 0.5, images: 4 }, curve: [{ step: 0, loss: 2.4 }, { step: 3, loss: 2.3 }, { step: 4, loss: 2.2 }],
    }, new Date('2026-11-28T17:00:00Z'));
    expect(momentProblem(m)).toBeNull();
    expect(cifarMomentMismatch(m)).toBeNull();
    expect(m.view.params).toEqual({ seed: '5' });
    expect(m.curve).toEqual([{ step: 0, loss: 2.4 }, { step: 3, loss: 2.3 }]);
    expect(accuracyText(m)).toBe('25.0% of 4 test images right');
    const before = tf.memory().numTensors;
    const ours = conv1Readout(m, test, 1);
    expect(tf.memory().numTensors).toBe(before); // plain arithmetic: no tensors at all
    const features = (await task.read('features', { index: 1 })) as CifarFeatureMaps;
    const conv1 = features.layers.find((l) => l.name === 'conv1')!;
    expect(conv1.shape).toEqual([24, 24, 64]);
    let worst = 0;
    let max = 0;
    for (let p = 0; p < 576; p++) {
      for (let k = 0; k < 64; k++) {
        worst = Math.max(worst, Math.abs(ours.maps[k * 576 + p] - conv1.values[p * 64 + k]));
        max = Math.max(max, conv1.values[p * 64 + k]);
      }
    }
    expect(worst).toBeLessThan(1e-4);
    expect(ours.max).toBeCloseTo(max, 4);
    expect(ours.zeroFraction).toBeGreaterThan(0);
    expect(ours.zeroFraction).toBeLessThan(1);
    expect(() => conv1Readout(m, test, 9)).toThrow(/no test image 10; 4 are loaded/);
    expect(cifarMomentMismatch({ ...m, version: 7 })).toMatch(/layout version 7/);
    expect(cifarMomentMismatch({ ...m, model: 'autoencoder-dense' })).toMatch(/another network/);
    // Go to needs every variable of the network, not only conv1's.
    expect(cifarMomentRestoreProblem(m)).toBeNull();
    expect(cifarMomentRestoreProblem({ ...m, shapes: { ...m.shapes, 'local3/weights': [2304, 10] } })).toBe('“three” has no local3/weights of shape 2304×384');
    expect(cifarMomentRestoreProblem({ ...m, version: 7 })).toMatch(/layout version 7/);
    task.dispose();
  }, 120_000);
});
