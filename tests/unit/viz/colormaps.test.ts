import { describe, expect, it } from 'vitest';
import {
  LUT_SIZE,
  colorIndexDiverging,
  colorIndexMagnitude,
  cssColor,
  divergingLut,
  grayLut,
  magnitudeLut,
} from '../../../src/viz/colormaps';

describe('lookup tables', () => {
  it('have 256 entries of three bytes', () => {
    for (const lut of [grayLut, magnitudeLut, divergingLut]) {
      expect(lut).toHaveLength(LUT_SIZE);
      for (const c of lut) {
        expect(c).toHaveLength(3);
        for (const b of c) expect(Number.isInteger(b) && b >= 0 && b <= 255).toBe(true);
      }
    }
  });

  it('grey runs black to white', () => {
    expect(grayLut[0]).toEqual([0, 0, 0]);
    expect(grayLut[255]).toEqual([255, 255, 255]);
  });

  it('viridis runs dark purple to yellow and gets brighter', () => {
    const lum = ([r, g, b]: readonly number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    expect(magnitudeLut[0]).toEqual([68, 1, 84]);
    expect(lum(magnitudeLut[255])).toBeGreaterThan(lum(magnitudeLut[128]));
    expect(lum(magnitudeLut[128])).toBeGreaterThan(lum(magnitudeLut[0]));
  });

  it('diverging map is near-white in the middle and red/blue at the ends', () => {
    const [r, g, b] = divergingLut[colorIndexDiverging(0, 1)];
    expect(Math.min(r, g, b)).toBeGreaterThan(230);
    expect(divergingLut[0][0]).toBeGreaterThan(divergingLut[0][2]); // red end
    expect(divergingLut[255][2]).toBeGreaterThan(divergingLut[255][0]); // blue end
  });
});

describe('colorIndexMagnitude', () => {
  it('maps the range ends to 0 and 255 and clamps', () => {
    expect(colorIndexMagnitude(0, 0, 1)).toBe(0);
    expect(colorIndexMagnitude(1, 0, 1)).toBe(255);
    expect(colorIndexMagnitude(0.5, 0, 1)).toBe(128);
    expect(colorIndexMagnitude(-3, 0, 1)).toBe(0);
    expect(colorIndexMagnitude(7, 0, 1)).toBe(255);
    expect(colorIndexMagnitude(Infinity, 0, 1)).toBe(255);
    expect(colorIndexMagnitude(-Infinity, 0, 1)).toBe(0);
  });

  it('is NaN-safe and handles a degenerate range', () => {
    expect(colorIndexMagnitude(NaN, 0, 1)).toBe(0);
    expect(colorIndexMagnitude(0.5, NaN, 1)).toBe(0);
    expect(colorIndexMagnitude(3, 3, 3)).toBe(0);
  });
});

describe('colorIndexDiverging', () => {
  it('puts zero in the middle and is symmetric', () => {
    expect(colorIndexDiverging(0, 1)).toBe(128);
    expect(colorIndexDiverging(0, 0.001)).toBe(128);
    expect(colorIndexDiverging(-1, 1)).toBe(0);
    expect(colorIndexDiverging(1, 1)).toBe(255);
    expect(colorIndexDiverging(0.5, 1) - 128).toBe(128 - colorIndexDiverging(-0.5, 1));
  });

  it('clamps and is NaN-safe', () => {
    expect(colorIndexDiverging(-5, 1)).toBe(0);
    expect(colorIndexDiverging(5, 1)).toBe(255);
    expect(colorIndexDiverging(NaN, 1)).toBe(128);
    expect(colorIndexDiverging(0.3, 0)).toBe(128);
    expect(colorIndexDiverging(0.3, NaN)).toBe(128);
    expect(colorIndexDiverging(0.3, Infinity)).toBe(128);
  });
});

describe('cssColor', () => {
  it('formats and clamps the index', () => {
    expect(cssColor(grayLut, 0)).toBe('rgb(0, 0, 0)');
    expect(cssColor(grayLut, 999)).toBe('rgb(255, 255, 255)');
    expect(cssColor(grayLut, -4)).toBe('rgb(0, 0, 0)');
    expect(cssColor(grayLut, NaN)).toBe('rgb(0, 0, 0)');
  });
});
