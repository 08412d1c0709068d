// Shared pieces of the browser tests and the benchmark: serve the production build on 127.0.0.1 with
// `vite preview`, and drive Debian's Chromium with playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

// Terminal colour codes (ESC [ … m), built from a string so the pattern has no control character literal.
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `vite preview` on the built dist/ and resolves with its origin and a stop function. */
export async function startPreview() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first');
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Vite colours its output when CI is set; the port is matched in plain text.
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const origin = `http://127.0.0.1:${port}`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite preview did not start:\n${output}`)), 30_000);
    const onData = (d) => {
      output += String(d).replace(ANSI_COLOUR, '');
      if (output.includes(`127.0.0.1:${port}`)) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`vite preview exited (${code}):\n${output}`)); });
  });
  return {
    origin,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }),
  };
}

export async function launchBrowser(extraArgs = []) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/**
 * A page that records console errors, uncaught exceptions and every request that would leave 127.0.0.1
 * (those are aborted). Other options go to `browser.newContext` (e.g. `isMobile`, `hasTouch`, `deviceScaleFactor`).
 */
export async function openPage(browser, origin, { viewport = { width: 1400, height: 1000 }, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], offsiteRequests: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
    if (!local) {
      problems.offsiteRequests.push(url.href);
      return route.abort();
    }
    return route.fallback();
  });
  return { page, context, problems };
}

/** Parses `step <n> · loss <value>` from the first role=status element. */
export async function readStatus(page) {
  const text = (await page.getByRole('status').first().textContent()) ?? '';
  // `step <n> · loss <value>`, and in a race the other runs' losses after it (` · tanh 0.91 · sigmoid 2.29`).
  const m = /^step (\d+) · loss (\S+)((?: · \w+ \S+)*)$/.exec(text.trim());
  const others = {};
  for (const [, name, value] of (m?.[3] ?? '').matchAll(/ · (\w+) (\S+)/g)) others[name] = Number(value);
  return { text, step: m ? Number(m[1]) : NaN, loss: m ? Number(m[2]) : NaN, others };
}

export async function waitFor(predicate, { timeout = 60_000, interval = 250, message = 'condition' } = {}) {
  const start = Date.now();
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}
