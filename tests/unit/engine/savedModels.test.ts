import { describe, expect, it } from 'vitest';
import { incompatibility } from '../../../src/engine/savedModels';

const expected = { model: 'cifar10-tutorial', version: 1, shapes: { a: [2, 3], b: [4] } };
const good = { model: 'cifar10-tutorial', version: 1, shapes: { a: [2, 3], b: [4] }, weights: { a: new Float32Array(6), b: new Float32Array(4) } };

describe('loading a saved network checks it first', () => {
  it('accepts a record of the same model, version and shapes', () => {
    expect(incompatibility(good, expected)).toBeNull();
  });
  it('names what is wrong: model, older version, missing variable, shape, length, non-finite values', () => {
    expect(incompatibility({ ...good, model: 'autoencoder' }, expected)).toMatch(/autoencoder network, not cifar10-tutorial/);
    expect(incompatibility({ ...good, version: 0 }, expected)).toMatch(/version 0 .* version 1/);
    expect(incompatibility({ ...good, shapes: { a: [2, 3] } }, expected)).toMatch(/no variable b/);
    expect(incompatibility({ ...good, shapes: { a: [3, 2], b: [4] } }, expected)).toMatch(/a is 3×2, expected 2×3/);
    expect(incompatibility({ ...good, weights: { a: new Float32Array(5), b: new Float32Array(4) } }, expected)).toMatch(/a holds 5 values, expected 6/);
    expect(incompatibility({ ...good, weights: { a: new Float32Array([0, 0, 0, NaN, 0, 0]), b: new Float32Array(4) } }, expected)).toMatch(/not finite/);
  });
});
