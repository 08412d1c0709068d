import { describe, expect, it } from 'vitest';
import { layerWeights } from '../../../src/lessons/convolution/ParameterCalculator';

describe('the weights calculator', () => {
  it('counts one hidden layer of F maps wired three ways', () => {
    // 28×28×1 input, 5×5 patches, 8 maps: 24·24·8 = 4,608 units.
    expect(layerWeights(28, 28, 1, 5, 8)).toEqual({ units: 4608, fullyConnected: 4608 * 784, locallyConnected: 4608 * 25, shared: 200 });
    // 224×224×3, 11×11 patches, 96 maps (AlexNet's first layer size, stride 1 here).
    const r = layerWeights(224, 224, 3, 11, 96);
    expect(r.shared).toBe(96 * 11 * 11 * 3);
    expect(r.fullyConnected).toBe(214 * 214 * 96 * 224 * 224 * 3);
  });
});
