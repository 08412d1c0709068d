import { describe, expect, it } from 'vitest';
import { topK } from '../../../src/math/topK';
import { mulberry32 } from '../../../src/model/random';

describe('topK', () => {
  it('returns the indices of the k largest values, largest first', () => {
    expect(topK([0.1, 0.5, 0.05, 0.3, 0.05], 3)).toEqual([1, 3, 0]);
    expect(topK(new Float32Array([3, 1, 2]), 1)).toEqual([0]);
  });

  it('puts the lower index first among equal values', () => {
    expect(topK([0.2, 0.4, 0.2, 0.4, 0.2], 4)).toEqual([1, 3, 0, 2]);
  });

  it('clips k to the length, allows 0, and ranks NaN last', () => {
    expect(topK([1, 2], 5)).toEqual([1, 0]);
    expect(topK([1, 2], 0)).toEqual([]);
    expect(topK([NaN, 1, NaN, 0], 4)).toEqual([1, 3, 0, 2]);
    expect(() => topK([1], -1)).toThrow(/non-negative integer/);
    expect(() => topK([1], 1.5)).toThrow(/non-negative integer/);
  });

  it('agrees with a full stable sort on 1000 random probabilities', () => {
    const r = mulberry32(4);
    const p = Array.from({ length: 1000 }, () => Math.round(r() * 200) / 200);
    const sorted = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
    expect(topK(p, 5)).toEqual(sorted.slice(0, 5));
    expect(topK(p, 1000)).toEqual(sorted);
  });
});
