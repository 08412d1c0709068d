import { describe, expect, it } from 'vitest';
import { maxPool2d, volume } from '../../../src/math';
import { argmaxCounts, EXAMPLE_MAP, EXAMPLE_SIDE } from '../../../src/lessons/pooling/helpers';
import { buildStack } from '../../../src/lessons/pooling/architecture';

describe('the pooling lesson helpers', () => {
  it('counts how many maxima each input cell wins', () => {
    const input = volume(EXAMPLE_SIDE, EXAMPLE_SIDE, 1, Float32Array.from(EXAMPLE_MAP));
    // 2×2 stride 2: 16 windows, no overlap, so no cell wins twice.
    const plain = argmaxCounts(maxPool2d(input, { size: 2 }).argmax, 64);
    expect(Math.max(...plain)).toBe(1);
    expect(plain.reduce((a, b) => a + b, 0)).toBe(16);
    // 3×3 stride 2: 3×3 windows; the 9 at row 3, column 3 (index 18) sits in four of them, the 8 at (5, 5) in three.
    const overlapping = argmaxCounts(maxPool2d(input, { size: 3, stride: 2 }).argmax, 64);
    expect(overlapping[2 * 8 + 2]).toBe(4);
    expect(overlapping[4 * 8 + 4]).toBe(3);
    expect(overlapping.reduce((a, b) => a + b, 0)).toBe(9);
  });

  it('builds the typical stack: conv raises the maps, pooling halves the resolution', () => {
    const layers = buildStack({ stages: 3, firstMaps: 8, kernel: 5, pool: 2 });
    expect(layers.map((l) => [l.shape.height, l.shape.width, l.shape.depth])).toEqual([
      [28, 28, 1], [28, 28, 8], [14, 14, 8], [14, 14, 16], [7, 7, 16], [7, 7, 32], [3, 3, 32],
    ]);
    expect(layers[1].weights).toBe(5 * 5 * 1 * 8 + 8);
    expect(layers[3].multiplyAdds).toBe(14 * 14 * 16 * 5 * 5 * 8);
    expect(buildStack({ stages: 4, firstMaps: 8, kernel: 5, pool: 2 }).at(-1)!.shape).toEqual({ height: 1, width: 1, depth: 64 });
  });
});
