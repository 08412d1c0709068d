// The AlexNet lesson's retrieval step in a real browser: the gallery's MobileNet features are computed in batches
// without long main-thread tasks, and a sample photo's nearest neighbours by feature distance are of its kind.
import assert from 'node:assert/strict';
import { loadavg } from 'node:os';

const STEP_TITLE = 'Retrieval with the top hidden layer';

/** The neighbours of one list as { label, source, distance }. */
async function neighbours(page, name) {
  const rows = page.getByRole('list', { name }).getByRole('listitem');
  await rows.nth(7).waitFor({ timeout: 30_000 });
  return rows.evaluateAll((items) => items.map((li) => ({
    label: li.querySelector('.label').textContent.trim(),
    source: li.querySelector('.source').textContent.trim(),
    distance: Number(li.querySelector('.distance').textContent.replace('d = ', '')),
  })));
}

/** Searches with the sample photo `title` and returns both lists once the feature list belongs to it. */
async function searchWith(page, title) {
  await page.getByRole('group', { name: 'Picture to search with' }).getByRole('button', { name: title, exact: true }).click();
  await page.locator('.retrieval-query figcaption strong', { hasText: title }).waitFor({ timeout: 30_000 });
  await page.getByRole('list', { name: 'Nearest by features' }).waitFor({ timeout: 30_000 });
  const byFeatures = await neighbours(page, 'Nearest by features');
  const byPixels = await neighbours(page, 'Nearest by pixels');
  const line = (list) => list.map((n) => `${n.label} ${n.distance}`).join(', ');
  console.log(`    ${title}: features → ${line(byFeatures)}\n      pixels → ${line(byPixels)}`);
  return { byFeatures, byPixels };
}

export const alexnetRetrievalTests = [
  {
    name: 'alexnet retrieval: the gallery\'s MobileNet features are computed in slices; the zebra gets 8 neighbours, the 747 CIFAR airplanes and the cat CIFAR cats (by features, not by pixels)',
    async run({ page, origin, out }) {
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${origin}/#/alexnet?backend=wasm`);
      await page.getByRole('button', { name: new RegExp(`^\\d+\\. ${STEP_TITLE}$`) }).click();
      await page.getByRole('heading', { name: STEP_TITLE, level: 2 }).waitFor();
      const status = page.locator('.retrieval-panel .status-line');
      await status.getByText(/Computing MobileNet's features of the gallery: \d+ of 1,020 images/).waitFor({ timeout: 120_000 });
      const tasksBefore = await page.evaluate(() => window.__longTasks.length);
      await page.screenshot({ path: `${out}/alexnet-retrieval-1-computing.png`, fullPage: true });
      await status.getByText(/MobileNet features of 1,020 gallery images: computed in [\d.]+ s on wasm/).waitFor({ timeout: 400_000 });
      const done = (await status.textContent()).trim();
      const tasks = await page.evaluate((from) => window.__longTasks.slice(from), tasksBefore);
      const over = (ms) => tasks.filter((t) => t > ms).length;
      console.log(`    ${done}\n    long tasks while computing: ${tasks.length} (${over(100)} over 100 ms, ${over(200)} over 200 ms), longest ${Math.max(0, ...tasks).toFixed(0)} ms; load average ${loadavg()[0].toFixed(2)}`);

      const zebra = await searchWith(page, 'Zebra');
      assert.equal(zebra.byFeatures.length, 8);
      assert.equal(zebra.byPixels.length, 8);
      assert.ok(zebra.byFeatures.every((n, i) => i === 0 || n.distance >= zebra.byFeatures[i - 1].distance), 'sorted by distance');
      await page.screenshot({ path: `${out}/alexnet-retrieval-2-zebra.png`, fullPage: true });

      // Measured on wasm: the 747's feature neighbours are 7 CIFAR airplanes and a ship; the cat photo's include 3
      // CIFAR cats by features and none by pixels (its pixel neighbours are deer, frogs, birds, a horse).
      const plane = await searchWith(page, 'Boeing 747');
      const airplanes = plane.byFeatures.filter((n) => n.label === 'airplane' && n.source.startsWith('CIFAR-10')).length;
      assert.ok(airplanes >= 5, `at least 5 CIFAR airplanes among the 747's 8 nearest by features, got ${airplanes}`);
      const cat = await searchWith(page, 'Chelsea the cat');
      const cats = (list) => list.filter((n) => n.label === 'cat' && n.source.startsWith('CIFAR-10')).length;
      assert.ok(cats(cat.byFeatures) >= 2, `at least 2 CIFAR cats among the cat photo's 8 nearest by features, got ${cats(cat.byFeatures)}`);
      assert.ok(cats(cat.byFeatures) > cats(cat.byPixels), `more cats by features (${cats(cat.byFeatures)}) than by raw pixels (${cats(cat.byPixels)})`);
      await page.screenshot({ path: `${out}/alexnet-retrieval-3-cat.png`, fullPage: true });
    },
  },
];
