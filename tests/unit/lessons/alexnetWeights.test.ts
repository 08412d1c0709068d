import { describe, expect, it } from 'vitest';
import { AlexNetWeightsError } from '../../../src/model/alexnetWeights';
import { colourShares, meanOf, swapRedBlue } from '../../../src/lessons/alexnet/AlexnetFilterTiles';
import { describeLoadFailure } from '../../../src/lessons/alexnet/AlexnetWeightsState';
import { mulberry32 } from '../../../src/model/random';

describe('first-layer filter arithmetic', () => {
  it('swaps BGR to RGB pixel by pixel', () => {
    expect(Array.from(swapRedBlue(Float32Array.from([1, 2, 3, 4, 5, 6])))).toEqual([3, 2, 1, 6, 5, 4]);
  });

  it('gives a grey filter no colour, a pure colour contrast all colour, and random filters about 2/3', () => {
    // 2×2 tiles: grey (R = G = B at every pixel), then one where only the channels differ.
    const grey = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
    const colour = [1, -1, 0, 1, -1, 0, 1, -1, 0, 1, -1, 0];
    const shares = colourShares(Float32Array.from([...grey, ...colour]), 2, 2);
    expect(shares[0]).toBeCloseTo(0, 6);
    expect(shares[1]).toBeCloseTo(1, 6);
    const random = mulberry32(7);
    const noise = Float32Array.from({ length: 96 * 363 }, () => random() - 0.5);
    expect(meanOf(colourShares(noise, 11, 96))).toBeCloseTo(2 / 3, 1);
    expect(() => colourShares(new Float32Array(5), 2, 1)).toThrow(RangeError);
    expect(meanOf(Float32Array.from([1, 2, 3, 10]), 0, 3)).toBe(2);
  });
});

describe('load failures as sentences', () => {
  it('keeps messages that already say what is wrong, and leads the others', () => {
    expect(describeLoadFailure(new AlexNetWeightsError('missing-shard', 'Missing weight file: group1-shard17of59', 'group1-shard17of59'), 'x'))
      .toBe('Missing weight file: group1-shard17of59');
    expect(describeLoadFailure(new AlexNetWeightsError('shape', 'conv1/weights has shape [1]'), 'x')).toBe('These are not AlexNet\'s weights: conv1/weights has shape [1]');
    expect(describeLoadFailure(new AlexNetWeightsError('manifest', 'Not a weights manifest'), 'x')).toMatch(/^No usable weights manifest: /);
    expect(describeLoadFailure(new DOMException('stop', 'AbortError'), 'x')).toBe('Loading was cancelled');
    expect(describeLoadFailure(new Error('out of memory'), 'the folder w')).toBe('AlexNet could not be built from the folder w: out of memory');
  });
});
