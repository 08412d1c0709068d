// The "Reducing overfitting" and "SGD with momentum" steps of #/alexnet in a real browser: the augmentation grid
// states 2,048 and draws new crops; the dropout comparison trains in the worker (a tiny MNIST preset from the
// address), draws both runs' curves and the gap line; the momentum panel moves both paths.
import assert from 'node:assert/strict';

/** The 1-based number of the lesson step titled `title` (from the step buttons' names, "N. title"). */
async function stepNumber(page, origin, title) {
  await page.goto(`${origin}/#/alexnet`);
  const name = await page.getByRole('button', { name: new RegExp(`^\\d+\\. ${title}$`) }).getAttribute('aria-label');
  return Number(/^(\d+)\./.exec(name ?? '')?.[1]);
}

/** PNG data URLs of the crop tiles. */
async function cropPixels(page) {
  return page.locator('.crop-tile canvas').evaluateAll((cs) => cs.map((c) => c.toDataURL()));
}

export const alexnetOverfittingTests = [
  {
    name: 'alexnet overfitting: the augmentation grid states 2,048 and draws new crops on demand',
    async run({ page, origin, out, waitFor }) {
      const n = await stepNumber(page, origin, 'Reducing overfitting: data augmentation');
      await page.goto(`${origin}/#/alexnet/${n}`);
      const count = (await page.locator('.augment-count').textContent()) ?? '';
      assert.match(count, /32 × 32 = 1,024 positions/);
      assert.match(count, /1,024 × 2 = 2,048 training examples/);
      await page.locator('.crop-tile canvas').nth(11).waitFor();
      assert.equal(await page.locator('.crop-tile').count(), 12);
      assert.equal(await page.locator('.crop-box rect').count(), 6);
      const before = await waitFor(async () => { const p = await cropPixels(page); return p.every((d) => d.length > 1000) ? p : null; }, { message: 'crops drawn' });
      const captions = await page.locator('.crop-tile figcaption').allTextContents();
      assert.match(captions[1], /^1 reflected · \(\d+, \d+\)$/);
      await page.screenshot({ path: `${out}/alexnet-augmentation.png`, fullPage: true });
      await page.getByRole('button', { name: 'New crops' }).click();
      await waitFor(async () => (await page.locator('.crop-tile figcaption').allTextContents()).join() !== captions.join(), { message: 'new crop positions' });
      const after = await waitFor(async () => { const p = await cropPixels(page); return p.some((d, i) => d !== before[i]) ? p : null; }, { message: 'new crop pixels' });
      assert.equal(after.length, 12);
    },
  },
  {
    name: 'alexnet overfitting: dropout trains next to no dropout, both curves draw and the gaps are stated',
    async run({ page, origin, out, readStatus, waitFor }) {
      const n = await stepNumber(page, origin, 'Reducing overfitting: dropout');
      // A tiny preset: 512 MNIST digits (4 steps an epoch), 64 units a layer, measured every 4 steps, 3 epochs.
      await page.goto(`${origin}/#/alexnet/${n}?dodata=mnist&don=512&dotest=500&dohidden=64&docap=3&doeval=4`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss (MNIST loaded in the worker)' });
      await page.getByRole('button', { name: 'Train' }).click();
      const status = await waitFor(async () => { const s = await readStatus(page); return s.step >= 4 && s.others.dropout > 0 ? s : null; }, { message: 'a readout with the dropout loss' });
      assert.match(status.text.trim(), /^step \d+ · loss \d+\.\d+ · dropout \d+\.\d+$/);
      const gap = await waitFor(async () => {
        const t = (await page.locator('.dropout-gap-line').textContent().catch(() => '')) ?? '';
        return /gap without dropout: -?\d+\.\d points · with dropout: -?\d+\.\d points \(epoch [1-9]/.test(t) ? t : null;
      }, { message: 'the gap line after a measurement' });
      await page.getByText('Both runs trained 3 epochs, as the preset planned. Train continues past it.').waitFor({ timeout: 60_000 });
      // Measurements ride on the loss read-backs, so how many fall in 3 short epochs varies: at least two per curve.
      const paths = await waitFor(async () => {
        const p = await page.locator('.dropout-accuracy path[data-series]').evaluateAll((ps) => ps.map((e) => e.getAttribute('d') ?? ''));
        return p.length === 4 && p.every((d) => d.includes('L')) ? p : null;
      }, { timeout: 10_000, message: 'four accuracy curves with two points or more' });
      assert.equal(paths.length, 4);
      const gaps = await page.locator('.dropout-gap path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
      assert.ok(gaps.length === 2 && gaps.every((d) => d.length > 10), 'two gap curves');
      assert.equal(await page.getByRole('row').count(), 3);
      await page.screenshot({ path: `${out}/alexnet-dropout.png`, fullPage: true });
      await page.getByRole('button', { name: 'Reset' }).click();
      await waitFor(async () => (await readStatus(page)).step === 0, { message: 'step 0 after Reset' });
      console.log(`    ${status.text.trim()}; ${gap.trim()}`);
    },
  },
  {
    name: 'alexnet overfitting: the momentum panel takes an update and both paths move',
    async run({ page, origin, out, waitFor }) {
      const n = await stepNumber(page, origin, 'SGD with momentum and weight decay');
      await page.goto(`${origin}/#/alexnet/${n}`);
      const one = page.getByRole('button', { name: 'One update' });
      await waitFor(async () => one.isEnabled(), { message: 'the CIFAR-10 test images loaded' });
      const paths = () => page.locator('.momentum-plot .descent-path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
      assert.deepEqual(await paths(), ['', '']);
      await one.click();
      await page.getByText('update 1', { exact: true }).waitFor();
      const first = await paths();
      assert.ok(first.every((d) => d.startsWith('M')), 'both paths have a segment');
      assert.notEqual(first[0], first[1], 'plain SGD and momentum moved differently');
      assert.match((await page.locator('.formula-numbers').first().textContent()) ?? '', /^w₁: v = 0\.9·0\.000 − 0\.0005·0\.5·\(-1\.500\) − 0\.5·/);
      await page.getByRole('button', { name: 'Run' }).click();
      await waitFor(async () => Number(((await page.locator('.momentum-count').textContent()) ?? '').replace(/\D/g, '')) >= 40, { message: '40 updates' });
      await page.getByRole('button', { name: 'Stop' }).click();
      const later = await paths();
      assert.ok(later.every((d, i) => d.length > first[i].length), 'both paths grew');
      await page.screenshot({ path: `${out}/alexnet-momentum.png`, fullPage: true });
    },
  },
];
