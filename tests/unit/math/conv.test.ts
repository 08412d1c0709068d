import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2d, convTerms, filters, rotate180, volume, type ConvOptions, type Padding, type Volume } from '../../../src/math';
import { CONV_CASES } from './cases';
import { expectClose, filtersTensor, mulberry32, randomArray, randomFilters, randomVolume, read, tfPad, volumeTensor } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function tfConv(input: Volume, f: ReturnType<typeof filters>, stride: number | [number, number], padding: Padding) {
  return read(tf.tidy(() => tf.conv2d(volumeTensor(input), filtersTensor(f), stride, tfPad(padding))));
}

describe('conv2d (correlation) matches tf.conv2d', () => {
  CONV_CASES.forEach((c, n) => {
    it(c.name, () => {
      const rng = mulberry32(100 + n);
      const input = randomVolume(rng, ...c.input);
      const f = randomFilters(rng, c.kernel[0], c.kernel[1], c.input[2], c.kernel[2]);
      const ours = conv2d(input, f, { stride: c.stride, padding: c.padding });
      const theirs = tfConv(input, f, c.stride, c.tfPadding ?? c.padding);
      expect([1, ours.height, ours.width, ours.depth]).toEqual(theirs.shape);
      expectClose(ours.data, theirs.data);
    });
  });

  it('defaults to stride 1, valid padding, correlation', () => {
    const rng = mulberry32(7);
    const input = randomVolume(rng, 6, 5, 2);
    const f = randomFilters(rng, 3, 2, 2, 3);
    const ours = conv2d(input, f);
    expect([ours.height, ours.width, ours.depth]).toEqual([4, 4, 3]);
    expectClose(ours.data, tfConv(input, f, 1, 'valid').data);
  });

  it('adds one bias per output channel', () => {
    const rng = mulberry32(8);
    const input = randomVolume(rng, 7, 9, 3);
    const f = randomFilters(rng, 3, 3, 3, 4);
    const bias = randomArray(rng, 4);
    const ours = conv2d(input, f, { padding: 'same', bias });
    const theirs = read(
      tf.tidy(() => tf.add(tf.conv2d(volumeTensor(input), filtersTensor(f), 1, 'same'), tf.tensor1d(bias))),
    );
    expectClose(ours.data, theirs.data);
  });

  it('reads a hand-made 3×3 example the way a student would', () => {
    // One channel, 3×3 input 1…9, a 2×2 kernel [[1, 0], [0, −1]]: out[y,x] = X[y,x] − X[y+1,x+1] = −4.
    const out = conv2d(volume(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]), filters(2, 2, 1, 1, [1, 0, 0, -1]));
    expect(Array.from(out.data)).toEqual([-4, -4, -4, -4]);
    // In convolution mode the kernel is rotated: out[y,x] = −X[y,x] + X[y+1,x+1] = 4.
    const flipped = conv2d(volume(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]), filters(2, 2, 1, 1, [1, 0, 0, -1]), {
      mode: 'convolution',
    });
    expect(Array.from(flipped.data)).toEqual([4, 4, 4, 4]);
  });
});

/**
 * The lecture's formula, naively: the full convolution net[i,j] = Σ_m Σ_n X[m,n]·W[i−m, j−n]
 * (summed over input channels), i = 0 … H+kh−2; with padding p (stride 1) the layer's output
 * cell (y, x) is net[y + kh−1−p, x + kw−1−p].
 */
function lectureConvolution(input: Volume, f: ReturnType<typeof filters>, p: number): Volume {
  const outH = input.height + 2 * p - f.kh + 1;
  const outW = input.width + 2 * p - f.kw + 1;
  const out = new Float32Array(outH * outW * f.outDepth);
  for (let o = 0; o < f.outDepth; o++) {
    for (let y = 0; y < outH; y++) {
      for (let x = 0; x < outW; x++) {
        const i = y + f.kh - 1 - p;
        const j = x + f.kw - 1 - p;
        let net = 0;
        for (let m = 0; m < input.height; m++) {
          for (let n = 0; n < input.width; n++) {
            if (i - m < 0 || i - m >= f.kh || j - n < 0 || j - n >= f.kw) continue;
            for (let c = 0; c < input.depth; c++) {
              const w = f.data[(((i - m) * f.kw + (j - n)) * f.inDepth + c) * f.outDepth + o];
              net += input.data[(m * input.width + n) * input.depth + c] * w;
            }
          }
        }
        out[(y * outW + x) * f.outDepth + o] = net;
      }
    }
  }
  return { height: outH, width: outW, depth: f.outDepth, data: out };
}

describe("conv2d mode 'convolution'", () => {
  it('equals correlation with the filters rotated by 180°', () => {
    const rng = mulberry32(21);
    const input = randomVolume(rng, 7, 9, 3);
    const f = randomFilters(rng, 3, 5, 3, 4);
    for (const opts of [{ padding: 'same' }, { stride: 2, padding: [1, 0, 2, 1] }] as ConvOptions[]) {
      const convolved = conv2d(input, f, { ...opts, mode: 'convolution' });
      const correlated = conv2d(input, rotate180(f), opts);
      expect(convolved.data).toEqual(correlated.data);
    }
  });

  it('matches the lecture formula net[i,j] = Σ_m Σ_n X[m,n]·W[i−m, j−n], valid and padded', () => {
    const rng = mulberry32(22);
    const input = randomVolume(rng, 4, 5, 2);
    const f = randomFilters(rng, 2, 3, 2, 2);
    for (const p of [0, 1, 2]) {
      const ours = conv2d(input, f, { mode: 'convolution', padding: p });
      const lecture = lectureConvolution(input, f, p);
      expect([ours.height, ours.width]).toEqual([lecture.height, lecture.width]);
      expectClose(ours.data, lecture.data, 1e-6);
    }
  });

  it('keeps the output size of correlation for the same padding (not the full convolution)', () => {
    const rng = mulberry32(23);
    const input = randomVolume(rng, 7, 9, 1);
    const f = randomFilters(rng, 3, 3, 1, 1);
    const out = conv2d(input, f, { mode: 'convolution' });
    expect([out.height, out.width]).toEqual([5, 7]);
  });

  it('rotate180 twice is the identity and moves (ky, kx) to (kh−1−ky, kw−1−kx)', () => {
    const f = randomFilters(mulberry32(24), 2, 3, 2, 2);
    expect(rotate180(rotate180(f)).data).toEqual(f.data);
    const r = rotate180(f);
    // W[0,0,c=1,o=1] moves to W'[1,2,1,1].
    expect(r.data[((1 * 3 + 2) * 2 + 1) * 2 + 1]).toBe(f.data[((0 * 3 + 0) * 2 + 1) * 2 + 1]);
  });
});

describe('convTerms', () => {
  const cases: [string, [number, number, number], [number, number, number], ConvOptions][] = [
    ['7×9×3 → 4, 3×3 same + bias', [7, 9, 3], [3, 3, 4], { padding: 'same', bias: new Float32Array([0.5, -1, 2, 0]) }],
    ['7×9×3 → 2, 5×3 stride 2, explicit, convolution', [7, 9, 3], [5, 3, 2], { stride: 2, padding: [2, 1, 0, 3], mode: 'convolution' }],
    ['35×35×3 → 2, 11×11 stride 4', [35, 35, 3], [11, 11, 2], { stride: 4 }],
  ];
  it.each(cases)('sums to exactly conv2d’s value in every cell: %s', (_name, [h, w, d], [kh, kw, od], opts) => {
    const rng = mulberry32(31);
    const input = randomVolume(rng, h, w, d);
    const f = randomFilters(rng, kh, kw, d, od);
    const out = conv2d(input, f, opts);
    for (let y = 0; y < out.height; y++) {
      for (let x = 0; x < out.width; x++) {
        for (let o = 0; o < out.depth; o++) {
          const cell = convTerms(input, f, opts, y, x, o);
          expect(cell.terms).toHaveLength(kh * kw * d);
          expect(cell.sum).toBe(out.data[(y * out.width + x) * out.depth + o]);
        }
      }
    }
  });

  it('lists each term with its input cell, weight, product and padding flag', () => {
    const input = volume(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const f = filters(2, 2, 1, 1, [1, 2, 3, 4]);
    const cell = convTerms(input, f, { padding: [1, 0, 1, 0] }, 0, 0, 0);
    expect(cell.terms.map((t) => [t.iy, t.ix, t.ky, t.kx, t.inputValue, t.weight, t.product, t.padded])).toEqual([
      [-1, -1, 0, 0, 0, 1, 0, true],
      [-1, 0, 0, 1, 0, 2, 0, true],
      [0, -1, 1, 0, 0, 3, 0, true],
      [0, 0, 1, 1, 1, 4, 4, false],
    ]);
    expect(cell.sum).toBe(4);
    expect(cell.bias).toBe(0);
    // Convolution mode: window cell (0,0) meets the rotated kernel's W[1,1] = 4.
    const conv = convTerms(input, f, { mode: 'convolution' }, 0, 0, 0);
    expect(conv.terms.map((t) => [t.windowRow, t.windowCol, t.ky, t.kx, t.weight])).toEqual([
      [0, 0, 1, 1, 4],
      [0, 1, 1, 0, 3],
      [1, 0, 0, 1, 2],
      [1, 1, 0, 0, 1],
    ]);
    expect(conv.sum).toBe(1 * 4 + 2 * 3 + 4 * 2 + 5 * 1);
  });
});
