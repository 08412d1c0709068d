// The activation race in a real browser on the default backend: three curves draw and move, the readout names
// all three runs, crossings and the measured ratio appear, the cap stops the race, and the threshold recomputes.
import assert from 'node:assert/strict';

/** The `d` of each run's line in the first error chart. */
async function errorPaths(page) {
  return page.locator('.race-chart-pair .chart').first().locator('path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
}

export const activationsTests = [
  {
    name: 'activations: the ReLU/tanh/sigmoid race trains on MNIST, draws three curves, marks crossings and reports the ratio',
    async run({ page, origin, out, readStatus, waitFor }) {
      // The classroom preset's 10,000 digits (78 batches of 128 an epoch) with a 20% threshold that ReLU and tanh
      // pass within the first epoch (seed 1: epochs 0.49 and 0.78 in Node), and a cap of 1.5 epochs, so the race ends by itself.
      await page.goto(`${origin}/#/activations/3?seed=1&thr=20&cap=1.5`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 120_000, message: 'the step-0 loss (MNIST loaded in the worker)' });
      await page.getByText('24,794 parameters per run (counted from the layer shapes; the worker built 24,794)').waitFor();
      const backend = (await page.locator('.backend-name').textContent()) ?? '';
      await page.getByRole('button', { name: 'Train' }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      const first = await waitFor(async () => { const s = await readStatus(page); return s.step >= 3 && s.others.sigmoid > 0 ? s : null; }, { message: 'a readout with all three losses' });
      assert.match(first.text.trim(), /^step \d+ · loss \d+\.\d+ · tanh \d+\.\d+ · sigmoid \d+\.\d+$/);
      const paths1 = await waitFor(async () => { const p = await errorPaths(page); return p.length === 3 && p.every((d) => d.length > 10) ? p : null; }, { message: 'three error curves' });
      const paths2 = await waitFor(async () => { const p = await errorPaths(page); return p.every((d, i) => d !== paths1[i]) ? p : null; }, { message: 'all three curves to move' });
      assert.equal(paths2.length, 3);

      // ReLU and tanh cross 20%: dots on the chart, and the ratio line gives numbers.
      const ratio = await waitFor(async () => {
        const t = (await page.locator('.race-ratio').textContent()) ?? '';
        return /ReLU : tanh : sigmoid = 1\.00 : \d+\.\d\d : /.test(t) ? t : null;
      }, { timeout: 150_000, message: 'the measured ratio of ReLU and tanh' });
      assert.ok((await page.locator('.race-chart-pair .crossing').count()) >= 2, 'crossing markers are drawn');
      // The cap pauses the race by itself, and a run that never crossed says so.
      await page.getByText('The race reached its cap of 1.5 epochs. Train continues past it.').waitFor({ timeout: 150_000 });
      await page.getByRole('button', { name: 'Train' }).waitFor();
      const done = await readStatus(page);
      assert.ok(done.step >= 117, `1.5 epochs of 78 batches ran (${done.step})`);
      const sigmoidRow = (await page.getByRole('row', { name: /^sigmoid LeCun/ }).textContent()) ?? '';
      const finalRatio = (await page.locator('.race-ratio').textContent()) ?? '';
      assert.match(sigmoidRow, /not reached by epoch 1\.5|\d+\.\d\d×/, 'sigmoid either crossed (with its ratio) or says it did not by the cap');
      await page.screenshot({ path: `${out}/activations-race.png`, fullPage: true });

      // A stricter threshold is worked out again from every step kept: ReLU's crossing moves later or vanishes.
      const reluBefore = (await page.getByRole('row', { name: /^ReLU He/ }).textContent()) ?? '';
      await page.getByLabel('Threshold (%)').fill('12');
      await waitFor(async () => ((await page.locator('.race-result h3').textContent()) ?? '').includes('12%'), { message: 'the table to follow the threshold' });
      await waitFor(async () => ((await page.getByRole('row', { name: /^ReLU He/ }).textContent()) ?? '') !== reluBefore, { message: "ReLU's row to be recomputed" });
      assert.match(page.url(), /thr=12/);

      await page.getByRole('button', { name: 'Reset' }).click();
      await waitFor(async () => (await readStatus(page)).step === 0, { message: 'step 0 after Reset' });
      console.log(`    race on ${backend.trim()}: ${first.text.trim()} → ${done.text.trim()}; ${ratio.trim()} → ${finalRatio.trim()}`);
    },
  },
  {
    name: 'activations: every step renders, and the paper preset switches to CIFAR-10',
    async run({ page, origin, out, waitFor }) {
      for (let n = 1; n <= 5; n++) {
        await page.goto(`${origin}/#/activations/${n}?seed=1&n=2000`);
        await page.getByText(`Step ${n} of 5`, { exact: true }).waitFor();
        await page.getByRole('heading', { level: 2 }).waitFor();
      }
      await page.screenshot({ path: `${out}/activations-5.png`, fullPage: true });
      await page.getByRole('button', { name: /^As in the paper \(CIFAR/ }).click();
      await waitFor(async () => /data=cifar10/.test(page.url()) && /thr=25/.test(page.url()), { message: 'the preset in the URL' });
      await page.getByText('89,578 parameters per run', { exact: false }).waitFor();
      await page.getByText(/Loading CIFAR-10 in the training worker|the worker built 89,578/).first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /^As in the paper \(CIFAR/, pressed: true }).waitFor();
    },
  },
];
