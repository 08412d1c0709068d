import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALEXNET_CAFFE_LRN, ALEXNET_LRN, ALEXNET_VARIABLE_SHAPES, AlexNet, alexnetRandomValues, caffeLrnToTfjs, groupedConv2d,
} from '../../../src/model/alexnet';
import { ALEXNET_PUBLISHED, comparePublished, describeAlexNet } from '../../../src/model/alexnetArchitecture';
import { conv2d, filters, localResponseNorm, volume } from '../../../src/math';
import { mulberry32 } from '../../../src/model/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const EXPECTED_LAYERS = [
  ['conv1', [55, 55, 96], 290_400, 34_944, 105_415_200],
  ['norm1', [55, 55, 96], 290_400, 0, 0],
  ['pool1', [27, 27, 96], 69_984, 0, 0],
  ['conv2', [27, 27, 256], 186_624, 307_456, 223_948_800],
  ['norm2', [27, 27, 256], 186_624, 0, 0],
  ['pool2', [13, 13, 256], 43_264, 0, 0],
  ['conv3', [13, 13, 384], 64_896, 885_120, 149_520_384],
  ['conv4', [13, 13, 384], 64_896, 663_936, 112_140_288],
  ['conv5', [13, 13, 256], 43_264, 442_624, 74_760_192],
  ['pool5', [6, 6, 256], 9_216, 0, 0],
  ['fc6', [4096], 4_096, 37_752_832, 37_748_736],
  ['fc7', [4096], 4_096, 16_781_312, 16_777_216],
  ['fc8', [1000], 1_000, 4_097_000, 4_096_000],
  ['prob', [1000], 1_000, 0, 0],
] as const;

describe('AlexNet architecture table', () => {
  it('computes every layer\'s shape, neurons, parameters and multiply-adds from the variable shapes', () => {
    const arch = describeAlexNet();
    expect(arch.input).toEqual([227, 227, 3]);
    expect(arch.layers.map((l) => [l.name, l.outputShape, l.neurons, l.parameters, l.connections])).toEqual(EXPECTED_LAYERS);
    expect(arch.totals).toEqual({ neurons: 659_272, parameters: 60_965_224, connections: 724_406_816 });
  });

  it('rejects weights that do not fit the layer before', () => {
    expect(() => describeAlexNet({ ...ALEXNET_VARIABLE_SHAPES, 'conv2/weights/group0': [5, 5, 96, 128] }))
      .toThrow(/conv2: 2 group\(s\) of 96 input channels do not fit an input of depth 96/);
    expect(() => describeAlexNet(ALEXNET_VARIABLE_SHAPES, 224)).toThrow(/fc6: weights take 9216 inputs, the layer before gives 6400/);
  });

  it('explains each published number with computed arithmetic', () => {
    const rows = Object.fromEntries(comparePublished().map((c) => [c.quantity, c]));
    expect(rows['input side']).toMatchObject({ published: 224, computed: 227 });
    expect(rows['input side'].explanation).toContain('(224 − 11)/4 + 1 = 54.25');
    expect(rows['conv1 neurons']).toMatchObject({ published: 253_440, computed: 290_400 });
    expect(rows['conv1 neurons'].explanation).toContain('= 48·55·96 (253,440)');
    expect(rows['conv1 neurons'].explanation).toContain('36,960 short');
    expect(rows['conv2–fc8 neurons'].published).toBe(rows['conv2–fc8 neurons'].computed);
    expect(rows['conv2–fc8 neurons'].explanation).toContain('Every later published count equals ours');
    expect(rows.neurons).toMatchObject({ published: 650_000, computed: 659_272 });
    expect(rows.neurons.explanation).toContain('sums to 622,312');
    expect(rows.parameters).toMatchObject({ published: 60_000_000, computed: 60_965_224 });
    expect(rows.parameters.explanation).toContain('1,413,120 more (62,378,344)');
    expect(rows.connections).toMatchObject({ published: 630_000_000, computed: 724_406_816 });
    expect(rows.connections.explanation).toContain('710,990,336');
    expect(ALEXNET_PUBLISHED.neuronsPerLayer.slice(1)).toEqual([186_624, 64_896, 64_896, 43_264, 4_096, 4_096, 1_000]);
    expect(224 * 224 * 3).toBe(ALEXNET_PUBLISHED.inputNeurons);
  });
});

describe('AlexNet layers', () => {
  it('converts Caffe\'s LRN (size 5, alpha 1e-4, beta 0.75, k 1) to tfjs (radius 2, alpha 2e-5, bias 1)', () => {
    expect(ALEXNET_LRN).toEqual({ depthRadius: 2, alpha: 1e-4 / 5, beta: 0.75, bias: 1 });
    expect(() => caffeLrnToTfjs({ ...ALEXNET_CAFFE_LRN, localSize: 4 })).toThrow(/odd/);
    // On activations large enough for the normalisation to matter, tfjs with the converted arguments equals Caffe's formula.
    const r = mulberry32(7);
    const a = volume(3, 4, 9, Array.from({ length: 108 }, () => r() * 300));
    const ours = localResponseNorm(a, { size: 5, alpha: 1e-4, beta: 0.75, k: 1 });
    const theirs = tf.tidy(() => tf.localResponseNormalization(tf.tensor4d(a.data, [1, 3, 4, 9]), 2, 1, 1e-4 / 5, 0.75).dataSync());
    ours.data.forEach((v, i) => expect(theirs[i]).toBeCloseTo(v, 3));
    expect(ours.data.some((v, i) => Math.abs(v - a.data[i]) > 0.1 * Math.abs(a.data[i]))).toBe(true);
  });

  it('runs a grouped convolution as two halves: group g sees input channels g·C/2… and makes output channels g·F/2…', () => {
    const r = mulberry32(11);
    const rand = (n: number) => Array.from({ length: n }, () => r() * 2 - 1);
    const x = volume(6, 6, 4, rand(144));
    const w0 = filters(3, 3, 2, 3, rand(54));
    const w1 = filters(3, 3, 2, 3, rand(54));
    const bias = new Float32Array(rand(6));
    const got = tf.tidy(() => groupedConv2d(tf.tensor4d(x.data, [1, 6, 6, 4]),
      [tf.tensor4d(w0.data, [3, 3, 2, 3]), tf.tensor4d(w1.data, [3, 3, 2, 3])], tf.tensor1d(bias), 1, 1).dataSync());
    const half = (g: number) => volume(6, 6, 2, Array.from({ length: 72 }, (_, i) => x.data[Math.floor(i / 2) * 4 + g * 2 + (i % 2)]));
    const out0 = conv2d(half(0), w0, { padding: 1, bias: bias.slice(0, 3) });
    const out1 = conv2d(half(1), w1, { padding: 1, bias: bias.slice(3) });
    for (let cell = 0; cell < 36; cell++) {
      for (let o = 0; o < 3; o++) {
        expect(got[cell * 6 + o]).toBeCloseTo(out0.data[cell * 3 + o], 5);
        expect(got[cell * 6 + 3 + o]).toBeCloseTo(out1.data[cell * 3 + o], 5);
      }
    }
  });
});

describe('AlexNet network (random weights)', () => {
  let net: AlexNet;
  let before: number;
  beforeAll(() => {
    before = tf.memory().numTensors;
    net = new AlexNet(alexnetRandomValues(1));
  });
  afterAll(() => net?.dispose());

  it('has 60,965,224 parameters in its built variables, and its table matches the pure one', () => {
    expect(net.parameterCount()).toBe(60_965_224);
    expect(describeAlexNet(net.variableShapes())).toEqual(describeAlexNet());
  });

  it('gives every layer its shape on a 227×227×3 image, reads layers back, and leaks no tensors', async () => {
    const r = mulberry32(3);
    const image = volume(227, 227, 3, Array.from({ length: 227 * 227 * 3 }, () => (r() - 0.5) * 255));
    const start = tf.memory().numTensors;
    const out = await net.readLayers(image, ['conv1', 'norm1', 'pool1', 'conv2', 'norm2', 'pool2', 'conv3', 'conv4', 'conv5', 'pool5', 'fc6', 'fc7', 'fc8', 'prob']);
    for (const [name, shape] of EXPECTED_LAYERS) {
      expect(out[name].shape).toEqual([1, ...shape]);
      expect(out[name].data.length).toBe(shape.reduce((a: number, b: number) => a * b, 1));
    }
    const prob = out.prob.data;
    expect(prob.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(out.fc7.data.every((v) => v >= 0)).toBe(true);
    const filtersOut = await net.firstLayerFilters();
    expect([filtersOut.kh, filtersOut.kw, filtersOut.inDepth, filtersOut.outDepth]).toEqual([11, 11, 3, 96]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('refuses a crop too small for fc6, and frees every variable on dispose', () => {
    const small = volume(35, 35, 3, new Array(35 * 35 * 3).fill(1));
    expect(() => tf.tidy(() => { net.forward(tf.tensor4d(small.data, [1, 35, 35, 3])); })).toThrow(/fc6 needs 227×227 input, got 35×35/);
    const other = new AlexNet(alexnetRandomValues(2));
    other.dispose();
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
