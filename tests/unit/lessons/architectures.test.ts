import { describe, expect, it } from 'vitest';
import { describeAlexNet } from '../../../src/model/alexnetArchitecture';
import {
  ALEXNET, countParameters, countWeightLayers, describeNetwork, diagramLayers, GOOGLENET, GOOGLENET_TABLE1_PARAMS_K, NETWORK_SPECS, NIN, OVERFEAT, VGG16, VGG19, ZFNET,
} from '../../../src/lessons/architectures/networks';
import { ARCHITECTURES } from '../../../src/lessons/architectures/results';

describe('parameter counts from the layer specs', () => {
  it('VGG-16 has 138,357,544 parameters and 16 weight layers; VGG-19 143,667,240 and 19', () => {
    expect(countParameters(VGG16)).toBe(138_357_544);
    expect(countWeightLayers(VGG16)).toBe(16);
    expect(countParameters(VGG19)).toBe(143_667_240);
    expect(countWeightLayers(VGG19)).toBe(19);
  });

  it('AlexNet matches describeAlexNet (computed from the model variables): 60,965,224', () => {
    expect(countParameters(ALEXNET)).toBe(60_965_224);
    expect(countParameters(ALEXNET)).toBe(describeAlexNet().totals.parameters);
    expect(countWeightLayers(ALEXNET)).toBe(8);
    // Every output shape agrees with the model's, layer by layer (the spec has an extra input row first).
    const model = describeAlexNet().layers.map((l) => l.outputShape);
    expect(describeNetwork(ALEXNET).slice(1).map((r) => r.outputShape)).toEqual(model);
  });

  it('ZFNet, OverFeat (fast) and Network-in-Network, by hand', () => {
    // ZF: 7·7·3·96+96, 5·5·96·256+256, 3·3·256·384+384, 3·3·384·384+384, 3·3·384·256+256, 9216·4096+4096, 4096·4096+4096, 4096·1000+1000
    expect(countParameters(ZFNET)).toBe(14_208 + 614_656 + 885_120 + 1_327_488 + 884_992 + 37_752_832 + 16_781_312 + 4_097_000);
    // OverFeat fast: fc6 reads 6·6·1024 = 36,864 values into 3,072 units.
    expect(describeNetwork(OVERFEAT).find((r) => r.spec.name === 'fc6')!.parameters).toBe(36_864 * 3072 + 3072);
    expect(countParameters(OVERFEAT)).toBe(145_920_872);
    expect(countWeightLayers(NIN)).toBe(12);
    expect(countParameters(NIN)).toBe(7_595_176);
    expect(describeNetwork(NIN).at(-2)!.outputShape).toEqual([1, 1, 1000]);
  });

  it('GoogLeNet: 22 weight layers, the inception outputs of Table 1, about 7 M parameters', () => {
    expect(countWeightLayers(GOOGLENET)).toBe(22);
    const channels = describeNetwork(GOOGLENET).filter((r) => r.spec.kind === 'inception').map((r) => r.outputShape[2]);
    expect(channels).toEqual([256, 480, 512, 512, 512, 528, 832, 832, 1024]);
    const params = countParameters(GOOGLENET);
    expect(params).toBeGreaterThan(6.5e6);
    expect(params).toBeLessThan(7.1e6);
    const table1 = GOOGLENET_TABLE1_PARAMS_K.reduce((a, b) => a + b, 0) * 1000;
    expect(Math.abs(params - table1) / table1).toBeLessThan(0.04);
  });

  it('every spec gives a diagram with one block per layer and unique ids', () => {
    for (const net of Object.values(NETWORK_SPECS)) {
      const blocks = diagramLayers(net);
      expect(blocks).toHaveLength(net.layers.length);
      expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
    }
    expect(diagramLayers(ALEXNET).filter((b) => b.groups === 2).map((b) => b.name)).toEqual(['conv2', 'conv4', 'conv5']);
  });
});

describe('the cited results', () => {
  it('every headline error names its set and source; non-comparable ones say why', () => {
    for (const a of ARCHITECTURES) {
      if (a.headline) {
        expect(a.headline.source.length).toBeGreaterThan(5);
        expect(['test', 'val']).toContain(a.headline.set);
      } else {
        expect(a.caveat).toMatch(/not published/);
      }
    }
    expect(ARCHITECTURES.find((a) => a.key === 'deepimage')!.caveat).toMatch(/not directly comparable/);
  });
});
