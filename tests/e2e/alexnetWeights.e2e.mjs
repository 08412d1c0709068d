// AlexNet's own weights in a real browser: 60 generated files in TensorSpace's exact layout (244 MB) go through the
// page's file picker, the progress bar fills, AlexNet's top-5 appears beside MobileNet's, its 96 filters and
// conv1's maps draw, and a reload reads the weights back from IndexedDB. A folder missing a shard, a truncated
// shard and a broken manifest give messages that name the problem, and MobileNet keeps working.
import assert from 'node:assert/strict';
import { folderWithout, writeFakeAlexnetWeights } from './alexnetFakeWeights.mjs';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/**
 * Serves `dir` on another 127.0.0.1 port, so the page (cross-origin isolated, COEP require-corp) downloads from
 * another origin: CORS and CORP headers as a public weights host would send them. Resolves with its origin.
 */
function serveFolder(dir) {
  const server = createServer((req, res) => {
    const file = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, ''));
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404, headers).end('not found'); return; }
    res.writeHead(200, { ...headers, 'Content-Length': statSync(file).size, 'Content-Type': 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

const STEP_TITLE = /AlexNet's weights, filters and feature maps/;

async function openStep(page, origin) {
  await page.goto(`${origin}/#/alexnet?backend=wasm`);
  await page.getByRole('heading', { name: 'AlexNet: ImageNet classification', level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Lesson steps' }).getByRole('button', { name: STEP_TITLE }).click();
  await page.getByRole('heading', { name: "AlexNet's own weights" }).waitFor();
}

/** Rows of a top-5 list by its accessible name, once it has five. */
async function bars(page, name) {
  const rows = page.getByRole('list', { name }).getByRole('listitem');
  await rows.nth(4).waitFor({ timeout: 120_000 });
  return rows.evaluateAll((items) => items.map((li) => `${li.querySelector('.label').firstChild.textContent.trim()} ${li.querySelector('.value').textContent}`));
}

/** Standard deviation of a canvas's RGB bytes (0 for a blank or flat canvas). */
function canvasSpread(locator) {
  return locator.evaluate((canvas) => {
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let s = 0; let s2 = 0; let n = 0;
    for (let i = 0; i < d.length; i += 4) for (let c = 0; c < 3; c++) { s += d[i + c]; s2 += d[i + c] ** 2; n++; }
    return Math.sqrt(s2 / n - (s / n) ** 2);
  });
}

/** Records every value the weights progress bar shows, from now on. */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    const seen = () => { const p = document.querySelector('.weights-progress progress'); if (p) window.__progress.push([p.value, p.max]); };
    window.__progressObserver = new MutationObserver(seen);
    window.__progressObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
}

async function loadedSeconds(page) {
  const line = page.locator('.weights-loaded');
  await line.waitFor({ timeout: 180_000 });
  const text = (await line.textContent()).replace(/\s+/g, ' ');
  return { text, seconds: Number(/in ([\d.]+) s/.exec(text)[1]) };
}

export const alexnetWeightsTests = [
  {
    name: 'alexnet weights: 60 generated files through the file picker load with a progress bar, AlexNet’s top-5 appears beside MobileNet’s, its 96 filters and conv1’s maps draw, and a reload reads them from IndexedDB',
    async run({ page, origin, out }) {
      const weights = writeFakeAlexnetWeights();
      await openStep(page, origin);
      await page.getByText('Nothing cached in this browser yet').waitFor();
      // Without AlexNet the views say they show MobileNet.
      await page.getByRole('heading', { name: /MobileNet's 24 \(AlexNet not loaded\)/ }).waitFor({ timeout: 60_000 });
      await page.getByRole('heading', { name: /Feature maps: MobileNet \(AlexNet not loaded\)/ }).waitFor();
      await page.locator('.maps-shape', { hasText: 'conv1_relu' }).waitFor({ timeout: 60_000 });
      assert.match(await page.locator('.maps-shape').textContent(), /112 × 112 × 24/);
      await page.screenshot({ path: `${out}/alexnet-weights-1-before.png`, fullPage: true });

      await watchProgress(page);
      const started = Date.now();
      await page.getByLabel("Choose AlexNet's weight files").setInputFiles(weights.files);
      const picked = Date.now();
      const { text } = await loadedSeconds(page);
      const wall = (Date.now() - started) / 1000;
      console.log(`    setInputFiles(60 files, ${weights.totalBytes} bytes): ${((picked - started) / 1000).toFixed(1)} s; loaded after ${wall.toFixed(1)} s; page says: ${text}`);
      assert.match(text, /60,965,224 parameters/);
      const progress = await page.evaluate(() => window.__progress);
      const values = [...new Set(progress.map(([v]) => v))];
      console.log(`    progress bar showed ${values.length} values, last ${values.at(-1)} of ${progress.at(-1)?.[1]}`);
      assert.ok(values.length >= 3, `progress values ${JSON.stringify(values)}`);
      assert.equal(values.at(-1), weights.totalBytes);

      // AlexNet's top-5 beside MobileNet's, for the same picture.
      await page.getByRole('heading', { name: 'AlexNet (bvlc_alexnet via TensorSpace, weights you supplied)' }).waitFor();
      const alex = await bars(page, "AlexNet's five most probable classes");
      const mobile = await bars(page, "MobileNet's five most probable classes");
      console.log(`    MobileNet: ${mobile.join(', ')}\n    AlexNet (random weights): ${alex.join(', ')}`);
      const timing = await page.locator('.timing-alexnet').textContent();
      console.log(`    ${timing.replace(/\s+/g, ' ').trim()}`);
      const alexBox = await page.locator('.alexnet-top5').boundingBox();
      const mobileBox = await page.locator('.top5-result .top5').boundingBox();
      assert.ok(alexBox.x > mobileBox.x + mobileBox.width - 1, 'AlexNet\'s list is to the right of MobileNet\'s');

      // The 96 filters.
      await page.getByRole('heading', { name: "First-layer filters: AlexNet's 96" }).waitFor();
      const halves = page.locator('.alexnet-filters-panel canvas');
      await halves.nth(1).waitFor();
      assert.equal(await halves.count(), 2);
      for (let i = 0; i < 2; i++) assert.ok(await canvasSpread(halves.nth(i)) > 10, `filter half ${i + 1} is not blank`);
      console.log(`    ${(await page.locator('.colour-shares').textContent()).replace(/\s+/g, ' ').trim()}`);

      // conv1's 96 maps of 55×55, then another layer.
      await page.locator('.maps-shape', { hasText: /conv1 of AlexNet/ }).waitFor({ timeout: 60_000 });
      assert.match(await page.locator('.maps-shape').textContent(), /55 × 55 × 96/);
      assert.ok(await canvasSpread(page.locator('.maps-grid canvas')) > 5, 'conv1 maps are not blank');
      await page.getByRole('combobox', { name: 'Layer' }).selectOption('pool5');
      await page.locator('.maps-shape', { hasText: /pool5 of AlexNet/ }).waitFor({ timeout: 60_000 });
      assert.match(await page.locator('.maps-shape').textContent(), /6 × 6 × 256/);
      await page.getByRole('combobox', { name: 'Layer' }).selectOption('conv1');
      await page.locator('.maps-shape', { hasText: /conv1 of AlexNet/ }).waitFor({ timeout: 60_000 });

      // Kept in IndexedDB.
      const cacheStarted = Date.now();
      const cacheLine = page.locator('.cache-line');
      await cacheLine.waitFor({ timeout: 120_000 });
      const kept = await page.getByText(/Kept in this browser's storage in [\d.]+ s/).textContent();
      console.log(`    ${kept.trim()} (waited ${((Date.now() - cacheStarted) / 1000).toFixed(1)} s more after the maps)`);
      assert.match(await cacheLine.textContent(), /Cached: 243\.9 MB, from 60 files from your disk/);
      await page.screenshot({ path: `${out}/alexnet-weights-2-loaded.png`, fullPage: true });

      // A reload reads them from the cache by itself.
      await page.reload();
      await page.getByRole('heading', { name: "AlexNet's own weights" }).waitFor();
      const cached = await loadedSeconds(page);
      console.log(`    after reload: ${cached.text}`);
      assert.match(cached.text, /from this browser's cache/);
      await bars(page, "AlexNet's five most probable classes");
      const again = (await page.locator('.timing-alexnet').textContent()).replace(/\s+/g, ' ').trim();
      console.log(`    ${again}`);
      await page.screenshot({ path: `${out}/alexnet-weights-3-cached.png`, fullPage: true });

      // Forgetting the cache keeps the loaded network.
      await page.getByRole('button', { name: 'Forget the cached weights' }).click();
      await page.getByText(/The cached weights were removed from this browser/).waitFor();
      await page.getByText('Nothing cached in this browser yet').waitFor();
      await page.getByRole('heading', { name: "First-layer filters: AlexNet's 96" }).waitFor();
    },
  },
  {
    name: 'alexnet weights: a folder missing a shard, a truncated shard and a broken manifest are named, and MobileNet keeps working',
    async run({ page, origin, out }) {
      const weights = writeFakeAlexnetWeights();
      const folder = folderWithout(weights, 'group1-shard17of59');
      await openStep(page, origin);
      await bars(page, "MobileNet's five most probable classes");

      await page.getByLabel("Choose the folder of AlexNet's weights").setInputFiles(folder);
      const missing = page.getByRole('alert').filter({ hasText: 'group1-shard17of59' });
      await missing.waitFor({ timeout: 60_000 });
      console.log(`    ${(await missing.textContent()).trim()}`);
      assert.match(await missing.textContent(), /^Missing weight file: group1-shard17of59 .*MobileNet keeps working/);
      await page.screenshot({ path: `${out}/alexnet-weights-4-missing.png`, fullPage: true });

      // MobileNet still classifies.
      await page.getByRole('group', { name: 'Sample photos' }).getByRole('button', { name: 'Zebra' }).click();
      await page.locator('.top5-result figcaption strong', { hasText: 'Zebra' }).waitFor();
      const zebra = await bars(page, "MobileNet's five most probable classes");
      assert.match(zebra[0], /^zebra /);
      await page.getByRole('heading', { name: /MobileNet's 24 \(AlexNet not loaded\)/ }).waitFor();

      // A truncated shard.
      const bad = join(weights.dir, '..', 'cnnlab-alexnet-bad');
      mkdirSync(bad, { recursive: true });
      writeFileSync(join(bad, 'group1-shard5of59'), readFileSync(join(weights.dir, 'group1-shard5of59')).subarray(0, 1_000_000));
      await page.getByLabel("Choose AlexNet's weight files").setInputFiles(weights.files.map((f) => (f.endsWith('/group1-shard5of59') ? join(bad, 'group1-shard5of59') : f)));
      const truncated = page.getByRole('alert').filter({ hasText: 'group1-shard5of59' });
      await truncated.waitFor({ timeout: 60_000 });
      console.log(`    ${(await truncated.textContent()).trim()}`);
      assert.match(await truncated.textContent(), /1,000,000 bytes but the manifest needs 4,194,304 \(truncated\)/);

      // A manifest that is not one.
      writeFileSync(join(bad, 'weights_manifest.json'), '{"format": "graph-model"}');
      await page.getByLabel("Choose AlexNet's weight files").setInputFiles([join(bad, 'weights_manifest.json'), ...weights.files.slice(1)]);
      const notManifest = page.getByRole('alert').filter({ hasText: /Not a weights manifest/ });
      await notManifest.waitFor({ timeout: 60_000 });
      console.log(`    ${(await notManifest.textContent()).trim()}`);
      await page.screenshot({ path: `${out}/alexnet-weights-5-bad-manifest.png`, fullPage: true });
      await page.getByRole('heading', { name: /MobileNet's 24 \(AlexNet not loaded\)/ }).waitFor();
      assert.equal(await page.locator('.weights-loaded').count(), 0);
    },
  },
  {
    name: 'alexnet weights: without IndexedDB (a private window) the panel says the weights cannot be kept, and still offers to load them',
    async run({ page, origin }) {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } });
      });
      await openStep(page, origin);
      const alert = page.getByRole('alert').filter({ hasText: /storage \(IndexedDB\) is not available/ });
      await alert.waitFor({ timeout: 30_000 });
      console.log(`    ${(await alert.textContent()).replace(/\s+/g, ' ').trim()}`);
      assert.ok(await page.getByLabel("Choose AlexNet's weight files").isEnabled());
      await page.getByRole('heading', { name: /MobileNet's 24 \(AlexNet not loaded\)/ }).waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'alexnet weights: a URL of the manifest on another origin (CORS) downloads them; a shard missing there is named by its HTTP 404',
    // The browser itself logs the 404 of the missing shard; the page's own message is what is checked.
    allowConsoleErrors: (e) => /status of 404 \(Not Found\)/.test(e),
    async run({ page, origin, out }) {
      const weights = writeFakeAlexnetWeights();
      const full = await serveFolder(weights.dir);
      const partial = await serveFolder(folderWithout(weights, 'group1-shard17of59'));
      try {
        await openStep(page, origin);
        await page.getByText('Nothing cached in this browser yet').waitFor();
        const url = page.getByRole('textbox', { name: /URL of the manifest/ });
        await url.fill(`${partial.origin}/weights_manifest.json`);
        await page.getByRole('button', { name: 'Download' }).click();
        const missing = page.getByRole('alert').filter({ hasText: 'group1-shard17of59' });
        await missing.waitFor({ timeout: 60_000 });
        console.log(`    ${(await missing.textContent()).trim()}`);
        assert.match(await missing.textContent(), /HTTP 404/);

        const started = Date.now();
        await url.fill(`${full.origin}/`);
        await page.getByRole('button', { name: 'Download' }).click();
        const { text } = await loadedSeconds(page);
        console.log(`    ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        assert.match(text, new RegExp(`from ${full.origin}/weights_manifest.json`));
        await bars(page, "AlexNet's five most probable classes");
        await page.locator('.cache-line').waitFor({ timeout: 120_000 });
        await page.screenshot({ path: `${out}/alexnet-weights-6-url.png`, fullPage: true });
      } finally {
        await full.close();
        await partial.close();
      }
    },
  },
];
