import { DatasetError } from './datasetError';

/** Options of {@link fetchBytes}. */
export interface FetchBytesOptions {
  /** Defaults to the global `fetch`; tests pass one that reads the local disk. */
  fetchFn?: typeof fetch;
  /** Called once before the first byte and after every chunk; `total` is null without a usable Content-Length. */
  onProgress?: (loaded: number, total: number | null) => void;
  signal?: AbortSignal;
}

/**
 * The file is not there: HTTP 404/410, or a dev server that answered its index.html instead.
 * A {@link DatasetError} like any other; loaders use the subclass to treat optional files as absent.
 */
export class DatasetNotFoundError extends DatasetError {
  constructor(file: string, problem: string) {
    super(file, problem);
    this.name = 'DatasetNotFoundError';
  }
}

/** Reason phrases for when the response carries none (HTTP/2 has no status text). */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Downloads `url` into one Uint8Array, streaming the body so progress can be shown.
 * Every failure is a {@link DatasetError} naming `file`: HTTP errors, network errors, an HTML page where a
 * binary file was expected, and a body shorter than its Content-Length. Cancelling through `signal`
 * rejects with the signal's reason (an `AbortError` DOMException), not with a DatasetError.
 */
export async function fetchBytes(url: string, file: string, opts: FetchBytesOptions = {}): Promise<Uint8Array> {
  const { fetchFn = fetch, onProgress, signal } = opts;
  let response: Response;
  try {
    response = await fetchFn(url, { signal });
  } catch (err) {
    throw networkError(file, err, signal);
  }
  if (!response.ok) {
    const reason = response.statusText || REASONS[response.status] || 'error';
    const problem = `could not be loaded (HTTP ${response.status} ${reason})`;
    void response.body?.cancel().catch(() => undefined);
    throw response.status === 404 || response.status === 410
      ? new DatasetNotFoundError(file, problem)
      : new DatasetError(file, problem);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (/^\s*text\/html\b/i.test(contentType)) {
    void response.body?.cancel().catch(() => undefined);
    throw new DatasetNotFoundError(file, 'was not found (the server answered with an HTML page)');
  }
  const total = declaredLength(response);
  onProgress?.(0, total);
  if (!response.body) {
    const bytes = new Uint8Array(await readWhole(response, file, signal));
    onProgress?.(bytes.length, total);
    return checkLength(bytes, total, file);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (err) {
      throw networkError(file, err, signal, loaded);
    }
    if (result.done) break;
    chunks.push(result.value);
    loaded += result.value.length;
    onProgress?.(loaded, total);
  }
  return checkLength(concat(chunks, loaded), total, file);
}

/**
 * Content-Length counts the bytes on the wire; when the server applied a Content-Encoding the browser
 * undoes it and the body length differs, so the header is then no use for progress or truncation checks.
 */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return null;
  const header = response.headers.get('content-length');
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  return Number(header);
}

function checkLength(bytes: Uint8Array, total: number | null, file: string): Uint8Array {
  if (total !== null && bytes.length < total) {
    throw new DatasetError(file, `is truncated (got ${bytes.length} of ${total} bytes)`);
  }
  return bytes;
}

async function readWhole(response: Response, file: string, signal: AbortSignal | undefined): Promise<ArrayBuffer> {
  try {
    return await response.arrayBuffer();
  } catch (err) {
    throw networkError(file, err, signal);
  }
}

/** An abort passes through unchanged; anything else becomes "could not be loaded (network error: …)". */
function networkError(file: string, err: unknown, signal: AbortSignal | undefined, loaded?: number): unknown {
  if (signal?.aborted) return signal.reason ?? err;
  if (err instanceof Error && err.name === 'AbortError') return err;
  if (err instanceof DatasetError) return err;
  const message = err instanceof Error ? describeError(err) : String(err);
  const after = loaded === undefined ? '' : ` after ${loaded} bytes`;
  return new DatasetError(file, `could not be loaded (network error${after}: ${message})`);
}

/** Node's fetch says only "fetch failed" and keeps the reason (ECONNREFUSED, ...) in `cause`. */
function describeError(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? `${err.message}: ${cause.message}` : err.message;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
