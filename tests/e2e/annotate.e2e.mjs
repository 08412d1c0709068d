// Annotate in a real browser: `A` puts a canvas over the lesson that takes the pointer; a mouse stroke and a
// touch stroke leave pixels, the highlighter is semi-transparent, Undo takes the last stroke back, → clears
// the drawing, and with annotate off clicks reach the lesson again. Esc leaves annotate mode before presenter mode.
import assert from 'node:assert/strict';

/** Non-transparent pixels on the overlay canvas, and the largest alpha among them, after the next frame. */
const inked = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
  const c = document.querySelector('.annotate-canvas');
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let count = 0;
  let maxAlpha = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) { count++; maxAlpha = Math.max(maxAlpha, data[i]); }
  resolve({ count, maxAlpha });
})));

/** Waits until the page stops scrolling (a step change scrolls its panel into view smoothly). */
async function settle(page) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    const y = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.scrollY))));
    if (y === last) return;
    last = y;
    await page.waitForTimeout(100);
  }
}

async function drag(page, from, to, steps = 12) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

export const annotateTests = [
  {
    name: 'annotate: A draws over the lesson (mouse and touch), undo, → clears, off lets clicks through, Esc order',
    async run({ page, origin, out, waitFor }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${origin}/#/autoencoder/3?backend=wasm&seed=1`);
      const slow = page.getByRole('checkbox', { name: 'Slow motion' });
      await slow.waitFor({ timeout: 90_000 });
      const box = await slow.boundingBox();
      const onSlow = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

      await page.keyboard.press('a');
      await page.getByRole('toolbar', { name: 'Annotation tools' }).waitFor();
      assert.ok(await page.getByRole('button', { name: 'Annotate', pressed: true }).isVisible());
      assert.equal((await inked(page)).count, 0, 'a fresh overlay is empty');

      const heading = await page.locator('#step-title').boundingBox();
      await drag(page, { x: heading.x, y: heading.y + heading.height + 4 }, { x: heading.x + heading.width, y: heading.y + heading.height + 4 });
      const pen = await inked(page);
      assert.ok(pen.count > 200, `the pen stroke inked ${pen.count} pixels`);
      assert.equal(pen.maxAlpha, 255, 'the pen is opaque');

      // A click on the checkbox lands on the overlay (a dot), not on the lesson.
      await page.mouse.click(onSlow.x, onSlow.y);
      assert.equal(await slow.isChecked(), false, 'annotating, the click did not reach the checkbox');
      const withDot = await inked(page);
      assert.ok(withDot.count > pen.count, 'the click left a dot');
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await waitFor(async () => (await inked(page)).count === pen.count, { message: 'undo to remove the dot only' });

      // Highlighter in blue: wide and semi-transparent.
      await page.getByRole('button', { name: 'Highlighter', exact: true }).click();
      await page.getByRole('button', { name: 'Blue', exact: true }).click();
      const views = await page.locator('.lesson-views').boundingBox();
      await drag(page, { x: views.x + 40, y: views.y + 120 }, { x: views.x + 400, y: views.y + 160 });
      const withHighlight = await inked(page);
      assert.ok(withHighlight.count > pen.count + 4000, `the highlighter inked ${withHighlight.count - pen.count} more pixels`);
      const highlightAlpha = await page.evaluate(({ x, y }) => {
        const c = document.querySelector('.annotate-canvas');
        const r = c.getBoundingClientRect();
        const s = c.width / r.width;
        return Array.from(c.getContext('2d').getImageData(Math.round((x - r.left) * s), Math.round((y - r.top) * s), 1, 1).data);
      }, { x: views.x + 220, y: views.y + 140 });
      assert.ok(highlightAlpha[3] > 60 && highlightAlpha[3] < 120, `highlighter alpha ${highlightAlpha[3]} (35% of 255 ≈ 89)`);
      assert.ok(highlightAlpha[2] > highlightAlpha[0], 'blue');

      // Touch: a finger drawn across the views inks the overlay and does not scroll the page.
      const cdp = await page.context().newCDPSession(page);
      const scrollBefore = await page.evaluate(() => window.scrollY);
      const t0 = { x: Math.round(views.x + 60), y: Math.round(views.y + 260) };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [t0] });
      for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: t0.x + 20 * i, y: t0.y - 15 * i }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      const withTouch = await inked(page);
      assert.ok(withTouch.count > withHighlight.count + 100, 'the touch stroke inked the overlay');
      assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the touch stroke did not scroll the page');
      await page.screenshot({ path: `${out}/annotate-1-drawn.png` });

      // → moves to the next step: the drawing is gone.
      await page.getByRole('button', { name: 'Pen', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await page.getByText('Step 4 of 8', { exact: true }).waitFor();
      await waitFor(async () => (await inked(page)).count === 0, { message: 'the overlay to clear on the next step' });
      await settle(page);
      const viewsNow = await page.locator('.lesson-views').boundingBox();

      // Off: the drawing stays, clicks reach the lesson.
      await drag(page, { x: viewsNow.x + 40, y: Math.max(viewsNow.y, 0) + 60 }, { x: viewsNow.x + 300, y: Math.max(viewsNow.y, 0) + 90 });
      await page.keyboard.press('a');
      await page.getByRole('toolbar', { name: 'Annotation tools' }).waitFor({ state: 'detached' });
      assert.ok((await inked(page)).count > 0, 'turning annotate off keeps the drawing on screen');
      await slow.scrollIntoViewIfNeeded();
      const slowNow = await slow.boundingBox();
      await page.mouse.click(slowNow.x + slowNow.width / 2, slowNow.y + slowNow.height / 2);
      assert.equal(await slow.isChecked(), true, 'with annotate off the click reached the checkbox');

      // Esc leaves annotate mode first, then presenter mode (letters do nothing while the checkbox has focus).
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('p');
      await page.keyboard.press('a');
      await page.getByRole('toolbar', { name: 'Annotation tools' }).waitFor();
      await page.screenshot({ path: `${out}/annotate-2-presenter.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('toolbar', { name: 'Annotation tools' }).waitFor({ state: 'detached' });
      assert.ok(await page.getByRole('button', { name: 'Presenter mode', pressed: true }).isVisible(), 'the first Esc left annotate mode only');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Presenter mode', pressed: false }).waitFor();
      console.log(`    pen ${pen.count} px, highlighter ${withHighlight.count - pen.count} px (alpha ${highlightAlpha[3]}), touch ${withTouch.count - withHighlight.count} px`);
    },
  },
];
