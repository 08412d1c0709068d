// Touch and small screens: every step of every ready lesson on a phone held upright (390×844, touch, 2× pixels)
// and a tablet held sideways (1024×768, touch), and step 1 of every lesson in presenter mode at 1280×720.
// On each: the page does not scroll sideways (wide tables and diagrams scroll inside their own panel), no panel
// of a lesson's lab is squeezed below its column width, Previous/Next are visible and respond to a tap, and on a
// training view a tap on Train starts training (the readout's step grows) and a tap on Pause stops it. On the
// phone the buttons are at least 44 px tall, and the autoencoder's drawing pad takes a finger stroke.
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

const LESSONS = ['neural-networks', 'libraries', 'convolution', 'pooling', 'backprop', 'cifar10', 'autoencoder', 'activations', 'alexnet', 'architectures'];
const QUERY = 'backend=wasm&seed=1';
/** Training views: the lesson and the title of the step that shows one (its Train button appears once the data is in). */
const TRAINING = { cifar10: /^The tutorial/, autoencoder: /^Learning with no labels$/, activations: /^“Very bad”/, alexnet: /^Reducing overfitting: dropout$/ };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };
const PRESENTER = { viewport: { width: 1280, height: 720 } };
/** Smallest comfortable touch target (Apple's and WCAG 2.5.5's 44 CSS px). */
const TOUCH_PX = 44;

/** What a person would notice as broken layout: the page wider than the screen, a squeezed lab panel, a clipped heading. */
function measureLayout(page) {
  return page.evaluate(() => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const squeezed = [];
    for (const lab of document.querySelectorAll('.lab')) {
      // The lab's columns are minmax(min(22rem, 100%), 1fr): no panel in it may be narrower than that.
      const column = Math.min(22 * rem, lab.getBoundingClientRect().width);
      for (const panel of lab.querySelectorAll(':scope > .panel')) {
        const w = panel.getBoundingClientRect().width;
        if (panel.offsetParent && w < column - 1) squeezed.push(`${panel.className} ${Math.round(w)} px < ${Math.round(column)} px`);
      }
    }
    const h1 = document.querySelector('.lesson-header h1');
    return {
      innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      squeezed,
      headingClipped: h1 ? h1.scrollWidth > h1.clientWidth + 1 || h1.getBoundingClientRect().right > innerWidth + 1 : true,
      headingPx: h1 ? parseFloat(getComputedStyle(h1).fontSize) : 0,
    };
  });
}

function assertLayout(where, m) {
  assert.ok(m.scrollWidth <= m.innerWidth + 1, `${where}: the page scrolls sideways (scrollWidth ${m.scrollWidth} > ${m.innerWidth})`);
  assert.deepEqual(m.squeezed, [], `${where}: squeezed panels`);
  assert.equal(m.headingClipped, false, `${where}: the lesson heading is clipped`);
}

/** The step shown, from "Step k of n". */
async function shownStep(page) {
  const m = /Step (\d+) of (\d+)/.exec((await page.locator('.step-count').textContent()) ?? '');
  return m ? { step: Number(m[1]), of: Number(m[2]) } : { step: NaN, of: NaN };
}

async function assertTappable(where, locator, minPx) {
  await locator.scrollIntoViewIfNeeded();
  assert.ok(await locator.isVisible(), `${where}: ${await locator.getAttribute('aria-label') ?? 'button'} is visible`);
  const box = await locator.boundingBox();
  assert.ok(box && box.width > 0, `${where}: the button has a box`);
  if (minPx) assert.ok(box.height >= minPx - 0.5, `${where}: ${(await locator.textContent())?.trim()} is ${box.height} px tall (< ${minPx})`);
}

/** The first training view on screen: tap Train, see the readout's step grow, tap Pause. */
async function tapTrainAndPause(page, where, waitFor, minPx) {
  // A fixed index: a filter on the Train button would stop matching once the button reads Pause.
  const index = await page.locator('.training-controls').evaluateAll((all) => all.findIndex((c) => [...c.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Train')));
  assert.ok(index >= 0, `${where}: a training view with a Train button`);
  const controls = page.locator('.training-controls').nth(index);
  const train = controls.getByRole('button', { name: 'Train', exact: true });
  const readout = controls.getByRole('status');
  const stepOf = async () => Number(/^step (\d+)/.exec(((await readout.textContent()) ?? '').trim())?.[1] ?? NaN);
  // The data set loads first; the readout shows a loss once the network is built.
  await waitFor(async () => /loss \d/.test((await readout.textContent()) ?? '') && (await train.isEnabled()), { timeout: 120_000, message: `${where}: the step-0 loss` });
  await assertTappable(where, train, minPx);
  const before = await stepOf();
  await train.tap();
  const pause = controls.getByRole('button', { name: 'Pause', exact: true });
  await pause.waitFor({ timeout: 10_000 });
  await waitFor(async () => (await stepOf()) > before, { timeout: 120_000, message: `${where}: the readout's step to grow after a tap on Train` });
  await pause.tap();
  await train.waitFor({ timeout: 30_000 });
  return (await stepOf()) - before;
}

/** A finger stroke on the autoencoder's drawing pad (real touch events via the DevTools protocol). */
async function drawWithFinger(page, context) {
  const pad = page.locator('.pad-host canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  const scrollBefore = await page.evaluate(() => scrollY);
  const cdp = await context.newCDPSession(page);
  const at = (fx, fy) => [{ x: box.x + fx * box.width, y: box.y + fy * box.height, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.5, 0.2) });
  for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.5, 0.2 + i * 0.05) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  const clear = page.getByRole('button', { name: 'Clear drawing' });
  await clear.waitFor();
  assert.ok(await clear.isEnabled(), 'the drawing pad took the finger stroke (Clear drawing is enabled)');
  // touch-action: none on the pad: the stroke draws instead of scrolling the page.
  assert.equal(await page.evaluate(() => scrollY), scrollBefore, 'the finger stroke did not scroll the page');
  await clear.tap();
}

/** Every step of every lesson on one device: layout after each step, Previous/Next by tap, Train once per lesson. */
async function walkLessons({ context: runContext, origin, out, waitFor }, size, device) {
  const { page, context, problems } = await openPage(runContext.browser(), origin, device);
  const minPx = device.hasTouch && device.isMobile ? TOUCH_PX : 0;
  const summary = [];
  try {
    for (const slug of LESSONS) {
      await page.goto(`${origin}/#/${slug}/1?${QUERY}`);
      await waitFor(async () => (await shownStep(page)).step === 1, { message: `${slug} step 1` });
      const { of } = await shownStep(page);
      const titles = (await page.locator('.step-dots button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''))).map((t) => t.replace(/^\d+\. /, ''));
      const trainAt = TRAINING[slug] ? titles.findIndex((t) => TRAINING[slug].test(t)) + 1 : 0;
      assert.ok(!TRAINING[slug] || trainAt > 0, `${size} ${slug}: the training step (${TRAINING[slug]}) among ${titles.join(' | ')}`);
      let trained = null;
      for (let k = 1; k <= of; k++) {
        const where = `${size} ${slug} step ${k}`;
        // Late content (data, images, charts) may widen a panel: give it a moment.
        await page.waitForTimeout(k === 1 ? 1500 : 400);
        assertLayout(where, await measureLayout(page));
        if (k === 1) await page.screenshot({ path: `${out}/small-${size}-${slug}.png`, fullPage: size === 'phone' });
        const next = page.getByRole('button', { name: 'Next', exact: true });
        const previous = page.getByRole('button', { name: 'Previous', exact: true });
        await assertTappable(where, previous, minPx);
        await assertTappable(where, next, minPx);
        if (minPx) await assertTappable(where, page.getByRole('button', { name: new RegExp(`^${k}\\. `) }), minPx);
        if (k === trainAt) {
          await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 120_000 });
          trained = await tapTrainAndPause(page, where, waitFor, minPx);
          if (slug === 'autoencoder' && size === 'phone') await drawWithFinger(page, context);
          assertLayout(`${where} after training`, await measureLayout(page));
        }
        if (k < of) {
          await next.tap();
          await waitFor(async () => (await shownStep(page)).step === k + 1, { message: `${where}: a tap on Next shows step ${k + 1}` });
        } else {
          await previous.tap();
          await waitFor(async () => (await shownStep(page)).step === k - 1, { message: `${where}: a tap on Previous shows step ${k - 1}` });
        }
      }
      summary.push(`${slug} ${of} steps${trained === null ? '' : ` (trained ${trained} steps by tap)`}`);
    }
    const errors = [...problems.consoleErrors, ...problems.pageErrors];
    assert.deepEqual(errors, [], `${size}: console or page errors`);
    assert.deepEqual(problems.offsiteRequests, [], `${size}: requests left 127.0.0.1`);
    console.log(`    ${size}: ${summary.join(' · ')}`);
  } catch (err) {
    await page.screenshot({ path: `${out}/FAILED-small-${size}.png`, fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

export const smallScreensTests = [
  {
    name: 'small screens: phone 390×844 (touch), every step of every lesson: no sideways scroll, Previous/Next/Train by tap, ≥ 44 px targets, finger drawing',
    run: (ctx) => walkLessons(ctx, 'phone', PHONE),
  },
  {
    name: 'small screens: tablet 1024×768 landscape (touch), every step of every lesson: no sideways scroll, no squeezed panel, Previous/Next/Train by tap',
    run: (ctx) => walkLessons(ctx, 'tablet', TABLET),
  },
  {
    name: 'small screens: presenter mode at 1280×720, step 1 of every lesson: no sideways scroll, no squeezed panel, heading readable',
    async run({ context: runContext, origin, out, waitFor }) {
      const { page, context, problems } = await openPage(runContext.browser(), origin, PRESENTER);
      try {
        const sizes = [];
        await page.goto(`${origin}/#/${LESSONS[0]}/1?${QUERY}`);
        await waitFor(async () => (await shownStep(page)).step === 1, { message: 'the first lesson' });
        const normal = await measureLayout(page);
        await page.keyboard.press('p');
        await page.getByRole('button', { name: 'Presenter mode', pressed: true }).waitFor();
        for (const slug of LESSONS) {
          await page.goto(`${origin}/#/${slug}/1?${QUERY}`);
          await waitFor(async () => (await shownStep(page)).step === 1, { message: `${slug} step 1` });
          assert.ok(await page.getByRole('button', { name: 'Presenter mode', pressed: true }).isVisible(), `presenter ${slug}: still in presenter mode`);
          await page.waitForTimeout(1500);
          const m = await measureLayout(page);
          assertLayout(`presenter ${slug}`, m);
          assert.ok(m.headingPx >= 1.5 * normal.headingPx, `presenter ${slug}: heading ${normal.headingPx} → ${m.headingPx} px`);
          await page.screenshot({ path: `${out}/presenter-1280-${slug}.png` });
          sizes.push(`${slug} ${m.headingPx} px`);
        }
        assert.deepEqual([...problems.consoleErrors, ...problems.pageErrors], [], 'console or page errors');
        assert.deepEqual(problems.offsiteRequests, [], 'requests left 127.0.0.1');
        console.log(`    presenter headings: ${sizes.join(' · ')}`);
      } finally {
        await context.close();
      }
    },
  },
];
