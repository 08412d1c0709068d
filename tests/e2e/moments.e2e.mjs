// Moments in a real browser: keep the autoencoder run twice, reload, both are still there, compare them side by
// side (pictures computed from each moment's weights), go back to one.
import assert from 'node:assert/strict';

async function canvasPixels(page, selector) {
  return page.locator(selector).first().evaluate((canvas) => Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data));
}

function distinct(pixels) {
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
  return seen.size;
}

async function trainUntil(page, readStatus, waitFor, minStep) {
  await page.getByRole('button', { name: 'Train' }).click();
  await waitFor(async () => (await readStatus(page)).step >= minStep, { timeout: 60_000, message: `step ${minStep}` });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Train' }).waitFor();
  return waitFor(async () => { const s = await readStatus(page); return Number.isFinite(s.loss) ? s : null; }, { message: 'the loss after pausing' });
}

async function keep(page, name) {
  const panel = page.locator('[data-panel="moments"]');
  await panel.getByLabel('Keep as').fill(name);
  await panel.getByRole('button', { name: 'Keep this moment' }).click();
  await panel.getByText(`Kept “${name}”`).waitFor();
}

export const momentsTests = [
  {
    name: 'moments: two kept runs survive a reload, compare side by side from their own weights, and Go to restores one',
    async run({ page, origin, out, readStatus, waitFor }) {
      await page.goto(`${origin}/#/autoencoder?backend=wasm&seed=1`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss' });
      const panel = page.locator('[data-panel="moments"]');
      // The name field follows the run until it is edited.
      assert.equal(await panel.getByLabel('Keep as').inputValue(), 'after 0 batches (0.00 epochs)');

      const early = await trainUntil(page, readStatus, waitFor, 20);
      assert.match(await panel.getByLabel('Keep as').inputValue(), new RegExp(`^after ${early.step} batches \\(0\\.0\\d epochs\\)$`));
      await keep(page, 'early');
      const later = await trainUntil(page, readStatus, waitFor, early.step + 300);
      // "later" is kept on lesson step 4: the view is part of the moment.
      await page.getByRole('navigation', { name: 'Lesson steps' }).getByRole('button', { name: /^4\. / }).click();
      await page.waitForURL(/#\/autoencoder\/4\?/);
      await keep(page, 'later');
      assert.ok(later.loss < early.loss, `the later loss ${later.loss} is below the early one ${early.loss}`);

      // Reload on another seed: going to "early" must bring seed 1 back (the network is rebuilt, then filled).
      await page.goto(`${origin}/#/autoencoder?backend=wasm&seed=2`);
      await page.reload();
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss after reloading' });
      assert.match(page.url(), /seed=2/);
      assert.equal((await readStatus(page)).step, 0, 'a reload starts a fresh run');
      await panel.getByRole('button', { name: 'Go to early' }).waitFor();
      await panel.getByRole('button', { name: 'Go to later' }).waitFor();
      const listText = await panel.locator('.moment-list').textContent();
      assert.match(listText, new RegExp(`early \\(step ${early.step}, `));
      assert.match(listText, new RegExp(`later \\(step ${later.step}, `));

      await panel.getByLabel('Moment A').selectOption('early');
      await panel.getByLabel('Moment B').selectOption('later');
      const recon = (side) => `[data-moment-side="${side}"] .moment-recon canvas`;
      await page.locator(recon('B')).waitFor();
      const [a, b] = [await canvasPixels(page, recon('A')), await canvasPixels(page, recon('B'))];
      assert.equal(a.length, b.length);
      let differ = 0;
      for (let i = 0; i < a.length; i += 4) differ += a[i] !== b[i] ? 1 : 0;
      assert.ok(differ > a.length / 4 / 10, `the two reconstruction grids differ (${differ} of ${a.length / 4} pixels)`);
      assert.ok(distinct(a) > 10 && distinct(b) > 10, 'both reconstruction grids are drawn');
      const filtersB = await canvasPixels(page, '[data-moment-side="B"] .moment-filters canvas');
      assert.ok(distinct(filtersB) > 50, 'the hidden units of moment B are drawn');
      assert.match(await page.locator('[data-moment-side="A"] .moment-facts').textContent(), new RegExp(`^step ${early.step} · `));
      assert.match(await page.locator('[data-moment-side="B"] .moment-facts').textContent(), new RegExp(`^step ${later.step} · `));
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${out}/moments-compare.png` });

      // Going to "early" from a fresh run (nothing to lose) puts its step and loss back in the readout.
      await panel.getByRole('button', { name: 'Go to early' }).click();
      await waitFor(async () => (await readStatus(page)).step === early.step, { message: `the readout back at step ${early.step}` });
      assert.equal((await readStatus(page)).text, early.text);
      assert.match(page.url(), /#\/autoencoder(\/1)?\?(.*&)?seed=1(&|$)/, 'seed 1 and lesson step 1 are back in the URL');
      assert.match(page.url(), /backend=wasm/, 'the backend stays this device\'s');
      // One more batch, then going elsewhere asks first: the live run is not kept.
      await page.getByRole('button', { name: 'Step' }).click();
      await waitFor(async () => (await readStatus(page)).step === early.step + 1, { message: 'one batch after early' });
      await panel.getByRole('button', { name: 'Go to later' }).click();
      await panel.getByRole('group', { name: 'The live run will be replaced' }).waitFor();
      await panel.getByRole('button', { name: 'Keep the live run, then go' }).click();
      await waitFor(async () => (await readStatus(page)).step === later.step, { message: `the readout at step ${later.step}` });
      assert.match(page.url(), /#\/autoencoder\/4\?/, 'the lesson step of "later" is back');
      await panel.getByRole('button', { name: `Go to after ${early.step + 1} batches (0.0` }).waitFor();
      // The loss curve up to the moment came back with it: the total-loss line runs from step 0 to the moment's step.
      const curve = await waitFor(async () => {
        const d = await page.locator('[data-panel="loss"] path[data-series="total"]').getAttribute('d');
        return d && (d.match(/L/g) ?? []).length >= 3 ? d : null;
      }, { message: 'the restored loss curve' });
      assert.ok(curve.startsWith('M'));
      assert.match(await page.locator('[data-panel="loss"] svg').getAttribute('aria-label'), new RegExp(`${later.step}`));
      await page.locator('[data-panel="loss"]').screenshot({ path: `${out}/moments-loss-after-go-to.png` });
      await page.screenshot({ path: `${out}/moments-page.png`, fullPage: true });

      // Another hidden size: the kept weights do not fit, so Go to says so and changes nothing.
      await page.goto(`${origin}/#/autoencoder?backend=wasm&seed=1&hidden=36`);
      await page.getByText('What the 36 hidden units learned').waitFor();
      await waitFor(async () => { const s = await readStatus(page); return s.step === 0 && s.loss > 0; }, { message: 'a fresh 36-unit run' });
      await panel.getByRole('button', { name: 'Go to early' }).click();
      await panel.getByText('“early” has 100 hidden units and this network has 36, so its weights do not fit. Set the hidden units to 100 first. Nothing was changed.').waitFor();
      assert.equal((await readStatus(page)).step, 0);
      assert.match(page.url(), /hidden=36/);
    },
  },
];

momentsTests.push({
  name: 'moments on CIFAR-10: two kept networks survive a reload; conv1 filters and maps side by side, labelled with step and test accuracy; Go to puts one back (rebuilding for another seed) and Train goes on from it',
  async run({ page, origin, out, readStatus, waitFor }) {
    const open = async () => waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 120_000, message: 'the step-0 loss (CIFAR-10 in the worker)' });
    await page.goto(`${origin}/#/cifar10?backend=wasm&seed=1&batch=16`);
    await open();
    const panel = page.locator('[data-panel="moments"]');
    await panel.getByLabel('Keep as').fill('at first');
    await panel.getByRole('button', { name: 'Keep this moment' }).click();
    await panel.getByText(/Kept “at first” \(step 0, \d+\.\d% of 1,000 test images right\)/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor(async () => (await readStatus(page)).step >= 60, { timeout: 90_000, message: 'step 60' });
    await panel.getByLabel('Keep as').fill('sixty');
    await panel.getByRole('button', { name: 'Keep this moment' }).click();
    const kept = await panel.getByText(/Kept “sixty” \(step \d+, /).textContent({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    const keptStep = Number(/step (\d+)/.exec(kept)[1]);
    assert.ok(keptStep >= 60, `kept at step ${keptStep}`);

    await page.reload();
    await open();
    await panel.getByRole('button', { name: 'Delete sixty' }).waitFor();
    await panel.getByLabel('Moment A').selectOption('at first');
    await panel.getByLabel('Moment B').selectOption('sixty');
    await panel.getByLabel('Test image').selectOption('3');
    const maps = (side) => `[data-moment-side="${side}"] .moment-maps canvas`;
    await page.locator(maps('B')).waitFor();
    const pixels = (sel) => page.locator(sel).first().evaluate((c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data));
    const [a, b] = [await pixels(maps('A')), await pixels(maps('B'))];
    let differ = 0;
    for (let i = 0; i < a.length; i += 4) differ += a[i] !== b[i] || a[i + 1] !== b[i + 1] ? 1 : 0;
    assert.ok(differ > a.length / 4 / 10, `the two moments' conv1 maps differ (${differ} of ${a.length / 4} pixels)`);
    const filtersA = await pixels('[data-moment-side="A"] .moment-filters canvas');
    assert.ok(new Set(Array.from({ length: filtersA.length / 4 }, (_, i) => filtersA[i * 4] * 65536 + filtersA[i * 4 + 1] * 256 + filtersA[i * 4 + 2])).size > 50, 'conv1 filters of A drawn in colour');
    assert.match(await page.locator('[data-moment-side="A"] .moment-facts').textContent(), /^step 0 · 0\.00 epochs · \d+\.\d% of 1,000 test images right$/);
    assert.match(await page.locator('[data-moment-side="B"] .moment-facts').textContent(), new RegExp(`^step ${keptStep} · `));
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${out}/moments-cifar10-compare.png` });

    // Go to "sixty" from the fresh run after the reload (nothing to lose): its step and loss are back in the readout.
    const lossOf = async (name) => /, loss (\S+?),/.exec(await panel.locator('.moment-list li').filter({ has: page.getByRole('button', { name: `Delete ${name}` }) }).locator('.hint').first().textContent())[1];
    const keptLoss = await lossOf('sixty');
    await panel.getByRole('button', { name: 'Go to sixty' }).click();
    await waitFor(async () => (await readStatus(page)).step === keptStep, { timeout: 60_000, message: `the readout back at step ${keptStep}` });
    assert.equal((await readStatus(page)).text.trim(), `step ${keptStep} · loss ${keptLoss}`);
    await panel.getByText(new RegExp(`^Back at “sixty”: step ${keptStep}, its weights, settings and lesson step\\. Train goes on with the batches and learning rate that follow step ${keptStep}\\..*moving average of the weights starts again from them`)).waitFor();
    assert.match(page.url(), /#\/cifar10(\/1)?\?(.*&)?seed=1(&|$)/, `seed 1 and lesson step 1 are in the URL (${page.url()})`);
    assert.match(page.url(), /batch=16/, 'the batch size of the moment');
    assert.match(page.url(), /backend=wasm/, 'the backend stays this device\'s');
    // The loss curve up to the moment came back with it.
    assert.match(await page.locator('.loss-panel svg').first().getAttribute('aria-label'), new RegExp(`${keptStep}`));
    // Train continues from the kept step, not from 0.
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor(async () => (await readStatus(page)).step >= keptStep + 3, { timeout: 60_000, message: `steps after ${keptStep}` });
    await page.getByRole('button', { name: 'Pause' }).click();
    // Paused: the readout settles (the last read-back arrives after Pause).
    const resumed = await waitFor(async () => {
      const before = await readStatus(page);
      await page.waitForTimeout(700);
      const now = await readStatus(page);
      return now.text === before.text && now.step > keptStep && Number.isFinite(now.loss) ? now : null;
    }, { message: 'paused after the kept step' });
    await page.locator('.loss-panel').screenshot({ path: `${out}/moments-cifar10-goto-loss.png` });

    // Going back to "at first" now would lose the live run: the panel asks, keeps it, then goes.
    const firstLoss = await lossOf('at first');
    await panel.getByRole('button', { name: 'Go to at first' }).click();
    await panel.getByRole('group', { name: 'The live run will be replaced' }).waitFor();
    await panel.getByRole('button', { name: 'Keep the live run, then go' }).click();
    await waitFor(async () => (await readStatus(page)).step === 0, { timeout: 60_000, message: 'the readout back at step 0' });
    assert.equal((await readStatus(page)).text.trim(), `step 0 · loss ${firstLoss}`);
    await panel.getByRole('button', { name: new RegExp(`^Go to after ${resumed.step} batches`) }).waitFor();
    await panel.getByText(new RegExp(`^Back at “at first”: step 0, .* The run at step ${resumed.step} was replaced \\(kept as “after ${resumed.step} batches`)).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${out}/moments-cifar10-goto.png` });

    // Another seed needs another task: Go to builds the moment's (seed 1) first, then puts the moment into it.
    await page.goto(`${origin}/#/cifar10?backend=wasm&seed=2&batch=16`);
    await waitFor(async () => (await readStatus(page)).step === 0 && (await readStatus(page)).loss > 0 && (await readStatus(page)).text.trim() !== `step 0 · loss ${firstLoss}`, { timeout: 120_000, message: 'the seed-2 network at step 0' });
    await panel.getByRole('button', { name: 'Go to sixty' }).click();
    await waitFor(async () => (await readStatus(page)).step === keptStep, { timeout: 120_000, message: `the rebuilt run at step ${keptStep}` });
    assert.equal((await readStatus(page)).text.trim(), `step ${keptStep} · loss ${keptLoss}`);
    await page.getByText(new RegExp(`^Back at “sixty”: step ${keptStep}, its weights, settings and lesson step\\.`)).waitFor();
    assert.match(page.url(), /seed=1(&|$)/, `the moment's seed is back in the URL (${page.url()})`);
    await page.getByRole('button', { name: 'Step' }).click();
    await waitFor(async () => (await readStatus(page)).step === keptStep + 1, { timeout: 60_000, message: `step ${keptStep + 1} after the rebuild` });
  },
});

momentsTests.push({
  name: 'moments: a full or missing browser storage is named in words, and the run goes on untouched',
  async run({ page, origin, readStatus, waitFor }) {
    // A storage quota that is used up: every write to the moments store is refused as the browser would.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (this.name === 'moments') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.goto(`${origin}/#/autoencoder?backend=wasm&seed=1`);
    await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss' });
    await page.getByRole('button', { name: 'Step' }).click();
    await waitFor(async () => (await readStatus(page)).step === 1, { message: 'step 1' });
    const panel = page.locator('[data-panel="moments"]');
    await panel.getByRole('button', { name: 'Keep this moment' }).click();
    await panel.getByText(/^Nothing was kept: .*storage for this site is full \(The quota has been exceeded\.\); delete some moments or saved networks and try again$/).waitFor();
    assert.equal(await panel.locator('.moment-list').count(), 0, 'nothing is listed');
    assert.equal((await readStatus(page)).step, 1, 'the run is untouched');

    // No IndexedDB at all (some private modes): the panel says so when it opens and when asked to keep.
    const bare = await page.context().newPage();
    await bare.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    await bare.goto(`${origin}/#/autoencoder?backend=wasm&seed=1`);
    await waitFor(async () => (await readStatus(bare)).loss > 0, { timeout: 90_000, message: 'the step-0 loss without IndexedDB' });
    const barePanel = bare.locator('[data-panel="moments"]');
    await barePanel.getByText('The kept moments could not be read: this browser has no IndexedDB, so moments cannot be kept here').waitFor();
    await barePanel.getByRole('button', { name: 'Keep this moment' }).click();
    await barePanel.getByText('Nothing was kept: this browser has no IndexedDB, so moments cannot be kept here').waitFor();
    await bare.getByRole('button', { name: 'Step' }).click();
    await waitFor(async () => (await readStatus(bare)).step === 1, { message: 'training still works without storage' });
    await bare.close();
  },
});
