import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conv2d, filters, localResponseNorm, maxPool2d, type Volume } from '../../../src/math';
import { AlexNet } from '../../../src/model/alexnet';
import {
  AlexNetWeightsError, TFJS_SHARD_BYTES, alexnetFromBuffer, alexnetValuesFromBuffer, expectedShards, loadAlexNetFromFiles,
  loadAlexNetFromUrl, locateAlexNetTensors, parseWeightsManifest, readShardsFromFiles, type WeightsLoadProgress, type WeightsManifest,
} from '../../../src/model/alexnetWeights';
import { mulberry32 } from '../../../src/model/random';
import { fakeShardFiles, fakeTensorValues } from '../../helpers/alexnetFakeShards';
import { SHARED_ALEXNET_DIR, TENSORSPACE_ALEXNET_MANIFEST } from '../../helpers/alexnetTensorSpaceManifest';
import { memoryFetch } from '../../helpers/memoryFetch';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const MANIFEST = TENSORSPACE_ALEXNET_MANIFEST;
const TOTAL_BYTES = 243_860_908;
const manifestFile = () => new File([JSON.stringify(MANIFEST)], 'weights_manifest.json');

/** Copies the manifest with one entry changed. */
function withEntry(name: string, change: Partial<{ name: string; shape: number[] }>): WeightsManifest {
  return MANIFEST.map((g) => ({ paths: g.paths, weights: g.weights.map((w) => (w.name === name ? { ...w, ...change } : w)) }));
}

async function expectLoadError(p: Promise<unknown>, kind: string, message: RegExp, file?: string): Promise<void> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AlexNetWeightsError);
  expect((error as AlexNetWeightsError).kind).toBe(kind);
  expect((error as Error).message).toMatch(message);
  if (file) expect((error as AlexNetWeightsError).file).toBe(file);
}

describe('TensorSpace AlexNet manifest', () => {
  it('is the shared copy, entry for entry', () => {
    const shared = parseWeightsManifest(JSON.parse(readFileSync(`${SHARED_ALEXNET_DIR}/weights_manifest.json`, 'utf8')));
    expect(shared).toEqual(MANIFEST);
  });

  it('reads a bare manifest or a model.json, and cuts 243,860,908 bytes into 59 shards (58 × 4 MiB + 591,276)', () => {
    expect(parseWeightsManifest({ format: 'graph-model', weightsManifest: MANIFEST })).toEqual(MANIFEST);
    expect(parseWeightsManifest(JSON.parse(JSON.stringify(MANIFEST)))).toEqual(MANIFEST);
    const shards = expectedShards(MANIFEST);
    expect(shards).toHaveLength(59);
    expect(shards.slice(0, 58).every((s) => s.byteLength === TFJS_SHARD_BYTES)).toBe(true);
    expect(shards[58]).toEqual({ path: 'group1-shard59of59', byteOffset: 58 * TFJS_SHARD_BYTES, byteLength: 591_276 });
    expect(shards.reduce((s, x) => s + x.byteLength, 0)).toBe(TOTAL_BYTES);
    expect(() => parseWeightsManifest({ modelTopology: {} })).toThrow(/Not a weights manifest/);
    expect(() => parseWeightsManifest([{ paths: ['a'], weights: [{ name: 'x', shape: [2], dtype: 'float16' }] }])).toThrow(/x has dtype float16/);
  });

  it('maps the folded splits onto the groups of conv2, conv4 and conv5', () => {
    const located = locateAlexNetTensors(MANIFEST);
    expect(located.get('conv2/weights/group0')!.name).toBe('ConstantFolding/split_1-folded-0');
    expect(located.get('conv2/weights/group1')!.name).toBe('ConstantFolding/split_1-folded-1');
    expect(located.get('conv4/weights/group1')!.name).toBe('ConstantFolding/split_3-folded-1');
    expect(located.get('conv5/weights/group0')!.name).toBe('ConstantFolding/split_5-folded-0');
    expect(located.size).toBe(19);
  });

  it('names the tensor when one is missing or has the wrong shape', () => {
    expect(() => locateAlexNetTensors(withEntry('conv1/weights', { shape: [11, 11, 3, 64] })))
      .toThrow("conv1/weights has shape [11,11,3,64] in the manifest; AlexNet needs [11,11,3,96] (AlexNet's conv1 filters)");
    expect(() => locateAlexNetTensors(withEntry('ConstantFolding/split_3-folded-1', { name: 'conv4/weights' })))
      .toThrow("The weights manifest has no tensor ConstantFolding/split_3-folded-1 (AlexNet's conv4 filters (group 1))");
  });
});

describe('loading weights in the published layout', () => {
  let files: File[];
  let net: AlexNet | undefined;
  let buffer: ArrayBuffer;
  let tensorsBefore: number;

  beforeAll(() => {
    tensorsBefore = tf.memory().numTensors;
    files = fakeShardFiles(MANIFEST);
  });
  afterAll(() => net?.dispose());

  it('loads 59 chosen files and a manifest, reporting progress up to 243,860,908 bytes', async () => {
    const progress: WeightsLoadProgress[] = [];
    const loaded = await loadAlexNetFromFiles([manifestFile(), ...files], { onProgress: (p) => progress.push(p) });
    net = loaded.net;
    buffer = loaded.buffer;
    expect(progress).toHaveLength(59);
    expect(progress.every((p, i) => p.totalBytes === TOTAL_BYTES && (i === 0 || p.loadedBytes > progress[i - 1].loadedBytes))).toBe(true);
    expect(progress[58]).toEqual({ loadedBytes: TOTAL_BYTES, totalBytes: TOTAL_BYTES, file: 'group1-shard59of59' });
    expect(net.parameterCount()).toBe(60_965_224);
    const { constants } = alexnetValuesFromBuffer(loaded.manifest, buffer);
    expect(Array.from(constants.get('split_4/split_dim')!)).toEqual([3]);
    expect(Array.from(constants.get('Reshape_5/shape')!)).toEqual([-1, 9216]);
    for (const [variable, name] of [['conv2/weights/group1', 'ConstantFolding/split_1-folded-1'], ['fc8/biases', 'fc8/biases'], ['conv5/weights/group0', 'ConstantFolding/split_5-folded-0']] as const) {
      expectSameValues(net.variables[variable].dataSync(), fakeTensorValues(MANIFEST, name));
    }
  });

  it('computes conv1 → LRN → max pool and grouped conv2 on a 35×35 crop as the plain-TypeScript reference does', async () => {
    const r = mulberry32(9);
    const crop: Volume = { height: 35, width: 35, depth: 3, data: new Float32Array(35 * 35 * 3).map(() => r() * 255 - 120) };
    const start = tf.memory().numTensors;
    const out = await net!.readLayers(crop, ['conv1', 'pool1', 'conv2']);
    expect(tf.memory().numTensors).toBe(start);
    const conv1W = filters(11, 11, 3, 96, fakeTensorValues(MANIFEST, 'conv1/weights'));
    const relu = (v: Volume): Volume => ({ ...v, data: v.data.map((x) => Math.max(0, x)) });
    const conv1 = relu(conv2d(crop, conv1W, { stride: 4, bias: fakeTensorValues(MANIFEST, 'conv1/biases') }));
    const norm1 = localResponseNorm(conv1, { size: 5, alpha: 1e-4, beta: 0.75, k: 1 });
    const pool1 = maxPool2d(norm1, { size: 3, stride: 2 }).output;
    expect(out.conv1.shape).toEqual([1, 7, 7, 96]);
    expect(out.pool1.shape).toEqual([1, 3, 3, 96]);
    expectRelativelyClose(out.conv1.data, conv1.data);
    expectRelativelyClose(out.pool1.data, pool1.data);
    // The LRN matters at these magnitudes: skipping it would change the pooled values by more than 5%.
    const unnormalised = maxPool2d(conv1, { size: 3, stride: 2 }).output.data;
    expect(pool1.data.some((v, i) => Math.abs(v - unnormalised[i]) > 0.05 * Math.abs(unnormalised[i]))).toBe(true);
    // conv2: group 0 (split_1-folded-0) reads channels 0–47 and writes 0–127; group 1 reads 48–95, writes 128–255.
    const norm2Input = { ...pool1 };
    const half = (g: number): Volume => ({ height: 3, width: 3, depth: 48, data: new Float32Array(9 * 48).map((_, i) => norm2Input.data[Math.floor(i / 48) * 96 + g * 48 + (i % 48)]) });
    const conv2Bias = fakeTensorValues(MANIFEST, 'conv2/biases');
    const groups = [0, 1].map((g) => relu(conv2d(half(g), filters(5, 5, 48, 128, fakeTensorValues(MANIFEST, `ConstantFolding/split_1-folded-${g}`)),
      { padding: 2, bias: conv2Bias.slice(g * 128, g * 128 + 128) })));
    const conv2 = new Float32Array(9 * 256).map((_, i) => groups[Math.floor((i % 256) / 128)].data[Math.floor(i / 256) * 128 + (i % 128)]);
    expect(out.conv2.shape).toEqual([1, 3, 3, 256]);
    expectRelativelyClose(out.conv2.data, conv2);
  });

  it('fetches the same bytes from a URL, with progress, and rebuilds from the buffer as a cache would', async () => {
    const served = new Map<string, Blob>([['models/alexnet/model.json', new Blob([JSON.stringify({ format: 'graph-model', weightsManifest: MANIFEST })])]]);
    for (const f of files) served.set(`models/alexnet/${f.name}`, f);
    const fetch = memoryFetch(served);
    let last: WeightsLoadProgress | undefined;
    const loaded = await loadAlexNetFromUrl('models/alexnet/model.json', { fetch, onProgress: (p) => (last = p) });
    expect(fetch.requested).toHaveLength(60);
    expect(last).toMatchObject({ loadedBytes: TOTAL_BYTES, totalBytes: TOTAL_BYTES });
    expect(Buffer.from(loaded.buffer).equals(Buffer.from(buffer))).toBe(true);
    loaded.net.dispose();
    const cached = alexnetFromBuffer(loaded.manifest, loaded.buffer);
    expectSameValues((await cached.firstLayerFilters()).data, fakeTensorValues(MANIFEST, 'conv1/weights'));
    cached.dispose();
  });

  it('names the missing, truncated or oversized shard file', async () => {
    const without17 = files.filter((f) => f.name !== 'group1-shard17of59');
    await expectLoadError(readShardsFromFiles(MANIFEST, without17), 'missing-shard', /Missing weight file: group1-shard17of59/, 'group1-shard17of59');
    const truncated = [...files.slice(0, 58), new File([files[58].slice(0, 500_000)], 'group1-shard59of59')];
    await expectLoadError(readShardsFromFiles(MANIFEST, truncated), 'shard-size',
      /group1-shard59of59 has 500,000 bytes but the manifest needs 591,276 \(truncated\)/, 'group1-shard59of59');
    const oversized = files.map((f) => (f.name === 'group1-shard3of59' ? new File([f, new Uint8Array(4)], f.name) : f));
    await expectLoadError(readShardsFromFiles(MANIFEST, oversized), 'shard-size', /group1-shard3of59 has 4,194,308 bytes .* \(too long\)/);
    await expectLoadError(loadAlexNetFromFiles(files), 'manifest', /None of the chosen files is model.json or weights_manifest.json/);
  });

  it('names the file when a download is missing or cut short', async () => {
    const served = new Map<string, Blob>(files.map((f) => [`w/${f.name}`, f]));
    served.set('w/weights_manifest.json', new Blob([JSON.stringify(MANIFEST)]));
    served.delete('w/group1-shard2of59');
    await expectLoadError(loadAlexNetFromUrl('w/weights_manifest.json', { fetch: memoryFetch(served) }), 'missing-shard',
      /group1-shard2of59 could not be downloaded from w\/group1-shard2of59: HTTP 404/, 'group1-shard2of59');
    served.set('w/group1-shard2of59', files[1]);
    served.set('w/group1-shard40of59', files[39].slice(0, 1000));
    await expectLoadError(loadAlexNetFromUrl('w/weights_manifest.json', { fetch: memoryFetch(served) }), 'shard-size',
      /group1-shard40of59 has 1,000 bytes but the manifest needs 4,194,304 \(truncated\)/);
  });

  it('rejects a manifest whose conv1 does not fit AlexNet before reading any shard', async () => {
    const wrong = withEntry('conv1/weights', { shape: [11, 11, 3, 64] });
    await expectLoadError(loadAlexNetFromFiles(files, { manifest: wrong }), 'shape',
      /conv1\/weights has shape \[11,11,3,64\] in the manifest; AlexNet needs \[11,11,3,96\]/);
    expect(() => alexnetValuesFromBuffer(MANIFEST, new ArrayBuffer(8))).toThrow(/hold 8 bytes; the manifest needs 243,860,908/);
  });

  it('leaves no tensors behind once the network is disposed', () => {
    net?.dispose();
    net = undefined;
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

/** Exactly equal, reported as the first differing index (a failing toEqual on 600,000 values would take minutes to print). */
function expectSameValues(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  let firstDifference = -1;
  for (let i = 0; i < expected.length && firstDifference < 0; i++) if (!Object.is(actual[i], expected[i])) firstDifference = i;
  expect(firstDifference).toBe(-1);
}

/** |a − b| ≤ 1e-4 · max(1, |b|) element by element. */
function expectRelativelyClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  expect(worst).toBeLessThan(1e-4);
}
