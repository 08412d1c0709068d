import { describe, expect, it } from 'vitest';
import { euclideanDistance, nearestNeighbours, squaredDistance } from '../../../src/math/nearest';

describe('Euclidean distance', () => {
  it('is the square root of the summed squared differences', () => {
    expect(squaredDistance([1, 2, 3], [4, 6, 3])).toBe(25);
    expect(euclideanDistance([1, 2, 3], [4, 6, 3])).toBe(5);
    expect(euclideanDistance(new Float32Array([0.5]), new Float32Array([0.5]))).toBe(0);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => squaredDistance([1, 2], [1])).toThrow(/different lengths: 2 and 1/);
  });
});

describe('nearestNeighbours', () => {
  const rows = [[0, 0], [3, 4], [1, 0], [0, 1], [10, 10]];

  it('returns the k nearest rows, nearest first, with their distances', () => {
    expect(nearestNeighbours([0, 0], rows, 3)).toEqual([
      { index: 0, distance: 0 },
      { index: 2, distance: 1 },
      { index: 3, distance: 1 },
    ]);
    const far = nearestNeighbours([3, 4], rows, 2);
    expect(far.map((n) => n.index)).toEqual([1, 3]);
    expect(far[1].distance).toBeCloseTo(Math.hypot(3, 3), 12);
  });

  it('keeps tied rows in index order, whichever comes first', () => {
    const tied = [[1, 0], [0, 1], [-1, 0], [0, -1]];
    expect(nearestNeighbours([0, 0], tied, 4).map((n) => n.index)).toEqual([0, 1, 2, 3]);
    expect(nearestNeighbours([0, 0], tied, 2).map((n) => n.index)).toEqual([0, 1]);
    // A tie with the last kept row does not displace it.
    expect(nearestNeighbours([0, 0], [[2, 0], [1, 0], [0, 1]], 1)).toEqual([{ index: 1, distance: 1 }]);
  });

  it('returns every row when k exceeds their number, and none for k = 0 or no rows', () => {
    expect(nearestNeighbours([0, 0], rows, 99).map((n) => n.index)).toEqual([0, 2, 3, 1, 4]);
    expect(nearestNeighbours([0, 0], rows, 0)).toEqual([]);
    expect(nearestNeighbours([0, 0], [], 8)).toEqual([]);
  });

  it('leaves out the rows `skip` names (the query itself)', () => {
    expect(nearestNeighbours([0, 0], rows, 2, (i) => i === 0).map((n) => n.index)).toEqual([2, 3]);
    expect(nearestNeighbours([0, 0], rows, 9, (i) => i !== 4)).toEqual([{ index: 4, distance: Math.hypot(10, 10) }]);
  });

  it('works on typed arrays of feature vectors', () => {
    const features = [new Float32Array([0.1, 0.2, 0.3]), new Float32Array([0.1, 0.2, 0.35])];
    const [first] = nearestNeighbours(new Float32Array([0.1, 0.2, 0.36]), features, 1);
    expect(first.index).toBe(1);
    expect(first.distance).toBeCloseTo(0.01, 6);
  });
});
