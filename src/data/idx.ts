import { DatasetError } from './datasetError';

/**
 * The IDX format (LeCun & Cortes, the MNIST distribution): a big-endian header, then the data row-major.
 * The 4-byte magic is 0x00 0x00 <type> <number of dimensions>, followed by one uint32 per dimension.
 * MNIST uses type 0x08 (unsigned byte): 0x00000803 = 2051 for images [count, rows, cols] (16-byte header)
 * and 0x00000801 = 2049 for labels [count] (8-byte header).
 */
export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;
const IMAGES_HEADER_BYTES = 16;
const LABELS_HEADER_BYTES = 8;

/** A 3-D unsigned-byte IDX file: `pixels[(i * rows + y) * cols + x]`, 0..255 as stored. */
export interface IdxImages {
  kind: 'images';
  count: number;
  rows: number;
  cols: number;
  pixels: Uint8Array;
}

/** A 1-D unsigned-byte IDX file. */
export interface IdxLabels {
  kind: 'labels';
  count: number;
  labels: Uint8Array;
}

/**
 * Parses an uncompressed IDX image file (magic 2051) and checks it against `expect`.
 * `pixels` is a view into `bytes`, not a copy. Any mismatch throws a {@link DatasetError} naming `file`.
 */
export function parseIdxImages(
  bytes: Uint8Array,
  file: string,
  expect: { count?: number; rows?: number; cols?: number } = {},
): IdxImages {
  const view = headerView(bytes, file, IMAGES_HEADER_BYTES, IDX_IMAGES_MAGIC);
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  expectValue(file, 'images', count, expect.count);
  expectValue(file, 'rows per image', rows, expect.rows);
  expectValue(file, 'columns per image', cols, expect.cols);
  if (rows === 0 || cols === 0) throw new DatasetError(file, `has empty images (${rows}×${cols} pixels)`);
  const pixels = body(bytes, file, IMAGES_HEADER_BYTES, count * rows * cols, 'pixels');
  return { kind: 'images', count, rows, cols, pixels };
}

/**
 * Parses an uncompressed IDX label file (magic 2049) and checks it against `expect`; with `maxLabel`,
 * every label must lie in 0..maxLabel. `labels` is a view into `bytes`, not a copy.
 */
export function parseIdxLabels(bytes: Uint8Array, file: string, expect: { count?: number; maxLabel?: number } = {}): IdxLabels {
  const view = headerView(bytes, file, LABELS_HEADER_BYTES, IDX_LABELS_MAGIC);
  const count = view.getUint32(4);
  expectValue(file, 'labels', count, expect.count);
  const labels = body(bytes, file, LABELS_HEADER_BYTES, count, 'labels');
  const { maxLabel } = expect;
  if (maxLabel !== undefined) {
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] > maxLabel) {
        throw new DatasetError(file, `has label ${labels[i]} at index ${i}, expected labels 0 to ${maxLabel}`);
      }
    }
  }
  return { kind: 'labels', count, labels };
}

/** Says in words what a magic number is, so a swapped or still-compressed file is recognisable. */
export function describeIdxMagic(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return 'an image file';
  if (magic === IDX_LABELS_MAGIC) return 'a label file';
  if (magic >>> 16 === 0x1f8b) return 'a gzip file: decompress it first';
  const type = TYPE_NAMES[(magic >>> 8) & 0xff];
  if (magic >>> 16 === 0 && type) return `an IDX file of ${type} with ${magic & 0xff} dimensions`;
  return 'not an IDX file';
}

const TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned bytes',
  0x09: 'signed bytes',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};

function headerView(bytes: Uint8Array, file: string, headerBytes: number, magic: number): DataView {
  const expected = `${magic} (${describeIdxMagic(magic)})`;
  if (bytes.length < 4) {
    throw new DatasetError(file, `is too short for an IDX header (${bytes.length} bytes; expected magic number ${expected})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0);
  if (found !== magic) {
    throw new DatasetError(file, `has magic number ${found} (${describeIdxMagic(found)}), expected ${expected}`);
  }
  if (bytes.length < headerBytes) {
    throw new DatasetError(file, `is too short for an IDX header (${bytes.length} bytes, the header needs ${headerBytes})`);
  }
  return view;
}

function expectValue(file: string, what: string, found: number, expected: number | undefined): void {
  if (expected !== undefined && found !== expected) {
    throw new DatasetError(file, `has ${found} ${what}, expected ${expected}`);
  }
}

function body(bytes: Uint8Array, file: string, start: number, length: number, what: string): Uint8Array {
  const found = bytes.length - start;
  if (found < length) {
    throw new DatasetError(file, `is truncated: header promises ${length} bytes of ${what}, found ${found}`);
  }
  if (found > length) {
    throw new DatasetError(file, `has ${found - length} trailing bytes after the ${length} bytes of ${what} its header promises`);
  }
  return bytes.subarray(start, start + length);
}
