/**
 * TensorFlow.js weights manifests (the `weights_manifest.json` of tfjs-converter 0.x, or the `weightsManifest`
 * field of a later `model.json`): groups of tensors, each group's tensors packed back to back in manifest order
 * and cut into shards of at most 4 MiB. Format: tfjs-core `io/types.ts` (WeightsManifestConfig) and
 * tfjs-converter's `write_weights.py` (shard_size_bytes = 4 * 1024 * 1024).
 */

/** tfjs-converter's default shard size: every shard of a group is this long except the last. */
export const TFJS_SHARD_BYTES = 4 * 1024 * 1024;

export type ManifestDtype = 'float32' | 'int32' | 'bool';

export const DTYPE_BYTES: Readonly<Record<ManifestDtype, number>> = { float32: 4, int32: 4, bool: 1 };

export interface WeightsManifestEntry {
  name: string;
  shape: number[];
  dtype: ManifestDtype;
}

export interface WeightsManifestGroup {
  paths: string[];
  weights: WeightsManifestEntry[];
}

export type WeightsManifest = WeightsManifestGroup[];

export type AlexNetWeightsErrorKind =
  | 'manifest' | 'missing-shard' | 'shard-size' | 'http' | 'missing-tensor' | 'shape' | 'dtype' | 'buffer';

/** A loading error that names what is wrong and, where there is one, the file. */
export class AlexNetWeightsError extends Error {
  readonly kind: AlexNetWeightsErrorKind;
  readonly file: string | undefined;

  constructor(kind: AlexNetWeightsErrorKind, message: string, file?: string) {
    super(message);
    this.name = 'AlexNetWeightsError';
    this.kind = kind;
    this.file = file;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a manifest from parsed JSON: either the bare `weights_manifest.json` array or a `model.json` object
 * holding it under `weightsManifest`. Throws an AlexNetWeightsError('manifest') describing the first problem.
 */
export function parseWeightsManifest(json: unknown): WeightsManifest {
  const groups = isRecord(json) ? json.weightsManifest : json;
  if (!Array.isArray(groups)) {
    throw new AlexNetWeightsError('manifest', 'Not a weights manifest: expected an array of groups, or a model.json with "weightsManifest"');
  }
  return groups.map((group: unknown, g) => {
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new AlexNetWeightsError('manifest', `Weights manifest group ${g} needs "paths" and "weights" arrays`);
    }
    const paths = group.paths.map((p: unknown) => {
      if (typeof p !== 'string' || p === '') throw new AlexNetWeightsError('manifest', `Weights manifest group ${g} has a path that is not a file name`);
      return p;
    });
    const weights = group.weights.map((w: unknown, i): WeightsManifestEntry => {
      if (!isRecord(w) || typeof w.name !== 'string' || !Array.isArray(w.shape)) {
        throw new AlexNetWeightsError('manifest', `Weights manifest group ${g}, entry ${i} needs a name and a shape`);
      }
      if ('quantization' in w && w.quantization) {
        throw new AlexNetWeightsError('manifest', `${w.name} is quantized; only unquantized weights are supported`);
      }
      if (!w.shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) {
        throw new AlexNetWeightsError('manifest', `${w.name} has shape ${JSON.stringify(w.shape)}, not a list of sizes`);
      }
      if (typeof w.dtype !== 'string' || !(w.dtype in DTYPE_BYTES)) {
        throw new AlexNetWeightsError('manifest', `${w.name} has dtype ${String(w.dtype)}; supported: ${Object.keys(DTYPE_BYTES).join(', ')}`);
      }
      return { name: w.name, shape: w.shape as number[], dtype: w.dtype as ManifestDtype };
    });
    return { paths, weights };
  });
}

/** Bytes of one tensor's values. */
export function entryBytes(entry: WeightsManifestEntry): number {
  return entry.shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[entry.dtype];
}

/** Where a tensor lies in the concatenation of all shards. */
export interface TensorLocation extends WeightsManifestEntry {
  byteOffset: number;
  byteLength: number;
}

/** Every tensor's place in the concatenated shards (groups in order, tensors in manifest order within each). */
export function tensorLocations(manifest: WeightsManifest): TensorLocation[] {
  const out: TensorLocation[] = [];
  let offset = 0;
  for (const group of manifest) {
    for (const entry of group.weights) {
      const byteLength = entryBytes(entry);
      out.push({ ...entry, byteOffset: offset, byteLength });
      offset += byteLength;
    }
  }
  return out;
}

/** One shard file: its path in the manifest and its place and length in the concatenated buffer. */
export interface ShardSpec {
  path: string;
  byteOffset: number;
  byteLength: number;
}

/**
 * The shard files and the byte length each must have: a group's tensor bytes cut at `shardBytes`, the last shard
 * holding the rest. Throws if a group lists a different number of paths than its bytes need.
 */
export function expectedShards(manifest: WeightsManifest, shardBytes = TFJS_SHARD_BYTES): ShardSpec[] {
  const shards: ShardSpec[] = [];
  let offset = 0;
  manifest.forEach((group, g) => {
    const total = group.weights.reduce((s, e) => s + entryBytes(e), 0);
    const needed = Math.ceil(total / shardBytes);
    if (needed !== group.paths.length) {
      throw new AlexNetWeightsError('manifest',
        `Weights manifest group ${g} holds ${total.toLocaleString('en-US')} bytes, which make ${needed} shards of at most `
        + `${shardBytes.toLocaleString('en-US')} bytes, but it lists ${group.paths.length} files`);
    }
    group.paths.forEach((path, i) => {
      const byteLength = Math.min(shardBytes, total - i * shardBytes);
      shards.push({ path, byteOffset: offset, byteLength });
      offset += byteLength;
    });
  });
  return shards;
}

/** Last component of a path or URL ("a/b/group1-shard1of59" → "group1-shard1of59"). */
export function baseName(path: string): string {
  return path.split(/[?#]/)[0].split('/').pop() ?? path;
}
