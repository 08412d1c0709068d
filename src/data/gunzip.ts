import { inflateSync } from 'fflate';
import { DatasetError } from './datasetError';

/** Gzip member layout (RFC 1952): 10-byte header, optional fields, raw deflate data, 8-byte trailer (CRC-32, ISIZE). */
const GZIP_HEADER_BYTES = 10;
const GZIP_TRAILER_BYTES = 8;
const CM_DEFLATE = 8;
const FLAG_HCRC = 2;
const FLAG_EXTRA = 4;
const FLAG_NAME = 8;
const FLAG_COMMENT = 16;
const FLAG_RESERVED = 0xe0;

/** Engine messages (zlib, Chromium, Firefox, fflate) that mean "the input stopped too early". */
const TRUNCATION_WORDS = /truncat|unexpected end|end of (file|stream|input|data)|incomplete|EOF/i;

/**
 * Decompresses one gzip member (RFC 1952). Uses the platform's `DecompressionStream('gzip')` where there is
 * one (browsers, Web Workers, Node ≥ 18) and fflate otherwise. Never hangs on bad input: a wrong header,
 * corrupt data or a mismatched trailer reject with a {@link DatasetError} naming `file`.
 */
export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') return gunzipWithFflate(bytes, file);
  deflateStart(bytes, file);
  let out: Uint8Array;
  try {
    out = await decompressStream(bytes);
  } catch (err) {
    throw decompressionError(file, err);
  }
  checkTrailer(bytes, out, file, false);
  return out;
}

/**
 * The fallback of {@link gunzip}: fflate's raw inflate on the deflate data between header and trailer,
 * then this module's own CRC-32 and ISIZE check (fflate does not verify the trailer). Synchronous work
 * behind a promise, so it blocks the calling thread; run it in a Worker for large files.
 */
export async function gunzipWithFflate(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const start = deflateStart(bytes, file);
  let out: Uint8Array;
  try {
    out = inflateSync(bytes.subarray(start, bytes.length - GZIP_TRAILER_BYTES));
  } catch (err) {
    throw decompressionError(file, err);
  }
  checkTrailer(bytes, out, file, true);
  return out;
}

/** Checks the magic bytes 1f 8b, the method and the flags; returns where the deflate data begins. */
function deflateStart(bytes: Uint8Array, file: string): number {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    const first = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new DatasetError(file, `is not a valid gzip file (it starts with ${first || 'nothing'}, not 1f 8b)`);
  }
  if (bytes.length < GZIP_HEADER_BYTES + GZIP_TRAILER_BYTES) {
    throw new DatasetError(file, `is truncated (only ${bytes.length} bytes, too short for a gzip header and trailer)`);
  }
  if (bytes[2] !== CM_DEFLATE) {
    throw new DatasetError(file, `is not a valid gzip file (compression method ${bytes[2]}, expected 8 = deflate)`);
  }
  const flags = bytes[3];
  if (flags & FLAG_RESERVED) {
    throw new DatasetError(file, `is not a valid gzip file (reserved header flags set: 0x${flags.toString(16)})`);
  }
  let at = GZIP_HEADER_BYTES;
  if (flags & FLAG_EXTRA) at += 2 + (bytes[at] | (bytes[at + 1] << 8));
  for (const flag of [FLAG_NAME, FLAG_COMMENT]) {
    if (!(flags & flag)) continue;
    while (at < bytes.length && bytes[at] !== 0) at++;
    at++;
  }
  if (flags & FLAG_HCRC) at += 2;
  if (at + GZIP_TRAILER_BYTES > bytes.length) {
    throw new DatasetError(file, 'is truncated (the data ends inside the gzip header)');
  }
  return at;
}

/** Feeds `bytes` through a DecompressionStream while draining its output, so neither side can stall. */
async function decompressStream(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Errors surface through the reader as well; this catch only keeps the write side from going unhandled.
  writer.write(asArrayBufferView(bytes)).then(() => writer.close()).catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concat(chunks);
}

/** Verifies the 8-byte trailer: ISIZE (length mod 2^32, little-endian) always, CRC-32 when the engine did not. */
function checkTrailer(bytes: Uint8Array, out: Uint8Array, file: string, checkCrc: boolean): void {
  const end = bytes.length;
  const isize = readUint32LE(bytes, end - 4);
  if (isize !== out.length % 2 ** 32) {
    throw new DatasetError(
      file,
      `is not a valid gzip file (decompressed to ${out.length} bytes but its trailer records ${isize}; ` +
        'the file may be truncated or have extra bytes at the end)',
    );
  }
  if (checkCrc) {
    const expected = readUint32LE(bytes, end - 8);
    const actual = crc32(out);
    if (expected !== actual) {
      throw new DatasetError(file, `is not a valid gzip file (CRC-32 ${hex32(actual)}, trailer says ${hex32(expected)})`);
    }
  }
}

function decompressionError(file: string, err: unknown): DatasetError {
  const message = err instanceof Error ? err.message : String(err);
  return TRUNCATION_WORDS.test(message)
    ? new DatasetError(file, `is truncated (the compressed data ends early: ${message})`)
    : new DatasetError(file, `is not a valid gzip file (${message})`);
}

let crcTable: Uint32Array | null = null;

/** CRC-32 as gzip uses it (reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF). */
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** Web streams want a view on a plain ArrayBuffer; copy only when `bytes` sits on a SharedArrayBuffer. */
function asArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
