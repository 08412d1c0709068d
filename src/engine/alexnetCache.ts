import type { WeightsManifest } from '../model/alexnetManifest';

/**
 * AlexNet's weights kept in the browser (IndexedDB) once a student has supplied them, so the next visit loads
 * them without choosing 60 files again. The 243,860,908 bytes are stored in chunks of {@link CACHE_CHUNK_BYTES}
 * (one huge value makes one huge structured clone, and some browsers refuse values over a few hundred MB), each
 * in its own transaction; the record describing them is written last, so a write that fails half-way leaves no
 * record, and a stale chunk is never read as part of the weights.
 */

/** 16 MiB: 15 chunks for AlexNet. */
export const CACHE_CHUNK_BYTES = 16 * 1024 * 1024;

const DB_NAME = 'cnnlab-alexnet-weights';
const DB_VERSION = 1;
const META = 'meta';
const CHUNKS = 'chunks';
const KEY = 'alexnet';

/** What the cache says about itself, without its bytes. */
export interface CachedWeightsInfo {
  /** Where the weights came from: "60 files from your disk", a URL. */
  source: string;
  /** ISO date of the write. */
  savedAt: string;
  totalBytes: number;
  chunkBytes: number;
  chunkCount: number;
}

interface MetaRecord extends CachedWeightsInfo {
  manifest: WeightsManifest;
}

/** IndexedDB is missing, refused (private windows), full, or failed; the message says which, for a student. */
export class WeightsCacheError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsCacheError';
  }
}

/** [start, end) byte ranges of the chunks of a buffer of `totalBytes`: all `chunkBytes` long but the last. */
export function chunkRanges(totalBytes: number, chunkBytes = CACHE_CHUNK_BYTES): [number, number][] {
  if (!Number.isInteger(totalBytes) || totalBytes < 0) throw new RangeError(`chunkRanges: ${totalBytes} is not a byte count`);
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`chunkRanges: chunks of ${chunkBytes} bytes`);
  const out: [number, number][] = [];
  for (let start = 0; start < totalBytes; start += chunkBytes) out.push([start, Math.min(totalBytes, start + chunkBytes)]);
  return out;
}

/**
 * Puts chunks back together into one buffer of `totalBytes`, checking that there are as many as the record says
 * and that each has the length its place needs; throws a WeightsCacheError naming the first one that does not.
 */
export function joinChunks(chunks: readonly (ArrayBuffer | undefined)[], totalBytes: number, chunkBytes = CACHE_CHUNK_BYTES): ArrayBuffer {
  const ranges = chunkRanges(totalBytes, chunkBytes);
  if (chunks.length !== ranges.length) throw new WeightsCacheError(`the cache holds ${chunks.length} chunks of the weights; ${ranges.length} are needed`);
  const out = new Uint8Array(totalBytes);
  ranges.forEach(([start, end], i) => {
    const chunk = chunks[i];
    if (!(chunk instanceof ArrayBuffer) || chunk.byteLength !== end - start) {
      throw new WeightsCacheError(`chunk ${i + 1} of ${ranges.length} in the cache is ${chunk instanceof ArrayBuffer ? `${chunk.byteLength} bytes, not ${end - start}` : 'missing'}`);
    }
    out.set(new Uint8Array(chunk), start);
  });
  return out.buffer;
}

/** A DOMException's or Error's name and message, for the student-facing text. */
function reason(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) {
    if (error.name === 'QuotaExceededError') return 'the browser has no room left for AlexNet’s 233 MB here (storage quota)';
    return `${error.name}: ${error.message}`;
  }
  return String(error ?? 'unknown error');
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined') { reject(new WeightsCacheError('this browser offers no IndexedDB (a private window?)')); return; }
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(new WeightsCacheError(`the browser's storage could not be opened (${reason(e)})`));
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new WeightsCacheError(`the browser's storage could not be opened (${reason(req.error)})`));
    req.onblocked = () => reject(new WeightsCacheError('the browser\'s storage is in use by another tab of this app; close it and try again'));
  });
}

/** Runs `body` in one transaction over `stores` and resolves with what it returns once the transaction completes. */
function inTransaction<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (e) {
      reject(new WeightsCacheError(`the browser's storage failed (${reason(e)})`));
      return;
    }
    const result = body(tx);
    tx.oncomplete = () => resolve(result());
    tx.onerror = () => reject(new WeightsCacheError(`the browser's storage failed (${reason(tx.error)})`));
    tx.onabort = () => reject(new WeightsCacheError(`the browser's storage refused the weights (${reason(tx.error)})`));
  });
}

async function withDb<T>(body: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await body(db);
  } finally {
    db.close();
  }
}

/** The cached weights' description, or null when there are none. */
export function readCachedWeightsInfo(): Promise<CachedWeightsInfo | null> {
  return withDb(async (db) => {
    const meta = await inTransaction(db, [META], 'readonly', (tx) => {
      const req = tx.objectStore(META).get(KEY) as IDBRequest<MetaRecord | undefined>;
      return () => req.result;
    });
    if (!meta) return null;
    const { source, savedAt, totalBytes, chunkBytes, chunkCount } = meta;
    return { source, savedAt, totalBytes, chunkBytes, chunkCount };
  });
}

export interface CacheProgress { doneBytes: number; totalBytes: number }

/**
 * Stores the manifest and the concatenated shards. Free space is checked first where the browser tells
 * (`navigator.storage.estimate`); any earlier cache is removed before the first chunk is written.
 */
export async function writeCachedWeights(manifest: WeightsManifest, buffer: ArrayBuffer, source: string,
  opts: { onProgress?: (p: CacheProgress) => void; signal?: AbortSignal } = {}): Promise<CachedWeightsInfo> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.quota - estimate.usage < buffer.byteLength) {
    const freeMb = Math.max(0, (estimate.quota - estimate.usage) / 1e6);
    throw new WeightsCacheError(`the browser lets this site store ${freeMb.toFixed(0)} MB more; the weights need ${(buffer.byteLength / 1e6).toFixed(0)} MB`);
  }
  const ranges = chunkRanges(buffer.byteLength);
  const info: CachedWeightsInfo = { source, savedAt: new Date().toISOString(), totalBytes: buffer.byteLength, chunkBytes: CACHE_CHUNK_BYTES, chunkCount: ranges.length };
  return withDb(async (db) => {
    await inTransaction(db, [META, CHUNKS], 'readwrite', (tx) => { tx.objectStore(META).clear(); tx.objectStore(CHUNKS).clear(); return () => undefined; });
    for (let i = 0; i < ranges.length; i++) {
      opts.signal?.throwIfAborted();
      const [start, end] = ranges[i];
      // A slice, not a view: structured cloning a view would store the whole 244 MB buffer with every chunk.
      const chunk = buffer.slice(start, end);
      await inTransaction(db, [CHUNKS], 'readwrite', (tx) => { tx.objectStore(CHUNKS).put(chunk, i); return () => undefined; });
      opts.onProgress?.({ doneBytes: end, totalBytes: buffer.byteLength });
    }
    const record: MetaRecord = { ...info, manifest };
    await inTransaction(db, [META], 'readwrite', (tx) => { tx.objectStore(META).put(record, KEY); return () => undefined; });
    return info;
  });
}

/** Reads the cached manifest and bytes back, chunk by chunk, or null when nothing is cached. */
export async function readCachedWeights(opts: { onProgress?: (p: CacheProgress) => void; signal?: AbortSignal } = {}):
Promise<{ info: CachedWeightsInfo; manifest: WeightsManifest; buffer: ArrayBuffer } | null> {
  return withDb(async (db) => {
    const meta = await inTransaction(db, [META], 'readonly', (tx) => {
      const req = tx.objectStore(META).get(KEY) as IDBRequest<MetaRecord | undefined>;
      return () => req.result;
    });
    if (!meta) return null;
    const chunks: (ArrayBuffer | undefined)[] = [];
    let doneBytes = 0;
    for (let i = 0; i < meta.chunkCount; i++) {
      opts.signal?.throwIfAborted();
      const chunk = await inTransaction(db, [CHUNKS], 'readonly', (tx) => {
        const req = tx.objectStore(CHUNKS).get(i) as IDBRequest<ArrayBuffer | undefined>;
        return () => req.result;
      });
      chunks.push(chunk);
      doneBytes += chunk?.byteLength ?? 0;
      opts.onProgress?.({ doneBytes, totalBytes: meta.totalBytes });
    }
    const { manifest, ...info } = meta;
    return { info, manifest, buffer: joinChunks(chunks, meta.totalBytes, meta.chunkBytes) };
  });
}

/** Removes the cached weights (the record first, so a half-done removal leaves nothing that looks usable). */
export function forgetCachedWeights(): Promise<void> {
  return withDb((db) => inTransaction(db, [META, CHUNKS], 'readwrite', (tx) => {
    tx.objectStore(META).clear();
    tx.objectStore(CHUNKS).clear();
    return () => undefined;
  }));
}
