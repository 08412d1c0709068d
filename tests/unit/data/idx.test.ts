import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src/data/datasetError';
import { parseIdxImages, parseIdxLabels } from '../../../src/data/idx';

/** Builds an IDX file: big-endian magic and dimensions, then the bytes. */
function idx(magic: number, dims: number[], data: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  bytes.set(Array.from(data), 4 + 4 * dims.length);
  return bytes;
}

const pixels = Array.from({ length: 3 * 2 * 4 }, (_, i) => i * 10);
const goodImages = () => idx(2051, [3, 2, 4], pixels);
const goodLabels = () => idx(2049, [5], [0, 9, 3, 1, 7]);

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    const e = err as DatasetError;
    expect(e.name).toBe('DatasetError');
    expect(e.message).toBe(`${e.file}: ${e.problem}`);
    return e.message;
  }
  throw new Error('expected a DatasetError');
}

describe('parseIdxImages', () => {
  it('parses a well-formed file into a view on its bytes', () => {
    const bytes = goodImages();
    const parsed = parseIdxImages(bytes, 'imgs', { count: 3, rows: 2, cols: 4 });
    expect(parsed).toMatchObject({ kind: 'images', count: 3, rows: 2, cols: 4 });
    expect(Array.from(parsed.pixels)).toEqual(pixels);
    expect(parsed.pixels.buffer).toBe(bytes.buffer);
    expect(parsed.pixels.byteOffset).toBe(16);
  });

  it('accepts a file that sits at an offset inside a bigger buffer', () => {
    const outer = new Uint8Array(100);
    outer.set(goodImages(), 7);
    const parsed = parseIdxImages(outer.subarray(7, 7 + 16 + pixels.length), 'imgs');
    expect(parsed.pixels[5]).toBe(50);
  });

  it('rejects a file too short for its header', () => {
    expect(problemOf(() => parseIdxImages(new Uint8Array([0, 0]), 'a.idx'))).toBe(
      'a.idx: is too short for an IDX header (2 bytes; expected magic number 2051 (an image file))',
    );
    expect(problemOf(() => parseIdxImages(goodImages().subarray(0, 12), 'a.idx'))).toBe(
      'a.idx: is too short for an IDX header (12 bytes, the header needs 16)',
    );
  });

  it('names both magic numbers when given a label file', () => {
    expect(problemOf(() => parseIdxImages(goodLabels(), 'train-images'))).toBe(
      'train-images: has magic number 2049 (a label file), expected 2051 (an image file)',
    );
  });

  it('recognises a file that is still gzipped', () => {
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(problemOf(() => parseIdxImages(gz, 'x.gz'))).toContain('(a gzip file: decompress it first), expected 2051');
  });

  it('rejects truncated pixel data', () => {
    const bytes = goodImages().subarray(0, 16 + 5);
    expect(problemOf(() => parseIdxImages(bytes, 'imgs'))).toBe('imgs: is truncated: header promises 24 bytes of pixels, found 5');
  });

  it('rejects trailing bytes', () => {
    const bytes = idx(2051, [3, 2, 4], [...pixels, 1, 2]);
    expect(problemOf(() => parseIdxImages(bytes, 'imgs'))).toBe(
      'imgs: has 2 trailing bytes after the 24 bytes of pixels its header promises',
    );
  });

  it('checks count, rows and cols against the expectation', () => {
    expect(problemOf(() => parseIdxImages(goodImages(), 'imgs', { count: 60000 }))).toBe('imgs: has 3 images, expected 60000');
    expect(problemOf(() => parseIdxImages(goodImages(), 'imgs', { rows: 28 }))).toBe('imgs: has 2 rows per image, expected 28');
    expect(problemOf(() => parseIdxImages(goodImages(), 'imgs', { cols: 28 }))).toBe('imgs: has 4 columns per image, expected 28');
  });
});

describe('parseIdxLabels', () => {
  it('parses a well-formed file into a view on its bytes', () => {
    const bytes = goodLabels();
    const parsed = parseIdxLabels(bytes, 'labels', { count: 5, maxLabel: 9 });
    expect(parsed.kind).toBe('labels');
    expect(parsed.count).toBe(5);
    expect(Array.from(parsed.labels)).toEqual([0, 9, 3, 1, 7]);
    expect(parsed.labels.buffer).toBe(bytes.buffer);
  });

  it('rejects a short header, an image file, truncation, trailing bytes and a wrong count', () => {
    expect(problemOf(() => parseIdxLabels(goodLabels().subarray(0, 6), 'l'))).toBe(
      'l: is too short for an IDX header (6 bytes, the header needs 8)',
    );
    expect(problemOf(() => parseIdxLabels(goodImages(), 'l'))).toBe(
      'l: has magic number 2051 (an image file), expected 2049 (a label file)',
    );
    expect(problemOf(() => parseIdxLabels(goodLabels().subarray(0, 10), 'l'))).toBe(
      'l: is truncated: header promises 5 bytes of labels, found 2',
    );
    expect(problemOf(() => parseIdxLabels(idx(2049, [2], [1, 2, 3]), 'l'))).toBe(
      'l: has 1 trailing bytes after the 2 bytes of labels its header promises',
    );
    expect(problemOf(() => parseIdxLabels(goodLabels(), 'l', { count: 10000 }))).toBe('l: has 5 labels, expected 10000');
  });

  it('rejects a label above maxLabel, saying where', () => {
    expect(problemOf(() => parseIdxLabels(idx(2049, [3], [4, 10, 2]), 'l', { maxLabel: 9 }))).toBe(
      'l: has label 10 at index 1, expected labels 0 to 9',
    );
  });

  it('describes other IDX types and non-IDX files', () => {
    expect(problemOf(() => parseIdxLabels(idx(0x00000d02, [1, 1], [0, 0, 0, 0]), 'f'))).toBe(
      'f: has magic number 3330 (an IDX file of float32 with 2 dimensions), expected 2049 (a label file)',
    );
    expect(problemOf(() => parseIdxLabels(new TextEncoder().encode('<!doctype html>'), 'f'))).toContain('(not an IDX file)');
  });
});
