import { describe, expect, it } from 'vitest';
import { tilesFromSprite } from '../../../src/data/cifar10';

describe('CIFAR-10 sprite tiles', () => {
  it('cuts image i from row ⌊i/100⌋, column i mod 100 of 32×32 tiles, RGB without alpha', () => {
    const width = 100 * 32;
    const height = 2 * 32;
    const rgba = new Uint8ClampedArray(width * height * 4);
    // Mark pixel (y=5, x=7) of image 101 (second tile row, second tile column).
    const sx = 32 + 7;
    const sy = 32 + 5;
    rgba.set([10, 20, 30, 255], (sy * width + sx) * 4);
    const tiles = tilesFromSprite(rgba, width, 102);
    const at = ((101 * 32 + 5) * 32 + 7) * 3;
    expect(Array.from(tiles.subarray(at, at + 3))).toEqual([10, 20, 30]);
    expect(tiles.length).toBe(102 * 32 * 32 * 3);
    expect(tiles.reduce((s, v) => s + v, 0)).toBe(60);
  });
});
