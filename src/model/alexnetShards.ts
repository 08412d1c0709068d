import { AlexNetWeightsError, baseName, expectedShards, type ShardSpec, type WeightsManifest } from './alexnetManifest';

/**
 * Fetching or reading the shard files a weights manifest lists into one ArrayBuffer (the concatenation tfjs
 * would build), checking that each file is there and has exactly the length the manifest implies.
 */

export interface WeightsLoadProgress {
  /** Bytes received so far, over all shards. */
  loadedBytes: number;
  /** Bytes of all shards together (243,860,908 for TensorSpace's AlexNet). */
  totalBytes: number;
  /** The shard the last bytes came from. */
  file: string;
}

export interface ShardReadOptions {
  onProgress?: (progress: WeightsLoadProgress) => void;
  signal?: AbortSignal;
}

/** A user-chosen file: a File, or any Blob with a name (`webkitRelativePath` or a path is fine: the base name is matched). */
export type NamedBlob = Blob & { readonly name: string };

const fmt = (n: number) => n.toLocaleString('en-US');

function sizeError(path: string, actual: number, expected: number): AlexNetWeightsError {
  const what = actual < expected ? 'truncated' : 'too long';
  return new AlexNetWeightsError('shard-size',
    `Weight file ${path} has ${fmt(actual)} bytes but the manifest needs ${fmt(expected)} (${what}); download it again`, path);
}

/** Adds up received bytes and reports them. */
function progressCounter(totalBytes: number, opts: ShardReadOptions) {
  let loadedBytes = 0;
  return (bytes: number, file: string) => {
    loadedBytes += bytes;
    opts.onProgress?.({ loadedBytes, totalBytes, file });
  };
}

/**
 * Matches the chosen files to the manifest's shards by base name and reads them into one buffer. Before reading
 * anything it checks that every shard is among the files and has the expected size, so a missing or truncated
 * file is reported at once, by name.
 */
export async function readShardsFromFiles(manifest: WeightsManifest, files: readonly NamedBlob[], opts: ShardReadOptions = {}): Promise<ArrayBuffer> {
  const shards = expectedShards(manifest);
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const missing = shards.filter((s) => !byName.has(baseName(s.path))).map((s) => s.path);
  if (missing.length > 0) {
    const list = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
    throw new AlexNetWeightsError('missing-shard', `Missing weight file${missing.length > 1 ? 's' : ''}: ${list} (choose all ${shards.length} shard files together with the manifest)`, missing[0]);
  }
  for (const s of shards) {
    const size = byName.get(baseName(s.path))!.size;
    if (size !== s.byteLength) throw sizeError(s.path, size, s.byteLength);
  }
  const totalBytes = totalOf(shards);
  const out = new Uint8Array(totalBytes);
  const report = progressCounter(totalBytes, opts);
  for (const s of shards) {
    opts.signal?.throwIfAborted();
    const bytes = await byName.get(baseName(s.path))!.arrayBuffer();
    if (bytes.byteLength !== s.byteLength) throw sizeError(s.path, bytes.byteLength, s.byteLength);
    out.set(new Uint8Array(bytes), s.byteOffset);
    report(s.byteLength, s.path);
  }
  return out.buffer;
}

export interface ShardFetchOptions extends ShardReadOptions {
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Shards downloaded at the same time (default 4). */
  concurrency?: number;
}

/** `base` + `path`, with one slash between them. */
export function joinUrl(base: string, path: string): string {
  return base === '' ? path : `${base.replace(/\/+$/, '')}/${path}`;
}

/**
 * Downloads every shard from `baseUrl` (the folder of the manifest), a few at a time, into one buffer, reporting
 * progress as bytes arrive. Errors name the file: HTTP failures, and shards shorter or longer than the manifest says.
 */
export async function fetchShards(baseUrl: string, manifest: WeightsManifest, opts: ShardFetchOptions = {}): Promise<ArrayBuffer> {
  const shards = expectedShards(manifest);
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const totalBytes = totalOf(shards);
  const out = new Uint8Array(totalBytes);
  const report = progressCounter(totalBytes, opts);
  // One failed shard stops the others: its error is the one reported.
  const stop = new AbortController();
  const signal = stop.signal;
  if (opts.signal?.aborted) stop.abort(opts.signal.reason);
  opts.signal?.addEventListener('abort', () => stop.abort(opts.signal!.reason), { once: true });
  let next = 0;
  const worker = async () => {
    while (next < shards.length) {
      const shard = shards[next++];
      await fetchShardInto(doFetch, joinUrl(baseUrl, shard.path), shard, out, report, signal);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, shards.length)) }, () => worker().catch((e: unknown) => {
    stop.abort();
    throw e;
  }));
  await Promise.all(workers).finally(() => stop.abort());
  return out.buffer;
}

async function fetchShardInto(
  doFetch: typeof fetch, url: string, shard: ShardSpec, out: Uint8Array,
  report: (bytes: number, file: string) => void, signal: AbortSignal | undefined,
): Promise<void> {
  signal?.throwIfAborted();
  let response: Response;
  try {
    response = await doFetch(url, { signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new AlexNetWeightsError('http', `Could not download weight file ${shard.path} from ${url}: ${(e as Error).message}`, shard.path);
  }
  if (!response.ok) {
    const kind = response.status === 404 ? 'missing-shard' : 'http';
    throw new AlexNetWeightsError(kind, `Weight file ${shard.path} could not be downloaded from ${url}: HTTP ${response.status} ${response.statusText}`.trim(), shard.path);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared !== shard.byteLength && !response.headers.get('content-encoding')) {
    throw sizeError(shard.path, declared, shard.byteLength);
  }
  let received = 0;
  const take = (chunk: Uint8Array) => {
    if (received + chunk.byteLength > shard.byteLength) throw sizeError(shard.path, received + chunk.byteLength, shard.byteLength);
    out.set(chunk, shard.byteOffset + received);
    received += chunk.byteLength;
    report(chunk.byteLength, shard.path);
  };
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
      }
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      throw e;
    }
  } else {
    take(new Uint8Array(await response.arrayBuffer()));
  }
  if (received !== shard.byteLength) throw sizeError(shard.path, received, shard.byteLength);
}

function totalOf(shards: readonly ShardSpec[]): number {
  return shards.reduce((s, x) => s + x.byteLength, 0);
}
