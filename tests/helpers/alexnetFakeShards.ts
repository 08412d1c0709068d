import { expectedShards, tensorLocations, type WeightsManifest } from '../../src/model/alexnetManifest';

/**
 * Fake AlexNet weights in a manifest's exact layout: the 4-byte value at byte offset 4·i of the concatenated
 * shards is `fakeWeight(i)` for float32 tensors, and the graph constants hold what TensorSpace's graph needs
 * (split_dim 3, Reshape_5/shape [-1, 9216]). A hash of the index, not a running generator, so any shard or
 * tensor can be regenerated on its own.
 */

/** Uniform in [−0.1, 0.1), from an integer hash (murmur3's finaliser) of the value's index. */
export function fakeWeight(index: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 4294967296 - 0.5) * 0.2;
}

export const FAKE_CONSTANTS: Readonly<Record<string, readonly number[]>> = {
  'split_4/split_dim': [3],
  'Reshape_5/shape': [-1, 9216],
};

/** The values `fakeShards` writes for one float32 tensor of the manifest. */
export function fakeTensorValues(manifest: WeightsManifest, name: string): Float32Array {
  const t = tensorLocations(manifest).find((l) => l.name === name);
  if (!t) throw new Error(`no tensor ${name}`);
  const out = new Float32Array(t.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = fakeWeight(t.byteOffset / 4 + i);
  return out;
}

/** Every shard of the manifest as bytes, one at a time (all dtypes in the manifest must be 4 bytes wide). */
export function* fakeShards(manifest: WeightsManifest): Generator<{ path: string; bytes: Uint8Array<ArrayBuffer> }> {
  const tensors = tensorLocations(manifest);
  let t = 0;
  for (const shard of expectedShards(manifest)) {
    const buffer = new ArrayBuffer(shard.byteLength);
    const floats = new Float32Array(buffer);
    const ints = new Int32Array(buffer);
    const first = shard.byteOffset / 4;
    for (let i = 0; i < floats.length; i++) {
      const index = first + i;
      while (4 * index >= tensors[t].byteOffset + tensors[t].byteLength) t++;
      const constant = FAKE_CONSTANTS[tensors[t].name];
      if (tensors[t].dtype === 'int32') ints[i] = constant ? constant[index - tensors[t].byteOffset / 4] : 0;
      else floats[i] = fakeWeight(index);
    }
    yield { path: shard.path, bytes: new Uint8Array(buffer) };
  }
}

/** The shards as Files named like the manifest's paths (what a user would pick). */
export function fakeShardFiles(manifest: WeightsManifest): File[] {
  return Array.from(fakeShards(manifest), ({ path, bytes }) => new File([bytes], path));
}
