import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../../src/data/mnist';
import { datasetContentType, listDatasetFiles, serveDatasets } from '../../../vite-plugins/datasets';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MNIST = [
  'mnist/SHA256SUMS',
  'mnist/t10k-images-idx3-ubyte.gz',
  'mnist/t10k-labels-idx1-ubyte.gz',
  'mnist/train-images-idx3-ubyte.gz',
  'mnist/train-labels-idx1-ubyte.gz',
];

describe('listDatasetFiles', () => {
  it("lists the repository's MNIST files with forward-slash relative paths", () => {
    const files = listDatasetFiles(join(REPO_ROOT, 'datasets'));
    expect(files).toEqual(expect.arrayContaining(MNIST));
    expect(files.every((f) => !f.includes('\\') && !f.startsWith('/'))).toBe(true);
  });

  it('recurses, sorts, skips dotfiles and lists nothing for a missing folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'datasets-'));
    try {
      mkdirSync(join(root, 'b/deep'), { recursive: true });
      mkdirSync(join(root, '.cache'));
      writeFileSync(join(root, 'b/deep/x.u8'), 'x');
      writeFileSync(join(root, 'a.json'), '{}');
      writeFileSync(join(root, '.DS_Store'), '');
      writeFileSync(join(root, '.cache/y'), '');
      expect(listDatasetFiles(root)).toEqual(['a.json', 'b/deep/x.u8']);
      expect(listDatasetFiles(join(root, 'missing'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('datasetContentType', () => {
  it('serves binaries as octet-stream and text, images and JSON as themselves', () => {
    expect(datasetContentType('mnist/train-images-idx3-ubyte.gz')).toBe('application/octet-stream');
    expect(datasetContentType('x/data.u8')).toBe('application/octet-stream');
    expect(datasetContentType('mnist/SHA256SUMS')).toMatch(/^text\/plain/);
    expect(datasetContentType('README.md')).toMatch(/^text\/plain/);
    expect(datasetContentType('a/sprite.PNG')).toBe('image/png');
    expect(datasetContentType('meta.json')).toBe('application/json');
  });
});

describe('serveDatasets', () => {
  it('emits every dataset file into the build under datasets/', () => {
    const plugin = serveDatasets();
    const emitted: { fileName: string; size: number }[] = [];
    const configResolved = plugin.configResolved as (config: { root: string }) => void;
    configResolved({ root: REPO_ROOT });
    const generateBundle = plugin.generateBundle as (this: unknown) => void;
    generateBundle.call({
      emitFile: (f: { fileName: string; source: Uint8Array }) => emitted.push({ fileName: f.fileName, size: f.source.length }),
    });
    expect(emitted.map((e) => e.fileName)).toEqual(expect.arrayContaining(MNIST.map((f) => `datasets/${f}`)));
    expect(emitted.find((e) => e.fileName === 'datasets/mnist/train-images-idx3-ubyte.gz')?.size).toBe(9_719_438);
  });

  describe('in vite dev', () => {
    let server: ViteDevServer;
    let origin: string;
    beforeAll(async () => {
      server = await createServer({
        configFile: false,
        root: REPO_ROOT,
        base: './', // as in vite.config.ts
        logLevel: 'silent',
        plugins: [serveDatasets()],
        optimizeDeps: { noDiscovery: true, include: [] },
        server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false, watch: null },
      });
      await server.listen();
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      origin = `http://127.0.0.1:${address.port}`;
    });
    afterAll(() => server?.close());
    const rawStatus = (path: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        get({ host: '127.0.0.1', port: new URL(origin).port, path }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });

    it('serves a .gz as stored, with Content-Length and no Content-Encoding', async () => {
      const response = await fetch(`${origin}/datasets/mnist/t10k-labels-idx1-ubyte.gz`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-length')).toBe('4517');
      expect(response.headers.get('content-encoding')).toBeNull();
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.length).toBe(4517);
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    });

    it('feeds loadMnist over real HTTP with the global fetch', async () => {
      const data = await loadMnist({ baseUrl: `${origin}/datasets/mnist/`, includeTrain: false });
      expect(data.test.count).toBe(10000);
      expect(Array.from(data.test.labels.subarray(0, 4))).toEqual([7, 2, 1, 0]);
    });

    it('serves SHA256SUMS as text', async () => {
      const response = await fetch(`${origin}/datasets/mnist/SHA256SUMS`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toContain('t10k-labels-idx1-ubyte.gz');
    });

    it('answers 404 for a missing file instead of the SPA fallback, and 400 for traversal', async () => {
      const missing = await fetch(`${origin}/datasets/mnist/nope.gz`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).not.toMatch(/html/);
      // fetch() would normalise the dots away, so send the raw path.
      expect(await rawStatus('/datasets/mnist/../../package.json')).toBe(400);
      expect(await rawStatus('/datasets/mnist/%2e%2e/%2e%2e/package.json')).toBe(400);
      expect(await rawStatus('/datasets/..%2fpackage.json')).toBe(400);
    });
  });

  it('in vite preview serves the built copies without Content-Encoding', async () => {
    // Plain sirv would send a .gz with Content-Encoding: gzip; "build" here is the repository itself.
    const server = await preview({
      configFile: false,
      root: REPO_ROOT,
      base: './',
      logLevel: 'silent',
      plugins: [serveDatasets()],
      build: { outDir: '.' },
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    try {
      const address = server.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const url = `http://127.0.0.1:${address.port}/datasets/mnist/t10k-labels-idx1-ubyte.gz`;
      const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect((await response.arrayBuffer()).byteLength).toBe(4517);
      expect((await fetch(url.replace('t10k-labels', 'nope'))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
