import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMobileNet, mobilenetInput, mobilenetScale, MOBILENET_MODEL_PATH, type MobileNet } from '../../../src/model/mobilenet';
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
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const files = fileFetch('public');
    net = await loadMobileNet(`http://app.local/${MOBILENET_MODEL_PATH}`, { fetchFunc: ((input: RequestInfo | URL, init?: RequestInit) => files(new URL(String(input)).pathname, init)) as typeof fetch });
  }, 60_000);

  it('has 2,601,976 parameters and a 3×3×3×24 first layer', async () => {
    expect(net.parameterCount).toBe(2_601_976);
    const filters = await net.firstLayerFilters();
    expect(filters.shape).toEqual([3, 3, 3, 24]);
    expect(filters.values).toHaveLength(3 * 3 * 3 * 24);
  });

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
