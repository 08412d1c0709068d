import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LCN_MIN_STD, localContrastNorm, localResponseNorm, volume } from '../../../src/math';
import { expectClose, mulberry32, randomVolume, read, volumeTensor } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('localResponseNorm (Caffe/ONNX form) against tf.localResponseNormalization', () => {
  // tf sums over d−r … d+r and multiplies the sum by its alpha as given; ours divides alpha by
  // the window size. For odd size = 2r + 1: depthRadius r, bias k, tf alpha = alpha / size.
  const cases = [
    { name: 'AlexNet constants (size 5, k 2, alpha 1e-4, beta 0.75) on large activations', size: 5, alpha: 1e-4, beta: 0.75, k: 2, scale: 30, depth: 8 },
    { name: 'size 5, strong alpha, depth 7', size: 5, alpha: 2, beta: 0.75, k: 1, scale: 1, depth: 7 },
    { name: 'size 3, depth 3 (window clipped at both ends)', size: 3, alpha: 1.5, beta: 0.5, k: 0.5, scale: 1, depth: 3 },
    { name: 'size 7 wider than depth 4', size: 7, alpha: 1, beta: 1, k: 1, scale: 1, depth: 4 },
  ];
  it.each(cases)('$name', ({ size, alpha, beta, k, scale, depth }) => {
    const input = randomVolume(mulberry32(500 + size + depth), 5, 6, depth);
    input.data.forEach((v, i) => (input.data[i] = v * scale));
    const ours = localResponseNorm(input, { size, alpha, beta, k });
    const r = (size - 1) / 2;
    const theirs = read(tf.tidy(() => tf.localResponseNormalization(volumeTensor(input), r, k, alpha / size, beta)));
    expectClose(ours.data, theirs.data);
    if (alpha > 1e-3) {
      // Passing alpha unconverted gives a different (stronger) normalisation.
      const unconverted = read(tf.tidy(() => tf.localResponseNormalization(volumeTensor(input), r, k, alpha, beta)));
      const differs = ours.data.some((v, i) => Math.abs(v - unconverted.data[i]) > 1e-3);
      expect(differs).toBe(true);
    }
  });

  it('even sizes run over d − ⌊(size−1)/2⌋ … d + ⌈(size−1)/2⌉ (one more channel after)', () => {
    // One pixel, channels [1, 2, 3, 4], size 4: channel 1 sums channels 0…3, channel 2 sums 1…3.
    const a = [1, 2, 3, 4];
    const out = localResponseNorm(volume(1, 1, 4, a), { size: 4, alpha: 1, beta: 1, k: 1 });
    const expected = [
      1 / (1 + (1 / 4) * (1 + 4 + 9)),
      2 / (1 + (1 / 4) * (1 + 4 + 9 + 16)),
      3 / (1 + (1 / 4) * (4 + 9 + 16)),
      4 / (1 + (1 / 4) * (9 + 16)),
    ];
    expectClose(out.data, expected, 1e-6);
  });
});

describe('localContrastNorm', () => {
  it('leaves a pixel whose window already has mean 0 and unit population std unchanged', () => {
    // 5×5×2; the 3×3×2 window around (2,2) holds nine +1 and nine −1 (mean 0, population std 1).
    const checker = [
      [1, -1, 1],
      [-1, 1, -1],
      [1, -1, 1],
    ];
    const input = volume(5, 5, 2);
    const rng = mulberry32(61);
    for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) {
      const inside = y >= 1 && y <= 3 && x >= 1 && x <= 3;
      const v = inside ? checker[y - 1][x - 1] : rng() * 10;
      input.data[(y * 5 + x) * 2] = v;
      input.data[(y * 5 + x) * 2 + 1] = inside ? -v : rng() * 10;
    }
    const out = localContrastNorm(input, { size: 3 });
    const centre = (2 * 5 + 2) * 2;
    expect(out.data[centre]).toBeCloseTo(1, 6);
    expect(out.data[centre + 1]).toBeCloseTo(-1, 6);
  });

  it('uses mean and population std of the window across all depths (hand-computed)', () => {
    // One pixel in a 1×1 window with 2 channels [1, 3]: m = 2, σ = 1 → [−1, 1].
    const out = localContrastNorm(volume(1, 1, 2, [1, 3]), { size: 3 });
    expect(Array.from(out.data)).toEqual([-1, 1]);
    // 3×3×1 input, one 9 in the bottom-right corner, size 3. A window of n cells holding one
    // outlier v among zeros has m = v/n and σ = v·√(n−1)/n: the outlier maps to √(n−1), zeros to −1/√(n−1).
    const x = volume(3, 3, 1, [0, 0, 0, 0, 0, 0, 0, 0, 9]);
    const h = localContrastNorm(x, { size: 3 });
    const expected = [
      0, 0, 0, // windows clipped at the top never see the 9: σ = 0 → (0 − 0) / 1e-5 = 0
      0, -1 / Math.sqrt(8), -1 / Math.sqrt(5), // (1,1): all 9 cells; (1,2): 3 × 2 = 6 cells
      0, -1 / Math.sqrt(5), Math.sqrt(3), // (2,1): 2 × 3 = 6 cells; (2,2): corner, 2 × 2 = 4 cells
    ];
    expectClose(h.data, expected, 1e-6);
  });

  it('divides by 1e-5 where the window is flat', () => {
    expect(LCN_MIN_STD).toBe(1e-5);
    const out = localContrastNorm(volume(2, 2, 1, [3, 3, 3, 3]), { size: 3 });
    expect(Array.from(out.data)).toEqual([0, 0, 0, 0]);
    // A tiny spread (σ = 1e-7 < 1e-5) is divided by 1e-5, not by σ.
    const tiny = localContrastNorm(volume(1, 1, 2, [1 - 1e-7, 1 + 1e-7]), { size: 1 });
    expectClose(tiny.data, [-0.01, 0.01], 1e-2);
  });

  it('matches a naive clipped-window computation on random data', () => {
    const input = randomVolume(mulberry32(62), 6, 7, 3);
    const size = 5;
    const out = localContrastNorm(input, { size });
    const expected = new Float32Array(input.data.length);
    for (let y = 0; y < 6; y++) for (let x = 0; x < 7; x++) {
      const values: number[] = [];
      for (let wy = y - 2; wy <= y + 2; wy++) for (let wx = x - 2; wx <= x + 2; wx++) {
        if (wy < 0 || wy >= 6 || wx < 0 || wx >= 7) continue;
        for (let d = 0; d < 3; d++) values.push(input.data[(wy * 7 + wx) * 3 + d]);
      }
      const m = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
      for (let d = 0; d < 3; d++) expected[(y * 7 + x) * 3 + d] = (input.data[(y * 7 + x) * 3 + d] - m) / Math.max(sd, 1e-5);
    }
    expectClose(out.data, expected, 1e-6);
  });
});
