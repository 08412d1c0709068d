import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { Filters, Padding, Volume } from '../../../src/math';

/** The project's seeded PRNG (src/model/random.ts), re-exported for the math tests. */
export { mulberry32 } from '../../../src/model/random';

/** `n` values uniform in [−1, 1). */
export function randomArray(rng: () => number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng() * 2 - 1;
  return out;
}

export function randomVolume(rng: () => number, height: number, width: number, depth: number): Volume {
  return { height, width, depth, data: randomArray(rng, height * width * depth) };
}

export function randomFilters(rng: () => number, kh: number, kw: number, inDepth: number, outDepth: number): Filters {
  return { kh, kw, inDepth, outDepth, data: randomArray(rng, kh * kw * inDepth * outDepth) };
}

/** A volume as a batch of one NHWC tensor. */
export function volumeTensor(v: Volume): tf.Tensor4D {
  return tf.tensor4d(v.data, [1, v.height, v.width, v.depth]);
}

/** Filters as an HWIO tensor. */
export function filtersTensor(f: Filters): tf.Tensor4D {
  return tf.tensor4d(f.data, [f.kh, f.kw, f.inDepth, f.outDepth]);
}

type TfPad = 'valid' | 'same' | number | [[0, 0], [number, number], [number, number], [0, 0]];

/** Our padding as tfjs's `pad` argument (the 4-tuple as NHWC explicit padding). */
export function tfPad(p: Padding): TfPad {
  if (typeof p === 'string' || typeof p === 'number') return p;
  return [
    [0, 0],
    [p[0], p[1]],
    [p[2], p[3]],
    [0, 0],
  ];
}

/** Reads a tensor back and disposes it. */
export function read(t: tf.Tensor): { shape: number[]; data: Float32Array } {
  const data = Float32Array.from(t.dataSync());
  const shape = t.shape.slice();
  t.dispose();
  return { shape, data };
}

/** Expects |actual − expected| ≤ rtol · max(|expected|, 1) element by element, same length. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1);
    if (Number.isNaN(err) || err > worst) {
      worst = err;
      worstAt = i;
      if (Number.isNaN(err)) break;
    }
  }
  expect(worst, `worst relative error at index ${worstAt}: ${actual[worstAt]} vs ${expected[worstAt]}`).toBeLessThanOrEqual(rtol);
}
