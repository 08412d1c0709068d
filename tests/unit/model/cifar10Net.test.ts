import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  CIFAR_VARIABLES, CifarNet, cifarForward, cifarForwardMacs, cifarInitialValues, movingAverageDecay,
  sparseSoftmaxCrossEntropy, staircaseLearningRate,
} from '../../../src/model/cifar10Net';
import { mulberry32, truncatedNormal } from '../../../src/model/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function batch(n: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const r = mulberry32(seed);
  const x = new Float32Array(n * 24 * 24 * 3).map(() => r() * 2 - 1);
  const y = new Int32Array(n).map(() => Math.floor(r() * 10));
  return { x: tf.tensor4d(x, [n, 24, 24, 3]), y: tf.tensor1d(y, 'int32') };
}

describe('CIFAR-10 tutorial network', () => {
  it('has the tutorial\'s 1,068,298 parameters, counted from the built variables', () => {
    const net = new CifarNet(1);
    expect(net.parameterCount()).toBe(5 * 5 * 3 * 64 + 64 + 5 * 5 * 64 * 64 + 64 + 2304 * 384 + 384 + 384 * 192 + 192 + 192 * 10 + 10);
    expect(net.parameterCount()).toBe(1_068_298);
    net.dispose();
  });

  it('gives every layer the tutorial\'s shape: 24→12 (pool1)→6 (pool2), 2304 flattened', () => {
    const net = new CifarNet(1);
    const { x, y } = batch(2, 3);
    const shapes = tf.tidy(() => Object.fromEntries(Object.entries(cifarForward(net.variables, x)).map(([k, t]) => [k, t.shape])));
    expect(shapes).toEqual({
      conv1: [2, 24, 24, 64], pool1: [2, 12, 12, 64], norm1: [2, 12, 12, 64], conv2: [2, 12, 12, 64],
      norm2: [2, 12, 12, 64], pool2: [2, 6, 6, 64], local3: [2, 384], local4: [2, 192], logits: [2, 10],
    });
    tf.dispose([x, y]);
    net.dispose();
  });

  it('initialises from the seed with the tutorial\'s stddevs, cut at two standard deviations', () => {
    const a = cifarInitialValues(5);
    const b = cifarInitialValues(5);
    const c = cifarInitialValues(6);
    expect(a.get('conv1/weights')).toEqual(b.get('conv1/weights'));
    expect(a.get('conv1/weights')).not.toEqual(c.get('conv1/weights'));
    for (const spec of CIFAR_VARIABLES) {
      const v = a.get(spec.name)!;
      if (spec.stddev === null) {
        expect(v.every((u) => u === Math.fround(spec.constant))).toBe(true);
        continue;
      }
      const mean = v.reduce((s, u) => s + u, 0) / v.length;
      const sd = Math.sqrt(v.reduce((s, u) => s + (u - mean) ** 2, 0) / v.length);
      // A normal truncated at ±2σ has stddev 0.880σ.
      expect(sd / spec.stddev).toBeGreaterThan(0.85);
      expect(sd / spec.stddev).toBeLessThan(0.91);
      expect(v.reduce((m, u) => Math.max(m, Math.abs(u)), 0)).toBeLessThanOrEqual(2 * spec.stddev + 1e-6);
    }
    const t = truncatedNormal(10, 1, mulberry32(1));
    expect(t.length).toBe(10);
  });

  it('computes the sparse softmax cross-entropy as −mean log p(label)', () => {
    const logits = tf.tensor2d([[1, 2, 3], [0, 0, 0]]);
    const labels = tf.tensor1d([2, 0], 'int32');
    const ce = sparseSoftmaxCrossEntropy(logits, labels);
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    expect(ce.dataSync()[0]).toBeCloseTo(((lse - 3) + Math.log(3)) / 2, 5);
    tf.dispose([logits, labels, ce]);
  });

  it('starts near ln 10 and its weight decay is Σ wd·½‖w‖² over local3 and local4', () => {
    const net = new CifarNet(2);
    const { x, y } = batch(8, 4);
    const l = net.losses(x, y);
    expect(l.crossEntropy.dataSync()[0]).toBeGreaterThan(2.2);
    expect(l.crossEntropy.dataSync()[0]).toBeLessThan(2.4);
    const init = cifarInitialValues(2);
    const sq = (name: 'local3/weights' | 'local4/weights') => init.get(name)!.reduce((s, u) => s + u * u, 0);
    expect(l.weightDecay.dataSync()[0]).toBeCloseTo(0.004 * 0.5 * (sq('local3/weights') + sq('local4/weights')), 3);
    expect(l.total.dataSync()[0]).toBeCloseTo(l.crossEntropy.dataSync()[0] + l.weightDecay.dataSync()[0], 5);
    tf.dispose([x, y, l.crossEntropy, l.weightDecay, l.total]);
    net.dispose();
  });

  it('learns a fixed batch, keeps the averages, and leaks no tensors', () => {
    const net = new CifarNet(3);
    const { x, y } = batch(4, 5);
    const before = tf.memory().numTensors;
    const losses: number[] = [];
    for (let step = 0; step < 8; step++) {
      const r = net.trainStep(x, y, 0.1, { step, averageDecay: 0.9999, withGradients: step === 7 });
      losses.push(r.crossEntropy.dataSync()[0]);
      if (r.gradients) {
        expect(r.gradients['conv1/weights'].shape).toEqual([5, 5, 3, 64]);
        tf.dispose(Object.values(r.gradients));
      }
      tf.dispose([r.total, r.crossEntropy, r.weightDecay]);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(losses[7]).toBeLessThan(losses[0] - 0.2);
    // With the warm-up the averages follow the weights: they are not the initial values any more.
    const init = cifarInitialValues(3).get('local4/weights')!;
    const avg = net.params(true)['local4/weights'].dataSync();
    let diff = 0;
    for (let i = 0; i < avg.length; i++) diff += Math.abs(avg[i] - init[i]);
    expect(diff).toBeGreaterThan(0);
    tf.dispose([x, y]);
    net.dispose();
  });

  it('decays the learning rate in stairs and warms up the moving-average decay', () => {
    expect(staircaseLearningRate(0, 0.1, 0.1, 100)).toBeCloseTo(0.1);
    expect(staircaseLearningRate(99, 0.1, 0.1, 100)).toBeCloseTo(0.1);
    expect(staircaseLearningRate(100, 0.1, 0.1, 100)).toBeCloseTo(0.01);
    expect(staircaseLearningRate(250, 0.1, 0.1, 100)).toBeCloseTo(0.001);
    expect(movingAverageDecay(0.9999, 0)).toBeCloseTo(0.1);
    expect(movingAverageDecay(0.9999, 90)).toBeCloseTo(0.91);
    expect(movingAverageDecay(0.9999, 1e7)).toBe(0.9999);
  });

  it('counts about 18.4 million multiply-accumulates per example forward', () => {
    const total = cifarForwardMacs().reduce((s, l) => s + l.macs, 0);
    expect(total).toBe(2_764_800 + 14_745_600 + 884_736 + 73_728 + 1_920);
  });
});
