// `npm run bench`: measures the built app in one headless Chromium run and prints one JSON object per line
// (stdout and bench-results/bench.jsonl); progress and a human summary go to stderr.
//
//   1. autoencoder-train: examples/s of the lesson training with all its views live, against a bare tfjs
//      loop of the same model in the same page (lesson, bare, lesson; the two lesson runs are averaged),
//      and the longest main-thread task while the lesson trains. Extra fields help read it: the lesson's
//      steps per animation frame (1.00 means the loop is capped by the frame rate) and otherCpuShare, the
//      share of the machine's CPU other processes took meanwhile (above ~0.1 the ratio is noise).
//   2. autoencoder-tensor-drift: tf.memory().numTensors before and after --drift-steps more lesson steps.
//   3. initial-js: gzipped bytes of the JavaScript loaded before the lesson first shows its status.
//
// Options: --backend webgl|wasm|cpu (default webgl), --seconds N (timed window, default 20),
// --warmup N (seconds before each lesson window, default 3), --drift-steps N (default 2000).
// Exit code 0 whether or not the targets are met; non-zero only when something could not be measured.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureDir, launchBrowser, openPage, readStatus, startPreview, waitFor } from '../tests/e2e/harness.mjs';

const BATCH_SIZE = 64;
const SEED = 1;
const RESULTS_DIR = 'bench-results';
const DIST = resolve('dist');
const BACKENDS = ['webgl', 'wasm', 'cpu'];
const TARGETS = {
  train: 'ratio >= 0.8, longest task < 100 ms',
  drift: 'drift 0',
};

function parseArgs(argv) {
  const opts = { backend: 'webgl', seconds: 20, warmup: 3, driftSteps: 2000 };
  const names = { '--backend': 'backend', '--seconds': 'seconds', '--warmup': 'warmup', '--drift-steps': 'driftSteps' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = names[flag];
    if (!key) throw new Error(`unknown option ${argv[i]} (options: ${Object.keys(names).join(', ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    opts[key] = key === 'backend' ? value : Number(value);
  }
  if (!BACKENDS.includes(opts.backend)) throw new Error(`--backend must be one of ${BACKENDS.join(', ')}`);
  for (const k of ['seconds', 'warmup', 'driftSteps']) {
    if (!(Number.isFinite(opts[k]) && opts[k] >= 0)) throw new Error(`--${k} must be a non-negative number`);
  }
  return opts;
}

const log = (...args) => console.error('[bench]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, digits = 1) => Number(x.toFixed(digits));

/** Busy CPU time of the whole machine, and of this process and its descendants (alive or reaped), in clock ticks; null off Linux. */
function cpuTicks() {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const machineBusy = fields.reduce((a, b) => a + b, 0) - fields[3] - (fields[4] ?? 0); // minus idle and iowait
  const children = new Map();
  const own = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try { stat = readFileSync(`/proc/${entry}/stat`, 'utf8'); } catch { continue; }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    const ppid = Number(f[1]);
    own.set(Number(entry), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])); // utime stime cutime cstime
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  let tree = 0;
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop();
    tree += own.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { machineBusy, tree };
}

/**
 * Share of the machine's CPU that processes outside this benchmark used between `start()` and `stop()`:
 * other builds, tests or browsers on the machine skew the ratios, so the result says how much there was.
 */
function otherCpuMeter() {
  const a = cpuTicks();
  const t0 = Date.now();
  return () => {
    const b = cpuTicks();
    if (!a || !b) return null;
    const ticksPerSecond = 100; // USER_HZ on Linux
    const capacity = ((Date.now() - t0) / 1000) * ticksPerSecond * cpus().length;
    return Math.max(0, ((b.machineBusy - a.machineBusy) - (b.tree - a.tree)) / capacity);
  };
}

/**
 * Installed before any page script runs: collects long tasks from page start, and counts animation frames
 * (a lesson that trains one step per frame is capped by the display rate, not by the backend).
 */
function installPageProbes() {
  window.__benchFrames = 0;
  const countFrame = () => { window.__benchFrames++; requestAnimationFrame(countFrame); };
  requestAnimationFrame(countFrame);
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__benchLongTasks = null; // not supported: reported as null
  }
}

const STATUS_LOADED = /^step 0 · loss \d/;

async function waitForLessonReady(page, timeout = 120_000) {
  await waitFor(async () => STATUS_LOADED.test((await readStatus(page)).text.trim()), { timeout, message: 'the lesson to show `step 0 · loss`' });
}

/**
 * Resolves at the next change of the first status readout, with its step and the page clock, so that a
 * timed window starts and ends on a read-back and not somewhere between two.
 */
function nextStatusChange(page, timeoutMs = 15_000) {
  return page.evaluate((timeout) => new Promise((resolvePromise, reject) => {
    const el = document.querySelector('[role="status"]');
    if (!el) { reject(new Error('no status element')); return; }
    const before = el.textContent;
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`status stayed "${before}" for ${timeout} ms`)); }, timeout);
    const observer = new MutationObserver(() => {
      const text = el.textContent ?? '';
      if (text === before) return;
      observer.disconnect();
      clearTimeout(timer);
      const m = /^step (\d+)/.exec(text.trim());
      resolvePromise({ step: m ? Number(m[1]) : NaN, t: performance.now(), frames: window.__benchFrames, text });
    });
    observer.observe(el, { childList: true, characterData: true, subtree: true });
  }), timeoutMs);
}

async function pressTrain(page) {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 10_000 });
}

async function pressPause(page) {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 30_000 });
}

/** Trains the lesson for warm-up + `seconds`, returns steps/s over the timed window and its long tasks. */
async function measureLesson(page, { seconds, warmup }, label) {
  const trainPressedAt = await page.evaluate(() => performance.now());
  await pressTrain(page);
  await sleep(warmup * 1000);
  const first = await nextStatusChange(page);
  await sleep(seconds * 1000);
  const last = await nextStatusChange(page);
  await pressPause(page);
  await sleep(300); // long-task entries arrive after their task ends
  const tasks = await page.evaluate(() => window.__benchLongTasks);
  const inWindow = (from, to) => (tasks ?? []).filter((e) => e.start + e.duration > from && e.start < to);
  const longest = (list) => (tasks === null ? null : list.reduce((m, e) => Math.max(m, e.duration), 0));
  const windowTasks = inWindow(first.t, last.t);
  const steps = last.step - first.step;
  const elapsed = (last.t - first.t) / 1000;
  const run = {
    steps,
    seconds: elapsed,
    stepsPerSecond: steps / elapsed,
    longestTaskMs: longest(windowTasks),
    longTaskCount: tasks === null ? null : windowTasks.length,
    longestTaskWithWarmupMs: longest(inWindow(trainPressedAt, last.t)),
    stepsPerFrame: steps / (last.frames - first.frames),
    framesPerSecond: (last.frames - first.frames) / elapsed,
  };
  const worst = [...inWindow(trainPressedAt, last.t)].sort((x, y) => y.duration - x.duration).slice(0, 3)
    .map((e) => `${e.duration.toFixed(0)} ms at +${((e.start - trainPressedAt) / 1000).toFixed(1)} s`);
  if (worst.length) log(`${label}: longest tasks since Train was pressed (window starts at +${((first.t - trainPressedAt) / 1000).toFixed(1)} s): ${worst.join(', ')}`);
  if (!(steps > 0)) throw new Error(`${label}: the status step did not advance (${first.text} → ${last.text})`);
  log(`${label}: ${steps} steps in ${elapsed.toFixed(1)} s = ${(run.stepsPerSecond * BATCH_SIZE).toFixed(0)} examples/s; longest task ${run.longestTaskMs?.toFixed(0)} ms (${run.longTaskCount} long tasks); ${run.stepsPerFrame.toFixed(2)} steps per frame at ${run.framesPerSecond.toFixed(0)} frames/s`);
  if (run.stepsPerFrame > 0.95 && run.stepsPerFrame <= 1.05) log(`${label}: one step per animation frame: the lesson is capped by the frame rate, not by the backend`);
  return run;
}

async function benchTraining(page, opts) {
  const otherCpu = otherCpuMeter();
  const lesson1 = await measureLesson(page, opts, 'lesson run 1');
  log(`bare tfjs loop: ${opts.seconds} s…`);
  const bare = await page.evaluate(([s, b]) => window.__cnnlabBench.runBareAutoencoder(s, b), [opts.seconds, opts.backend]);
  log(`bare tfjs loop: ${bare.steps} steps in ${bare.seconds.toFixed(1)} s = ${bare.examplesPerSecond.toFixed(0)} examples/s (numTensors ${bare.numTensorsBefore} → ${bare.numTensorsAfter})`);
  const lesson2 = await measureLesson(page, opts, 'lesson run 2');
  const otherCpuShare = otherCpu();
  if (otherCpuShare !== null) log(`other processes used ${(otherCpuShare * 100).toFixed(0)}% of the machine's CPU while training was measured${otherCpuShare > 0.1 ? ': the ratio is unreliable, rerun on a quiet machine' : ''}`);
  const lessonStepsPerSecond = (lesson1.stepsPerSecond + lesson2.stepsPerSecond) / 2;
  const examplesPerSecond = lessonStepsPerSecond * BATCH_SIZE;
  const maxOf = (a, b) => (a === null || b === null ? null : Math.max(a, b));
  return {
    result: {
      bench: 'autoencoder-train',
      backend: opts.backend,
      examplesPerSecond: round(examplesPerSecond),
      baselineExamplesPerSecond: round(bare.examplesPerSecond),
      ratio: round(examplesPerSecond / bare.examplesPerSecond, 3),
      batchSize: BATCH_SIZE,
      steps: lesson1.steps + lesson2.steps,
      longestTaskMs: lesson1.longestTaskMs === null ? null : round(maxOf(lesson1.longestTaskMs, lesson2.longestTaskMs)),
      target: TARGETS.train,
      seconds: opts.seconds,
      lessonRunsExamplesPerSecond: [round(lesson1.stepsPerSecond * BATCH_SIZE), round(lesson2.stepsPerSecond * BATCH_SIZE)],
      baselineSteps: bare.steps,
      longTaskCount: lesson1.longTaskCount === null ? null : lesson1.longTaskCount + lesson2.longTaskCount,
      longestTaskWithWarmupMs: lesson1.longestTaskWithWarmupMs === null ? null : round(maxOf(lesson1.longestTaskWithWarmupMs, lesson2.longestTaskWithWarmupMs)),
      otherCpuShare: otherCpuShare === null ? null : round(otherCpuShare, 3),
      lessonStepsPerFrame: round((lesson1.stepsPerFrame + lesson2.stepsPerFrame) / 2, 2),
    },
    stepsPerSecond: lessonStepsPerSecond,
  };
}

async function benchDrift(page, { backend, driftSteps }, stepsPerSecond) {
  await sleep(1000); // the views' last redraw after the pause
  const numTensorsBefore = await page.evaluate(() => window.__cnnlabBench.numTensors());
  const startStep = (await readStatus(page)).step;
  const target = startStep + driftSteps;
  const timeout = Math.max(60_000, (3 * driftSteps / Math.max(stepsPerSecond, 1e-3)) * 1000);
  log(`tensor drift: ${numTensorsBefore} tensors at step ${startStep}; training to step ${target} (≈${(driftSteps / stepsPerSecond).toFixed(0)} s)…`);
  await pressTrain(page);
  await waitFor(async () => (await readStatus(page)).step >= target, { timeout, interval: 200, message: `status step ≥ ${target}` });
  await pressPause(page);
  await sleep(1000);
  const numTensorsAfter = await page.evaluate(() => window.__cnnlabBench.numTensors());
  const endStep = (await readStatus(page)).step;
  log(`tensor drift: ${numTensorsAfter} tensors at step ${endStep}`);
  return {
    bench: 'autoencoder-tensor-drift',
    backend,
    steps: endStep - startStep,
    numTensorsBefore,
    numTensorsAfter,
    drift: numTensorsAfter - numTensorsBefore,
    target: TARGETS.drift,
  };
}

/** JavaScript the page fetches from a fresh context until the lesson's status first reads `step 0 · loss`. */
async function benchInitialJs(browser, origin) {
  const { page, context } = await openPage(browser, origin);
  try {
    const scripts = new Set();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === origin && url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    await page.goto(`${origin}/#/autoencoder?backend=webgl`);
    await waitForLessonReady(page);
    const files = [...scripts].map((pathname) => {
      const bytes = readFileSync(join(DIST, decodeURIComponent(pathname)));
      return { file: pathname.replace(/^\//, ''), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    }).sort((a, b) => b.gzipBytes - a.gzipBytes);
    if (!files.length) throw new Error('initial-js: no JavaScript responses were seen');
    const gzipBytes = files.reduce((s, f) => s + f.gzipBytes, 0);
    log(`initial JS: ${files.length} files, ${(gzipBytes / 1024).toFixed(1)} KiB gzipped`);
    return { bench: 'initial-js', gzipBytes, files };
  } finally {
    await context.close();
  }
}

function summary(results) {
  const lines = ['', 'CNN Lab benchmark'];
  for (const r of results) {
    if (r.bench === 'autoencoder-train') {
      const ok = r.ratio >= 0.8 && r.longestTaskMs !== null && r.longestTaskMs < 100;
      lines.push(`  training (${r.backend}): lesson ${r.examplesPerSecond} ex/s vs bare ${r.baselineExamplesPerSecond} ex/s → ratio ${r.ratio}; longest task ${r.longestTaskMs === 0 ? 'none ≥ 50 ms' : `${r.longestTaskMs} ms`}  [${ok ? 'meets' : 'misses'} ${r.target}]`);
    } else if (r.bench === 'autoencoder-tensor-drift') {
      lines.push(`  tensors (${r.backend}): ${r.numTensorsBefore} → ${r.numTensorsAfter} over ${r.steps} steps, drift ${r.drift}  [${r.drift === 0 ? 'meets' : 'misses'} ${r.target}]`);
    } else if (r.bench === 'initial-js') {
      lines.push(`  initial JS: ${(r.gzipBytes / 1024).toFixed(1)} KiB gzipped in ${r.files.length} files (largest ${r.files[0].file}, ${(r.files[0].gzipBytes / 1024).toFixed(1)} KiB)`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const results = [];
  const emit = (r) => { results.push(r); console.log(JSON.stringify(r)); };
  let preview = null;
  let browser = null;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    browser = null;
    await preview?.stop();
    preview = null;
  };
  const onSignal = (sig) => { log(`${sig}: cleaning up`); void cleanup().finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = Date.now();
  const [loadAtStart] = loadavg();
  if (loadAtStart >= 1) log(`warning: load average is ${loadAtStart.toFixed(2)} on ${cpus().length} CPUs before the browser starts; other work on this machine will skew the ratios`);
  try {
    preview = await startPreview();
    browser = await launchBrowser();
    log(`serving ${preview.origin}; backend ${opts.backend}`);

    const { page, problems } = await openPage(browser, preview.origin);
    await page.addInitScript(installPageProbes);
    await page.goto(`${preview.origin}/#/autoencoder?backend=${opts.backend}&seed=${SEED}&bench=1`);
    await waitForLessonReady(page);
    await page.waitForFunction(() => !!window.__cnnlabBench, null, { timeout: 30_000 });
    const badge = (await page.locator('.backend-badge').first().textContent())?.trim() ?? '';
    log(badge);
    if (!badge.startsWith(`Backend: ${opts.backend}`)) throw new Error(`the page did not start ${opts.backend}: "${badge}"`);

    const training = await benchTraining(page, opts);
    emit({ ...training.result, loadAverageAtStart: round(loadAtStart, 2) });
    emit(await benchDrift(page, opts, training.stepsPerSecond));
    for (const kind of ['pageErrors', 'consoleErrors', 'offsiteRequests']) {
      if (problems[kind].length) log(`warning: ${kind}: ${problems[kind].slice(0, 5).join(' | ')}`);
    }
    await page.context().close();

    emit(await benchInitialJs(browser, preview.origin));
  } finally {
    await cleanup();
    if (results.length) {
      ensureDir(RESULTS_DIR);
      writeFileSync(join(RESULTS_DIR, 'bench.jsonl'), results.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
  }
  console.error(summary(results));
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote ${join(RESULTS_DIR, 'bench.jsonl')}`);
}

main().catch((err) => {
  console.error('[bench] failed:', err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
