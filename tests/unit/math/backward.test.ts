import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  avgPool2d,
  avgPool2dBackward,
  conv2d,
  conv2dBackward,
  maxPool2d,
  maxPool2dBackward,
  rotate180,
  sensitivity,
  volume,
  type AvgPoolOptions,
  type ConvOptions,
  type PoolOptions,
} from '../../../src/math';
import { CONV_CASES } from './cases';
import { expectClose, filtersTensor, mulberry32, randomArray, randomFilters, randomVolume, read, tfPad, volumeTensor } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Σ of the products of two equal-length arrays, in float64. */
function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

describe('conv2dBackward matches tf.grads of sum(conv2d(x, W) + b) · dOutput)', () => {
  CONV_CASES.forEach((c, n) => {
    it(c.name, () => {
      const rng = mulberry32(700 + n);
      const input = randomVolume(rng, ...c.input);
      const f = randomFilters(rng, c.kernel[0], c.kernel[1], c.input[2], c.kernel[2]);
      const bias = randomArray(rng, c.kernel[2]);
      const opts: ConvOptions = { stride: c.stride, padding: c.padding, bias };
      const out = conv2d(input, f, opts);
      const dOutput = randomVolume(rng, out.height, out.width, out.depth);
      const ours = conv2dBackward(input, f, dOutput, opts);
      const [dx, dw, db] = tf.tidy(() => {
        const dy = volumeTensor(dOutput);
        const pad = tfPad(c.tfPadding ?? c.padding);
        const loss = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(tf.add(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.stride, pad), b), dy));
        return tf.grads(loss)([volumeTensor(input), filtersTensor(f), tf.tensor1d(bias)]);
      });
      expectClose(ours.dInput.data, read(dx).data);
      expectClose(ours.dFilters.data, read(dw).data);
      expectClose(ours.dBias, read(db).data);
    });
  });

  it("in convolution mode returns dFilters for the filters as passed (the rotated kernel's gradient, rotated back)", () => {
    const rng = mulberry32(750);
    const input = randomVolume(rng, 7, 9, 3);
    const f = randomFilters(rng, 3, 2, 3, 4);
    const opts: ConvOptions = { stride: 2, padding: 'same' };
    const out = conv2d(input, f, { ...opts, mode: 'convolution' });
    const dOutput = randomVolume(rng, out.height, out.width, out.depth);
    const conv = conv2dBackward(input, f, dOutput, { ...opts, mode: 'convolution' });
    const corr = conv2dBackward(input, rotate180(f), dOutput, opts);
    expect(conv.dInput.data).toEqual(corr.dInput.data);
    expect(conv.dFilters.data).toEqual(rotate180(corr.dFilters).data);
    // Finite-difference check of one weight of the filters as passed: J = Σ conv2d(...) · dOutput.
    const J = (w: Float32Array) => dot(conv2d(input, { ...f, data: w }, { ...opts, mode: 'convolution' }).data, dOutput.data);
    const i = 5;
    const h = 1e-2; // J is linear in w, so a large step is exact up to rounding
    const plus = Float32Array.from(f.data);
    plus[i] += h;
    const minus = Float32Array.from(f.data);
    minus[i] -= h;
    expect((J(plus) - J(minus)) / (plus[i] - minus[i])).toBeCloseTo(conv.dFilters.data[i], 3);
  });

  it('dInput is the full convolution of dOutput with the kernel (stride 1, one channel, by hand)', () => {
    // X 3×3, W 2×2 = [[1, 2], [3, 4]], valid: dOutput 2×2 = [[1, 0], [0, 0]] puts W on the top-left
    // input cells; [[0, 0], [0, 1]] puts it on the bottom-right ones.
    const input = volume(3, 3, 1);
    const f = { kh: 2, kw: 2, inDepth: 1, outDepth: 1, data: new Float32Array([1, 2, 3, 4]) };
    const topLeft = conv2dBackward(input, f, volume(2, 2, 1, [1, 0, 0, 0])).dInput;
    expect(Array.from(topLeft.data)).toEqual([1, 2, 0, 3, 4, 0, 0, 0, 0]);
    const both = conv2dBackward(input, f, volume(2, 2, 1, [1, 0, 0, 1])).dInput;
    expect(Array.from(both.data)).toEqual([1, 2, 0, 3, 5, 2, 0, 3, 4]);
  });
});

const POOL_GRAD_CASES: { name: string; input: [number, number, number]; opts: PoolOptions }[] = [
  { name: '2×2 stride 2, 8×8×3', input: [8, 8, 3], opts: { size: 2 } },
  { name: 'overlapping 3×3 stride 2, 13×13×4', input: [13, 13, 4], opts: { size: 3, stride: 2 } },
  { name: 'overlapping 3×3 stride 1, 7×9×2', input: [7, 9, 2], opts: { size: 3, stride: 1 } },
  { name: '3×2 stride [1, 2], 7×9×2', input: [7, 9, 2], opts: { size: [3, 2], stride: [1, 2] } },
  { name: '3×3 stride 2 same, 7×9×3', input: [7, 9, 3], opts: { size: 3, stride: 2, padding: 'same' } },
  { name: '4×4 stride 4 same, 13×13×2', input: [13, 13, 2], opts: { size: 4, stride: 4, padding: 'same' } },
];

function tfPoolArgs(opts: PoolOptions): [[number, number], [number, number], ReturnType<typeof tfPad>] {
  const size: [number, number] = typeof opts.size === 'number' ? [opts.size, opts.size] : opts.size;
  const s = opts.stride ?? size;
  return [size, typeof s === 'number' ? [s, s] : s, tfPad(opts.padding ?? 'valid')];
}

describe('maxPool2dBackward matches tf.grad of sum(maxPool(x) · dOutput)', () => {
  POOL_GRAD_CASES.forEach((c, n) => {
    it(c.name, () => {
      const rng = mulberry32(800 + n);
      const input = randomVolume(rng, ...c.input);
      const { output, argmax } = maxPool2d(input, c.opts);
      const dOutput = randomVolume(rng, output.height, output.width, output.depth);
      const ours = maxPool2dBackward(input, argmax, dOutput);
      const [size, stride, pad] = tfPoolArgs(c.opts);
      const theirs = read(
        tf.tidy(() => {
          const dy = volumeTensor(dOutput);
          return tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, size, stride, pad), dy)))(volumeTensor(input));
        }),
      );
      expectClose(ours.data, theirs.data);
    });
  });

  it('sums where overlapping windows share a winner, and ties route to the first cell', () => {
    // 1×4 input [0, 9, 9, 1], window 1×2 stride 1: windows (0,9) (9,9) (9,1) all pick index 1.
    const input = volume(1, 4, 1, [0, 9, 9, 1]);
    const { argmax } = maxPool2d(input, { size: [1, 2], stride: 1 });
    expect(Array.from(argmax)).toEqual([1, 1, 2]);
    const d = maxPool2dBackward(input, argmax, volume(1, 3, 1, [1, 10, 100]));
    expect(Array.from(d.data)).toEqual([0, 11, 100, 0]);
    const theirs = read(
      tf.tidy(() => {
        const dy = tf.tensor4d([1, 10, 100], [1, 1, 3, 1]);
        return tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, [1, 2], 1, 'valid'), dy)))(volumeTensor(input));
      }),
    );
    expect(Array.from(theirs.data)).toEqual([0, 11, 100, 0]);
  });
});

describe('avgPool2dBackward', () => {
  POOL_GRAD_CASES.forEach((c, n) => {
    it(`is the adjoint of avgPool2d: ${c.name}`, () => {
      const rng = mulberry32(900 + n);
      const input = randomVolume(rng, ...c.input);
      for (const countIncludePad of [false, true]) {
        const opts: AvgPoolOptions = { ...c.opts, countIncludePad };
        const out = avgPool2d(input, opts);
        const dOutput = randomVolume(rng, out.height, out.width, out.depth);
        const dInput = avgPool2dBackward(input, dOutput, opts);
        // ⟨avgPool(x), dy⟩ = ⟨x, avgPoolBackward(dy)⟩ for a linear map and its adjoint.
        expect(dot(input.data, dInput.data)).toBeCloseTo(dot(out.data, dOutput.data), 4);
        if (c.opts.padding === undefined) {
          // Without padding, tf.grad of tf.avgPool agrees.
          const [size, stride, pad] = tfPoolArgs(c.opts);
          const theirs = read(
            tf.tidy(() => {
              const dy = volumeTensor(dOutput);
              return tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(x as tf.Tensor4D, size, stride, pad), dy)))(volumeTensor(input));
            }),
          );
          expectClose(dInput.data, theirs.data);
        }
      }
    });
  });

  it("with 'same' padding, matches tf.grad only when padded cells count (tfjs 4.22 divides by h·w in the gradient)", () => {
    const rng = mulberry32(950);
    const input = randomVolume(rng, 7, 9, 2);
    const opts: AvgPoolOptions = { size: 3, stride: 2, padding: 'same' };
    const out = avgPool2d(input, opts);
    const dOutput = randomVolume(rng, out.height, out.width, out.depth);
    const theirs = read(
      tf.tidy(() => {
        const dy = volumeTensor(dOutput);
        return tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(x as tf.Tensor4D, 3, 2, 'same'), dy)))(volumeTensor(input));
      }),
    );
    expectClose(avgPool2dBackward(input, dOutput, { ...opts, countIncludePad: true }).data, theirs.data);
    // The true gradient of tf.avgPool's forward pass (which divides by the cells counted) differs at the border.
    const exact = avgPool2dBackward(input, dOutput, opts).data;
    expect(exact.some((v, i) => Math.abs(v - theirs.data[i]) > 1e-3)).toBe(true);
  });

  it('spreads each gradient evenly over the counted cells (by hand)', () => {
    const d = avgPool2dBackward({ height: 2, width: 4, depth: 1 }, volume(1, 2, 1, [4, 8]), { size: 2 });
    expect(Array.from(d.data)).toEqual([1, 1, 2, 2, 1, 1, 2, 2]);
    // A 2×2 window with padding 1: the corner window counts one input cell, which gets it all.
    const p = avgPool2dBackward({ height: 1, width: 1, depth: 1 }, volume(1, 1, 1, [4]), { size: 2, padding: [1, 0, 1, 0] });
    expect(Array.from(p.data)).toEqual([4]);
    const q = avgPool2dBackward({ height: 1, width: 1, depth: 1 }, volume(1, 1, 1, [4]), {
      size: 2,
      padding: [1, 0, 1, 0],
      countIncludePad: true,
    });
    expect(Array.from(q.data)).toEqual([1]);
  });
});

describe('sensitivity', () => {
  it('is −∂J/∂output, the lecture’s δ', () => {
    const d = volume(1, 3, 1, [1, -2, 0.5]);
    const delta = sensitivity(d);
    expect(Array.from(delta.data)).toEqual([-1, 2, -0.5]);
    expect([delta.height, delta.width, delta.depth]).toEqual([1, 3, 1]);
    expect(Array.from(d.data)).toEqual([1, -2, 0.5]); // not modified in place
  });
});
