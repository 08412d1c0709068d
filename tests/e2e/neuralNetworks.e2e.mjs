// The neural-networks lesson: forward pass by hand, a linear classifier fitted by gradient descent, transfer
// functions, and gradient descent (plain and momentum) on two loss surfaces. Every step by URL.
import assert from 'node:assert/strict';

const STEPS = 4;
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** Parses "N points · accuracy a/b = p% · loss L · updates U". */
async function classifierStatus(page) {
  const text = (await page.getByTestId('classifier-status').textContent()) ?? '';
  const m = /^(\d+) points · accuracy (\d+)\/(\d+).* · loss (\S+) · updates (\d+)$/.exec(text.trim());
  assert.ok(m, `classifier status: ${text}`);
  return { points: Number(m[1]), loss: Number(m[4]), updates: Number(m[5]) };
}

/** The classifier's w1, w2, b as the slider labels show them ("w1 = −1.2"). */
async function classifierWeights(page) {
  const texts = await page.locator('.nn-classifier .nn-slider span').allTextContents();
  const num = (t) => Number(t.split('=')[1].trim().replace(/−/g, '-'));
  return { w1: num(texts[0]), w2: num(texts[1]), b: num(texts[2]) };
}

/** Centre of an element in page pixels. */
async function centre(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Parses "updates N · loss L[ · diverged]" of a gradient-descent panel. */
async function descentStatus(page, id) {
  const text = ((await page.getByTestId(`${id}-status`).textContent()) ?? '').trim();
  const m = /^updates (\d+) · loss (\S+)/.exec(text);
  assert.ok(m, `${id} status: ${text}`);
  return { text, updates: Number(m[1]), loss: Number(m[2].replace(/−/g, '-')) };
}

export const neuralNetworksTests = [
  {
    name: 'neural-networks: forward pass after an edit, classifier points and Fit, transfer values, gradient descent diverges',
    async run({ page, origin, out, waitFor }) {
      // Step 1: h1 = σ(0.5·1 + (−0.3)·2 + 0.1) = σ(0) = 0.5; with the first weight at 1.5: σ(1.0) = 0.731.
      await page.goto(`${origin}/#/neural-networks?backend=cpu`);
      const current = page.getByTestId('current-unit');
      await page.getByText('h1 = σ(0.5·1.0 − 0.3·2.0 + 0.1) = σ(0.0) = 0.500').first().waitFor();
      await page.getByRole('spinbutton', { name: 'weight from x1 to h1' }).fill('1.5');
      await page.getByText(`h1 = σ(1.5·1.0 − 0.3·2.0 + 0.1) = σ(1.0) = ${sigmoid(1).toFixed(3)}`).first().waitFor();
      assert.equal(await page.locator('.network-diagram .edge.feeding').count(), 2, 'two edges feed h1');
      // An emptied field is marked invalid, the last number stays in use, and leaving the field restores it.
      const w11 = page.getByRole('spinbutton', { name: 'weight from x1 to h1' });
      await w11.fill('');
      assert.equal(await w11.getAttribute('aria-invalid'), 'true');
      await page.getByText(`h1 = σ(1.5·1.0 − 0.3·2.0 + 0.1) = σ(1.0) = ${sigmoid(1).toFixed(3)}`).first().waitFor();
      await w11.press('Tab');
      assert.equal(await w11.inputValue(), '1.5');
      assert.equal(await w11.getAttribute('aria-invalid'), null);
      await page.getByRole('button', { name: 'Next unit' }).click();
      // h2 = σ(−0.8·1 + 0.6·2 + 0) = σ(0.4)
      assert.equal((await current.textContent())?.trim(), `h2 = σ(−0.8·1.0 + 0.6·2.0 + 0.0) = σ(0.4) = ${sigmoid(0.4).toFixed(3)}`);
      await page.getByRole('button', { name: 'Next unit' }).click();
      await page.getByRole('button', { name: 'Next unit' }).click();
      assert.match((await current.textContent()) ?? '', /^y1 = σ\(/);
      assert.equal(await page.locator('.network-diagram .edge.feeding').count(), 3, 'three edges feed y1');
      await page.screenshot({ path: `${out}/neural-networks-1.png`, fullPage: true });

      // Step 2: add a point by clicking empty space, hover a point, Fit lowers the loss.
      await page.goto(`${origin}/#/neural-networks/2?backend=cpu`);
      await page.getByTestId('classifier-status').waitFor();
      const before = await classifierStatus(page);
      await page.locator('.classifier-plot .plot-bg').click({ position: { x: 12, y: 12 } });
      await waitFor(async () => (await classifierStatus(page)).points === before.points + 1, { timeout: 5000, message: 'a point to be added' });
      // Drag a boundary handle with the mouse: the weights change and the line follows the handle.
      const handle = page.locator('.classifier-plot .boundary-handle').first();
      assert.equal(await page.locator('.classifier-plot .boundary-handle').count(), 2, 'two handles on the boundary');
      const w0 = await classifierWeights(page);
      const from = await centre(handle);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let k = 1; k <= 5; k++) await page.mouse.move(from.x + 6 * k, from.y - 12 * k);
      await page.mouse.up();
      const w1 = await classifierWeights(page);
      assert.ok(w1.w1 !== w0.w1 || w1.w2 !== w0.w2, `dragging a handle turned the line: ${JSON.stringify(w0)} → ${JSON.stringify(w1)}`);
      assert.notEqual(w1.b, w0.b, 'dragging a handle changed b');
      assert.ok(Math.abs(Math.hypot(w1.w1, w1.w2) - Math.hypot(w0.w1, w0.w2)) < 0.03, '|w| is kept');
      const to = await centre(handle);
      assert.ok(Math.hypot(to.x - (from.x + 30), to.y - (from.y - 60)) < 2, `the handle followed the pointer: ${JSON.stringify(to)}`);
      const boundary = page.locator('.classifier-plot line').first();
      const [lx1, ly1, lx2, ly2] = await Promise.all(['x1', 'y1', 'x2', 'y2'].map(async (k) => Number(await boundary.getAttribute(k))));
      const [hx, hy] = await Promise.all(['cx', 'cy'].map(async (k) => Number(await handle.getAttribute(k))));
      const cross = ((lx2 - lx1) * (hy - ly1) - (ly2 - ly1) * (hx - lx1)) / Math.hypot(lx2 - lx1, ly2 - ly1);
      assert.ok(Math.abs(cross) < 0.5, `the boundary passes through the dragged handle (off by ${cross} px)`);
      // The same from the keyboard: a focused handle moves with the arrow keys.
      await handle.focus();
      await page.keyboard.press('ArrowUp');
      const w2 = await classifierWeights(page);
      assert.ok(w2.b !== w1.b || w2.w1 !== w1.w1, 'an arrow key on a handle moves the line');
      await page.screenshot({ path: `${out}/neural-networks-2-dragged.png`, fullPage: true });
      // Points from the keyboard: N selects a point, arrows move it, Delete removes it.
      await page.mouse.move(0, 0);
      await page.locator('.classifier-plot svg').focus();
      await page.keyboard.press('n');
      const readout = page.getByTestId('point-readout');
      const pointX = async () => Number(/^Point \((\S+),/.exec((await readout.locator('p').first().textContent()) ?? '')[1].replace(/−/g, '-'));
      const x0 = await pointX();
      await page.keyboard.press('ArrowRight');
      await waitFor(async () => Math.abs((await pointX()) - Math.min(4, x0 + 0.1)) < 1e-9, { timeout: 5000, message: 'the selected point to move right' });
      await page.keyboard.press('Delete');
      await waitFor(async () => (await classifierStatus(page)).points === before.points, { timeout: 5000, message: 'Delete to remove the point' });
      await page.locator('.classifier-plot .pt').nth(3).hover();
      await page.getByText(/^s = w·x \+ b = /).waitFor();
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await waitFor(async () => (await classifierStatus(page)).updates >= 40, { timeout: 20_000, message: '40 fit updates' });
      await page.getByRole('button', { name: 'Stop fitting' }).click();
      const fitted = await classifierStatus(page);
      assert.ok(fitted.loss < before.loss, `Fit lowered the loss: ${before.loss} → ${fitted.loss}`);
      await page.getByRole('button', { name: 'One update' }).click();
      await waitFor(async () => (await classifierStatus(page)).updates === fitted.updates + 1, { timeout: 5000, message: 'one more update' });
      await page.screenshot({ path: `${out}/neural-networks-2.png`, fullPage: true });
      await page.getByRole('radio', { name: /three \(softmax\)/ }).check();
      assert.match(page.url(), /classes=3/);
      await waitFor(async () => (await classifierStatus(page)).points > fitted.points, { timeout: 5000, message: 'the third class to show' });
      assert.equal(await page.locator('.classifier-plot line[stroke-dasharray]').count(), 3, 'one dashed line per class');
      assert.ok(await page.locator('.classifier-plot line:not([stroke-dasharray])').count() >= 2, 'solid lines where the winning class changes');
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await waitFor(async () => (await classifierStatus(page)).updates >= 40, { timeout: 20_000, message: 'softmax fit updates' });
      await page.getByRole('button', { name: 'Stop fitting' }).click();
      await page.screenshot({ path: `${out}/neural-networks-2-three-classes.png`, fullPage: true });

      // Step 3: the pointer at the middle of the sigmoid plot is x = 0: σ(0) = 0.5, σ′(0) = 0.25.
      await page.goto(`${origin}/#/neural-networks/3?backend=cpu`);
      const overlay = page.locator('[data-testid=plot-sigmoid] .fp-overlay');
      const box = await overlay.boundingBox();
      await overlay.hover({ position: { x: box.width / 2, y: box.height / 2 } });
      await waitFor(async () => (await page.getByTestId('f-sigmoid').textContent()) === '0.5000', { timeout: 5000, message: 'σ(0) on hover' });
      assert.equal(await page.getByTestId('df-sigmoid').textContent(), '0.2500');
      assert.equal(await page.getByTestId('df-relu').textContent(), '0.0000');
      const slider = page.getByRole('slider', { name: 'input x' });
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await waitFor(async () => (await page.getByTestId('f-sigmoid').textContent()) === sigmoid(0.05).toFixed(4), { timeout: 5000, message: 'σ(0.05) from the keyboard' });
      assert.equal(await page.getByTestId('df-relu').textContent(), '1.0000');
      assert.match(page.url(), /#\/neural-networks\/3/, 'arrow keys on the slider do not change the step');
      assert.ok(await page.locator('.function-plot .saturated').count() >= 5, 'saturated regions are shaded');
      await page.screenshot({ path: `${out}/neural-networks-3.png`, fullPage: true });

      // Step 4: pick a start on the valley, one update changes count and loss; a huge rate diverges.
      await page.goto(`${origin}/#/neural-networks/4?backend=cpu`);
      const valley = page.getByRole('region', { name: /narrow valley/ });
      await valley.locator('.contour-plot rect[fill=transparent]').click({ position: { x: 40, y: 40 } });
      const start = await descentStatus(page, 'valley');
      assert.equal(start.updates, 0);
      await valley.getByRole('button', { name: 'One update' }).click();
      const one = await descentStatus(page, 'valley');
      assert.equal(one.updates, 1);
      assert.ok(one.loss < start.loss, `one update lowers the loss: ${start.loss} → ${one.loss}`);
      const classifier = page.getByRole('region', { name: /classifier's loss/ });
      await classifier.locator('.contour-plot rect[fill=transparent]').click({ position: { x: 30, y: 200 } });
      const c0 = await descentStatus(page, 'classifier');
      assert.equal(c0.updates, 0);
      await classifier.getByRole('button', { name: 'One update' }).click();
      const c1 = await descentStatus(page, 'classifier');
      assert.equal(c1.updates, c0.updates + 1);
      assert.ok(c1.loss < c0.loss, `one update lowers the classifier loss: ${c0.loss} → ${c1.loss}`);
      await page.getByRole('radio', { name: /momentum/ }).check();
      assert.match(page.url(), /momentum=1/);
      await valley.getByText(/v ← 0\.9·v − 0\.0005·ε·p − ε·∇L/).waitFor();
      await valley.getByRole('button', { name: 'Run' }).click();
      await waitFor(async () => (await descentStatus(page, 'valley')).updates >= 30, { timeout: 20_000, message: 'a momentum run' });
      await page.screenshot({ path: `${out}/neural-networks-4.png`, fullPage: true });
      await valley.getByRole('slider', { name: /learning rate/ }).fill('0');
      assert.match(page.url(), /qlr=1/);
      await valley.getByRole('button', { name: 'Start over' }).click();
      await valley.getByRole('button', { name: 'Run' }).click();
      await waitFor(async () => (await descentStatus(page, 'valley')).text.includes('diverged'), { timeout: 20_000, message: '"diverged"' });
      assert.ok(await valley.getByRole('button', { name: 'One update' }).isDisabled());
      await page.screenshot({ path: `${out}/neural-networks-4-diverged.png`, fullPage: true });

      for (let n = 1; n <= STEPS; n++) {
        await page.goto(`${origin}/#/neural-networks/${n}?backend=cpu`);
        await page.getByText(`Step ${n} of ${STEPS}`, { exact: true }).waitFor();
        await page.locator('.lesson-views .panel').first().waitFor();
      }
    },
  },
];
