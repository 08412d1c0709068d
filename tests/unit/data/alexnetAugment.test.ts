import { describe, expect, it } from 'vitest';
import { augmentationFactor, cropRgb, randomCropPairs, resizeRgbSquare } from '../../../src/data/alexnetAugment';
import { mulberry32 } from '../../../src/model/random';

/** A side×side RGB image whose pixel (r, c) holds (r, c, r + c). */
function ramp(side: number): Uint8Array {
  const out = new Uint8Array(side * side * 3);
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) out.set([r, c, (r + c) % 256], (r * side + c) * 3);
  return out;
}

describe('AlexNet crop augmentation', () => {
  it("computes the paper's factor of 2048", () => {
    expect(augmentationFactor()).toEqual({ perAxis: 32, positions: 1024, reflections: 2, factor: 2048, exactPerAxis: 33, exactFactor: 2178 });
    expect(augmentationFactor(10, 8).factor).toBe(8);
  });

  it('crops the window at (x, y) and reflects it left–right', () => {
    const img = ramp(6);
    const crop = cropRgb(img, 6, { x: 2, y: 1, flip: false }, 3);
    // Row 0 of the crop is image row 1, columns 2, 3, 4.
    expect(Array.from(crop.subarray(0, 9))).toEqual([1, 2, 3, 1, 3, 4, 1, 4, 5]);
    expect(Array.from(crop.subarray(24, 27))).toEqual([3, 4, 7]);
    const flipped = cropRgb(img, 6, { x: 2, y: 1, flip: true }, 3);
    expect(Array.from(flipped.subarray(0, 9))).toEqual([1, 4, 5, 1, 3, 4, 1, 2, 3]);
    // Reflecting twice gives the crop back; a crop off the image is refused.
    const twice = new Uint8Array(27);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) twice.set(flipped.subarray((r * 3 + 2 - c) * 3, (r * 3 + 3 - c) * 3), (r * 3 + c) * 3);
    expect(twice).toEqual(crop);
    expect(() => cropRgb(img, 6, { x: 4, y: 0, flip: false }, 3)).toThrow(/leaves/);
  });

  it('draws seeded corners within 0 … 256 − 224, each followed by its reflection', () => {
    const a = randomCropPairs(50, mulberry32(7));
    const b = randomCropPairs(50, mulberry32(7));
    expect(a).toEqual(b);
    expect(a).toHaveLength(100);
    for (let i = 0; i < a.length; i += 2) {
      expect(a[i].flip).toBe(false);
      expect(a[i + 1]).toEqual({ ...a[i], flip: true });
      for (const v of [a[i].x, a[i].y]) { expect(Number.isInteger(v)).toBe(true); expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(32); }
    }
    expect(randomCropPairs(50, mulberry32(8))).not.toEqual(a);
    // The extreme corners are reachable.
    expect(randomCropPairs(1, () => 0.999999)[0]).toMatchObject({ x: 32, y: 32 });
  });

  it('resizes a square image bilinearly', () => {
    const flat = new Uint8Array(4 * 4 * 3).fill(90);
    expect(resizeRgbSquare(flat, 4, 8).every((v) => v === 90)).toBe(true);
    const two = Uint8Array.from([0, 0, 0, 100, 100, 100, 0, 0, 0, 100, 100, 100]);
    const up = resizeRgbSquare(two, 2, 4);
    expect(Array.from(up.subarray(0, 12).filter((_, i) => i % 3 === 0))).toEqual([0, 25, 75, 100]);
  });
});
