// Speaker notes: a second window of the same browser follows the projector over BroadcastChannel, shows the step's
// talking points and the next step, drives the projector with Next and ←/→, and the projector shows none of it.
import assert from 'node:assert/strict';

const STEP1 = 'Why not fully connected?';
const STEP2 = 'Locally connected: each unit sees a patch';
const STEP3 = 'Shared weights';
// Opening words of talking points in src/notes/convolution.ts (steps 1–3).
const POINTS = ['The calculator opens on an MNIST digit', 'Point at the second row: each unit now reads', 'Third row: all units of one map use the same kernel'];

/** Collects a second page's console errors and uncaught errors (the harness watches only the first page). */
function watch(p) {
  const errors = [];
  p.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  p.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

const h1 = (p, name) => p.getByRole('heading', { level: 1, name });

export const speakerNotesTests = [
  {
    name: 'speaker notes: a second window follows the projector, shows points and the next step, and drives it',
    async run({ page, context, origin, out }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      // The notes window alone: nobody answers.
      const notes = await context.newPage();
      const notesErrors = watch(notes);
      await notes.setViewportSize({ width: 1000, height: 800 });
      await notes.goto(`${origin}/#/speaker-notes`);
      await notes.getByText(/No projector window answered\. Open a lesson in the other window/).waitFor({ timeout: 10_000 });

      // The projector opens a lesson: the notes window picks it up without a reload.
      await page.goto(`${origin}/#/convolution?backend=wasm&seed=1`);
      await page.getByRole('heading', { name: 'How many weights?' }).waitFor();
      await h1(notes, `Step 1 of 8: ${STEP1}`).waitFor({ timeout: 10_000 });
      await notes.getByText(POINTS[0], { exact: false }).waitFor();
      await notes.getByText('3,612,672 weights (28×28×1, k = 5, F = 8)').waitFor();
      await notes.getByText(`2. ${STEP2}`).waitFor();

      // The header button opens its own notes window (a popup of the same origin at #/speaker-notes).
      const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Speaker notes' }).click()]);
      const popupErrors = watch(popup);
      await h1(popup, `Step 1 of 8: ${STEP1}`).waitFor({ timeout: 10_000 });
      assert.equal(new URL(popup.url()).hash, '#/speaker-notes');
      assert.equal(new URL(popup.url()).origin, origin);
      await popup.close();

      // → on the projector: the notes follow to step 2 and announce step 3.
      await page.locator('h1').click();
      await page.keyboard.press('ArrowRight');
      await page.getByRole('heading', { level: 2, name: STEP2 }).waitFor();
      await h1(notes, `Step 2 of 8: ${STEP2}`).waitFor();
      await notes.getByText(POINTS[1], { exact: false }).waitFor();
      await notes.getByText(`3. ${STEP3}`).waitFor();

      // Next in the notes window: the projector moves to step 3.
      await notes.getByRole('button', { name: 'Next →' }).click();
      await page.getByRole('heading', { level: 2, name: STEP3 }).waitFor();
      assert.match(page.url(), /#\/convolution\/3\?/);
      assert.match(page.url(), /backend=wasm/);
      await h1(notes, `Step 3 of 8: ${STEP3}`).waitFor();
      // ← in the notes window goes back one, → forward again.
      await notes.keyboard.press('ArrowLeft');
      await page.getByRole('heading', { level: 2, name: STEP2 }).waitFor();
      await notes.keyboard.press('ArrowRight');
      await page.getByRole('heading', { level: 2, name: STEP3 }).waitFor();
      await h1(notes, `Step 3 of 8: ${STEP3}`).waitFor();
      await notes.getByText(POINTS[2], { exact: false }).waitFor();

      // The projector shows only the lesson.
      const projectorText = await page.locator('body').innerText();
      for (const p of POINTS) assert.ok(!projectorText.includes(p), `the projector shows the talking point "${p}"`);
      assert.equal(await page.locator('.speaker-notes').count(), 0);
      await page.screenshot({ path: `${out}/speaker-notes-projector.png` });
      await notes.screenshot({ path: `${out}/speaker-notes-window.png` });

      // The projector leaves the lesson: the notes say so.
      await page.goto(`${origin}/#/?backend=wasm`);
      await notes.getByText(/The projector window left this lesson/).waitFor();
      assert.deepEqual([...notesErrors, ...popupErrors], [], 'no errors in the notes windows');
    },
  },
  {
    name: 'speaker notes: the notes window shows the projector\'s training readout',
    async run({ page, context, origin, out, readStatus, waitFor }) {
      await page.goto(`${origin}/#/autoencoder?backend=wasm&seed=1`);
      await waitFor(async () => (await readStatus(page)).loss > 0, { timeout: 90_000, message: 'the step-0 loss' });
      const notes = await context.newPage();
      const errors = watch(notes);
      await notes.setViewportSize({ width: 1000, height: 800 });
      await notes.goto(`${origin}/#/speaker-notes`);
      await notes.getByText(/^Projector training \(\w+\): step 0 · loss \d/).waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await waitFor(async () => (await readStatus(page)).step > 5, { message: 'training on the projector' });
      const line = notes.getByText(/^Projector training \(running\): step \d+ · loss \d/);
      await line.waitFor();
      const shown = Number(/step (\d+)/.exec(await line.textContent())[1]);
      assert.ok(shown > 0, `the notes show step ${shown}`);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const paused = await readStatus(page);
      await waitFor(async () => (await notes.getByText(/^Projector training/).textContent()).includes(`step ${paused.step} ·`), { message: `the notes show the paused step ${paused.step}` });
      await notes.screenshot({ path: `${out}/speaker-notes-training.png` });
      assert.deepEqual(errors, [], 'no errors in the notes window');
    },
  },
];
