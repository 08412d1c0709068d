// The backpropagation lesson: every step by deep link, an error picked by keyboard and routed back through max
// pooling to its argmax cell, average pooling spreading evenly, and the check against tf.grads.
import assert from 'node:assert/strict';

const STEP_TITLES = [
  'The forward pass',
  'Pick an error at the output',
  'Back through max pooling',
  'Overlapping pools add up',
  'Average pooling spreads evenly',
  'Back through the convolution',
  'Checked against TensorFlow.js',
];

/** The numbers drawn in a ValueGrid, row-major. */
async function gridNumbers(grid) {
  return grid.locator('text').allTextContents();
}

/** Waits for the "checked against TensorFlow.js" line and returns its max difference. */
async function tfDifference(page, waitFor) {
  const line = page.locator('.bp-check');
  const text = await waitFor(async () => {
    const t = (await line.first().textContent()) ?? '';
    return /max difference/.test(t) || /failed/.test(t) ? t : null;
  }, { timeout: 30_000, message: 'the TensorFlow.js check line' });
  const m = /Checked against TensorFlow\.js \(cpu backend\): max difference (\S+)/.exec(text);
  assert.ok(m, `unexpected check line: ${text}`);
  return Number(m[1]);
}

export const backpropTests = [
  {
    name: 'backprop: every step by deep link; an error picked by keyboard reaches the argmax cell; tfjs agrees',
    async run({ page, origin, out, waitFor }) {
      await page.goto(`${origin}/#/backprop?backend=cpu`);
      await page.getByRole('heading', { name: STEP_TITLES[0] }).waitFor();
      assert.ok((await tfDifference(page, waitFor)) < 1e-4);
      await page.screenshot({ path: `${out}/backprop-1.png`, fullPage: true });
      for (let n = 2; n <= STEP_TITLES.length; n++) {
        await page.goto(`${origin}/#/backprop/${n}?backend=cpu`);
        await page.getByRole('heading', { name: STEP_TITLES[n - 1] }).waitFor();
        assert.ok((await tfDifference(page, waitFor)) < 1e-4, `step ${n}: tfjs disagrees`);
        await page.screenshot({ path: `${out}/backprop-${n}.png`, fullPage: true });
      }

      // Step 4: max pooling, 3×3 windows, stride 2, on net = X ⋆ W − 1 =
      //   2  1  2 −3  4
      //   7  6  3 −4 −2
      //   5  0 −2  2  1
      //  −3  4  9  7 −2
      //   1  3  3  4 −4
      // The bottom windows (rows 3–5, columns 1–3 and 3–5, counting from 1) share column 3, and both maxima
      // are the 9 at row 4, column 3. With errors e = 1 at output (2,1) and e = 3 at output (2,2),
      // δ there = −(1 + 3) = −4; the other cells of those windows get 0.
      await page.goto(`${origin}/#/backprop/4?backend=cpu`);
      const outputGrid = page.getByRole('grid', { name: /delta at the output/ });
      await outputGrid.waitFor();
      await outputGrid.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      assert.match(page.url(), /#\/backprop\/4\?/, 'arrow keys inside the grid do not change the step');
      const error = page.getByRole('spinbutton', { name: 'Error ∂J/∂out at output row 2, column 2' });
      await error.fill('3');
      await waitFor(async () => /vals=1%2C1%2C1%2C3|vals=1,1,1,3/.test(page.url()), { message: 'the errors in the URL' });
      const pooled = page.getByRole('grid', { name: /delta at the pooling input/ });
      await pooled.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowDown'); // back to row 4, column 3
      await page.getByText('δ at row 4, column 3 = −4').waitFor();
      await page.getByText(/won the max of 2 overlapping windows: output \(2, 1\) and output \(2, 2\)/).waitFor();
      const routed = await gridNumbers(pooled);
      assert.equal(routed[3 * 5 + 2], '-4');
      // The other winners: 7 at row 2, column 1 (window 1,1) and 4 at row 1, column 5 (window 1,2), δ = −1 each.
      assert.equal(routed[1 * 5 + 0], '-1');
      assert.equal(routed[0 * 5 + 4], '-1');
      assert.equal(routed.filter((v) => v !== '0').length, 3);
      assert.ok((await tfDifference(page, waitFor)) < 1e-4);
      await page.screenshot({ path: `${out}/backprop-4-keyboard.png`, fullPage: true });

      // Step 5 through the step buttons keeps the errors: average pooling, 2×2 stride 2; the top-left window
      // gets e = 1 spread over 4 cells: δ = −1/4 at row 1, column 1.
      await page.getByRole('button', { name: /^5\. Average pooling/ }).click();
      await page.getByRole('heading', { name: STEP_TITLES[4] }).waitFor();
      const spread = await gridNumbers(page.getByRole('grid', { name: /delta at the pooling input/ }));
      assert.equal(spread[0], '-.25');
      // …and e = 3 at output (2,2) spreads −3/4 over rows 3–4, columns 3–4.
      assert.equal(spread[3 * 5 + 3], '-.75');
      assert.equal(spread[4 * 5 + 4], '0', 'row 5 and column 5 lie in no window');

      // Step 7: the table of differences, with the same errors in the URL.
      await page.getByRole('button', { name: /^7\. Checked/ }).click();
      await page.getByRole('table').waitFor();
      assert.ok((await tfDifference(page, waitFor)) < 1e-4);
      assert.match(page.url(), /vals=/);
      await page.screenshot({ path: `${out}/backprop-7-check.png`, fullPage: true });

      // ReLU with average pooling: δ stops at the net cells ≤ 0; the check still agrees.
      await page.goto(`${origin}/#/backprop/6?backend=cpu&pool=avg&relu=1`);
      await page.getByRole('heading', { name: STEP_TITLES[5] }).waitFor();
      const deltaNet = await gridNumbers(page.getByRole('grid', { name: /delta at the net map/ }).or(page.getByRole('img', { name: /delta at the net map/ })));
      // net(1, 4) = −3 (row 1, column 4): ReLU′ = 0, so δ_net = 0 there although the 3×3 window covers it.
      assert.equal(deltaNet[3], '0');
      assert.ok((await tfDifference(page, waitFor)) < 1e-4);
      await page.screenshot({ path: `${out}/backprop-6-relu.png`, fullPage: true });

      // Squared error against targets: ∂J/∂out = out − t.
      await page.goto(`${origin}/#/backprop/2?backend=cpu&loss=squared`);
      const outputs = page.getByRole('grid', { name: /delta at the output/ });
      await outputs.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowLeft');
      await page.getByRole('spinbutton', { name: 'Target t at output row 1, column 1' }).fill('5');
      // out(1, 1) = max(2, 1, 2, 7, 6, 3, 5, 0, −2) = 7, so ∂J/∂out = 7 − 5 = 2 and δ = −2.
      await page.getByText('∂J/∂out = out − t = 7 − 5 = 2 and δ = −∂J/∂out = −2.').waitFor();
      assert.ok((await tfDifference(page, waitFor)) < 1e-4);
      await page.screenshot({ path: `${out}/backprop-2-squared.png`, fullPage: true });
    },
  },
];
