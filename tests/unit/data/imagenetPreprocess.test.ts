import { describe, expect, it } from 'vitest';
import { centreSquare, rgbaOverWhite } from '../../../src/data/imageSquare';

describe('centre square crop for ImageNet networks', () => {
  it('trims the longer side equally', () => {
    expect(centreSquare(640, 480)).toEqual({ x: 80, y: 0, side: 480 });
    expect(centreSquare(300, 451)).toEqual({ x: 0, y: 75, side: 300 });
    expect(centreSquare(224, 224)).toEqual({ x: 0, y: 0, side: 224 });
    expect(centreSquare(6000, 6000)).toEqual({ x: 0, y: 0, side: 6000 });
  });

  it('drops an odd pixel on the right or at the bottom', () => {
    expect(centreSquare(5, 2)).toEqual({ x: 1, y: 0, side: 2 });
    expect(centreSquare(1, 4)).toEqual({ x: 0, y: 1, side: 1 });
  });

  it('stays inside the picture for every size', () => {
    for (let w = 1; w <= 40; w++) {
      for (let h = 1; h <= 40; h++) {
        const { x, y, side } = centreSquare(w, h);
        expect(side).toBe(Math.min(w, h));
        expect(x >= 0 && y >= 0 && x + side <= w && y + side <= h).toBe(true);
        expect(Math.abs(x - (w - side - x))).toBeLessThanOrEqual(1);
      }
    }
  });

  it('refuses sizes without pixels', () => {
    expect(() => centreSquare(0, 10)).toThrow(RangeError);
    expect(() => centreSquare(10, Number.NaN)).toThrow(RangeError);
  });
});

describe('RGBA to RGB over white', () => {
  it('keeps opaque pixels, whitens transparent ones, blends the rest', () => {
    const rgba = [10, 20, 30, 255, 10, 20, 30, 0, 0, 0, 0, 128, 200, 100, 0, 51];
    // 128/255 of black over white: 255 − 128 = 127. 51/255 = 0.2: 0.2·c + 204.
    expect(Array.from(rgbaOverWhite(rgba))).toEqual([10, 20, 30, 255, 255, 255, 127, 127, 127, 244, 224, 204]);
  });
});
