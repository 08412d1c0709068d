import { gunzipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src/data/datasetError';
import { MNIST_FILES, MNIST_PIXELS, loadMnist, mnistBatchToFloat, type LoadProgress, type MnistData } from '../../../src/data/mnist';
import { fileFetch } from '../../helpers/fileFetch';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BASE_URL = 'datasets/mnist/';
const diskFetch = fileFetch(REPO_ROOT);

/** Wraps the disk fetch so one file's response can be replaced. */
function fetchWith(replace: (name: string, response: Response) => Promise<Response> | Response): typeof fetch {
  return async (input, init) => {
    const response = await diskFetch(input, init);
    const name = String(input).split('/').pop() ?? '';
    return replace(name, response);
  };
}

async function bodyResponse(response: Response, edit: (bytes: Uint8Array) => Uint8Array): Promise<Response> {
  const bytes = new Uint8Array(edit(new Uint8Array(await response.arrayBuffer())));
  return new Response(bytes, {
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
  });
}

async function loadError(fetchFn: typeof fetch, includeTrain = false): Promise<DatasetError> {
  const err = await loadMnist({ baseUrl: BASE_URL, includeTrain, fetchFn }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasetError);
  return err as DatasetError;
}

describe('loadMnist on the shipped files', () => {
  let data: MnistData;
  const events: LoadProgress[] = [];

  it('loads, verifies and parses all four files', async () => {
    data = await loadMnist({ baseUrl: BASE_URL, includeTrain: true, fetchFn: diskFetch, onProgress: (p) => events.push(p) });
    expect(data.train?.count).toBe(60000);
    expect(data.test.count).toBe(10000);
    expect(data.train?.images.length).toBe(60000 * MNIST_PIXELS);
    expect(data.test.images.length).toBe(10000 * MNIST_PIXELS);
    expect(data.train?.labels.length).toBe(60000);
  });

  it('has the well-known first labels and class counts', () => {
    const train = data.train!;
    expect(Array.from(train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(data.test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const perClass = new Array<number>(10).fill(0);
    for (const label of train.labels) perClass[label]++;
    expect(perClass).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  });

  it('reports monotonic progress over every file, verified, ending with done at 1', () => {
    const fractions = events.map((e) => e.fraction);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    const last = events[events.length - 1];
    expect(last.phase).toBe('done');
    expect(last.fraction).toBe(1);
    expect(events.filter((e) => e.phase === 'done')).toHaveLength(1);
    for (const file of Object.values(MNIST_FILES)) {
      const phases = new Set(events.filter((e) => e.file === file).map((e) => e.phase));
      expect(phases).toEqual(new Set(['download', 'verify', 'decompress', ...(file === last.file ? ['done'] : [])]));
    }
    const download = events.find((e) => e.file === MNIST_FILES.trainImages && e.phase === 'download' && e.loaded > 0);
    expect(download?.total).toBe(9_719_438);
  });

  it('mnistBatchToFloat copies the chosen images scaled to [0, 1]', () => {
    const images = data.train!.images;
    const indices = [7, 0, 59999];
    const batch = mnistBatchToFloat(images, indices);
    expect(batch.length).toBe(3 * MNIST_PIXELS);
    indices.forEach((index, b) => {
      for (let p = 0; p < MNIST_PIXELS; p += 13) {
        expect(batch[b * MNIST_PIXELS + p]).toBe(Math.fround(images[index * MNIST_PIXELS + p] / 255));
      }
    });
    expect(Math.max(...batch)).toBe(1);
    expect(Math.min(...batch)).toBe(0);
    const out = new Float32Array(5 * MNIST_PIXELS).fill(-1);
    const view = mnistBatchToFloat(images, Int32Array.of(0), out);
    expect(view.buffer).toBe(out.buffer);
    expect(view.length).toBe(MNIST_PIXELS);
    expect(Array.from(view)).toEqual(Array.from(batch.subarray(MNIST_PIXELS, 2 * MNIST_PIXELS)));
    expect(out[MNIST_PIXELS]).toBe(-1);
    expect(() => mnistBatchToFloat(images, [60000])).toThrow(RangeError);
    expect(() => mnistBatchToFloat(images, [0, 1], new Float32Array(10))).toThrow(RangeError);
  });

  it('accepts files a server sent with Content-Encoding: gzip, which the browser already decoded', async () => {
    const decoded = fetchWith(async (name, r) => {
      if (!name.endsWith('.gz')) return r;
      const compressed = new Uint8Array(await r.arrayBuffer());
      const raw = new Uint8Array(gunzipSync(compressed));
      const headers = { 'content-encoding': 'gzip', 'content-length': String(compressed.length) };
      return new Response(raw, { headers });
    });
    const testOnly = await loadMnist({ baseUrl: BASE_URL, includeTrain: false, fetchFn: decoded });
    expect(Array.from(testOnly.test.labels.subarray(0, 3))).toEqual([7, 2, 1]);
  });

  it('skips the training split when not asked for', async () => {
    const testOnly = await loadMnist({ baseUrl: 'datasets/mnist', includeTrain: false, fetchFn: diskFetch });
    expect(testOnly.train).toBeNull();
    expect(Array.from(testOnly.test.labels.subarray(0, 3))).toEqual([7, 2, 1]);
  });
});

describe('loadMnist failures', () => {
  it('names a missing file', async () => {
    const missing = fetchWith((name, r) => (name === MNIST_FILES.testLabels ? new Response('nope', { status: 404 }) : r));
    const err = await loadError(missing);
    expect(err.file).toBe(MNIST_FILES.testLabels);
    expect(err.message).toBe('t10k-labels-idx1-ubyte.gz: could not be loaded (HTTP 404 Not Found)');
  });

  it('treats an HTML page in place of a file as missing', async () => {
    const spa = fetchWith((name, r) =>
      name === MNIST_FILES.testImages ? new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }) : r,
    );
    expect((await loadError(spa)).message).toBe(
      't10k-images-idx3-ubyte.gz: was not found (the server answered with an HTML page)',
    );
  });

  it('names a file whose checksum fails', async () => {
    const corrupt = fetchWith((name, r) =>
      name === MNIST_FILES.trainLabels
        ? bodyResponse(r, (b) => {
            b[1000] ^= 0x40;
            return b;
          })
        : r,
    );
    const err = await loadError(corrupt, true);
    expect(err.file).toBe(MNIST_FILES.trainLabels);
    expect(err.problem).toMatch(
      /^failed its checksum \(expected sha256 1787548bbe0bff1ec2ecdc0ef292b02df999e2d1a6002d27500982c652b17203, got [0-9a-f]{64}\)$/,
    );
  });

  it('explains a truncated gzip when SHA256SUMS is absent', async () => {
    const truncated = fetchWith((name, r) => {
      if (name === 'SHA256SUMS') return new Response('Not Found', { status: 404, statusText: 'Not Found' });
      return name === MNIST_FILES.testImages ? bodyResponse(r, (b) => b.subarray(0, 500_000)) : r;
    });
    const err = await loadError(truncated);
    expect(err.file).toBe(MNIST_FILES.testImages);
    expect(err.problem).toMatch(/^is truncated \(the compressed data ends early: /);
  });

  it('reports a body shorter than its Content-Length', async () => {
    const short = fetchWith(async (name, r) => {
      if (name !== MNIST_FILES.testLabels) return r;
      const bytes = new Uint8Array(await r.arrayBuffer()).subarray(0, 100);
      return new Response(bytes, { headers: { 'content-length': '4517' } });
    });
    expect((await loadError(short)).message).toBe('t10k-labels-idx1-ubyte.gz: is truncated (got 100 of 4517 bytes)');
  });

  it('reports a network failure', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5173') });
    };
    const err = await loadError(offline);
    expect(err.problem).toBe('could not be loaded (network error: fetch failed: connect ECONNREFUSED 127.0.0.1:5173)');
  });

  it('passes a cancellation through as an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadMnist({ baseUrl: BASE_URL, includeTrain: false, fetchFn: diskFetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
