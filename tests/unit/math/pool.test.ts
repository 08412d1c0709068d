import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { avgPool2d, maxPool2d, poolWindow, volume, type AvgPoolOptions, type PoolOptions } from '../../../src/math';
import { expectClose, mulberry32, randomVolume, read, tfPad, volumeTensor } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface PoolCase {
  name: string;
  input: [h: number, w: number, d: number];
  opts: PoolOptions;
}

/** tfjs's [h, w] / [sy, sx] arguments for our options (stride defaulting to the window, as in Keras). */
function tfArgs(opts: PoolOptions): { size: [number, number]; stride: [number, number] } {
  const size: [number, number] = typeof opts.size === 'number' ? [opts.size, opts.size] : opts.size;
  const s = opts.stride ?? size;
  return { size, stride: typeof s === 'number' ? [s, s] : s };
}

const POOL_CASES: PoolCase[] = [
  { name: '2×2, default stride 2, 8×8×3', input: [8, 8, 3], opts: { size: 2 } },
  { name: '2×2, default stride, 7×9×3 (last row/column dropped)', input: [7, 9, 3], opts: { size: 2 } },
  { name: 'overlapping 3×3 stride 2 (AlexNet), 13×13×4', input: [13, 13, 4], opts: { size: 3, stride: 2 } },
  { name: 'overlapping 3×3 stride 2, same, 7×9×3', input: [7, 9, 3], opts: { size: 3, stride: 2, padding: 'same' } },
  { name: '2×2 stride 2, same, 7×9×2 (padding at bottom/right only)', input: [7, 9, 2], opts: { size: 2, padding: 'same' } },
  { name: '3×2 window, stride [1, 2], 7×9×2', input: [7, 9, 2], opts: { size: [3, 2], stride: [1, 2] } },
  { name: '4×4 stride 4, same, 13×13×2', input: [13, 13, 2], opts: { size: 4, stride: 4, padding: 'same' } },
  { name: '3×3 stride 1, explicit [1, 0, 2, 1], 7×9×2', input: [7, 9, 2], opts: { size: 3, stride: 1, padding: [1, 0, 2, 1] } },
  { name: '3×3 stride 2, pad 1, 7×7×3', input: [7, 7, 3], opts: { size: 3, stride: 2, padding: 1 } },
  { name: '1×1 window, stride 2, 7×9×3', input: [7, 9, 3], opts: { size: 1, stride: 2 } },
];

describe('maxPool2d matches tf.maxPool and tf.maxPoolWithArgmax', () => {
  POOL_CASES.forEach((c, n) => {
    it(c.name, () => {
      const input = randomVolume(mulberry32(200 + n), ...c.input);
      const { size, stride } = tfArgs(c.opts);
      const ours = maxPool2d(input, c.opts);
      const pad = tfPad(c.opts.padding ?? 'valid');
      const theirs = read(tf.tidy(() => tf.maxPool(volumeTensor(input), size, stride, pad)));
      expect([1, ours.output.height, ours.output.width, ours.output.depth]).toEqual(theirs.shape);
      expect(ours.output.data).toEqual(theirs.data); // a max is exact
      // The value at argmax is the output.
      ours.argmax.forEach((i, j) => expect(input.data[i]).toBe(ours.output.data[j]));
      // tf.maxPoolWithArgmax (CPU kernel present in tfjs 4.22) takes 'valid' | 'same' | number only.
      if (typeof pad !== 'object') {
        const indexes = tf.tidy(() => tf.maxPoolWithArgmax(volumeTensor(input), size, stride, pad).indexes);
        expect(Array.from(read(indexes).data)).toEqual(Array.from(ours.argmax));
      }
    });
  });

  it('gives ties to the first cell in row-major order, as tfjs does', () => {
    // Each 2×2 window holds a tie; the winner is the top-left-most of the tied cells.
    const input = volume(4, 4, 1, [
      5, 5, 1, 7,
      0, 2, 7, 7,
      3, 9, 4, 4,
      9, 9, 4, 4,
    ]);
    const { output, argmax } = maxPool2d(input, { size: 2 });
    expect(Array.from(output.data)).toEqual([5, 7, 9, 4]);
    expect(Array.from(argmax)).toEqual([0, 3, 9, 10]);
    const { result, indexes } = tf.tidy(() => tf.maxPoolWithArgmax(volumeTensor(input), 2, 2, 'valid'));
    expect(Array.from(read(result).data)).toEqual([5, 7, 9, 4]);
    expect(Array.from(read(indexes).data)).toEqual([0, 3, 9, 10]);
  });

  it('never lets padding win, even when every input cell is negative', () => {
    const input = volume(3, 3, 1, [-5, -4, -3, -2, -1, -6, -7, -8, -9]);
    const { output } = maxPool2d(input, { size: 3, stride: 1, padding: 'same' });
    // The corner window (0,0) sees −5, −4, −2, −1 and padding: max −1, not 0.
    expect(output.data[0]).toBe(-1);
    const theirs = read(tf.tidy(() => tf.maxPool(volumeTensor(input), 3, 1, 'same')));
    expect(output.data).toEqual(theirs.data);
  });
});

describe('avgPool2d matches tf.avgPool', () => {
  POOL_CASES.forEach((c, n) => {
    it(c.name, () => {
      const input = randomVolume(mulberry32(300 + n), ...c.input);
      const { size, stride } = tfArgs(c.opts);
      const ours = avgPool2d(input, c.opts);
      const theirs = read(tf.tidy(() => tf.avgPool(volumeTensor(input), size, stride, tfPad(c.opts.padding ?? 'valid'))));
      expect([1, ours.height, ours.width, ours.depth]).toEqual(theirs.shape);
      expectClose(ours.data, theirs.data);
    });
  });

  it('countIncludePad divides by h·w: tf.avgPool on the zero-padded input', () => {
    const input = randomVolume(mulberry32(399), 7, 9, 3);
    const opts: AvgPoolOptions = { size: 3, stride: 2, padding: [1, 2, 2, 0], countIncludePad: true };
    const ours = avgPool2d(input, opts);
    const theirs = read(
      tf.tidy(() =>
        tf.avgPool(
          tf.pad(volumeTensor(input), [
            [0, 0],
            [1, 2],
            [2, 0],
            [0, 0],
          ]),
          3,
          2,
          'valid',
        ),
      ),
    );
    expectClose(ours.data, theirs.data);
    // Without it, a corner window (4 input cells of 9) averages over 4.
    const excluded = avgPool2d(volume(2, 2, 1, [1, 2, 3, 6]), { size: 3, stride: 1, padding: 1 });
    const included = avgPool2d(volume(2, 2, 1, [1, 2, 3, 6]), { size: 3, stride: 1, padding: 1, countIncludePad: true });
    expect(excluded.data[0]).toBe(3);
    expect(included.data[0]).toBeCloseTo(12 / 9, 6);
  });
});

describe('poolWindow', () => {
  it('agrees exactly with maxPool2d and avgPool2d in every cell', () => {
    const input = randomVolume(mulberry32(41), 7, 9, 2);
    for (const opts of [
      { size: 3, stride: 2, padding: 'same' },
      { size: [3, 2], stride: [1, 2], padding: [1, 0, 1, 1], countIncludePad: true },
    ] as AvgPoolOptions[]) {
      const max = maxPool2d(input, opts);
      const avg = avgPool2d(input, opts);
      for (let y = 0; y < avg.height; y++) for (let x = 0; x < avg.width; x++) for (let d = 0; d < avg.depth; d++) {
        const i = (y * avg.width + x) * avg.depth + d;
        const w = poolWindow(input, opts, y, x, d);
        expect(w.max).toBe(max.output.data[i]);
        expect(w.argmax).toBe(max.argmax[i]);
        expect(w.average).toBe(avg.data[i]);
        const winner = w.cells[w.winner];
        expect(winner.padded).toBe(false);
        expect(winner.value).toBe(w.max);
      }
    }
  });

  it('lists the window row-major with padded cells flagged', () => {
    const input = volume(2, 2, 1, [1, 4, 4, 2]);
    const w = poolWindow(input, { size: 2, stride: 1, padding: [1, 0, 0, 1] }, 0, 1, 0);
    expect(w.cells).toEqual([
      { iy: -1, ix: 1, value: 0, padded: true },
      { iy: -1, ix: 2, value: 0, padded: true },
      { iy: 0, ix: 1, value: 4, padded: false },
      { iy: 0, ix: 2, value: 0, padded: true },
    ]);
    expect([w.winner, w.argmax, w.max, w.average, w.count]).toEqual([2, 1, 4, 4, 1]);
    // A tie (4 at (0,1) and (1,0)) goes to the first cell in row-major order.
    const tie = poolWindow(input, { size: 2 }, 0, 0, 0);
    expect([tie.winner, tie.argmax, tie.max, tie.average, tie.count]).toEqual([1, 1, 4, 2.75, 4]);
  });
});
