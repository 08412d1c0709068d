// The "Other CNN structures" lesson and AlexNet's architecture step: every step renders at desktop and phone
// widths, the AlexNet table shows the computed totals and the published-vs-computed explanations, and hovering a
// diagram block highlights its table row.
import assert from 'node:assert/strict';

const STEPS = 9;
const VIEWPORTS = [{ width: 1280, height: 720, tag: 'desktop' }, { width: 390, height: 844, tag: 'phone' }];

/** Asserts the page does not scroll sideways (wide parts scroll inside their panels). */
async function noPageOverflow(page, what) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client + 1, `${what}: the page is ${scroll}px wide in a ${client}px window`);
}

export const architecturesTests = [
  {
    name: 'architectures: every step of #/architectures renders at 1280×720 and 390×844',
    async run({ page, origin, out }) {
      for (const vp of VIEWPORTS) {
        await page.setViewportSize({ width: vp.width, height: vp.height });
        for (let n = 1; n <= STEPS; n++) {
          await page.goto(`${origin}/#/architectures/${n}?backend=cpu`);
          await page.getByRole('heading', { name: 'Other CNN structures', level: 1 }).waitFor();
          await page.getByText(`Step ${n} of ${STEPS}`, { exact: true }).waitFor();
          if (n === 1) {
            const table = page.locator('table.arch-table');
            await table.waitFor();
            assert.equal(await table.locator('tbody tr').count(), 7);
            await table.getByText('138,357,544 / 143,667,240').waitFor();
            await table.getByText('60,965,224', { exact: true }).waitFor();
            await table.getByText(/not directly comparable/).waitFor();
          }
          if (n === 4) {
            await page.getByRole('heading', { name: /VGG-16: 16 layers with weights, 138,357,544 parameters/ }).waitFor();
            await page.getByRole('heading', { name: /VGG-19: 19 layers with weights, 143,667,240 parameters/ }).waitFor();
          }
          if (n === 6) {
            await page.getByRole('heading', { name: /GoogLeNet: 22 layers with weights/ }).waitFor();
            assert.equal(await page.locator('g.layer-block.kind-inception').count(), 9, 'nine inception blocks');
          }
          if (n === 8) assert.equal(await page.locator('.arch-chart svg g.point').count(), 6, 'six points on the error chart');
          if (n === 9) assert.equal(await page.locator('.arch-chart svg g.point').count(), 7, 'seven networks on the parameters chart');
          await noPageOverflow(page, `#/architectures/${n} at ${vp.width}px`);
          await page.screenshot({ path: `${out}/architectures-${n}-${vp.tag}.png`, fullPage: true });
        }
      }
    },
  },
  {
    name: "architectures: AlexNet's architecture step shows the computed totals, the published numbers and their explanations; hover links diagram and table",
    async run({ page, origin, out }) {
      for (const vp of VIEWPORTS) {
        await page.setViewportSize({ width: vp.width, height: vp.height });
        await page.goto(`${origin}/#/alexnet?backend=cpu`);
        await page.getByRole('button', { name: /AlexNet's architecture/ }).click();
        const panel = page.locator('section.alexnet-arch');
        await panel.getByRole('heading', { name: /60,965,224 parameters \(computed from the model’s variables\)/ }).waitFor();
        const table = panel.locator('table.alexnet-arch-table');
        await table.locator('tr.total').getByText('60,965,224', { exact: true }).waitFor();
        // conv1: 55·55·96 = 290,400 computed against the paper's 253,440.
        const conv1 = table.locator('tr[data-layer="alexnet-conv1"]');
        await conv1.getByText('290,400', { exact: true }).waitFor();
        await conv1.getByText('253,440', { exact: true }).waitFor();
        const explanations = panel.locator('table.alexnet-published-table');
        await explanations.getByText(/conv1 gives 55·55·96 = 290,400 values\. The published 253,440/).waitFor();
        await explanations.getByText(/fc6–fc8 hold 58,631,144 of them \(96\.2%\)/).waitFor();
        await explanations.getByText('630,000,000', { exact: true }).waitFor();

        const block = panel.locator('g.layer-block[data-layer="alexnet-conv2"]');
        assert.equal(await block.locator('rect.block.half').count(), 2, 'conv2 drawn as two GPU halves');
        await block.scrollIntoViewIfNeeded();
        await block.hover();
        const row = table.locator('tr[data-layer="alexnet-conv2"]');
        await page.waitForFunction(() => document.querySelector('tr[data-layer="alexnet-conv2"]')?.classList.contains('highlighted'));
        assert.equal(await table.locator('tr.highlighted').count(), 1, 'exactly one row highlighted');
        assert.match(await row.textContent(), /27×27×256/);
        // Keyboard: focusing a block highlights its row too; hovering a row highlights its block. (The pointer
        // leaves first: focus scrolls the diagram, which would slide another block under a resting pointer.)
        await page.mouse.move(1, 1);
        await panel.locator('g.layer-block[data-layer="alexnet-fc6"]').focus();
        await page.waitForFunction(() => document.querySelector('tr[data-layer="alexnet-fc6"]')?.classList.contains('highlighted'));
        await table.locator('tr[data-layer="alexnet-pool5"]').hover();
        await page.waitForFunction(() => document.querySelector('g.layer-block[data-layer="alexnet-pool5"]')?.classList.contains('highlighted'));
        await noPageOverflow(page, `#/alexnet architecture at ${vp.width}px`);
        await page.screenshot({ path: `${out}/alexnet-architecture-${vp.tag}.png`, fullPage: true });
      }
    },
  },
];
