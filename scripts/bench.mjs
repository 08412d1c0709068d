// `npm run bench`: measures the built app in one headless Chromium run and prints one JSON object per line
// (stdout and bench-results/bench.jsonl); progress and a markdown summary table go to stderr.
//
//   autoencoder-train: examples/s of the lesson training with all its views live, against a bare tfjs loop of
//      the same model in the same page (lesson, bare, lesson; the two lesson runs are averaged), and the longest
//      main-thread task while the lesson trains, on --backend. Extra fields help read it: the lesson's steps per
//      animation frame (1.00 means the loop is capped by the frame rate) and otherCpuShare, the share of the
//      machine's CPU other processes took meanwhile (above ~0.1 the ratio is noise).
//   tensor-drift: tf.memory().numTensors before and after --drift-steps lesson steps, on every backend of
//      --backends (each a fresh lesson page, warmed up first), cut short after --drift-max-seconds (the row says so).
//   matmul: GFLOP/s of square float32 matMuls (2·n³ FLOPs each, every product read back) per backend.
//   model-train: examples/s of the autoencoder (the bare loop), the small MNIST CNN and the CIFAR-10 tutorial
//      network per backend, batch 64, with a nominal FLOP count, GFLOP/s and the ratio to that backend's matmul.
//   convnetjs-compare: the small MNIST CNN in ConvNetJS 0.3.0 on the same page and images, against tfjs per backend.
//   race: the activation race (three networks in turn, in its worker) against one network alone, per backend but cpu;
//   cifar-lesson: the CIFAR-10 lesson training in its Web Worker (wasm) against a bare loop of the same network on
//      the same page, and the page's longest main-thread task and frame rate meanwhile.
//   initial-js: gzipped bytes of the JavaScript loaded before the lesson first shows its status.
//   mobilenet, alexnet-inference: median ms of single-image inferences per backend (the shipped MobileNet; AlexNet
//      with generated weights, capped by --model-max-seconds), each with its ratio to wasm's median in the same run.
//
// Options: --only a,b (sections above; default all), --backends webgl,wasm,cpu (for every per-backend section),
// --backend webgl|wasm|cpu (of autoencoder-train, default webgl), --seconds N (its timed window, default 20),
// --warmup N (seconds before each lesson window, default 3), --drift-steps N (default 2000), --drift-max-seconds N
// (per backend, default 150: the CPU backend gets through ~1,200–1,800 steps), --model-seconds N (window of each
// model and of ConvNetJS; each matmul size gets half; default 4), --model-max-seconds N (a model run's time limit:
// skipped when one batch is estimated to take longer, default 60).
// Exit code 0 whether or not the targets are met; non-zero when something could not be measured (the other
// sections still run and print).
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
const SECTIONS = ['autoencoder-train', 'tensor-drift', 'matmul', 'model-train', 'convnetjs-compare', 'cifar-lesson', 'race', 'initial-js', 'mobilenet', 'alexnet-inference'];
/** Timed and untimed single-image inferences per model and backend (mobilenet, alexnet-inference). */
const INFERENCE = { runs: 10, warmup: 2 };
const MODELS = ['autoencoder', 'mnist-cnn', 'cifar10-net'];
/** Square sizes per backend: the CPU backend's plain-JS loops get smaller ones. */
const MATMUL_SIZES = { webgl: [512, 1024], wasm: [512, 1024], cpu: [256, 512] };
/** Untimed full-batch steps before each model's window (fewer when the time limit needs it). */
const MODEL_WARMUP_STEPS = 3;
/** Lesson steps trained on a fresh page before its tensors are counted (first-use allocations are not drift). */
const DRIFT_WARMUP_STEPS = 50;
const TARGETS = {
  train: 'ratio >= 0.8, longest task < 100 ms',
  drift: 'drift 0',
  /** model-train rows with a target, as [model, backend]: the CIFAR net on WASM at ≥ 0.40 of WASM's matmul GFLOP/s. */
  modelTrain: { 'cifar10-net/wasm': { ratioToMatmul: 0.4, text: 'ratioToMatmul >= 0.40 (GFLOP/s vs wasm matmul)' } },
  convnetjs: 'best backend >= 5x ConvNetJS examples/s',
};

function parseList(value, allowed, flag) {
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  const bad = list.filter((v) => !allowed.includes(v));
  if (bad.length || !list.length) throw new Error(`${flag} takes a comma-separated subset of ${allowed.join(',')} (got "${value}")`);
  return list;
}

function parseArgs(argv) {
  const opts = {
    backend: 'webgl', seconds: 20, warmup: 3, driftSteps: 2000, driftMaxSeconds: 150, modelSeconds: 4, modelMaxSeconds: 60,
    only: SECTIONS, backends: BACKENDS,
  };
  const names = {
    '--backend': 'backend', '--seconds': 'seconds', '--warmup': 'warmup', '--drift-steps': 'driftSteps',
    '--drift-max-seconds': 'driftMaxSeconds', '--model-seconds': 'modelSeconds', '--model-max-seconds': 'modelMaxSeconds',
    '--only': 'only', '--backends': 'backends',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = names[flag];
    if (!key) throw new Error(`unknown option ${argv[i]} (options: ${Object.keys(names).join(', ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (key === 'backend') opts.backend = value;
    else if (key === 'only') opts.only = parseList(value, SECTIONS, flag);
    else if (key === 'backends') opts.backends = parseList(value, BACKENDS, flag);
    else opts[key] = Number(value);
  }
  if (!BACKENDS.includes(opts.backend)) throw new Error(`--backend must be one of ${BACKENDS.join(', ')}`);
  for (const k of ['seconds', 'warmup', 'driftSteps', 'driftMaxSeconds', 'modelSeconds', 'modelMaxSeconds']) {
    if (!(Number.isFinite(opts[k]) && opts[k] >= 0)) throw new Error(`${k} must be a non-negative number`);
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
  // The status element appears only once the lesson's chunk has loaded: until then readStatus's locator times out.
  const ready = async () => STATUS_LOADED.test((await readStatus(page).catch(() => ({ text: '' }))).text.trim());
  await waitFor(ready, { timeout, message: 'the lesson to show `step 0 · loss`' });
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

/**
 * Trains the lesson on `page` until `steps` more steps are done (or `untilSeconds` have passed), pressing Train
 * and Pause as a person would. Fails when the step stops advancing for STALL_MS.
 */
const STALL_MS = 60_000;
async function trainLessonFor(page, steps, untilSeconds) {
  const startStep = (await readStatus(page)).step;
  const target = startStep + steps;
  const t0 = Date.now();
  let last = { step: startStep, at: t0 };
  await pressTrain(page);
  await waitFor(async () => {
    const { step } = await readStatus(page);
    if (step > last.step) last = { step, at: Date.now() };
    else if (Date.now() - last.at > STALL_MS) throw new Error(`the lesson stayed at step ${last.step} for ${STALL_MS / 1000} s`);
    return step >= target || Date.now() - t0 > untilSeconds * 1000;
  }, { timeout: (untilSeconds + 120) * 1000, interval: 200, message: `status step ≥ ${target}` });
  await pressPause(page);
  return (Date.now() - t0) / 1000;
}

/** numTensors of the page before and after `driftSteps` more lesson steps (fewer if --drift-max-seconds runs out). */
async function benchDrift(page, backend, { driftSteps, driftMaxSeconds }, { warmupSteps = 0 } = {}) {
  if (warmupSteps > 0) {
    log(`tensor drift (${backend}): ${warmupSteps} warm-up steps…`);
    await trainLessonFor(page, warmupSteps, driftMaxSeconds);
  }
  await sleep(1000); // the views' last redraw after the pause
  const numTensorsBefore = await page.evaluate(() => window.__cnnlabBench.numTensors());
  const startStep = (await readStatus(page)).step;
  log(`tensor drift (${backend}): ${numTensorsBefore} tensors at step ${startStep}; training ${driftSteps} steps (at most ${driftMaxSeconds} s)…`);
  const seconds = await trainLessonFor(page, driftSteps, driftMaxSeconds);
  await sleep(1000);
  const numTensorsAfter = await page.evaluate(() => window.__cnnlabBench.numTensors());
  const endStep = (await readStatus(page)).step;
  const steps = endStep - startStep;
  log(`tensor drift (${backend}): ${numTensorsAfter} tensors at step ${endStep} (${steps} steps in ${seconds.toFixed(0)} s)`);
  return {
    bench: 'autoencoder-tensor-drift',
    backend,
    steps,
    stepsRequested: driftSteps,
    numTensorsBefore,
    numTensorsAfter,
    drift: numTensorsAfter - numTensorsBefore,
    target: TARGETS.drift,
    seconds: round(seconds),
    warmupSteps,
    ...(steps < driftSteps ? { note: `stopped after ${steps} of ${driftSteps} steps: --drift-max-seconds ${driftMaxSeconds} ran out (${round(steps / seconds)} steps/s)` } : {}),
  };
}

/** A lesson page on `backend`, ready to train, with the bench hooks loaded and the badge checked. */
async function openLessonPage(browser, origin, backend) {
  const { page, context, problems } = await openPage(browser, origin);
  await page.addInitScript(installPageProbes);
  await page.goto(`${origin}/#/autoencoder?backend=${backend}&seed=${SEED}&bench=1`);
  await waitForLessonReady(page);
  await page.waitForFunction(() => !!window.__cnnlabBench, null, { timeout: 30_000 });
  const badge = (await page.locator('.backend-badge').first().textContent())?.trim() ?? '';
  log(badge);
  if (!badge.startsWith(`Backend: ${backend}`)) {
    await context.close();
    throw new Error(`the page did not start ${backend}: "${badge}"`);
  }
  return { page, context, problems };
}

/**
 * The CIFAR-10 lesson, which trains in a Web Worker: examples/s in the lesson (all views live) against a bare loop
 * of the same network (CifarNet.trainStep, batch 64, same backend) on the same page, lesson–bare–lesson; and the
 * page's longest main-thread task and frame rate while the worker trains. WASM only by default: SwiftShader WebGL
 * needs over a minute per batch of 64 on this kind of machine.
 */
async function benchCifarLesson(browser, origin, backend, opts) {
  const { page, context, problems } = await openPage(browser, origin);
  try {
    await page.addInitScript(installPageProbes);
    await page.goto(`${origin}/#/cifar10?backend=${backend}&seed=${SEED}&batch=${BATCH_SIZE}&bench=1`);
    await waitForLessonReady(page, 180_000);
    await page.waitForFunction(() => !!window.__cnnlabBench, null, { timeout: 30_000 });
    const where = (await page.locator('.where-it-runs').textContent())?.trim() ?? '';
    if (!where.includes(`Web Worker on ${backend}`)) throw new Error(`the lesson does not train in a worker on ${backend}: "${where}"`);
    const otherCpu = otherCpuMeter();
    const lesson1 = await measureLesson(page, opts, 'CIFAR-10 lesson run 1');
    const bare = await withTimeout(page.evaluate((o) => window.__cnnlabBench.trainModel('cifar10-net', o),
      { seconds: opts.seconds / 2, warmupSteps: MODEL_WARMUP_STEPS, maxSeconds: opts.modelMaxSeconds, seed: SEED }), 600_000, 'bare CIFAR loop');
    log(`bare CIFAR-10 loop on the page: ${bare.steps} steps = ${bare.examplesPerSecond.toFixed(1)} examples/s`);
    const lesson2 = await measureLesson(page, opts, 'CIFAR-10 lesson run 2');
    const lessonRate = ((lesson1.stepsPerSecond + lesson2.stepsPerSecond) / 2) * BATCH_SIZE;
    const longest = [lesson1.longestTaskMs, lesson2.longestTaskMs].every((v) => v !== null) ? Math.max(lesson1.longestTaskMs, lesson2.longestTaskMs) : null;
    const fps = Math.min(lesson1.framesPerSecond, lesson2.framesPerSecond);
    return {
      bench: 'cifar-lesson', backend, examplesPerSecond: round(lessonRate, 1), baselineExamplesPerSecond: round(bare.examplesPerSecond, 1),
      ratio: round(lessonRate / bare.examplesPerSecond, 3), batchSize: BATCH_SIZE, longestTaskMs: longest, framesPerSecond: round(fps, 1),
      target: 'longest main-thread task < 50 ms and >= 50 frames/s while the worker trains',
      meetsTarget: longest !== null && longest < 50 && fps >= 50,
      lessonRunsExamplesPerSecond: [round(lesson1.stepsPerSecond * BATCH_SIZE, 1), round(lesson2.stepsPerSecond * BATCH_SIZE, 1)],
      baseline: 'CifarNet.trainStep on the same page (main thread), same backend and batch, CIFAR test images; the lesson adds distortion, moving averages, gradient copies every 10 steps and its read-outs',
      otherCpuShare: round(otherCpu(), 3), seconds: opts.seconds,
    };
  } finally {
    reportProblems(problems, `CIFAR-10 lesson on ${backend}`);
    await context.close();
  }
}

/**
 * The activation race (`#/activations`, classroom network on MNIST, in its worker): examples/s per run and for
 * all three together, against one ReLU network trained alone by a bare loop on the same page (same backend,
 * batch and network). The three runs take turns, so together they should come close to the lone network.
 */
async function benchRace(browser, origin, backend, opts) {
  const { page, context, problems } = await openPage(browser, origin);
  try {
    await page.addInitScript(installPageProbes);
    await page.goto(`${origin}/#/activations?backend=${backend}&seed=${SEED}&batch=${BATCH_SIZE}&n=10000&cap=500&bench=1`);
    await waitForLessonReady(page, 180_000);
    await page.waitForFunction(() => !!window.__cnnlabBench, null, { timeout: 30_000 });
    const race1 = await measureLesson(page, opts, 'race run 1');
    const bare = await withTimeout(page.evaluate((o) => window.__cnnlabBench.trainModel('race-relu', o),
      { seconds: opts.seconds / 2, warmupSteps: MODEL_WARMUP_STEPS, maxSeconds: opts.modelMaxSeconds, seed: SEED }), 600_000, 'bare race-net loop');
    log(`bare ReLU race network on the page: ${bare.steps} steps = ${bare.examplesPerSecond.toFixed(1)} examples/s`);
    const race2 = await measureLesson(page, opts, 'race run 2');
    const perRun = ((race1.stepsPerSecond + race2.stepsPerSecond) / 2) * BATCH_SIZE;
    const longest = [race1.longestTaskMs, race2.longestTaskMs].every((v) => v !== null) ? Math.max(race1.longestTaskMs, race2.longestTaskMs) : null;
    return {
      bench: 'race', backend, examplesPerSecondPerRun: round(perRun, 1), examplesPerSecondAllThree: round(3 * perRun, 1),
      baselineExamplesPerSecond: round(bare.examplesPerSecond, 1), ratio: round((3 * perRun) / bare.examplesPerSecond, 3), batchSize: BATCH_SIZE,
      longestTaskMs: longest, framesPerSecond: round(Math.min(race1.framesPerSecond, race2.framesPerSecond), 1),
      target: 'all three together >= 0.8 of one network alone; longest main-thread task < 50 ms',
      meetsTarget: (3 * perRun) / bare.examplesPerSecond >= 0.8 && longest !== null && longest < 50,
      baseline: 'one ReLU RaceNet (MNIST, 16-16-32) trained by RaceNet.trainStep on the page (main thread), same backend and batch',
      seconds: opts.seconds,
    };
  } finally {
    reportProblems(problems, `race on ${backend}`);
    await context.close();
  }
}

function reportProblems(problems, label) {
  for (const kind of ['pageErrors', 'consoleErrors', 'offsiteRequests']) {
    if (problems[kind].length) log(`warning (${label}): ${kind}: ${problems[kind].slice(0, 5).join(' | ')}`);
  }
}

/** Rejects after `ms` with a message naming what did not finish (a hung page must not hang the benchmark). */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish in ${Math.round(ms / 1000)} s`)), ms); }),
  ]);
}

const finite = (x, digits) => (Number.isFinite(x) ? round(x, digits) : null);

/** matmul rows, one per backend: every size in MATMUL_SIZES, and the best GFLOP/s as the backend's yardstick. */
async function benchMatmulOn(page, backend, details, opts) {
  const sizes = [];
  for (const n of MATMUL_SIZES[backend]) {
    const r = await withTimeout(page.evaluate(([size, s]) => window.__cnnlabBench.matmul(size, s), [n, opts.modelSeconds / 2]), 180_000, `matmul ${n} on ${backend}`);
    log(`matmul ${n}×${n} (${backend}): ${r.runs} runs, ${r.msPerMatmul.toFixed(1)} ms each = ${r.gflops.toFixed(2)} GFLOP/s`);
    sizes.push({ n, gflops: round(r.gflops, 2), msPerMatmul: round(r.msPerMatmul, 2), runs: r.runs, seconds: round(r.seconds, 2) });
  }
  const best = sizes.reduce((m, r) => (r.gflops > m.gflops ? r : m));
  return {
    bench: 'matmul',
    backend,
    gflops: best.gflops,
    n: best.n,
    sizes,
    flopsRule: '2·n³ per n×n by n×n product; float32; each product awaited with data() (read-back included); 2 warm-up products per size',
    ...backendFacts(details),
  };
}

/** What the row ran on, and the machine's 1-minute load average when it was measured (other work skews it). */
function backendFacts(details) {
  return {
    loadAverage: round(loadavg()[0], 2),
    renderer: details.renderer,
    crossOriginIsolated: details.crossOriginIsolated,
    ...(details.wasmThreads !== null ? { wasmThreads: details.wasmThreads, wasmSimd: details.wasmSimd } : {}),
  };
}

/** A model-train row from the page's measurement and the same backend's matmul GFLOP/s. */
function modelTrainRow(r, matmulGflops, details) {
  const gflops = Number.isFinite(r.examplesPerSecond) ? (r.examplesPerSecond * r.flopsPerExample) / 1e9 : NaN;
  const target = TARGETS.modelTrain[`${r.model}/${r.backend}`];
  const ratio = matmulGflops ? gflops / matmulGflops : NaN;
  return {
    bench: 'model-train',
    model: r.model,
    backend: r.backend,
    examplesPerSecond: finite(r.examplesPerSecond, 1),
    flopsPerExample: r.flopsPerExample,
    gflops: finite(gflops, 3),
    matmulGflops: matmulGflops ?? null,
    ratioToMatmul: finite(ratio, 3),
    ...(target ? { target: target.text, meetsTarget: Number.isFinite(ratio) ? ratio >= target.ratioToMatmul : null } : {}),
    ...(r.skipped ? { skipped: r.skipped } : {}),
    batchSize: r.batchSize,
    steps: r.steps,
    seconds: round(r.seconds, 2),
    warmupSteps: r.warmupSteps,
    flopsRule: r.flopsRule,
    data: r.data,
    optimizer: r.optimizer,
    lastLoss: finite(r.lastLoss, 4),
    ...(r.probe ? { probe: { batchSize: r.probe.batchSize, secondsPerStep: round(r.probe.secondsPerStep, 3), estimatedSecondsPerFullBatch: round(r.probe.estimatedSecondsPerFullBatch, 2) } } : {}),
    numTensorsBefore: r.numTensorsBefore,
    numTensorsAfter: r.numTensorsAfter,
    ...backendFacts(details),
  };
}

/**
 * One page (the home route, no lesson training) for matmul, model-train and the ConvNetJS comparison: each backend
 * in turn through the app's startBackend, then ConvNetJS on the main thread. `emit` prints rows; `fail` records a
 * part that could not be measured and lets the rest run.
 */
async function benchKernels(browser, origin, opts, emit, fail) {
  const want = (s) => opts.only.includes(s);
  const { page, context, problems } = await openPage(browser, origin);
  const tfjsMnistCnn = {};
  try {
    await page.goto(`${origin}/#/?backend=${opts.backends[0]}&seed=${SEED}&bench=1`);
    await page.waitForFunction(() => !!window.__cnnlabBench, null, { timeout: 60_000 });
    await waitFor(async () => /^Backend: (webgl|wasm|cpu|webgpu)/.test((await page.locator('.backend-badge').first().textContent())?.trim() ?? ''), { timeout: 60_000, message: 'the app to start its backend' });
    const models = want('model-train') ? MODELS : ['mnist-cnn'];
    // ConvNetJS before and after the tfjs runs: its mean then spans the same stretch of machine load.
    const convnetjsWindows = [];
    const runConvnetjs = async (when) => {
      try {
        const cj = await withTimeout(page.evaluate(([s, seed]) => window.__cnnlabBench.trainConvnetjs(s, seed), [opts.modelSeconds, SEED]), 300_000, 'ConvNetJS');
        log(`ConvNetJS (${when}): ${cj.examples} examples in ${cj.seconds.toFixed(1)} s = ${cj.examplesPerSecond.toFixed(1)} examples/s (last batch loss ${cj.lastBatchLoss.toFixed(3)})`);
        convnetjsWindows.push({ ...cj, when, loadAverage: round(loadavg()[0], 2) });
      } catch (err) {
        fail(`ConvNetJS (${when}): ${err.message}`, { bench: 'convnetjs-compare' });
      }
    };
    if (want('convnetjs-compare')) await runConvnetjs('before tfjs');
    for (const backend of opts.backends) {
      let details;
      try {
        details = await withTimeout(page.evaluate((b) => window.__cnnlabBench.useBackend(b), backend), 120_000, `starting ${backend}`);
      } catch (err) {
        fail(`${backend}: ${err.message}`, { bench: 'matmul', backend });
        continue;
      }
      log(`kernels on ${backend}${details.renderer ? ` (${details.renderer})` : ''}${details.wasmThreads !== null ? ` (${details.wasmThreads} thread(s), SIMD ${details.wasmSimd}, crossOriginIsolated ${details.crossOriginIsolated})` : ''}`);
      let matmul = null;
      if (want('matmul') || want('model-train')) {
        try {
          matmul = await benchMatmulOn(page, backend, details, opts);
          if (want('matmul')) emit(matmul);
        } catch (err) {
          fail(`matmul on ${backend}: ${err.message}`, { bench: 'matmul', backend });
        }
      }
      if (!want('model-train') && !want('convnetjs-compare')) continue;
      for (const model of models) {
        const trainOpts = { seconds: opts.modelSeconds, warmupSteps: MODEL_WARMUP_STEPS, maxSeconds: opts.modelMaxSeconds, seed: SEED };
        try {
          const r = await withTimeout(page.evaluate(([m, o]) => window.__cnnlabBench.trainModel(m, o), [model, trainOpts]), (4 * opts.modelMaxSeconds + 180) * 1000, `${model} on ${backend}`);
          const row = modelTrainRow(r, matmul?.gflops ?? null, details);
          log(`${model} (${backend}): ${row.skipped ? `skipped: ${row.skipped}` : `${row.steps} steps in ${row.seconds} s = ${row.examplesPerSecond} examples/s, ${row.gflops} GFLOP/s, ${row.ratioToMatmul ?? '–'} of matmul`}`);
          if (model === 'mnist-cnn') tfjsMnistCnn[backend] = row.examplesPerSecond;
          if (want('model-train')) emit(row);
        } catch (err) {
          fail(`${model} on ${backend}: ${err.message}`, { bench: 'model-train', model, backend });
        }
      }
    }
    if (want('convnetjs-compare')) {
      await runConvnetjs('after tfjs');
      if (convnetjsWindows.length) emit(convnetjsRow(convnetjsWindows, tfjsMnistCnn));
    }
  } finally {
    reportProblems(problems, 'kernels page');
    await context.close();
  }
}

/**
 * mobilenet and alexnet-inference rows: median single-image inference ms per backend on one page, each backend
 * through the app's startBackend; rows are emitted at the end with their ratio to wasm's median (the reference).
 */
async function benchInference(browser, origin, opts, emit, fail) {
  const models = [['mobilenet', 'mobilenet'], ['alexnet-inference', 'alexnet']].filter(([section]) => opts.only.includes(section));
  const { page, context, problems } = await openPage(browser, origin);
  const rows = [];
  try {
    await page.goto(`${origin}/#/?backend=${opts.backends[0]}&seed=${SEED}&bench=1`);
    await page.waitForFunction(() => !!window.__cnnlabBench, null, { timeout: 60_000 });
    for (const backend of opts.backends) {
      let details;
      try {
        details = await withTimeout(page.evaluate((b) => window.__cnnlabBench.useBackend(b), backend), 120_000, `starting ${backend}`);
      } catch (err) {
        for (const [section] of models) fail(`${backend}: ${err.message}`, { bench: section, backend });
        continue;
      }
      for (const [section, model] of models) {
        const o = { ...INFERENCE, maxSeconds: opts.modelMaxSeconds, seed: SEED };
        try {
          const r = await withTimeout(page.evaluate(([m, x]) => window.__cnnlabBench.inferenceLatency(m, x), [model, o]), (2 * opts.modelMaxSeconds + 240) * 1000, `${model} on ${backend}`);
          log(`${model} inference (${backend}): ${r.skipped ? `skipped: ${r.skipped}` : `median ${r.medianMs.toFixed(1)} ms of ${r.runs} (first ${r.firstMs.toFixed(0)} ms)`}`);
          rows.push({ bench: section, model, backend, medianMs: finite(r.medianMs, 2), minMs: finite(r.minMs, 2), runs: r.runs, firstMs: round(r.firstMs, 1),
            ...(r.skipped ? { skipped: r.skipped } : {}), numTensorsBefore: r.numTensorsBefore, numTensorsAfter: r.numTensorsAfter, ...backendFacts(details) });
        } catch (err) {
          fail(`${model} inference on ${backend}: ${err.message}`, { bench: section, model, backend });
        }
      }
    }
  } finally {
    reportProblems(problems, 'inference page');
    await context.close();
  }
  for (const row of rows) {
    const wasm = rows.find((r) => r.bench === row.bench && r.backend === 'wasm')?.medianMs ?? null;
    emit({ ...row, ratioToWasm: wasm && row.medianMs !== null ? round(row.medianMs / wasm, 3) : null,
      baseline: 'wasm median of the same model in the same run (ratio > 1: slower than wasm)',
      measures: 'one 224×224 (AlexNet 227×227) image per inference: input upload, forward pass, read-back of the 1,000 probabilities' });
  }
}

/** ConvNetJS's examples/s is the mean of its windows; each tfjs backend's is its model-train mnist-cnn row. */
function convnetjsRow(windows, tfjs) {
  const examplesPerSecond = windows.reduce((s, w) => s + w.examplesPerSecond, 0) / windows.length;
  const ratios = Object.fromEntries(Object.entries(tfjs).filter(([, v]) => v !== null).map(([b, v]) => [b, round(v / examplesPerSecond, 2)]));
  const best = Object.entries(ratios).reduce((m, [backend, ratio]) => (m === null || ratio > m.ratio ? { backend, ratio } : m), null);
  return {
    bench: 'convnetjs-compare',
    model: 'mnist-cnn',
    convnetjsExamplesPerSecond: round(examplesPerSecond, 1),
    tfjsExamplesPerSecond: tfjs,
    ratios,
    best,
    wasmRatio: ratios.wasm ?? null,
    target: TARGETS.convnetjs,
    meetsTarget: best ? best.ratio >= 5 : null,
    batchSize: windows[0].batchSize,
    convnetjs: {
      version: '0.3.0',
      windows: windows.map((w) => ({ when: w.when, examplesPerSecond: round(w.examplesPerSecond, 1), examples: w.examples, seconds: round(w.seconds, 2), lastBatchLoss: round(w.lastBatchLoss, 4), loadAverage: w.loadAverage })),
      layers: windows[0].layers,
    },
    setup: 'same page, same MNIST training images, batch 64, SGD momentum 0.9 lr 0.01; ConvNetJS timed before and after the tfjs runs (mean); tfjs numbers are the model-train mnist-cnn rows of this run',
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

const fmt = (x, digits = 1) => (x === null || x === undefined ? '–' : Number(x).toLocaleString('en-US', { maximumFractionDigits: digits }));
const verdict = (ok) => (ok === null || ok === undefined ? '' : ok ? 'meets' : 'misses');

/** One markdown table of every row, for the README. */
function summary(results) {
  const rows = [];
  for (const r of results) {
    if (r.bench === 'autoencoder-train') {
      const ok = r.ratio >= 0.8 && r.longestTaskMs !== null && r.longestTaskMs < 100;
      rows.push([r.bench, r.backend, 'autoencoder', `lesson ${fmt(r.examplesPerSecond, 0)} ex/s vs bare loop ${fmt(r.baselineExamplesPerSecond, 0)} ex/s: ratio ${r.ratio}; longest task ${r.longestTaskMs === 0 ? 'none ≥ 50 ms' : `${r.longestTaskMs} ms`}`, r.target, verdict(ok)]);
    } else if (r.bench === 'autoencoder-tensor-drift') {
      rows.push(['tensor-drift', r.backend, 'autoencoder lesson', `${r.numTensorsBefore} → ${r.numTensorsAfter} tensors over ${r.steps}${r.steps < r.stepsRequested ? ` of ${r.stepsRequested}` : ''} steps: drift ${r.drift}`, r.target, verdict(r.drift === 0)]);
    } else if (r.bench === 'matmul') {
      const threads = r.wasmThreads !== undefined ? `; ${r.wasmThreads} thread(s)` : '';
      rows.push([r.bench, r.backend, '', `${fmt(r.gflops, 2)} GFLOP/s (n = ${r.n}; ${r.sizes.map((x) => `${x.n}: ${fmt(x.gflops, 2)}`).join(', ')})${threads}`, '', '']);
    } else if (r.bench === 'model-train') {
      const result = r.skipped
        ? `skipped: ${r.skipped}`
        : `${fmt(r.examplesPerSecond, 1)} ex/s × ${fmt(r.flopsPerExample / 1e6, 2)} MFLOP = ${fmt(r.gflops, 2)} GFLOP/s, ${fmt(r.ratioToMatmul, 3)} of matmul (${r.steps} steps)`;
      rows.push([r.bench, r.backend, r.model, result, r.target ?? '', verdict(r.meetsTarget)]);
    } else if (r.bench === 'convnetjs-compare') {
      const ours = Object.entries(r.tfjsExamplesPerSecond).map(([b, v]) => `${b} ${fmt(v, 1)} (${fmt(r.ratios[b], 2)}×)`).join(', ');
      rows.push([r.bench, r.best?.backend ?? '', 'mnist-cnn', `ConvNetJS ${fmt(r.convnetjsExamplesPerSecond, 1)} ex/s; tfjs ${ours}; wasm ${fmt(r.wasmRatio, 2)}×`, r.target, verdict(r.meetsTarget)]);
    } else if (r.bench === 'cifar-lesson') {
      rows.push([r.bench, r.backend, 'cifar10-net (worker)', `lesson ${fmt(r.examplesPerSecond, 1)} ex/s vs bare loop ${fmt(r.baselineExamplesPerSecond, 1)} ex/s: ratio ${r.ratio}; page while training: longest task ${r.longestTaskMs === 0 ? 'none ≥ 50 ms' : `${r.longestTaskMs} ms`}, ${r.framesPerSecond} frames/s`, r.target, verdict(r.meetsTarget)]);
    } else if (r.bench === 'race') {
      rows.push([r.bench, r.backend, 'race: ReLU + tanh + sigmoid (worker)', `${fmt(r.examplesPerSecondPerRun, 1)} ex/s per run, ${fmt(r.examplesPerSecondAllThree, 1)} all three vs one network alone ${fmt(r.baselineExamplesPerSecond, 1)}: ratio ${r.ratio}; longest task ${r.longestTaskMs === 0 ? 'none ≥ 50 ms' : `${r.longestTaskMs} ms`}`, r.target, verdict(r.meetsTarget)]);
    } else if (r.bench === 'initial-js') {
      rows.push([r.bench, '', '', `${fmt(r.gzipBytes / 1024, 1)} KiB gzipped in ${r.files.length} files (largest ${r.files[0].file}, ${fmt(r.files[0].gzipBytes / 1024, 1)} KiB)`, '', '']);
    } else if (r.bench === 'mobilenet' || r.bench === 'alexnet-inference') {
      rows.push([r.bench, r.backend, r.model === 'alexnet' ? 'alexnet (generated weights)' : 'mobilenet v1 0.75', r.skipped ? `skipped: ${r.skipped}` : `median ${fmt(r.medianMs, 1)} ms per image (${r.runs} runs); ${r.backend === 'wasm' ? 'the reference' : `${fmt(r.ratioToWasm, 2)}× wasm's time`}`, '', '']);
    } else if (r.bench === 'error') {
      rows.push([r.section ?? 'error', r.backend ?? '', r.model ?? '', `not measured: ${r.error}`, '', 'error']);
    }
  }
  const escape = (cell) => String(cell).replace(/\|/g, '\\|');
  return ['', '| Row | Backend | Model | Measured | Target | |', '|---|---|---|---|---|---|', ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const want = (s) => opts.only.includes(s);
  const results = [];
  const failures = [];
  const emit = (r) => { results.push(r); console.log(JSON.stringify(r)); };
  /**
   * A part that could not be measured: logged, kept as an `error` row (the message's first line, and the first
   * lines of the page's stack as `detail`), and the exit code becomes 1.
   */
  const fail = (message, where = {}) => {
    const [first, ...stack] = message.split('\n');
    log(`error: ${message}`);
    failures.push(first);
    const { bench: section, ...rest } = where;
    emit({ bench: 'error', section, ...rest, error: first, ...(stack.length ? { detail: stack.slice(0, 12).map((l) => l.trim()).join(' | ') } : {}) });
  };
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
    log(`serving ${preview.origin}; sections ${opts.only.join(', ')}; backends ${opts.backends.join(', ')}; lesson training on ${opts.backend}`);

    const driftBackends = want('tensor-drift') ? [...opts.backends] : [];
    if (want('autoencoder-train')) {
      try {
        const { page, context, problems } = await openLessonPage(browser, preview.origin, opts.backend);
        try {
          const training = await benchTraining(page, opts);
          emit({ ...training.result, loadAverageAtStart: round(loadAtStart, 2) });
          if (driftBackends.includes(opts.backend)) {
            driftBackends.splice(driftBackends.indexOf(opts.backend), 1);
            emit(await benchDrift(page, opts.backend, opts)); // warmed up by the training above
          }
        } finally {
          reportProblems(problems, `lesson on ${opts.backend}`);
          await context.close();
        }
      } catch (err) {
        fail(`autoencoder-train on ${opts.backend}: ${err.message}`, { bench: 'autoencoder-train', backend: opts.backend });
      }
    }
    for (const backend of driftBackends) {
      try {
        const { page, context, problems } = await openLessonPage(browser, preview.origin, backend);
        try {
          emit(await benchDrift(page, backend, opts, { warmupSteps: DRIFT_WARMUP_STEPS }));
        } finally {
          reportProblems(problems, `lesson on ${backend}`);
          await context.close();
        }
      } catch (err) {
        fail(`tensor drift on ${backend}: ${err.message}`, { bench: 'tensor-drift', backend });
      }
    }

    if (['matmul', 'model-train', 'convnetjs-compare'].some(want)) {
      try {
        await benchKernels(browser, preview.origin, opts, emit, fail);
      } catch (err) {
        fail(`kernels page: ${err.message}`, { bench: 'matmul' });
      }
    }

    if (want('cifar-lesson')) {
      for (const backend of opts.backends.filter((b) => b === 'wasm')) {
        try {
          emit(await benchCifarLesson(browser, preview.origin, backend, opts));
        } catch (err) {
          fail(`cifar-lesson on ${backend}: ${err.message}`, { bench: 'cifar-lesson', backend });
        }
      }
    }

    if (want('race')) {
      for (const backend of opts.backends.filter((b) => b !== 'cpu')) {
        try {
          emit(await benchRace(browser, preview.origin, backend, opts));
        } catch (err) {
          fail(`race on ${backend}: ${err.message}`, { bench: 'race', backend });
        }
      }
    }

    if (want('mobilenet') || want('alexnet-inference')) {
      try {
        await benchInference(browser, preview.origin, opts, emit, fail);
      } catch (err) {
        fail(`inference page: ${err.message}`, { bench: want('mobilenet') ? 'mobilenet' : 'alexnet-inference' });
      }
    }

    if (want('initial-js')) {
      try {
        emit(await benchInitialJs(browser, preview.origin));
      } catch (err) {
        fail(`initial-js: ${err.message}`, { bench: 'initial-js' });
      }
    }
  } finally {
    await cleanup();
    if (results.length) {
      ensureDir(RESULTS_DIR);
      writeFileSync(join(RESULTS_DIR, 'bench.jsonl'), results.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
  }
  console.error(summary(results));
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote ${join(RESULTS_DIR, 'bench.jsonl')}`);
  if (failures.length) {
    log(`${failures.length} part(s) could not be measured: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error('[bench] failed:', err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
