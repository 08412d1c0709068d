import { AlexNet, ALEXNET_VARIABLE_NAMES, ALEXNET_VARIABLE_SHAPES, type AlexNetVariableName } from './alexnet';
import {
  AlexNetWeightsError, baseName, parseWeightsManifest, tensorLocations, type TensorLocation, type WeightsManifest,
} from './alexnetManifest';
import { fetchShards, readShardsFromFiles, type NamedBlob, type ShardFetchOptions, type ShardReadOptions } from './alexnetShards';

export * from './alexnetManifest';
export * from './alexnetShards';

/**
 * TensorSpace's AlexNet (github.com/tensorspace-team/tensorspace, examples/alexnet, Apache-2.0): Caffe's
 * bvlc_alexnet converted to a TensorFlow graph and then to TensorFlow.js. The grouped convolutions were written
 * the caffe-tensorflow way — tf.split of the input and of the kernel along channels, one conv per part, concat —
 * and the converter folded each kernel split into two constants, `ConstantFolding/split_N-folded-0/1` (the first and
 * second output of the split: group 0 sees input channels 0…C/2−1 and makes output channels 0…F/2−1).
 * The graph numbers its splits in order: split (conv2 input), split_1 (conv2 kernel), split_2 / split_3 (conv4),
 * split_4 / split_5 (conv5), so the odd, folded ones are the kernels of conv2, conv4 and conv5; the shapes agree
 * ([5,5,48,128], [3,3,192,192], [3,3,192,128]). `split_4/split_dim` (conv5's input split axis) and
 * `Reshape_5/shape` (the flatten before fc6) are graph constants, not weights.
 */
export const TENSORSPACE_ALEXNET_NAMES: Readonly<Record<AlexNetVariableName, string>> = {
  'conv1/weights': 'conv1/weights', 'conv1/biases': 'conv1/biases',
  'conv2/weights/group0': 'ConstantFolding/split_1-folded-0', 'conv2/weights/group1': 'ConstantFolding/split_1-folded-1',
  'conv2/biases': 'conv2/biases',
  'conv3/weights': 'conv3/weights', 'conv3/biases': 'conv3/biases',
  'conv4/weights/group0': 'ConstantFolding/split_3-folded-0', 'conv4/weights/group1': 'ConstantFolding/split_3-folded-1',
  'conv4/biases': 'conv4/biases',
  'conv5/weights/group0': 'ConstantFolding/split_5-folded-0', 'conv5/weights/group1': 'ConstantFolding/split_5-folded-1',
  'conv5/biases': 'conv5/biases',
  'fc6/weights': 'fc6/weights', 'fc6/biases': 'fc6/biases',
  'fc7/weights': 'fc7/weights', 'fc7/biases': 'fc7/biases',
  'fc8/weights': 'fc8/weights', 'fc8/biases': 'fc8/biases',
};

/** The graph constants in TensorSpace's manifest that are not AlexNet parameters. */
export const TENSORSPACE_ALEXNET_CONSTANTS = ['split_4/split_dim', 'Reshape_5/shape'] as const;

const describe = (name: AlexNetVariableName) => {
  const [layer, kind, group] = name.split('/');
  return `AlexNet's ${layer} ${kind === 'weights' ? 'filters' : 'biases'}${group ? ` (${group.replace('group', 'group ')})` : ''}`;
};

/**
 * Checks that the manifest has every tensor AlexNet needs, float32 and of the right shape, and returns where each
 * lies in the concatenated shards. Errors name the tensor: "conv1/weights has shape [11,11,3,64] in the manifest;
 * AlexNet needs [11,11,3,96]".
 */
export function locateAlexNetTensors(manifest: WeightsManifest): Map<AlexNetVariableName, TensorLocation> {
  const byName = new Map(tensorLocations(manifest).map((t) => [t.name, t]));
  const out = new Map<AlexNetVariableName, TensorLocation>();
  for (const variable of ALEXNET_VARIABLE_NAMES) {
    const name = TENSORSPACE_ALEXNET_NAMES[variable];
    const t = byName.get(name);
    if (!t) throw new AlexNetWeightsError('missing-tensor', `The weights manifest has no tensor ${name} (${describe(variable)})`);
    const needed = ALEXNET_VARIABLE_SHAPES[variable];
    if (t.shape.length !== needed.length || t.shape.some((d, i) => d !== needed[i])) {
      throw new AlexNetWeightsError('shape', `${name} has shape [${t.shape.join(',')}] in the manifest; AlexNet needs [${needed.join(',')}] (${describe(variable)})`);
    }
    if (t.dtype !== 'float32') throw new AlexNetWeightsError('dtype', `${name} is ${t.dtype} in the manifest; AlexNet needs float32`);
    out.set(variable, t);
  }
  return out;
}

export interface AlexNetWeightValues {
  /** Every AlexNet variable's values: views into the buffer where aligned, copies otherwise. */
  values: Map<AlexNetVariableName, Float32Array>;
  /** The manifest's other tensors (TensorSpace: split_4/split_dim = the channel axis, Reshape_5/shape), as read. */
  constants: Map<string, Float32Array | Int32Array | Uint8Array>;
}

/**
 * Maps the concatenated shard bytes onto AlexNet's variables. Pure (no tensors, no I/O), so a cache can store the
 * buffer and the manifest and come back through here. Throws if the buffer is not exactly as long as the manifest says.
 */
export function alexnetValuesFromBuffer(manifest: WeightsManifest, buffer: ArrayBuffer): AlexNetWeightValues {
  const located = locateAlexNetTensors(manifest);
  const all = tensorLocations(manifest);
  const total = all.reduce((s, t) => s + t.byteLength, 0);
  if (buffer.byteLength !== total) {
    throw new AlexNetWeightsError('buffer', `The weights hold ${buffer.byteLength.toLocaleString('en-US')} bytes; the manifest needs ${total.toLocaleString('en-US')}`);
  }
  const view = <T>(t: TensorLocation, Ctor: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number }): T =>
    t.byteOffset % Ctor.BYTES_PER_ELEMENT === 0
      ? new Ctor(buffer, t.byteOffset, t.byteLength / Ctor.BYTES_PER_ELEMENT)
      : new Ctor(buffer.slice(t.byteOffset, t.byteOffset + t.byteLength), 0, t.byteLength / Ctor.BYTES_PER_ELEMENT);
  const values = new Map<AlexNetVariableName, Float32Array>();
  for (const [variable, t] of located) values.set(variable, view(t, Float32Array));
  const used = new Set<string>(Object.values(TENSORSPACE_ALEXNET_NAMES));
  const constants = new Map<string, Float32Array | Int32Array | Uint8Array>();
  for (const t of all) {
    if (used.has(t.name)) continue;
    constants.set(t.name, t.dtype === 'int32' ? view(t, Int32Array) : t.dtype === 'bool' ? view(t, Uint8Array) : view(t, Float32Array));
  }
  return { values, constants };
}

/** Builds the network from concatenated shard bytes (e.g. from the IndexedDB cache). */
export function alexnetFromBuffer(manifest: WeightsManifest, buffer: ArrayBuffer): AlexNet {
  return new AlexNet(alexnetValuesFromBuffer(manifest, buffer).values);
}

export interface LoadedAlexNet {
  net: AlexNet;
  manifest: WeightsManifest;
  /** The concatenated shards: what a cache stores beside the manifest. */
  buffer: ArrayBuffer;
}

/** The manifest file names looked for among chosen files and at a URL folder. */
export const MANIFEST_FILE_NAMES = ['model.json', 'weights_manifest.json'] as const;

/**
 * Loads AlexNet from files the user chose: a `model.json` or `weights_manifest.json` plus all shard files
 * (or pass `manifest` when it was parsed already). The manifest is checked against AlexNet before any shard is read.
 */
export async function loadAlexNetFromFiles(files: readonly NamedBlob[], opts: ShardReadOptions & { manifest?: WeightsManifest } = {}): Promise<LoadedAlexNet> {
  let manifest = opts.manifest;
  if (!manifest) {
    const file = MANIFEST_FILE_NAMES.map((n) => files.find((f) => baseName(f.name) === n)).find((f) => f !== undefined);
    if (!file) throw new AlexNetWeightsError('manifest', `None of the chosen files is ${MANIFEST_FILE_NAMES.join(' or ')}`);
    manifest = parseManifestText(await file.text(), baseName(file.name));
  }
  locateAlexNetTensors(manifest);
  const buffer = await readShardsFromFiles(manifest, files, opts);
  return { net: alexnetFromBuffer(manifest, buffer), manifest, buffer };
}

/**
 * Loads AlexNet from a URL: `manifestUrl` names the `model.json` or `weights_manifest.json`; the shards are fetched
 * from the same folder.
 */
export async function loadAlexNetFromUrl(manifestUrl: string, opts: ShardFetchOptions = {}): Promise<LoadedAlexNet> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const file = baseName(manifestUrl);
  let response: Response;
  try {
    response = await doFetch(manifestUrl, { signal: opts.signal });
  } catch (e) {
    throw new AlexNetWeightsError('http', `Could not download ${file} from ${manifestUrl}: ${(e as Error).message}`, file);
  }
  if (!response.ok) throw new AlexNetWeightsError('http', `${file} could not be downloaded from ${manifestUrl}: HTTP ${response.status}`, file);
  const manifest = parseManifestText(await response.text(), file);
  locateAlexNetTensors(manifest);
  const folder = manifestUrl.split(/[?#]/)[0].replace(/[^/]*$/, '');
  const buffer = await fetchShards(folder, manifest, opts);
  return { net: alexnetFromBuffer(manifest, buffer), manifest, buffer };
}

function parseManifestText(text: string, file: string): WeightsManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AlexNetWeightsError('manifest', `${file} is not valid JSON`, file);
  }
  return parseWeightsManifest(json);
}
