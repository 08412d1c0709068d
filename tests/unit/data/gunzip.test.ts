import { gzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetError } from '../../../src/data/datasetError';
import { gunzip, gunzipWithFflate } from '../../../src/data/gunzip';

const original = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251);
const gz = gzipSync(original, { filename: 'data.bin', mtime: 0 });

const paths = [
  { name: 'DecompressionStream', run: gunzip },
  { name: 'fflate', run: gunzipWithFflate },
] as const;

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasetError);
  return (err as DatasetError).message;
}

afterEach(() => vi.unstubAllGlobals());

describe.each(paths)('gunzip via $name', ({ run }) => {
  it('round-trips fflate gzipSync output (with a FNAME header field)', async () => {
    expect(Buffer.from(await run(gz, 'f.gz')).equals(original)).toBe(true);
  });

  it('round-trips an empty payload', async () => {
    expect((await run(gzipSync(new Uint8Array(0)), 'f.gz')).length).toBe(0);
  });

  it('rejects bytes without the gzip magic', { timeout: 5000 }, async () => {
    expect(await problemOf(run(new TextEncoder().encode('<!doctype html>'), 'f.gz'))).toBe(
      'f.gz: is not a valid gzip file (it starts with 3c 21 64 6f, not 1f 8b)',
    );
    expect(await problemOf(run(new Uint8Array(0), 'f.gz'))).toBe(
      'f.gz: is not a valid gzip file (it starts with nothing, not 1f 8b)',
    );
  });

  it('rejects a gzip cut off in the middle', { timeout: 5000 }, async () => {
    expect(await problemOf(run(gz.subarray(0, gz.length >> 1), 'f.gz'))).toMatch(/^f\.gz: is truncated \(/);
  });

  it('rejects a gzip cut off inside its header', { timeout: 5000 }, async () => {
    expect(await problemOf(run(gz.subarray(0, 12), 'f.gz'))).toMatch(/^f\.gz: is truncated \(/);
  });

  it('rejects a gzip cut off inside its trailer', { timeout: 5000 }, async () => {
    expect(await problemOf(run(gz.subarray(0, gz.length - 3), 'f.gz'))).toMatch(/^f\.gz: is (truncated|not a valid gzip file) \(/);
  });

  it('rejects corrupt data and a wrong CRC', { timeout: 5000 }, async () => {
    const garbage = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await problemOf(run(garbage, 'f.gz'))).toMatch(/^f\.gz: is (not a valid gzip file|truncated) \(/);
    const badCrc = gz.slice();
    badCrc[badCrc.length - 6] ^= 1;
    expect(await problemOf(run(badCrc, 'f.gz'))).toMatch(/^f\.gz: is not a valid gzip file \(/);
  });

  it('rejects a wrong compression method and extra bytes after the member', async () => {
    const method = gz.slice();
    method[2] = 7;
    expect(await problemOf(run(method, 'f.gz'))).toBe('f.gz: is not a valid gzip file (compression method 7, expected 8 = deflate)');
    const junk = new Uint8Array([...gz, 9, 9, 9, 9, 9]);
    expect(await problemOf(run(junk, 'f.gz'))).toMatch(/^f\.gz: is not a valid gzip file \(/);
  });
});

describe('gunzip', () => {
  it('falls back to fflate where DecompressionStream is missing', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    expect(typeof DecompressionStream).toBe('undefined');
    expect(Buffer.from(await gunzip(gz, 'f.gz')).equals(original)).toBe(true);
    expect(await problemOf(gunzip(gz.subarray(0, 100), 'f.gz'))).toBe(
      'f.gz: is truncated (the compressed data ends early: unexpected EOF)',
    );
  });
});
