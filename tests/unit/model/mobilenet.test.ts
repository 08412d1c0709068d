import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMobileNet, mobilenetInput, mobilenetScale, MOBILENET_FEATURES, MOBILENET_MODEL_PATH, mobilenetFeatureMapLayers, readPenultimate, type MobileNet } from '../../../src/model/mobilenet';
import { fileFetch } from '../../helpers/fileFetch';

describe('MobileNet input scaling', () => {
  it('maps 0 → −1, 127.5 → 0, 255 → 1 (x / 127.5 − 1)', () => {
    expect(mobilenetScale(0)).toBe(-1);
    expect(mobilenetScale(255)).toBe(1);
    expect(mobilenetScale(127.5)).toBe(0);
    expect(mobilenetScale(51)).toBeCloseTo(-0.6, 12);
  });

  it('scales an RGB image value by value and checks its size', () => {
    const rgb = new Uint8Array(2 * 2 * 3).map((_, i) => i * 20);
    expect(Array.from(mobilenetInput(rgb, 2))).toEqual(Array.from(rgb, (v) => Math.fround(v / 127.5 - 1)));
    expect(() => mobilenetInput(new Uint8Array(10))).toThrow(/224×224×3/);
  });
});

describe('the shipped MobileNet (public/models/mobilenet_v1_0.75_224) in Node', () => {
  let net: MobileNet;
  const files = fileFetch('public');
  const localFetch = ((input: RequestInfo | URL, init?: RequestInit) => files(new URL(String(input)).pathname, init)) as typeof fetch;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    net = await loadMobileNet(`http://app.local/${MOBILENET_MODEL_PATH}`, { fetchFunc: localFetch });
  }, 60_000);

  it('has 2,601,976 parameters and a 3×3×3×24 first layer', async () => {
    expect(net.parameterCount).toBe(2_601_976);
    const filters = await net.firstLayerFilters();
    expect(filters.shape).toEqual([3, 3, 3, 24]);
    expect(filters.values).toHaveLength(3 * 3 * 3 * 24);
  });

  it('reads 768 penultimate features per image, which the classifier turns into the same probabilities', async () => {
    const photo = new Uint8Array(224 * 224 * 3).map((_, i) => (i * 37) % 251);
    const grey = new Uint8Array(224 * 224 * 3).fill(128);
    await net.penultimate([grey]);
    const before = tf.memory().numTensors;
    const [a, b] = await net.penultimate([photo, grey]);
    expect(tf.memory().numTensors).toBe(before);
    expect(MOBILENET_FEATURES).toBe(768);
    expect(a).toHaveLength(768);
    expect(b).toHaveLength(768);
    expect(a.every((v) => v >= 0 && v <= 6)).toBe(true); // averages of ReLU6 outputs
    let pauses = 0;
    const [alone] = await net.penultimate([photo], 224, { pause: async () => { pauses++; }, sliceMs: 0 });
    expect(pauses).toBeGreaterThan(50); // between every layer up to the pooling
    for (let i = 0; i < 768; i += 97) expect(alone[i]).toBeCloseTo(a[i], 4);
    // softmax(conv_preds · features + bias) is what classify returns: these are the classifier's inputs.
    const p = await net.classify(photo);
    const model = await tf.loadLayersModel(`http://app.local/${MOBILENET_MODEL_PATH}`, { fetchFunc: localFetch });
    const [fromModel] = await readPenultimate(model, [photo]);
    for (let i = 0; i < 768; i += 97) expect(fromModel[i]).toBeCloseTo(a[i], 4);
    const fromFeatures = tf.tidy(() => {
      const [kernel, bias] = model.getLayer('conv_preds').getWeights();
      return tf.softmax(tf.add(tf.matMul(tf.tensor2d(a, [1, 768]), kernel.reshape([768, 1000])), bias)).dataSync();
    });
    model.dispose();
    for (const i of [0, 340, 999, Array.from(p).indexOf(Math.max(...p))]) expect(fromFeatures[i]).toBeCloseTo(p[i], 4);
    // A 32×32 image is scaled up to 224×224 first.
    const [small] = await net.penultimate([new Uint8Array(32 * 32 * 3).fill(128)], 32);
    for (let i = 0; i < 768; i += 97) expect(small[i]).toBeCloseTo(b[i], 3);
  }, 60_000);

  it('reads the 27 ReLU outputs as feature maps, 112×112×24 down to 7×7×768, leaking no tensors', async () => {
    expect(net.featureMapLayers).toHaveLength(27);
    expect(net.featureMapLayers.slice(0, 3)).toEqual(['conv1_relu', 'conv_dw_1_relu', 'conv_pw_1_relu']);
    expect(net.featureMapLayers.at(-1)).toBe('conv_pw_13_relu');
    expect(mobilenetFeatureMapLayers(['conv1', 'conv1_bn', 'conv1_relu', 'conv_dw_2_relu', 'act_softmax'])).toEqual(['conv1_relu', 'conv_dw_2_relu']);
    const photo = new Uint8Array(224 * 224 * 3).map((_, i) => (i * 37) % 251);
    await net.featureMaps(photo, 'conv1_relu');
    const before = tf.memory().numTensors;
    const first = await net.featureMaps(photo, 'conv1_relu');
    const pw1 = await net.featureMaps(photo, 'conv_pw_1_relu');
    const last = await net.featureMaps(photo, 'conv_pw_13_relu');
    expect(tf.memory().numTensors).toBe(before);
    expect(first.shape).toEqual([112, 112, 24]);
    expect(pw1.shape).toEqual([112, 112, 48]);
    expect(last.shape).toEqual([7, 7, 768]);
    expect(first.values).toHaveLength(112 * 112 * 24);
    expect(last.values.every((v) => v >= 0 && v <= 6)).toBe(true); // ReLU6
    // The last maps averaged over the 7×7 grid are the penultimate features.
    const [features] = await net.penultimate([photo]);
    for (const c of [0, 100, 767]) {
      let sum = 0;
      for (let p = 0; p < 49; p++) sum += last.values[p * 768 + c];
      expect(sum / 49).toBeCloseTo(features[c], 4);
    }
    await expect(net.featureMaps(photo, 'conv1_bn')).rejects.toThrow(/no feature-map layer conv1_bn/);
  }, 60_000);

  it('returns 1,000 probabilities summing to 1 and leaks no tensors', async () => {
    const grey = new Uint8Array(224 * 224 * 3).fill(128);
    await net.classify(grey);
    const before = tf.memory().numTensors;
    const p = await net.classify(grey);
    expect(tf.memory().numTensors).toBe(before);
    expect(p).toHaveLength(1000);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    expect(net.lastInferenceMs).toBeGreaterThan(0);
    net.dispose();
  }, 60_000);
});
