// The convolution lesson: calculator, step-through with real numbers, padding/stride/mode, feature maps.
import assert from 'node:assert/strict';

export const convolutionTests = [
  {
    name: 'convolution: every step renders; a clicked output cell shows its multiply-adds',
    async run({ page, origin, out }) {
      await page.goto(`${origin}/#/convolution?backend=cpu`);
      await page.getByRole('heading', { name: 'How many weights?' }).waitFor();
      const weights = async (row) => page.getByRole('row', { name: row }).getByRole('cell').first().textContent();
      // MNIST 28×28×1, k = 5, F = 8: 24·24·8 = 4,608 units, each wired to all 784 pixels…
      assert.equal(await weights(/Fully connected/), '3,612,672');
      // …or to its own 5×5 patch: 4,608 · 25…
      assert.equal(await weights(/Locally connected/), '115,200');
      // …or 8 shared 5×5 kernels.
      assert.equal(await weights(/Shared weights/), '200');
      await page.screenshot({ path: `${out}/convolution-1.png`, fullPage: true });
      await page.goto(`${origin}/#/convolution/4?backend=cpu`);
      const map = page.getByRole('grid', { name: /Feature map/ });
      await map.waitFor();
      // 7×7 input, 3×3 kernel, valid: 5×5 map. Select row 3, column 2 with the keyboard.
      await map.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await page.getByText(/Output cell row 3, column 2 — net\[2,1\] in the formula, which counts from 0: 9 multiply-adds/).waitFor();
      assert.match(page.url(), /#\/convolution\/4\?/, 'arrow keys inside the grid do not change the step');
      await page.screenshot({ path: `${out}/convolution-4.png`, fullPage: true });
      // Padding 1 keeps the size: 7×7; the formula shows the numbers.
      await page.getByRole('combobox', { name: 'Zero padding' }).selectOption('1');
      await page.getByText('Feature map net 7×7').waitFor();
      await page.getByRole('combobox', { name: 'Stride' }).selectOption('2');
      await page.getByText('Feature map net 4×4').waitFor();
      assert.match(page.url(), /stride=2/);
      assert.match(page.url(), /pad=1/);
      await page.getByRole('radio', { name: /convolution \(the lecture/ }).check();
      await page.getByText('…rotated 180°').waitFor();
      await page.getByRole('combobox', { name: 'Input image' }).selectOption('digit');
      await page.getByText('Input X 28×28').waitFor();
      await page.screenshot({ path: `${out}/convolution-5.png`, fullPage: true });
      await page.goto(`${origin}/#/convolution/8?backend=cpu`);
      await page.getByRole('heading', { name: /4 filters → 4 feature maps/ }).waitFor();
      // A real CIFAR-10 image: three channels, one kernel slice each, summed (test image 0 is a cat).
      await page.getByRole('heading', { name: /Three channels, one sum: CIFAR-10 test image #0 \(cat\)/ }).waitFor({ timeout: 30_000 });
      await page.getByText('Output cell row 13, column 13: 27 multiply-adds, 9 per channel.').waitFor();
      const rgb = page.getByRole('grid', { name: /sum of the three channel maps/ });
      await rgb.focus();
      await page.keyboard.press('ArrowRight');
      await page.getByText('Output cell row 13, column 14: 27 multiply-adds, 9 per channel.').waitFor();
      await page.screenshot({ path: `${out}/convolution-8.png`, fullPage: true });
    },
  },
  {
    name: 'the CNN lessons fit a phone screen (no sideways scrolling)',
    async run({ page, origin }) {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const route of ['convolution/1', 'convolution/4', 'convolution/8', 'pooling/5', 'pooling/7', 'backprop/4', 'backprop/6']) {
        await page.goto(`${origin}/#/${route}?backend=cpu`);
        await page.getByText(/Step \d of \d/).first().waitFor();
        await page.waitForTimeout(route === 'convolution/8' ? 1500 : 300);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 392, `#/${route} is ${width} px wide on a 390 px screen`);
      }
    },
  },
];
