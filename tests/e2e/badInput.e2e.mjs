// Bad input: corrupt or missing data, a hidden tab, frantic clicking, resizing mid-training.
import assert from 'node:assert/strict';

async function expectDataError(page, origin, file, problem) {
  await page.goto(`${origin}/#/autoencoder?backend=cpu`);
  const alert = page.getByRole('alert').filter({ hasText: file });
  await alert.waitFor({ timeout: 60_000 });
  const text = await alert.textContent();
  assert.match(text, problem);
  // The rest of the app keeps working.
  await page.getByRole('link', { name: 'CNN Lab' }).click();
  await page.getByRole('heading', { name: 'CNN Lab', level: 1 }).waitFor();
}

export const badInputTests = [
  {
    name: 'a corrupt dataset file gives a message naming the file; the app keeps working',
    async run({ page, origin, out }) {
      await page.route('**/datasets/mnist/t10k-labels-idx1-ubyte.gz', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('this is not gzip at all') }));
      await expectDataError(page, origin, 't10k-labels-idx1-ubyte.gz', /checksum|gzip/);
      await page.goto(`${origin}/#/autoencoder?backend=cpu`);
      await page.getByRole('alert').filter({ hasText: 't10k-labels' }).waitFor();
      await page.screenshot({ path: `${out}/corrupt-dataset.png` });
    },
    allowConsoleErrors: () => false,
  },
  {
    name: 'a missing dataset file gives a message naming the file',
    async run({ page, origin }) {
      await page.route('**/datasets/mnist/train-images-idx3-ubyte.gz', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
      await expectDataError(page, origin, 'train-images-idx3-ubyte.gz', /404|not found/i);
    },
    // Chromium itself logs a failed (404) resource load.
    allowConsoleErrors: (e) => /404/.test(e),
  },
  {
    name: 'a hidden tab pauses training and says so on return',
    async run({ page, origin, readStatus, waitFor }) {
      await page.goto(`${origin}/#/autoencoder?backend=webgl&seed=1`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'step-0 loss' });
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(async () => (await readStatus(page)).step > 5, { message: 'training' });
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await page.getByRole('button', { name: 'Train' }).waitFor();
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await page.getByText(/paused because this tab was hidden/).waitFor();
      const paused = await readStatus(page);
      await page.waitForTimeout(500);
      assert.equal((await readStatus(page)).step, paused.step);
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(async () => (await readStatus(page)).step > paused.step, { message: 'training resumes' });
      assert.equal(await page.getByText(/paused because this tab was hidden/).count(), 0, 'the notice goes away on resume');
    },
  },
  {
    name: 'rapid Train/Pause/Step/Reset clicking and resizing leave a consistent, working view',
    async run({ page, origin, readStatus, waitFor }) {
      await page.goto(`${origin}/#/autoencoder?backend=webgl&seed=1`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'step-0 loss' });
      const initial = await readStatus(page);
      const toggle = page.locator('.training-controls button.primary');
      for (let i = 0; i < 15; i++) {
        await toggle.click({ delay: 0 });
        if (i % 3 === 0) await page.getByRole('button', { name: 'Step' }).click();
        if (i % 5 === 0) await page.getByRole('button', { name: 'Reset' }).click();
      }
      await page.setViewportSize({ width: 700, height: 900 });
      await page.getByRole('button', { name: 'Reset' }).click();
      await waitFor(async () => { const s = await readStatus(page); return s.step === 0 && s.loss === initial.loss; }, { message: 'a clean step 0 after Reset' });
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(async () => (await readStatus(page)).step > 10, { message: 'training after the storm' });
      await page.setViewportSize({ width: 1100, height: 800 });
      const s = await readStatus(page);
      assert.ok(Number.isFinite(s.loss), `finite loss, got "${s.text}"`);
      await waitFor(async () => (await readStatus(page)).step > s.step, { message: 'still training after resize' });
      await page.getByRole('button', { name: 'Pause' }).click();
    },
  },
  {
    name: 'a lost WebGL context stops training with a message; the page keeps working',
    async run({ page, origin, readStatus, waitFor }) {
      // Keep a handle on every WebGL context the page creates (tfjs's canvas is an OffscreenCanvas, not in the DOM).
      await page.addInitScript(() => {
        window.__glContexts = [];
        for (const Canvas of [globalThis.HTMLCanvasElement, globalThis.OffscreenCanvas]) {
          if (!Canvas) continue;
          const original = Canvas.prototype.getContext;
          Canvas.prototype.getContext = function (type, ...rest) {
            const ctx = original.call(this, type, ...rest);
            if (ctx && /webgl/.test(String(type))) window.__glContexts.push(ctx);
            return ctx;
          };
        }
      });
      await page.goto(`${origin}/#/autoencoder?backend=webgl&seed=1`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'step-0 loss' });
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(async () => (await readStatus(page)).step > 5, { message: 'training' });
      const lost = await page.evaluate(() => {
        let n = 0;
        for (const gl of window.__glContexts) {
          const ext = gl.getExtension('WEBGL_lose_context');
          if (ext) { ext.loseContext(); n++; }
        }
        return n;
      });
      assert.ok(lost > 0, 'a WebGL context was found and lost');
      await page.getByText(/GPU context was lost/).first().waitFor();
      await page.getByRole('button', { name: 'Train' }).waitFor();
      const s = await readStatus(page);
      assert.ok(Number.isFinite(s.loss), `the readout stays a number: "${s.text}"`);
      await page.getByRole('link', { name: 'CNN Lab' }).click();
      await page.getByRole('heading', { name: 'CNN Lab', level: 1 }).waitFor();
    },
    // Chromium and tfjs report the lost context on the console.
    allowConsoleErrors: (e) => /context|WebGL|GL_/i.test(e),
  },
];
