// The lecture shell: outline, placeholders, routes with query parameters, the backend badge.
import assert from 'node:assert/strict';

export const shellTests = [
  {
    name: 'home shows the outline; an unknown lesson gets a not-found page; the query survives navigation',
    async run({ page, origin, out, waitFor }) {
      await page.goto(`${origin}/#/?backend=cpu&seed=5`);
      await page.getByRole('heading', { name: 'CNN Lab', level: 1 }).waitFor();
      for (const title of ['Introduction of Neural Network', 'Popular Deep Learning Libraries', 'Introduction of Deep Neural Network',
        'Implementation of several Deep models', 'Applications of Deep models in ImageNet']) {
        await page.getByRole('heading', { name: title }).waitFor();
      }
      const link = page.getByRole('link', { name: 'Other CNN structures' });
      assert.equal(await link.getAttribute('href'), '#/architectures?backend=cpu&seed=5');
      await page.screenshot({ path: `${out}/home.png`, fullPage: true });
      // Every lesson in the outline is built now, so no "coming" placeholder is left to check: follow a lesson
      // link, then check the not-found page and that the query survives both.
      await link.click();
      await page.getByRole('heading', { name: 'Other CNN structures', level: 1 }).waitFor();
      assert.match(page.url(), /#\/architectures\?backend=cpu&seed=5$/);
      await waitFor(async () => /Backend: cpu/.test(await page.locator('.backend-name').textContent()), { message: 'Backend: cpu' });
      // Parameters before the hash count too.
      await page.goto(`${origin}/?backend=cpu#/`);
      await waitFor(async () => /Backend: cpu/.test(await page.locator('.backend-name').textContent()), { message: 'Backend: cpu from ?backend before the hash' });
      await page.goto(`${origin}/#/no-such-lesson?backend=cpu&seed=5`);
      await page.getByRole('heading', { name: /No lesson called/ }).waitFor();
      const back = page.getByRole('link', { name: 'Back to the outline' });
      assert.equal(await back.getAttribute('href'), '#/?backend=cpu&seed=5');
      await back.click();
      await page.getByRole('heading', { name: 'CNN Lab', level: 1 }).waitFor();
      assert.match(page.url(), /#\/\?backend=cpu&seed=5$/);
    },
  },
  {
    name: 'without ?backend the backend is chosen by measurement, and the header says why',
    async run({ page, origin, waitFor }) {
      await page.goto(`${origin}/#/`);
      const badge = page.locator('.backend-badge');
      await waitFor(async () => /Backend: (webgl|wasm)/.test(await badge.textContent()), { message: 'a measured default backend' });
      const text = await badge.textContent();
      assert.match(text, /chosen because/);
      // This project's test machines render WebGL in software (SwiftShader), where WASM is the faster choice.
      assert.match(text, /Backend: wasm · .*chosen because WebGL renders in software here/);
    },
  },
  {
    name: 'a backend that cannot start falls back to the next and says so',
    async run({ page, origin, waitFor }) {
      // Chromium without --enable-unsafe-webgpu has no usable WebGPU adapter here.
      await page.goto(`${origin}/#/?backend=webgpu`);
      const badge = page.locator('.backend-badge');
      await waitFor(async () => /Backend: (webgl|wasm|cpu)/.test(await badge.textContent()), { message: 'a fallback backend' });
      const text = await badge.textContent();
      assert.match(text, /webgpu/i, 'the notice names the backend that failed');
      assert.match(text, /using (webgl|wasm|cpu) instead/);
    },
  },
];
