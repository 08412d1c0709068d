import { describe, expect, it } from 'vitest';
import { CENTRAL, CROP_VALUES, drawDistortion, prepareBatch, prepareImage, standardise } from '../../../src/data/cifarAugment';
import { mulberry32 } from '../../../src/model/random';

const r = mulberry32(9);
const pixels = Uint8Array.from({ length: 2 * 3072 }, () => Math.floor(r() * 256));

function stats(v: Float32Array): { mean: number; sd: number } {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return { mean, sd: Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length) };
}

describe('CIFAR-10 tutorial input pipeline', () => {
  it('standardises each image to mean 0 and stddev 1, and a flat image to zeros (stddev floor 1/√n)', () => {
    const out = prepareBatch(pixels, [1], null);
    const { mean, sd } = stats(out);
    expect(mean).toBeCloseTo(0, 5);
    expect(sd).toBeCloseTo(1, 4);
    const flat = new Float32Array(CROP_VALUES).fill(7);
    standardise(flat, 0, CROP_VALUES);
    expect(flat.every((x) => x === 0)).toBe(true);
  });

  it('evaluates on the central 24×24 crop: pixel (0,0) of the crop is pixel (4,4) of the image', () => {
    const raw = new Float32Array(CROP_VALUES);
    prepareImage(pixels, 0, { ...CENTRAL }, raw, 0);
    const unstd = Float32Array.from({ length: CROP_VALUES }, (_, i) => {
      const y = Math.floor(i / 72); const x = Math.floor((i % 72) / 3); const c = i % 3;
      return pixels[((4 + y) * 32 + 4 + x) * 3 + c];
    });
    standardise(unstd, 0, CROP_VALUES);
    for (let i = 0; i < CROP_VALUES; i++) expect(raw[i]).toBeCloseTo(unstd[i], 5);
  });

  it('mirrors left–right when flipping', () => {
    const a = new Float32Array(CROP_VALUES);
    const b = new Float32Array(CROP_VALUES);
    prepareImage(pixels, 0, { ...CENTRAL, flip: false }, a, 0);
    prepareImage(pixels, 0, { ...CENTRAL, flip: true }, b, 0);
    for (let c = 0; c < 3; c++) expect(b[(5 * 24 + 23) * 3 + c]).toBeCloseTo(a[(5 * 24 + 0) * 3 + c], 5);
  });

  it('draws crops within the image, flips about half the time, brightness in ±63 and contrast in [0.2, 1.8]', () => {
    const rnd = mulberry32(4);
    const ds = Array.from({ length: 2000 }, () => drawDistortion(rnd));
    expect(ds.every((d) => d.top >= 0 && d.top <= 8 && d.left >= 0 && d.left <= 8)).toBe(true);
    expect(new Set(ds.map((d) => d.top)).size).toBe(9);
    const flips = ds.filter((d) => d.flip).length / ds.length;
    expect(flips).toBeGreaterThan(0.45);
    expect(flips).toBeLessThan(0.55);
    expect(ds.every((d) => Math.abs(d.brightness) <= 63 && d.contrast >= 0.2 && d.contrast <= 1.8)).toBe(true);
  });

  it('makes the random brightness a no-op: standardisation removes the shift it adds (as in the tutorial)', () => {
    const a = new Float32Array(CROP_VALUES);
    const b = new Float32Array(CROP_VALUES);
    prepareImage(pixels, 1, { ...CENTRAL, contrast: 1.5, brightness: 0 }, a, 0);
    prepareImage(pixels, 1, { ...CENTRAL, contrast: 1.5, brightness: 50 }, b, 0);
    for (let i = 0; i < CROP_VALUES; i++) expect(b[i]).toBeCloseTo(a[i], 4);
  });

  it('changes the image when the contrast changes (per-channel, so colours shift)', () => {
    const a = new Float32Array(CROP_VALUES);
    const b = new Float32Array(CROP_VALUES);
    prepareImage(pixels, 1, { ...CENTRAL, contrast: 0.3 }, a, 0);
    prepareImage(pixels, 1, { ...CENTRAL, contrast: 1.7 }, b, 0);
    let diff = 0;
    for (let i = 0; i < CROP_VALUES; i++) diff += Math.abs(a[i] - b[i]);
    expect(diff / CROP_VALUES).toBeGreaterThan(0.01);
  });
});
