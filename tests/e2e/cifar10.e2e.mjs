// The CIFAR-10 lesson in a real browser: the tutorial's network trains in a Web Worker, the page keeps painting,
// the pictures draw, test accuracy is measured, and a lost WebGL context in the worker moves training to WASM
// with the weights kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

async function distinctColours(page, name) {
  return page.getByRole('img', { name }).first().evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 3) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
}

async function openLesson(page, origin, query, readStatus, waitFor) {
  await page.goto(`${origin}/#/cifar10?${query}`);
  await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 120_000, message: 'the step-0 loss (CIFAR-10 loaded in the worker, network built)' });
}

/** Longest main-thread task and frames per second over `ms`, measured in the page. */
async function mainThreadDuring(page, ms) {
  return page.evaluate(async (duration) => {
    let longest = 0;
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
    obs.observe({ type: 'longtask', buffered: false });
    let frames = 0;
    const t0 = performance.now();
    await new Promise((resolve) => {
      const tick = () => { frames++; if (performance.now() - t0 < duration) requestAnimationFrame(tick); else resolve(); };
      requestAnimationFrame(tick);
    });
    obs.disconnect();
    return { longest, fps: frames / ((performance.now() - t0) / 1000) };
  }, ms);
}

export const cifar10Tests = [
  {
    name: 'CIFAR-10 trains in a worker on WASM: 1,068,298 parameters, loss falls from ~4.68, filters and inputs draw, the page keeps painting',
    async run({ page, origin, out, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=wasm&seed=1&batch=32', readStatus, waitFor);
      await page.getByText('1,068,298 parameters (counted from the built model)').waitFor();
      await page.getByText(/Training runs in a Web Worker on wasm/).waitFor();
      const start = await readStatus(page);
      assert.ok(start.loss > 4.3 && start.loss < 5.0, `step-0 loss ${start.loss} is the tutorial's ~4.68`);
      await page.getByRole('button', { name: 'Train' }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      await waitFor(async () => (await readStatus(page)).step >= 3, { timeout: 60_000, message: 'three training steps' });
      const main = await mainThreadDuring(page, 3000);
      console.log(`    main thread while training: longest task ${main.longest.toFixed(0)} ms, ${main.fps.toFixed(0)} frames/s`);
      assert.ok(main.longest < 50, `longest main-thread task ${main.longest} ms`);
      assert.ok(main.fps >= 50, `${main.fps} frames/s`);
      const later = await waitFor(async () => { const s = await readStatus(page); return s.step >= 40 && s.loss < start.loss - 0.3 ? s : null; }, { timeout: 150_000, message: 'loss 0.3 below its start after 40+ steps' });
      assert.ok(Number.isFinite(later.loss));
      assert.ok(await distinctColours(page, /first-layer filters/) > 100, 'conv1 filters drawn in colour');
      assert.ok(await distinctColours(page, /distorted 24×24 crops/) > 100, 'the distorted inputs are drawn');
      assert.ok(await distinctColours(page, /conv2 weights|conv2 filters/) > 20, 'conv2 slices drawn');
      assert.ok(await distinctColours(page, /Feature maps of conv1/) > 20, 'feature maps drawn');
      await page.locator('.loss-panel svg path').first().waitFor();
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Train' }).waitFor();
      // Histograms: one ridge per kept moment.
      const ridges = await page.locator('.histogram-panel g.ridge').count();
      assert.ok(ridges >= 3, `${ridges} histogram ridges`);
      await page.getByRole('radio', { name: 'gradients' }).check();
      await waitFor(async () => (await page.locator('.histogram-panel g.ridge').count()) >= 2, { message: 'gradient histograms' });
      // The pool1 argmax overlay.
      await page.getByRole('radio', { name: 'pool1' }).check();
      const overlay = await page.getByRole('img', { name: /conv1 channel 1: \d+ cells won at least one of the 144 pooling windows/ }).getAttribute('aria-label');
      assert.ok(overlay);
      // A file that is not an image: a message, and the feature maps keep showing the test image.
      await page.locator('.features-panel input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
      await page.getByText('notes.txt is not an image this browser can read').waitFor();
      await page.getByText(/Test image 1 of 1000/).waitFor();
      // Timeline back to the first kept moment: the filters are those of step 0.
      const slider = page.getByRole('slider', { name: /Showing the live network/ });
      await slider.fill('0');
      await page.getByRole('heading', { name: /conv1: 64 filters of 5×5×3 — step 0 \(timeline\)/ }).waitFor();
      await page.getByRole('heading', { name: /Feature maps at step 0/ }).waitFor();
      const back = await page.getByRole('slider', { name: /Showing step 0/ });
      await back.fill(String(await back.getAttribute('max')));
      await page.getByRole('heading', { name: /^Feature maps$/ }).waitFor();
      // Test accuracy and the confusion matrix; a cell opens its images.
      await page.getByRole('button', { name: 'Measure on the test images' }).click();
      const result = await page.locator('.accuracy-result').textContent({ timeout: 90_000 });
      assert.match(result, /\d+\.\d% correct with the trained weights, \d+\.\d% with their moving average, on the first 1,000 CIFAR-10 test images/);
      const cell = page.locator('.confusion td button:not([disabled])').first();
      await cell.click();
      await page.getByRole('img', { name: /Test images in the chosen cell/ }).waitFor();
      // Save in the browser, then load it back.
      await page.getByRole('textbox', { name: 'Name' }).fill('e2e run');
      await page.getByRole('button', { name: 'Save in this browser' }).click();
      await page.getByRole('button', { name: 'Load e2e run' }).click();
      await page.getByText(/Loaded “e2e run” \(trained \d+ steps before it was saved\)/).first().waitFor({ timeout: 60_000 });
      await waitFor(async () => { const s = await readStatus(page); return s.step === 0 && s.loss < start.loss ? s : null; }, { timeout: 60_000, message: 'step 0 with the loaded (trained) loss' });
      await page.screenshot({ path: `${out}/cifar10-training.png`, fullPage: true });
      await page.getByRole('button', { name: 'Delete e2e run' }).click();
    },
  },
  {
    name: 'CIFAR-10: the shipped pretrained network loads and scores on the test images what scripts/train-cifar.mjs measured',
    async run({ page, origin, readStatus, waitFor }) {
      const info = JSON.parse(readFileSync('public/models/cifar10/model.json', 'utf8'));
      const shipped = Math.max(info.testAccuracy.raw, info.testAccuracy.averaged);
      await openLesson(page, origin, 'backend=wasm&seed=3&batch=16', readStatus, waitFor);
      const untrained = await readStatus(page);
      await page.getByRole('button', { name: 'Load the network shipped with the app' }).click();
      await page.getByText(/Started from the shipped network: .* epochs/).first().waitFor({ timeout: 60_000 });
      await waitFor(async () => { const s = await readStatus(page); return s.step === 0 && s.loss < untrained.loss - 1 ? s : null; }, { timeout: 60_000, message: 'the pretrained loss at step 0' });
      await page.getByRole('button', { name: 'Measure on the test images' }).click();
      const text = await page.locator('.accuracy-result').textContent({ timeout: 90_000 });
      const [raw, averaged] = [...text.matchAll(/(\d+\.\d)%/g)].map((m) => Number(m[1]) / 100);
      // The page evaluates exactly as the script did (central crops, standardised), so it finds the same accuracy.
      assert.ok(Math.abs(raw - shipped) <= 0.005, `page ${raw} vs script ${shipped}`);
      assert.ok(Math.abs(averaged - shipped) <= 0.005, `averaged ${averaged} vs script ${shipped}`);
      assert.ok(shipped >= 0.7, `the shipped network reaches ${shipped} (target 0.70)`);
    },
  },
  {
    name: 'CIFAR-10: a lost WebGL context in the worker moves training to WASM with the weights kept, and training goes on',
    async run({ page, origin, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=webgl&seed=2&batch=16&testhooks=1', readStatus, waitFor);
      await page.getByText(/Training runs in a Web Worker on webgl/).waitFor();
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(async () => (await readStatus(page)).step >= 2, { timeout: 120_000, message: 'two steps on WebGL' });
      await page.evaluate(() => window.__cnnlabTrainers?.cifar10?.loseContext());
      await page.getByText(/webgl failed at step \d+ .*training continues on wasm from the weights of step \d+/).waitFor({ timeout: 60_000 });
      const after = await readStatus(page);
      await waitFor(async () => (await readStatus(page)).step >= after.step + 2, { timeout: 120_000, message: 'two more steps on WASM' });
      assert.ok(Number.isFinite((await readStatus(page)).loss));
    },
  },
];
