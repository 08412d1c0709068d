// The pooling lesson: max pooling step-through, the argmax map with overlapping windows, every step by URL.
import assert from 'node:assert/strict';

const STEPS = 7;

export const poolingTests = [
  {
    name: 'pooling: a selected output cell names its max; overlapping 3×3 windows let one cell win several; every step renders',
    async run({ page, origin, out }) {
      await page.goto(`${origin}/#/pooling?backend=cpu`);
      const output = page.getByRole('grid', { name: /Max-pooled output, 4 by 4/ });
      await output.waitFor();
      // 8×8 example, 2×2 windows, stride 2: output row 2, column 2 pools input rows 3–4, columns 3–4
      // = 9 2 / 3 1, so max of 9, 2, 3, 1 = 9, from input row 3, column 3.
      await output.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await page.getByText('Output row 2, column 2: max of 9, 2, 3, 1 = 9, from input row 3, column 3').waitFor();
      assert.match(page.url(), /#\/pooling\?/, 'arrow keys inside the grid do not change the step');
      // Average of the same window: (9 + 2 + 3 + 1) / 4 = 15 / 4 = 3.75.
      await page.getByRole('radio', { name: 'average' }).check();
      await page.getByText('average of 9, 2, 3, 1 = 15 / 4 = 3.75').waitFor();
      await page.getByRole('radio', { name: 'max' }).check();

      // Step 2: the argmax map. AlexNet's 3×3 windows, stride 2, on 8×8: ⌊(8 − 3)/2⌋ + 1 = 3 outputs a side;
      // the 9 at row 3, column 3 lies in all four top-left windows and wins each.
      await page.goto(`${origin}/#/pooling/2?backend=cpu&size=2&stride=2`);
      await page.getByText(/No cell wins twice/).waitFor();
      await page.getByRole('button', { name: /AlexNet's overlapping 3×3, stride 2/ }).click();
      await page.getByRole('grid', { name: /Max-pooled output, 3 by 3/ }).waitFor();
      await page.getByText('Input row 3, column 3 (value 9) won 4 maxima').waitFor();
      await page.getByText('Input row 5, column 5 (value 8) won 3 maxima').waitFor();
      assert.match(page.url(), /size=3/);
      assert.match(page.url(), /stride=2/);
      const badges = await page.locator('.argmax-badge-text').allTextContents();
      assert.ok(badges.some((b) => Number(b.replace('×', '')) > 1), `an argmax count > 1 is drawn (${badges})`);

      for (let n = 1; n <= STEPS; n++) {
        await page.goto(`${origin}/#/pooling/${n}?backend=cpu`);
        await page.getByRole('heading', { level: 2 }).waitFor();
        await page.getByText(`Step ${n} of ${STEPS}`, { exact: true }).waitFor();
        if (n === 4) await page.getByText('14×14×1 = 196 values').waitFor();
        if (n === 5 || n === 6) await page.getByRole('heading', { name: /through 4 fixed filters/ }).waitFor();
        if (n === 7) await page.getByText('3×3×32', { exact: true }).first().waitFor();
        await page.screenshot({ path: `${out}/pooling-${n}.png`, fullPage: true });
      }
    },
  },
];
