// Classroom presets in a real browser: choosing one writes its settings into the address and says what the
// class should see and when; then training shows that point within the stated time (seed 1, WASM).
import assert from 'node:assert/strict';

/**
 * Share of the hidden-unit tiles' pixels drawn in a clear colour (red and blue channels more than 60 apart,
 * the white gaps between tiles left out). Noise fills a tile with colour; a pen stroke leaves most of it grey.
 */
async function inkedShare(page) {
  return page.locator('[data-panel="filters"] canvas').first().evaluate((canvas) => {
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    let all = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] === 255 && d[i + 1] === 255 && d[i + 2] === 255) continue;
      all++;
      if (Math.abs(d[i] - d[i + 2]) > 60) inked++;
    }
    return inked / all;
  });
}

async function choosePreset(page, name, waitFor, expectInUrl) {
  const button = page.getByRole('group', { name: 'Classroom presets' }).getByRole('button', { name });
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  await button.click();
  await waitFor(async () => expectInUrl.every((p) => page.url().includes(p)), { timeout: 10_000, message: `${expectInUrl.join(', ')} in the address` });
  await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'true', { timeout: 60_000, message: `${name} pressed` });
  const expectation = page.locator('.classroom-presets .preset-expect');
  assert.match(await expectation.textContent(), /^What the class should see, and when:/);
  await expectation.locator('summary', { hasText: 'How this was measured' }).click();
  assert.match(await expectation.locator('details p').textContent(), /^.*Seed 1, Chromium on a 2-core machine without a GPU/);
  return expectation;
}

export const presetsTests = [
  {
    name: 'presets: the autoencoder classroom preset shows recognisable digits within 20 s and pen strokes within 90 s',
    async run({ page, origin, out, readStatus, waitFor }) {
      await page.goto(`${origin}/#/autoencoder?backend=wasm&seed=1&hidden=64&lr=0.003`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss' });
      await page.getByText(/These settings match no preset/).waitFor();
      const expectation = await choosePreset(page, /Classroom/, waitFor, ['lr=0.01', 'hidden=100', 'seed=1']);
      assert.match(await expectation.textContent(), /within about 10 seconds.*within about a minute/i);
      await page.getByText(/784 → 100 → 784/).waitFor();
      await waitFor(async () => { const s = await readStatus(page); return s.step === 0 && s.loss > 100; }, { timeout: 30_000, message: 'a fresh 100-unit network at step 0' });
      await page.getByRole('button', { name: 'Train' }).click();
      const t0 = Date.now();
      const digits = await waitFor(async () => { const s = await readStatus(page); return s.loss < 30 ? s : null; }, { timeout: 20_000, interval: 100, message: 'loss under 30 (recognisable digits) within 20 s' });
      const digitsS = (Date.now() - t0) / 1000;
      await page.waitForTimeout(600); // one redraw of the pictures
      await page.locator('[data-panel="reconstructions"]').screenshot({ path: `${out}/presets-autoencoder-digits.png` });
      let inked = 1;
      const strokes = await waitFor(async () => { inked = await inkedShare(page); return inked < 0.07 ? readStatus(page) : null; }, { timeout: 90_000 - (Date.now() - t0), interval: 1000, message: 'hidden units drawn as strokes (inked share under 0.07) within 90 s' });
      const strokesS = (Date.now() - t0) / 1000;
      console.log(`    loss ${digits.loss} at step ${digits.step} after ${digitsS.toFixed(1)} s; inked share ${inked.toFixed(3)} at step ${strokes.step} after ${strokesS.toFixed(1)} s`);
      await page.locator('[data-panel="filters"]').screenshot({ path: `${out}/presets-autoencoder-strokes.png` });
      await page.locator('.controls-panel').screenshot({ path: `${out}/presets-autoencoder-panel.png` });
      // Another preset starts a fresh network, so its times count from step 0 too.
      await choosePreset(page, /Denoising/, waitFor, ['noise=0.5']);
      await waitFor(async () => (await readStatus(page)).step === 0, { timeout: 10_000, message: 'step 0 after choosing a preset' });
      await page.getByRole('button', { name: 'Train' }).waitFor();
    },
  },
  {
    name: 'presets: the CIFAR-10 classroom preset gets 30% of the test images right within 2 minutes',
    async run({ page, origin, out, readStatus, waitFor }) {
      await page.goto(`${origin}/#/cifar10?backend=wasm&seed=1&batch=32`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 120_000, message: 'the step-0 loss (CIFAR-10 loaded)' });
      await page.getByText(/These settings match no preset/).waitFor();
      const expectation = await choosePreset(page, /Classroom/, waitFor, ['batch=64']);
      assert.match(await expectation.textContent(), /within one to two minutes.*30–40%/i);
      await page.locator('.where-it-runs', { hasText: 'batches of 64' }).waitFor({ timeout: 120_000 });
      await waitFor(async () => { const s = await readStatus(page); return s.step === 0 && s.loss > 4; }, { timeout: 120_000, message: 'a fresh network at step 0' });
      await page.getByRole('button', { name: 'Train' }).click();
      const t0 = Date.now();
      await waitFor(async () => (await readStatus(page)).step >= 80, { timeout: 110_000, message: 'step 80' });
      const measure = page.getByRole('button', { name: 'Measure on the test images' });
      await measure.click();
      const result = page.locator('.accuracy-result');
      await result.waitFor({ timeout: 30_000 });
      const text = (await result.textContent()).trim();
      const elapsed = (Date.now() - t0) / 1000;
      const m = /After step ([\d,]+): ([\d.]+)% correct with the trained weights, ([\d.]+)% with their moving average/.exec(text);
      assert.ok(m, text);
      console.log(`    ${text.slice(0, 110)} (${elapsed.toFixed(0)} s after Train)`);
      assert.ok(Number(m[3]) >= 30, `averaged accuracy ${m[3]}% at step ${m[1]}`);
      assert.ok(elapsed <= 120, `measured ${elapsed.toFixed(0)} s after Train`);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.locator('.controls-panel').screenshot({ path: `${out}/presets-cifar10-panel.png` });
      await page.locator('.accuracy-panel').screenshot({ path: `${out}/presets-cifar10-accuracy.png` });
    },
  },
];
