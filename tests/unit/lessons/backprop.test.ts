import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfBackpropGradients } from '../../../src/model/backpropCheck';
import { compareWithTf, networkFor } from '../../../src/lessons/backprop/check';
import { outputSide, poolContributions, runBackprop, weightGradientTerms, type BackpropSettings } from '../../../src/lessons/backprop/pipeline';
import { formatValues, parseValues } from '../../../src/lessons/backprop/settings';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const CASES: BackpropSettings[] = [
  { pool: 'max', window: '2s2', relu: false, loss: 'errors', values: null },
  { pool: 'max', window: '3s2', relu: false, loss: 'errors', values: [1, -2, 0.5, 3] },
  { pool: 'max', window: '2s1', relu: true, loss: 'squared', values: null },
  { pool: 'avg', window: '3s2', relu: true, loss: 'errors', values: [2, -1, 1, 0.25] },
  { pool: 'avg', window: '2s2', relu: false, loss: 'squared', values: [1, 2, 3, 4] },
  { pool: 'avg', window: '2s1', relu: true, loss: 'squared', values: null },
];

describe('the backprop lesson pipeline agrees with tf.grads of the same network', () => {
  CASES.forEach((settings) => {
    it(`${settings.pool} ${settings.window}${settings.relu ? ' + ReLU' : ''}, ${settings.loss}`, async () => {
      const r = runBackprop(settings);
      const before = tf.memory().numTensors;
      const tfg = await tfBackpropGradients(networkFor(r));
      expect(tf.memory().numTensors).toBe(before);
      const { rows, max } = compareWithTf(r, tfg);
      for (const row of rows) expect(row.maxDifference, row.name).toBeLessThan(1e-4);
      expect(max).toBeLessThan(1e-4);
    });
  });
});

describe('the numbers the lesson quotes', () => {
  it('max pooling routes δ to the argmax cells; overlapping 3×3 stride-2 pools add up at net row 4, column 3', () => {
    // net = X ⋆ W − 1 is [2 1 2 −3 4; 7 6 3 −4 −2; 5 0 −2 2 1; −3 4 9 7 −2; 1 3 3 4 −4].
    const r = runBackprop({ pool: 'max', window: '3s2', relu: false, loss: 'errors', values: [1, 1, 1, 3] });
    expect(Array.from(r.net.data)).toEqual([2, 1, 2, -3, 4, 7, 6, 3, -4, -2, 5, 0, -2, 2, 1, -3, 4, 9, 7, -2, 1, 3, 3, 4, -4]);
    expect(Array.from(r.output.data)).toEqual([7, 4, 9, 9]);
    // The 9 at (3, 2) wins the two bottom windows: δ = −(1 + 3) = −4.
    expect(r.delta.net.data[3 * 5 + 2]).toBe(-4);
    expect(poolContributions(r, 3, 2).map((c) => [c.y, c.x, c.share])).toEqual([[1, 0, -1], [1, 1, -3]]);
    expect(r.delta.net.data.filter((v) => v !== 0).length).toBe(3);
  });

  it('average pooling spreads δ / n over each window, and ReLU stops it at negative net values', () => {
    const r = runBackprop({ pool: 'avg', window: '2s2', relu: true, loss: 'errors', values: [4, 4, 4, 4] });
    // Window (0,0) covers net 2, 1, 7, 6: each gets −4/4 = −1.
    expect(r.delta.activation.data[0]).toBe(-1);
    expect(r.delta.net.data[0]).toBe(-1);
    // net(0,3) = −3 < 0: ReLU′ = 0, so δ stops there.
    expect(r.delta.activation.data[3]).toBe(-1);
    expect(r.delta.net.data[3]).toBe(-0);
    // Row 4 and column 4 lie in no 2×2 stride-2 window.
    expect(r.delta.activation.data[4]).toBe(-0);
  });

  it('the weight gradient is the correlation of X with ∂J/∂net, and the bias gradient its sum', () => {
    const r = runBackprop({ pool: 'max', window: '2s1', relu: false, loss: 'squared', values: null });
    expect(outputSide('2s1')).toBe(4);
    for (let m = 0; m < 3; m++) {
      for (let n = 0; n < 3; n++) expect(weightGradientTerms(r, m, n).sum).toBeCloseTo(r.conv.dFilters.data[m * 3 + n], 4);
    }
    const sum = r.dNet.data.reduce((a, b) => a + b, 0);
    expect(r.conv.dBias[0]).toBeCloseTo(sum, 5);
  });

  it('reads and writes the per-cell values of the URL', () => {
    expect(parseValues('1,-0.5,2')).toEqual([1, -0.5, 2]);
    expect(parseValues('1,x')).toBeNull();
    expect(formatValues([0.1 + 0.2, -3])).toBe('0.3,-3');
  });
});
