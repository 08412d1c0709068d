import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { convOutputShape, filterIndex, filters, outputSize, volume, volumeIndex, type Padding } from '../../../src/math';
import { tfPad } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('outputSize', () => {
  it('valid: out = floor((in − k) / s) + 1, no padding', () => {
    expect(outputSize(7, 3, 1, 'valid')).toEqual({ out: 5, padBefore: 0, padAfter: 0 });
    expect(outputSize(35, 11, 4, 'valid')).toEqual({ out: 7, padBefore: 0, padAfter: 0 });
    expect(outputSize(8, 3, 2, 'valid')).toEqual({ out: 3, padBefore: 0, padAfter: 0 });
  });

  it("same: out = ceil(in / s), the odd padded cell after (TensorFlow's rule)", () => {
    expect(outputSize(7, 3, 1, 'same')).toEqual({ out: 7, padBefore: 1, padAfter: 1 });
    expect(outputSize(7, 3, 2, 'same')).toEqual({ out: 4, padBefore: 1, padAfter: 1 });
    expect(outputSize(8, 3, 2, 'same')).toEqual({ out: 4, padBefore: 0, padAfter: 1 });
    expect(outputSize(8, 4, 1, 'same')).toEqual({ out: 8, padBefore: 1, padAfter: 2 });
    expect(outputSize(35, 11, 4, 'same')).toEqual({ out: 9, padBefore: 4, padAfter: 4 });
    // Stride larger than the window: no padding needed.
    expect(outputSize(9, 1, 4, 'same')).toEqual({ out: 3, padBefore: 0, padAfter: 0 });
  });

  it('a number pads both sides; a pair is [before, after]', () => {
    expect(outputSize(7, 3, 2, 1)).toEqual({ out: 4, padBefore: 1, padAfter: 1 });
    expect(outputSize(7, 3, 2, [0, 3])).toEqual({ out: 4, padBefore: 0, padAfter: 3 });
    expect(outputSize(9, 2, 2, [0, 3])).toEqual({ out: 6, padBefore: 0, padAfter: 3 });
  });

  it('convOutputShape gives [top, bottom, left, right]', () => {
    expect(convOutputShape({ height: 8, width: 7 }, 3, 3, 2, 'same')).toMatchObject({
      height: 4,
      width: 4,
      pad: [0, 1, 1, 1],
    });
    expect(convOutputShape({ height: 7, width: 9 }, 3, 2, [2, 1], [1, 2, 0, 3])).toMatchObject({
      height: 4,
      width: 11,
      pad: [1, 2, 0, 3],
    });
  });

  it('agrees with the shape tf.conv2d gives, over many sizes, strides and paddings', () => {
    for (const inSize of [5, 7, 8, 13]) {
      for (const k of [1, 2, 3, 5]) {
        for (const s of [1, 2, 3, 4]) {
          for (const padding of ['valid', 'same', 1, [0, 2, 1, 0]] as Padding[]) {
            const ours = convOutputShape({ height: inSize, width: inSize + 2 }, k, k, s, padding);
            const shape = tf.tidy(
              () =>
                tf.conv2d(
                  tf.zeros([1, inSize, inSize + 2, 1]) as tf.Tensor4D,
                  tf.ones([k, k, 1, 1]) as tf.Tensor4D,
                  s,
                  tfPad(padding),
                ).shape,
            );
            expect([1, ours.height, ours.width, 1], `in ${inSize} k ${k} s ${s} pad ${String(padding)}`).toEqual(shape);
          }
        }
      }
    }
  });

  it('(tfjs 4.22 quirk) a number padding is sized with the vertical stride on both axes in tf.conv2d', () => {
    // Ours: 7×9 input, 3×3 kernel, stride [2, 1], padding 1 → 4×9. tfjs says 4×5 (uses stride 2 for the width).
    expect(convOutputShape({ height: 7, width: 9 }, 3, 3, [2, 1], 1)).toMatchObject({ height: 4, width: 9 });
    const shape = tf.tidy(() => tf.conv2d(tf.zeros([1, 7, 9, 1]) as tf.Tensor4D, tf.zeros([3, 3, 1, 1]) as tf.Tensor4D, [2, 1], 1).shape);
    expect(shape).toEqual([1, 4, 5, 1]);
  });
});

describe('volume and filters layout', () => {
  it('volume is channels-last, data[(y*width + x)*depth + d], like an HWC tensor', () => {
    const v = volume(2, 3, 2, Array.from({ length: 12 }, (_, i) => i));
    const t = tf.tensor3d(v.data, [2, 3, 2]);
    const buf = t.bufferSync();
    for (let y = 0; y < 2; y++) for (let x = 0; x < 3; x++) for (let d = 0; d < 2; d++) {
      expect(v.data[volumeIndex(v, y, x, d)]).toBe(buf.get(y, x, d));
    }
    t.dispose();
  });

  it('filters are HWIO, data[((ky*kw + kx)*inDepth + c)*outDepth + o], like tf.conv2d filters', () => {
    const f = filters(2, 3, 2, 4, Array.from({ length: 48 }, (_, i) => i));
    const t = tf.tensor4d(f.data, [2, 3, 2, 4]);
    const buf = t.bufferSync();
    for (let ky = 0; ky < 2; ky++) for (let kx = 0; kx < 3; kx++) for (let c = 0; c < 2; c++) for (let o = 0; o < 4; o++) {
      expect(f.data[filterIndex(f, ky, kx, c, o)]).toBe(buf.get(ky, kx, c, o));
    }
    t.dispose();
  });

  it('volume() and filters() zero-fill, copy number arrays and keep Float32Arrays', () => {
    expect(volume(2, 2, 1).data).toEqual(new Float32Array(4));
    const data = new Float32Array([1, 2, 3, 4]);
    expect(volume(2, 2, 1, data).data).toBe(data);
    expect(filters(1, 1, 2, 2, [1, 2, 3, 4]).data).toEqual(data);
  });
});
