// The autoencoder lesson in a real browser: it trains, the pictures draw, the controls behave.
import assert from 'node:assert/strict';

/** Distinct colours in a canvas (a blank or single-colour canvas has 1). */
async function distinctColours(page, selector) {
  return page.locator(selector).first().evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
}

/** Sum of absolute pixel differences between now and an earlier snapshot of a canvas. */
async function canvasPixels(page, selector) {
  return page.locator(selector).first().evaluate((canvas) => Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data));
}

async function openLesson(page, origin, query, readStatus, waitFor) {
  await page.goto(`${origin}/#/autoencoder?${query}`);
  await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss (MNIST loaded, network built)' });
}

export const autoencoderTests = [
  {
    name: 'autoencoder trains on WebGL: the loss falls below half its first value and the pictures update',
    async run({ page, origin, out, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=webgl&seed=1', readStatus, waitFor);
      assert.match(await page.locator('.backend-name').textContent(), /Backend: webgl/);
      const start = await readStatus(page);
      assert.equal(start.step, 0);
      assert.equal(await page.getByRole('status').count(), 1, 'one role=status element: the training readout');
      const filtersBefore = await canvasPixels(page, '[data-panel="filters"] canvas');
      await page.getByRole('button', { name: 'Train' }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      const first = await waitFor(async () => { const s = await readStatus(page); return s.step > 0 ? s : null; }, { message: 'a first loss after training began' });
      const last = await waitFor(async () => { const s = await readStatus(page); return s.loss < first.loss / 2.5 ? s : null; }, { timeout: 120_000, message: `loss below ${first.loss / 2.5}` });
      assert.ok(Number.isFinite(last.loss) && last.step > first.step);
      // The readout is plain: lowercase words, an integer step without separators, a plain decimal loss.
      assert.match(last.text.trim(), /^step \d+ · loss \d+\.\d+$/);
      await page.waitForTimeout(700); // one redraw of the live views
      assert.ok(await distinctColours(page, '[data-panel="filters"] canvas') > 50, 'the encoder-weight tiles are drawn');
      assert.ok(await distinctColours(page, '[data-panel="reconstructions"] canvas') > 20, 'digits are drawn');
      const filtersAfter = await canvasPixels(page, '[data-panel="filters"] canvas');
      let changed = 0;
      for (let i = 0; i < filtersAfter.length; i++) changed += filtersAfter[i] !== filtersBefore[i] ? 1 : 0;
      assert.ok(changed > filtersAfter.length / 20, 'the learned features changed while training');
      const chartLabel = await page.locator('[data-panel="loss"] svg').getAttribute('aria-label');
      assert.match(chartLabel ?? '', /loss/i);
      for (const name of [/Test digits/, /reconstructions/, /encoder weights/, /Code of the selected digit/]) {
        await page.getByRole('img', { name }).first().waitFor();
      }
      await page.screenshot({ path: `${out}/autoencoder-training.png`, fullPage: true });
      // Kept snapshots of the features can be replayed: back to step 0, the tiles show the initial noise.
      await waitFor(async () => (await readStatus(page)).step >= 230, { timeout: 120_000, message: 'step 230 (a second snapshot)' });
      const replay = page.getByRole('slider', { name: /Replay the features/ });
      await replay.waitFor();
      await replay.fill('0');
      await page.getByText(/Replay the features: step 0/).waitFor();
      const atStart = await canvasPixels(page, '[data-panel="filters"] canvas');
      let same = 0;
      for (let i = 0; i < atStart.length; i++) same += atStart[i] === filtersBefore[i] ? 1 : 0;
      assert.ok(same > atStart.length * 0.99, 'replaying step 0 shows the initial weights again');
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Train' }).waitFor();
      const paused = await readStatus(page);
      await page.waitForTimeout(600);
      assert.equal((await readStatus(page)).step, paused.step, 'nothing trains while paused');
    },
  },
  {
    name: 'Step runs one batch; Reset returns to step 0 with the same seeded loss',
    async run({ page, origin, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=webgl&seed=3', readStatus, waitFor);
      const initial = await readStatus(page);
      await page.getByRole('button', { name: 'Step' }).click();
      await waitFor(async () => (await readStatus(page)).step === 1, { message: 'step 1' });
      await page.getByRole('button', { name: 'Step' }).click();
      await waitFor(async () => (await readStatus(page)).step === 2, { message: 'step 2' });
      await page.getByRole('button', { name: 'Reset' }).click();
      await waitFor(async () => { const s = await readStatus(page); return s.step === 0 && s.loss === initial.loss; }, { message: `step 0 · loss ${initial.loss}` });
      // Slow motion: about three steps a second, slow enough to follow.
      await page.getByRole('checkbox', { name: 'Slow motion' }).check();
      await page.getByRole('button', { name: 'Train' }).click();
      await page.waitForTimeout(2000);
      await page.getByRole('button', { name: 'Pause' }).click();
      const slow = await waitFor(async () => { const s = await readStatus(page); return s.step > 0 ? s : null; }, { message: 'a few slow steps' });
      assert.ok(slow.step <= 10, `slow motion ran ${slow.step} steps in 2 s`);
    },
  },
  {
    name: 'steps have deep links; ←/→ move between them except inside a slider',
    async run({ page, origin, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=webgl&seed=7', readStatus, waitFor);
      await page.goto(`${origin}/#/autoencoder/3?seed=7&backend=webgl`);
      await page.getByText('Step 3 of 8', { exact: true }).waitFor();
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('ArrowRight');
      await page.getByText('Step 4 of 8', { exact: true }).waitFor();
      assert.match(page.url(), /#\/autoencoder\/4\?seed=7&backend=webgl$/);
      await page.getByRole('button', { name: 'Previous', exact: true }).click();
      await page.getByText('Step 3 of 8', { exact: true }).waitFor();
      const slider = page.getByRole('slider', { name: /Learning rate/ });
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
      await page.getByText('Step 3 of 8', { exact: true }).waitFor();
      assert.match(page.url(), /lr=/, 'the slider moved and its value went into the URL');
    },
  },
  {
    name: 'drawing a digit shows its reconstruction and code; Clear blanks it',
    async run({ page, origin, out, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=webgl&seed=2', readStatus, waitFor);
      const pad = page.getByRole('img', { name: /Drawing pad/ });
      await pad.scrollIntoViewIfNeeded();
      const box = await pad.boundingBox();
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.2 + i * 0.05));
      await page.mouse.up();
      const seen = '[data-panel="draw"] .grid-host canvas';
      await waitFor(async () => (await distinctColours(page, seen)) > 3, { message: 'the drawn digit and its reconstruction' });
      await page.locator('[data-panel="draw"]').screenshot({ path: `${out}/autoencoder-draw.png` });
      const clear = page.getByRole('button', { name: 'Clear drawing' });
      assert.ok(await clear.isEnabled());
      await clear.click();
      await waitFor(async () => !(await clear.isEnabled()), { message: 'Clear disabled on an empty pad' });
    },
  },
  {
    name: 'the classification experiment reports three measured test accuracies',
    async run({ page, origin, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=webgl&seed=4', readStatus, waitFor);
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(async () => (await readStatus(page)).step >= 150, { timeout: 120_000, message: '150 training steps' });
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Run the classification experiment' }).click();
      const table = page.getByRole('table');
      await table.waitFor({ timeout: 240_000 });
      const cells = await table.locator('tbody td:last-child').allTextContents();
      assert.equal(cells.length, 3);
      const [raw, codes, tuned] = cells.map((c) => Number(c.replace('%', '')));
      assert.ok(raw > 80, `softmax on pixels: ${raw}%`);
      assert.ok(codes > 60, `softmax on codes: ${codes}%`);
      assert.ok(tuned >= codes - 1, `fine-tuned ${tuned}% vs codes ${codes}%`);
    },
  },
  {
    name: 'the WASM backend trains the autoencoder too',
    async run({ page, origin, readStatus, waitFor }) {
      await openLesson(page, origin, 'backend=wasm&seed=1', readStatus, waitFor);
      assert.match(await page.locator('.backend-name').textContent(), /Backend: wasm/);
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(async () => (await readStatus(page)).step >= 30, { message: '30 steps on wasm' });
      await page.getByRole('button', { name: 'Pause' }).click();
    },
  },
];
