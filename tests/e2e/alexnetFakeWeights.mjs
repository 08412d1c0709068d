// Fake AlexNet weights in the exact published layout of TensorSpace's conversion (59 shards: 58 × 4,194,304 bytes
// and 591,276), written to a folder for the browser tests. The same values as tests/helpers/alexnetFakeShards.ts:
// the float at byte 4·i of the concatenated shards is fakeWeight(i), the two int32 graph constants hold what the
// graph needs. Deterministic, so an existing folder of the right sizes is reused.
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MANIFEST_PATH = 'public/models/alexnet-tensorspace/weights_manifest.json';
const SHARD_BYTES = 4 * 1024 * 1024;
const DTYPE_BYTES = { float32: 4, int32: 4, bool: 1 };
const CONSTANTS = { 'split_4/split_dim': [3], 'Reshape_5/shape': [-1, 9216] };

/** Uniform in [−0.1, 0.1), from murmur3's finaliser of the index (as fakeWeight in alexnetFakeShards.ts). */
function fakeWeight(index) {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 4294967296 - 0.5) * 0.2;
}

/** The manifest's shards: path, byte offset and length (one group, cut at 4 MiB). */
export function shardsOf(manifest) {
  const out = [];
  let offset = 0;
  for (const group of manifest) {
    const total = group.weights.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[w.dtype], 0);
    group.paths.forEach((path, i) => {
      const byteLength = Math.min(SHARD_BYTES, total - i * SHARD_BYTES);
      out.push({ path, byteOffset: offset, byteLength });
      offset += byteLength;
    });
  }
  return out;
}

function tensorsOf(manifest) {
  const out = [];
  let offset = 0;
  for (const group of manifest) {
    for (const w of group.weights) {
      const byteLength = w.shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[w.dtype];
      out.push({ ...w, byteOffset: offset, byteLength });
      offset += byteLength;
    }
  }
  return out;
}

/**
 * Writes (or reuses) the 59 shards and weights_manifest.json in `dir`; returns the 60 file paths, the manifest and
 * the total bytes.
 */
export function writeFakeAlexnetWeights(dir = join(tmpdir(), 'cnnlab-alexnet-fake-weights')) {
  const manifestText = readFileSync(MANIFEST_PATH, 'utf8');
  const manifest = JSON.parse(manifestText);
  const shards = shardsOf(manifest);
  const tensors = tensorsOf(manifest);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'weights_manifest.json'), manifestText);
  let t = 0;
  for (const shard of shards) {
    const file = join(dir, shard.path);
    if (existsSync(file) && statSync(file).size === shard.byteLength && existsSync(join(dir, '.complete'))) continue;
    const buffer = new ArrayBuffer(shard.byteLength);
    const floats = new Float32Array(buffer);
    const ints = new Int32Array(buffer);
    const first = shard.byteOffset / 4;
    for (let i = 0; i < floats.length; i++) {
      const index = first + i;
      while (4 * index >= tensors[t].byteOffset + tensors[t].byteLength) t++;
      const constant = CONSTANTS[tensors[t].name];
      if (tensors[t].dtype === 'int32') ints[i] = constant ? constant[index - tensors[t].byteOffset / 4] : 0;
      else floats[i] = fakeWeight(index);
    }
    writeFileSync(file, new Uint8Array(buffer));
  }
  writeFileSync(join(dir, '.complete'), '');
  const totalBytes = shards.reduce((s, x) => s + x.byteLength, 0);
  return { dir, manifest, totalBytes, files: [join(dir, 'weights_manifest.json'), ...shards.map((s) => join(dir, s.path))] };
}

/** A folder holding the same files (hard links, no copies) except `leaveOut`. */
export function folderWithout(weights, leaveOut, dir = `${weights.dir}-without-${leaveOut}`) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of weights.files) {
    const name = file.split('/').pop();
    if (name !== leaveOut) linkSync(file, join(dir, name));
  }
  return dir;
}
