// Instructor mode in a real browser: presenter mode enlarges the heading and the readout at 1280×720, the
// keyboard drives training (Space, S, R), F shows a panel full-screen and Esc closes it, then leaves presenter mode.
import assert from 'node:assert/strict';

const fontPx = (locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

export const presenterTests = [
  {
    name: 'presenter: at 1280×720 the heading and readout grow ≥ 1.5×; Space trains and pauses, S steps, R resets; F and Esc',
    async run({ page, origin, out, readStatus, waitFor }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${origin}/#/autoencoder?backend=wasm&seed=1`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss' });
      const heading = page.getByRole('heading', { level: 1 });
      const readout = page.locator('.status-readout');
      const normal = { heading: await fontPx(heading), readout: await fontPx(readout) };
      await page.screenshot({ path: `${out}/presenter-0-normal.png` });

      await page.keyboard.press('p');
      await page.getByRole('button', { name: 'Presenter mode', pressed: true }).waitFor();
      const big = { heading: await fontPx(heading), readout: await fontPx(readout) };
      assert.ok(big.heading >= 1.5 * normal.heading, `heading ${normal.heading} → ${big.heading} px`);
      assert.ok(big.readout >= 1.5 * normal.readout, `readout ${normal.readout} → ${big.readout} px`);
      assert.equal(await page.locator('.app-footer').isVisible(), false, 'the footer is hidden');

      await page.keyboard.press(' ');
      await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
      await waitFor(async () => (await readStatus(page)).step > 5, { message: 'training after Space' });
      await page.keyboard.press(' ');
      await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
      const paused = (await readStatus(page)).step;
      await page.keyboard.press('s');
      await waitFor(async () => (await readStatus(page)).step === paused + 1, { message: 'one step after S' });
      await page.screenshot({ path: `${out}/presenter-1-on.png` });

      await page.keyboard.press('f');
      const full = page.locator('.panel-fullscreen');
      await full.waitFor();
      await page.screenshot({ path: `${out}/presenter-2-fullscreen.png` });
      await page.keyboard.press('Escape');
      await full.waitFor({ state: 'detached' });
      assert.ok(await page.getByRole('button', { name: 'Presenter mode', pressed: true }).isVisible(), 'the first Esc closes only the panel');

      await page.keyboard.press('r');
      await waitFor(async () => (await readStatus(page)).step === 0, { message: 'step 0 after R' });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Presenter mode', pressed: false }).waitFor();
      assert.equal(await fontPx(heading), normal.heading, 'leaving restores the heading size');
      assert.equal(await page.locator('.app-footer').isVisible(), true, 'the footer is back');

      // ? lists the shortcuts.
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      console.log(`    heading ${normal.heading} → ${big.heading} px, readout ${normal.readout} → ${big.readout} px`);
    },
  },
];
