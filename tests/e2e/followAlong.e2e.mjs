// Follow along in a real browser: `L` shows the current deep link as a QR code and as text; the QR code is read
// back from a screenshot with jsQR and must say exactly the link shown, for the page's own origin, for a typed
// LAN host, after → moves to the next step, and with the seed a lesson drew when the URL named none.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import jsQR from 'jsqr';

/** `vite preview --host 0.0.0.0` on a free port, as `npm run start:lan` serves (the harness's server listens on 127.0.0.1). */
async function startLanPreview() {
  const port = await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '0.0.0.0', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite preview --host did not start:\n${output}`)), 30_000);
    const onData = (d) => { output += String(d); if (output.includes(`:${port}`)) { clearTimeout(timer); resolve(); } };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`vite preview --host exited (${code}):\n${output}`)); });
  });
  return { port, stop: () => new Promise((resolve) => { if (child.exitCode !== null) return resolve(); child.once('exit', resolve); child.kill('SIGTERM'); }) };
}

/** Screenshots the QR element, turns the PNG into RGBA pixels in the page (createImageBitmap), decodes with jsQR in Node. */
async function readQr(page, out = 'test-results/e2e') {
  // A step change scrolls its panel into view smoothly: wait until the page stands still, as a phone would.
  let last = null;
  for (let i = 0; i < 40; i++) {
    const y = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.scrollY))));
    if (y === last) break;
    last = y;
    await page.waitForTimeout(100);
  }
  const png = await page.locator('.follow-qr').screenshot();
  const img = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  }, png.toString('base64'));
  const code = jsQR(Uint8ClampedArray.from(img.rgba), img.width, img.height);
  if (!code) writeFileSync(`${out}/FAILED-follow-along-unreadable-qr.png`, png);
  assert.ok(code, `jsQR found no QR code in the ${img.width}×${img.height} screenshot`);
  return { text: code.data, width: img.width, version: code.version };
}

const linkText = (page) => page.locator('[data-follow-link]').textContent();
const deepLink = (page) => page.evaluate(() => location.origin + location.pathname + location.hash);

export const followAlongTests = [
  {
    name: 'follow along: L shows the deep link as a QR code that decodes to it, for the origin and a typed host; → updates it',
    async run({ page, origin, out, waitFor }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${origin}/#/autoencoder/3?backend=wasm&seed=7&hidden=64`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('l');
      const dialog = page.getByRole('dialog', { name: 'Follow along' });
      await dialog.waitFor();
      await dialog.getByText('Asking the server').waitFor({ state: 'detached' });

      const here = await deepLink(page);
      assert.equal(here, `${origin}/#/autoencoder/3?backend=wasm&seed=7&hidden=64`);
      assert.equal(await linkText(page), here, 'the link shown is the current deep link');
      const first = await readQr(page);
      assert.equal(first.text, here, 'the QR code says the current deep link');
      await page.screenshot({ path: `${out}/follow-along-1-origin.png` });
      // The harness serves on 127.0.0.1 only: the server offers no LAN address, and the dialog says why.
      assert.equal(await dialog.getByRole('radio').count(), 1);
      await dialog.getByText('npm run start:lan').waitFor();

      // A typed host: a bad one gets a message and changes nothing; a good one is used and remembered.
      const field = dialog.getByRole('textbox', { name: 'Another address' });
      await field.fill('192.168.1.20:4173');
      await dialog.getByRole('button', { name: 'Use this address' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), /http:\/\/ or https:\/\//);
      assert.equal(await linkText(page), here, 'a rejected address leaves the link as it was');
      await field.fill('http://192.168.1.20:4173');
      await dialog.getByRole('button', { name: 'Use this address' }).click();
      const lan = 'http://192.168.1.20:4173/#/autoencoder/3?backend=wasm&seed=7&hidden=64';
      await waitFor(async () => (await linkText(page)) === lan, { message: 'the link on the typed host' });
      assert.equal((await readQr(page)).text, lan, 'the QR code follows the host');
      assert.equal(await alert.count(), 0, 'the message is gone');

      // → (focus on a button, not in the field) moves the lesson on; the link and the QR code follow.
      await dialog.getByRole('button', { name: 'Copy link' }).focus();
      await page.keyboard.press('ArrowRight');
      const next = 'http://192.168.1.20:4173/#/autoencoder/4?backend=wasm&seed=7&hidden=64';
      await waitFor(async () => (await linkText(page)) === next, { message: 'the link of step 4' });
      const fourth = await readQr(page);
      assert.equal(fourth.text, next);
      await page.locator('.follow-qr').screenshot({ path: `${out}/follow-along-qr.png` });

      // Presenter mode: the QR code is drawn large; Esc closes the dialog before leaving presenter mode.
      await page.keyboard.press('p');
      await page.getByRole('button', { name: 'Presenter mode', pressed: true }).waitFor();
      const box = await page.locator('.follow-qr').boundingBox();
      const modules = Number(await page.locator('.follow-qr').getAttribute('data-modules'));
      const modulePx = box.width / (modules + 8);
      assert.ok(modulePx >= 8, `${modulePx.toFixed(1)} px a module at 1280×720 in presenter mode`);
      assert.equal((await readQr(page)).text, next);
      await page.screenshot({ path: `${out}/follow-along-2-presenter.png` });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.ok(await page.getByRole('button', { name: 'Presenter mode', pressed: true }).isVisible(), 'Esc closed only the dialog');

      // The typed host is remembered across a reload.
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('l');
      await dialog.waitFor();
      assert.equal(await linkText(page), next, 'the remembered host after a reload');
      console.log(`    QR version ${fourth.version}, ${modules} modules; ${box.width.toFixed(0)} px wide in presenter mode (${modulePx.toFixed(1)} px a module)`);
    },
  },
  {
    name: 'follow along: without ?seed= the link carries the seed the lesson drew; readable on a phone',
    async run({ page, origin, out, waitFor }) {
      await page.goto(`${origin}/#/autoencoder/2?backend=wasm`);
      const seedLink = page.getByRole('link', { name: /^seed \d+: put it in the address/ });
      await seedLink.waitFor({ timeout: 90_000 });
      const shown = /^seed (\d+):/.exec(await seedLink.getAttribute('aria-label'))[1];
      await page.getByRole('button', { name: 'Follow along' }).click();
      await page.getByRole('dialog', { name: 'Follow along' }).waitFor();
      const expected = `${origin}/#/autoencoder/2?backend=wasm&seed=${shown}`;
      await waitFor(async () => (await linkText(page)) === expected, { message: `the link with seed ${shown}` });
      assert.equal((await readQr(page)).text, expected);
      assert.equal(await deepLink(page), `${origin}/#/autoencoder/2?backend=wasm`, 'the address bar itself is left alone');
      // On a phone in portrait the dialog stacks and the code still reads.
      await page.setViewportSize({ width: 390, height: 844 });
      assert.equal((await readQr(page)).text, expected);
      await page.screenshot({ path: `${out}/follow-along-3-phone.png` });
    },
  },
  {
    name: 'follow along: served with --host, the dialog offers the machine\'s LAN addresses and the QR code uses the one chosen',
    async run({ page, waitFor }) {
      const lan = await startLanPreview();
      try {
        const expected = [];
        for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal && !expected.includes(i.address)) expected.push(i.address);
        const local = `http://127.0.0.1:${lan.port}`;
        const answer = await page.request.get(`${local}/__cnnlab/lan.json`);
        assert.deepEqual(await answer.json(), { addresses: expected, port: lan.port });
        await page.goto(`${local}/#/convolution/2?backend=wasm`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.keyboard.press('l');
        const dialog = page.getByRole('dialog', { name: 'Follow along' });
        // The dialog is its own chunk: wait for it, then for the server's answer.
        await dialog.waitFor();
        await dialog.getByText('Asking the server').waitFor({ state: 'detached' });
        const offered = dialog.getByRole('radio', { name: /this machine on the network/ });
        assert.equal(await offered.count(), expected.length, `offered ${expected.join(', ') || 'no address (this machine has no LAN IPv4 address)'}`);
        if (!expected.length) return;
        await offered.first().check();
        const link = `http://${expected[0]}:${lan.port}/#/convolution/2?backend=wasm`;
        await waitFor(async () => (await linkText(page)) === link, { message: 'the link on the LAN address' });
        assert.equal((await readQr(page)).text, link);
        console.log(`    offered ${expected.join(', ')} on port ${lan.port}`);
      } finally {
        await lan.stop();
      }
    },
  },
];
