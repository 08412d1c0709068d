import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { decodePngRgba } from '../../../src/data/png';
import { tilesFromSprite } from '../../../src/data/cifar10';

const DIR = fileURLToPath(new URL('../../../datasets/cifar10/', import.meta.url));

describe('PNG decoder for the CIFAR-10 sprites', () => {
  it('rebuilds the official data_batch_1.bin from the first training sprite (SHA-256 cee91656…, as PROVENANCE.md records)', () => {
    const { width, height, rgba } = decodePngRgba(readFileSync(DIR + 'cifar10_train_batch1.png'), 'batch1');
    expect([width, height]).toEqual([3200, 3200]);
    const pixels = tilesFromSprite(rgba, width, 10_000);
    const labels = readFileSync(DIR + 'cifar10_train_labels.u8');
    // The binary version: per image, 1 label byte, then the R, G and B planes of 1,024 bytes each.
    const bin = new Uint8Array(10_000 * 3073);
    for (let i = 0; i < 10_000; i++) {
      bin[i * 3073] = labels[i];
      for (let p = 0; p < 1024; p++) {
        for (let c = 0; c < 3; c++) bin[i * 3073 + 1 + c * 1024 + p] = pixels[(i * 1024 + p) * 3 + c];
      }
    }
    expect(createHash('sha256').update(bin).digest('hex').slice(0, 8)).toBe('cee91656');
  });

  it('names the file when the bytes are not a PNG or the data is corrupt', () => {
    expect(() => decodePngRgba(new Uint8Array([1, 2, 3]), 'x.png')).toThrow(/x\.png.*not a PNG/);
    const good = readFileSync(DIR + 'cifar10_test_first1000.png');
    const broken = new Uint8Array(good);
    for (let i = 200; i < 4000; i++) broken[i] ^= 0x5a;
    expect(() => decodePngRgba(broken, 'broken.png')).toThrow(/broken\.png/);
  });
});
