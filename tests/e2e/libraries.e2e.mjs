// The libraries lesson: every step by URL, the six libraries in the table, the live backend, the code side by side.
import assert from 'node:assert/strict';

const STEPS = 3;
const LIBRARY_NAMES = ['Theano', 'DeepLearnToolbox', 'MatConvNet', 'Caffe', 'TensorFlow', 'Keras'];

export const librariesTests = [
  {
    name: 'libraries: every step renders; the table names six libraries; the live backend is cpu; the code shows tf.nn.lrn beside tf.localResponseNormalization',
    async run({ page, origin, out }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      for (let n = 1; n <= STEPS; n++) {
        await page.goto(`${origin}/#/libraries/${n}?backend=cpu`);
        await page.getByText(`Step ${n} of ${STEPS}`, { exact: true }).waitFor();
        if (n === 1) {
          const table = page.locator('table.lib-table');
          await table.waitFor();
          const rowHeaders = await table.locator('tbody th[scope="row"] .lib-name').allTextContents();
          assert.deepEqual(rowHeaders, LIBRARY_NAMES);
          await page.getByText(/MILA announced the end of Theano development/).waitFor();
        }
        if (n === 2) {
          const live = page.getByTestId('live-backend');
          await live.waitFor();
          assert.equal((await live.textContent()).trim(), 'cpu', 'the panel shows the backend the URL asked for');
          assert.equal((await page.getByTestId('tfjs-version').textContent()).trim(), '4.22.0');
          await page.getByRole('row', { name: /CPU \(cpu\) · in use/ }).waitFor();
          assert.equal(await page.getByRole('button', { name: 'Use the CPU backend' }).isDisabled(), true);
          await page.screenshot({ path: `${out}/libraries-${n}.png`, fullPage: true });
          // The readout is live: switch to WASM and the panel (and the address) follow.
          await page.getByRole('button', { name: 'Use the WASM backend' }).click();
          await page.getByRole('row', { name: /WASM \(wasm\) · in use/ }).waitFor({ timeout: 60_000 });
          assert.equal((await page.getByTestId('live-backend').textContent()).trim(), 'wasm');
          assert.match(page.url(), /backend=wasm/);
          continue;
        }
        if (n === 3) {
          const code = page.getByRole('table', { name: /TensorFlow 1.x Python and TensorFlow.js/ });
          await code.waitFor();
          const norm1 = code.locator('[data-row="norm1"]');
          assert.match(await norm1.locator('.lib-py').textContent(), /tf\.nn\.lrn\(pool1, 4, bias=1\.0, alpha=0\.001 \/ 9\.0, beta=0\.75/);
          assert.match(await norm1.locator('.lib-ts').textContent(), /tf\.localResponseNormalization\(pool1, depthRadius, bias, alpha, beta\)/);
          await page.getByRole('cell', { name: 'tf.localResponseNormalization' }).first().waitFor();
          // Run the very code shown, on the cpu backend: the output shapes appear under the layer names.
          await page.getByRole('button', { name: 'Run cifarForward here' }).click();
          await page.getByText(/One 24×24×3 image through every layer on cpu in [\d.]+ ms/).waitFor({ timeout: 60_000 });
          assert.equal((await code.locator('[data-row="pool2"] .lib-shape').textContent()).trim(), '1×6×6×64');
          assert.equal((await code.locator('[data-row="softmax_linear"] .lib-shape').textContent()).trim(), '1×10');
          const link = page.getByRole('link', { name: 'the CIFAR-10 lesson' }).first();
          assert.match(await link.getAttribute('href'), /^#\/cifar10\?backend=cpu$/);
        }
        await page.screenshot({ path: `${out}/libraries-${n}.png`, fullPage: true });
      }
      // A phone: the table becomes one card per library, the code one column.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${origin}/#/libraries/1?backend=cpu`);
      await page.locator('table.lib-table').waitFor();
      await page.screenshot({ path: `${out}/libraries-1-phone.png`, fullPage: true });
      await page.goto(`${origin}/#/libraries/3?backend=cpu`);
      await page.locator('[data-row="norm1"]').waitFor();
      await page.screenshot({ path: `${out}/libraries-3-phone.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow} px too wide)`);
    },
  },
];
