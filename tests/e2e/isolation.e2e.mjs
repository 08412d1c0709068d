// Cross-origin isolation and WASM threads: `vite preview` sends COOP/COEP on every route, so the page is isolated
// and tfjs's threaded SIMD binary starts and trains; a static host without those headers still trains on the
// single-threaded SIMD binary, and the header says why there are no threads.
import assert from 'node:assert/strict';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const DIST = resolve('dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

/**
 * A plain static file server for dist/ on 127.0.0.1, as a static host that sends no COOP/COEP headers would be.
 * Resolves with its origin and a stop function.
 */
export function startStaticServer(root = DIST) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const path = resolve(root, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    const info = path.startsWith(root + sep) ? statSync(path, { throwIfNoEntry: false }) : undefined;
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': info.size });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveStart({
      origin: `http://127.0.0.1:${server.address().port}`,
      stop: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
    }));
  });
}

const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** Opens the autoencoder on WASM, presses Train and waits until the step counter has passed `steps`. */
async function trainOnWasm(page, url, { readStatus, waitFor }, steps = 20) {
  const response = await page.goto(url);
  await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss (MNIST loaded, network built)' });
  assert.match(await page.locator('.backend-name').textContent(), /Backend: wasm/);
  await page.getByRole('button', { name: 'Train' }).click();
  const first = await waitFor(async () => { const s = await readStatus(page); return s.step > 0 ? s : null; }, { message: 'a first step on wasm' });
  const later = await waitFor(async () => { const s = await readStatus(page); return s.step >= first.step + steps ? s : null; }, { message: `${steps} more steps on wasm` });
  assert.ok(Number.isFinite(later.loss) && later.loss > 0, `loss ${later.loss}`);
  await page.getByRole('button', { name: 'Pause' }).click();
  return { ...later, response };
}

export const isolationTests = [
  {
    name: 'preview sends COOP/COEP on every route; the page is isolated and WASM trains with threads',
    async run({ page, origin, out, readStatus, waitFor }) {
      // Every kind of response: the page, a script, a .wasm binary, a dataset file and a 404.
      const blocked = [];
      page.on('requestfailed', (r) => blocked.push(`${r.url()} (${r.failure()?.errorText})`));
      const seen = new Map();
      page.on('response', (r) => seen.set(new URL(r.url()).pathname, r.headers()));
      const finished = await trainOnWasm(page, `${origin}/#/autoencoder?backend=wasm&seed=1`, { readStatus, waitFor });
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), true, 'the page is cross-origin isolated');
      const paths = [...seen.keys()];
      const wanted = {
        page: paths.find((p) => p === '/' || p.endsWith('/index.html')),
        script: paths.find((p) => p.endsWith('.js')),
        wasm: paths.find((p) => p.endsWith('/tfjs-wasm/tfjs-backend-wasm-threaded-simd.wasm')),
        dataset: paths.find((p) => p.includes('/datasets/')),
      };
      for (const [kind, path] of Object.entries(wanted)) {
        assert.ok(path, `the page fetched a ${kind} (${paths.join(', ')})`);
        for (const [name, value] of Object.entries(ISOLATION_HEADERS)) assert.equal(seen.get(path)[name], value, `${name} on ${path}`);
      }
      const missing = await fetch(`${origin}/datasets/no-such-file.bin`);
      assert.equal(missing.status, 404);
      for (const [name, value] of Object.entries(ISOLATION_HEADERS)) assert.equal(missing.headers.get(name), value, `${name} on a 404`);
      assert.deepEqual(blocked, [], 'no request was blocked');

      // The header: SIMD and a thread count, no warning about threads.
      const badge = page.locator('.backend-badge');
      const text = (await badge.textContent()) ?? '';
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      const expected = Math.min(Math.max(1, cores - 1), Math.max(1, Math.floor(cores / 2)), 8);
      assert.match(text, new RegExp(`Backend: wasm · SIMD · ${expected} threads?\\b`), text);
      assert.doesNotMatch(text, /no threads|no SIMD/, text);
      assert.ok(finished.step > 0);
      await badge.screenshot({ path: `${out}/isolation-header-threaded.png` });
    },
  },
  {
    name: 'a static host without COOP/COEP: not isolated, WASM still trains single-threaded, the header says why',
    async run({ page, out, readStatus, waitFor }) {
      const server = await startStaticServer();
      try {
        const { response } = await trainOnWasm(page, `${server.origin}/#/autoencoder?backend=wasm&seed=1`, { readStatus, waitFor });
        assert.equal(response.headers()['cross-origin-embedder-policy'], undefined, 'the static server sends no COEP');
        assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
        const text = (await page.locator('.backend-badge').textContent()) ?? '';
        assert.match(text, /Backend: wasm · SIMD · single-threaded/, text);
        const note = page.getByRole('note').filter({ hasText: 'no threads' });
        assert.match((await note.textContent()) ?? '', /no threads: the page is not cross-origin isolated .*COOP\/COEP.*training uses one core/);
        await page.locator('.backend-badge').screenshot({ path: `${out}/isolation-header-single-threaded.png` });
      } finally {
        await server.stop();
      }
    },
  },
  {
    name: 'threads check: the threaded backend restarts with 1 and 2 threads and trains the dense net on both',
    async run({ page, origin, out }) {
      await page.goto(`${origin}/#/?backend=wasm&threadscheck=1`);
      await page.waitForFunction(() => typeof window.__threadsCheck === 'function' && /Backend: wasm/.test(document.querySelector('.backend-name')?.textContent ?? ''), null, { timeout: 60_000 });
      const results = [];
      // tfjs caps the pool at half the logical cores; reporting 4 lets a 2-core machine run 2 threads.
      for (const threads of [1, 2]) {
        results.push(await page.evaluate((o) => window.__threadsCheck(o), { threads, cores: 4, model: 'dense', batch: 64, warmupSteps: 2, seconds: 1.5 }));
      }
      writeFileSync(`${out}/threads-check.json`, JSON.stringify(results, null, 2));
      for (const r of results) console.log(`    ${r.threads} thread(s): ${r.examplesPerSecond.toFixed(0)} examples/s (dense, batch 64)`);
      assert.deepEqual(results.map((r) => r.threads), [1, 2], 'the pool has the threads asked for');
      for (const r of results) {
        assert.ok(r.isolated && r.multithreaded && r.simd, 'the threaded SIMD binary runs');
        assert.ok(r.steps > 0 && Number.isFinite(r.lastLoss), `trained: ${r.steps} steps, loss ${r.lastLoss}`);
        assert.equal(r.numTensorsAfter, r.numTensorsBefore, 'no tensor leaked');
      }
    },
  },
];
