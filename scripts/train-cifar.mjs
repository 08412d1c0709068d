// Trains the CIFAR-10 tutorial network on the CPU path (tfjs's WASM backend in Node, with the app's gradient
// kernels) and keeps the pretrained start the lesson ships. Resumable: stop it at any time (Ctrl-C saves) and
// run it again to continue from checkpoints/cifar10/.
//
//   node scripts/train-cifar.mjs [--hours 2] [--batch 128] [--lr 0.1] [--decay-epochs 15] [--eval-epochs 1] [--seed 1]
//
// Every --eval-epochs it measures accuracy on the 1,000 shipped test images with the raw and the averaged
// weights, saves the full training state (weights, moving averages, step, hours) to checkpoints/cifar10/, and
// when the accuracy beats the best so far writes the better of the two weight sets to public/models/cifar10/
// (weights.bin + model.json), which the lesson offers as its pretrained start.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeWasm } from './wasm-node.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'datasets/cifar10');
const STATE_DIR = join(ROOT, 'checkpoints/cifar10');
const MODEL_DIR = join(ROOT, 'public/models/cifar10');
const MODEL_ID = 'cifar10-tutorial';
const MODEL_VERSION = 1;

function parseArgs(argv) {
  const opts = { hours: 2, batch: 128, lr: 0.1, decayEpochs: 15, evalEpochs: 1, seed: 1 };
  const names = { '--hours': 'hours', '--batch': 'batch', '--lr': 'lr', '--decay-epochs': 'decayEpochs', '--eval-epochs': 'evalEpochs', '--seed': 'seed' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key) throw new Error(`unknown option ${argv[i]} (options: ${Object.keys(names).join(', ')})`);
    opts[key] = Number(argv[i + 1]);
    if (!Number.isFinite(opts[key]) || opts[key] <= 0) throw new Error(`${argv[i]} needs a positive number`);
  }
  return opts;
}

const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Concatenates every variable (in the model's order) into one little-endian Float32 buffer. */
function pack(specs, map) {
  const total = specs.reduce((s, v) => s + v.shape.reduce((a, b) => a * b, 1), 0);
  const out = new Float32Array(total);
  let at = 0;
  for (const v of specs) { out.set(map.get(v.name), at); at += map.get(v.name).length; }
  return out;
}

function unpack(specs, buffer, offset = 0) {
  const map = new Map();
  let at = offset;
  for (const v of specs) {
    const n = v.shape.reduce((a, b) => a * b, 1);
    map.set(v.name, buffer.slice(at, at + n));
    at += n;
  }
  return { map, end: at };
}

function writeAtomic(path, data) {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

function floatsOf(path) {
  const b = readFileSync(path);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { tf, app, threads } = await startNodeWasm();
  const { CifarTask } = app.cifarTask;
  const { CIFAR_VARIABLES } = app.cifar10Net;
  const { decodePngRgba } = app.png;
  const { tilesFromSprite } = app.cifar10;

  log(`loading CIFAR-10 from ${DATA}`);
  const labels = new Uint8Array(readFileSync(join(DATA, 'cifar10_train_labels.u8')));
  const pixels = new Uint8Array(50_000 * 3072);
  for (let b = 0; b < 5; b++) {
    const file = `cifar10_train_batch${b + 1}.png`;
    const { width, rgba } = decodePngRgba(new Uint8Array(readFileSync(join(DATA, file))), file);
    pixels.set(tilesFromSprite(rgba, width, 10_000), b * 10_000 * 3072);
  }
  const classes = readFileSync(join(DATA, 'cifar10_classes.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
  const testPng = decodePngRgba(new Uint8Array(readFileSync(join(DATA, 'cifar10_test_first1000.png'))), 'test');
  const test = { count: 1000, pixels: tilesFromSprite(testPng.rgba, testPng.width, 1000), labels: new Uint8Array(readFileSync(join(DATA, 'cifar10_test_first1000_labels.u8'))), classes };
  const train = { count: 50_000, pixels, labels, classes };

  const stepsPerEpoch = Math.floor(50_000 / opts.batch);
  const statePath = join(STATE_DIR, 'state.json');
  let state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : null;
  const config = state?.config ?? {
    seed: opts.seed, batchSize: opts.batch, trainFiles: 5, initialLearningRate: opts.lr, decayFactor: 0.1,
    decaySteps: Math.round(opts.decayEpochs * stepsPerEpoch), averageDecay: 0.9999, distort: true,
  };
  const task = new CifarTask(train, test, config);
  let step = 0;
  let seconds = 0;
  let best = 0;
  const history = state?.history ?? [];
  if (state) {
    const buffer = floatsOf(join(STATE_DIR, 'state.bin'));
    const raw = unpack(CIFAR_VARIABLES, buffer, 0);
    const avg = unpack(CIFAR_VARIABLES, buffer, raw.end);
    task.net.writeWeights(raw.map, avg.map);
    ({ step, seconds, best } = state);
    log(`resumed at step ${step} (epoch ${(step / stepsPerEpoch).toFixed(2)}, ${(seconds / 3600).toFixed(2)} h so far, best ${(best * 100).toFixed(1)}%)`);
  } else {
    log(`fresh start: ${JSON.stringify(config)}`);
  }
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, tfjs ${tf.version.tfjs} wasm (${threads} thread)`;

  const save = async (evaluation) => {
    mkdirSync(STATE_DIR, { recursive: true });
    const raw = await task.net.readWeights(false);
    const avg = await task.net.readWeights(true);
    const both = new Float32Array(pack(CIFAR_VARIABLES, raw).length * 2);
    both.set(pack(CIFAR_VARIABLES, raw), 0);
    both.set(pack(CIFAR_VARIABLES, avg), both.length / 2);
    writeAtomic(join(STATE_DIR, 'state.bin'), Buffer.from(both.buffer));
    if (evaluation) history.push({ step, epoch: step / stepsPerEpoch, hours: seconds / 3600, raw: evaluation.raw, averaged: evaluation.averaged });
    const better = evaluation ? Math.max(evaluation.raw, evaluation.averaged) : 0;
    if (evaluation && better > best) {
      best = better;
      const useAveraged = evaluation.averaged >= evaluation.raw;
      const weights = pack(CIFAR_VARIABLES, useAveraged ? avg : raw);
      const bytes = Buffer.from(weights.buffer);
      mkdirSync(MODEL_DIR, { recursive: true });
      writeAtomic(join(MODEL_DIR, 'weights.bin'), bytes);
      writeAtomic(join(MODEL_DIR, 'model.json'), JSON.stringify({
        model: MODEL_ID, version: MODEL_VERSION, weightsFile: 'weights.bin', sha256: createHash('sha256').update(bytes).digest('hex'),
        weights: useAveraged ? 'moving averages (decay 0.9999)' : 'raw trained weights',
        variables: CIFAR_VARIABLES.map((v) => ({ name: v.name, shape: v.shape })),
        step, epochs: Number((step / stepsPerEpoch).toFixed(2)), batchSize: config.batchSize, seed: config.seed,
        testAccuracy: { images: 1000, raw: evaluation.raw, averaged: evaluation.averaged },
        trainingHours: Number((seconds / 3600).toFixed(2)), machine, command: 'node scripts/train-cifar.mjs', config,
      }, null, 2) + '\n');
      log(`new best ${(best * 100).toFixed(1)}% → public/models/cifar10/`);
    }
    state = { model: MODEL_ID, version: MODEL_VERSION, config, step, seconds, best, machine: hostname() && machine, history };
    writeAtomic(statePath, JSON.stringify(state, null, 2) + '\n');
  };

  let stopping = false;
  const stop = () => { if (!stopping) log('stopping after this step…'); stopping = true; };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const deadline = Date.now() + opts.hours * 3600_000;
  const evalEvery = Math.max(1, Math.round(opts.evalEpochs * stepsPerEpoch));
  let windowStart = performance.now();
  let windowSteps = 0;
  let lossSum = 0;
  while (!stopping && Date.now() < deadline) {
    const t0 = performance.now();
    const loss = task.trainStep(step);
    lossSum += (await loss.data())[0];
    loss.dispose();
    seconds += (performance.now() - t0) / 1000;
    step++;
    // WASM resolves data() without leaving the microtask queue: yield a macrotask so Ctrl-C / SIGTERM get through.
    await new Promise((r) => setImmediate(r));
    windowSteps++;
    if (step % 50 === 0) {
      const rate = (windowSteps * config.batchSize) / ((performance.now() - windowStart) / 1000);
      log(`step ${step} (epoch ${(step / stepsPerEpoch).toFixed(2)}) · loss ${(lossSum / windowSteps).toFixed(3)} · lr ${task.learningRate(step)} · ${rate.toFixed(1)} examples/s · tensors ${tf.memory().numTensors}`);
      windowStart = performance.now();
      windowSteps = 0;
      lossSum = 0;
    }
    if (step % evalEvery === 0) {
      const ev = await task.evaluate();
      log(`test accuracy at step ${step}: ${(ev.raw * 100).toFixed(1)}% raw, ${(ev.averaged * 100).toFixed(1)}% averaged`);
      await save(ev);
    }
  }
  const ev = await task.evaluate();
  log(`test accuracy at step ${step}: ${(ev.raw * 100).toFixed(1)}% raw, ${(ev.averaged * 100).toFixed(1)}% averaged`);
  await save(ev);
  log(`saved at step ${step}; ${(seconds / 3600).toFixed(2)} h of training in all; best ${(best * 100).toFixed(1)}%`);
  task.dispose();
}

await main();
