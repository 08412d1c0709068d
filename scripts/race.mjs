// The activation race of `#/activations` (src/model/raceTask.ts) in Node on the WASM backend, for measuring
// presets and for the README: trains ReLU, tanh and sigmoid copies of the four-layer network step by step
// on the same batches and prints when each run's training error reaches the threshold.
//
//   node scripts/race.mjs [--dataset mnist|cifar10] [--count 10000] [--widths 32,32,64] [--batch 128]
//        [--lr 0.01,0.01,0.01] [--momentum 0.9] [--threshold 0.25] [--cap 20] [--seed 1] [--window 2000]
//        [--minutes 60]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeWasm } from './wasm-node.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = { dataset: 'mnist', count: 10_000, widths: [32, 32, 64], batch: 128, lr: [0.01, 0.01, 0.01], momentum: 0.9, threshold: 0.25, cap: 20, seed: 1, window: 2000, minutes: 60 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (!(key in o) || value === undefined) throw new Error(`bad option ${argv[i]} (options: ${Object.keys(o).map((k) => `--${k}`).join(', ')})`);
    o[key] = Array.isArray(o[key]) ? value.split(',').map(Number) : key === 'dataset' ? value : Number(value);
  }
  return o;
}

function loadData(app, dataset, count) {
  const DATA = join(ROOT, 'datasets', dataset);
  if (dataset === 'mnist') {
    const images = new Uint8Array(gunzipSync(readFileSync(join(DATA, 'train-images-idx3-ubyte.gz')))).subarray(16);
    const labels = new Uint8Array(gunzipSync(readFileSync(join(DATA, 'train-labels-idx1-ubyte.gz')))).subarray(8);
    return { count, side: 28, channels: 1, pixels: images.subarray(0, count * 784), labels: labels.subarray(0, count) };
  }
  const { decodePngRgba } = app.png;
  const { tilesFromSprite } = app.cifar10;
  const files = Math.ceil(count / 10_000);
  const pixels = new Uint8Array(files * 10_000 * 3072);
  for (let b = 0; b < files; b++) {
    const file = `cifar10_train_batch${b + 1}.png`;
    const { width, rgba } = decodePngRgba(new Uint8Array(readFileSync(join(DATA, file))), file);
    pixels.set(tilesFromSprite(rgba, width, 10_000), b * 10_000 * 3072);
  }
  const labels = new Uint8Array(readFileSync(join(DATA, 'cifar10_train_labels.u8')));
  return { count, side: 32, channels: 3, pixels: pixels.subarray(0, count * 3072), labels: labels.subarray(0, count) };
}

const o = parseArgs(process.argv.slice(2));
const { tf, app, threads } = await startNodeWasm({ modules: { raceTask: 'src/model/raceTask.ts' } });
const data = loadData(app, o.dataset, o.count);
const config = {
  seed: o.seed, batchSize: o.batch, widths: o.widths, momentum: o.momentum, threshold: o.threshold, epochCap: o.cap, windowExamples: o.window,
  learningRates: { relu: o.lr[0], tanh: o.lr[1], sigmoid: o.lr[2] },
};
const task = new app.raceTask.RaceTask(data, config);
const facts = task.facts();
console.log(`race on ${o.dataset}: ${data.count} images, ${facts.parameters} parameters per net, widths ${o.widths}, batch ${o.batch}, lr ${o.lr}, threshold ${o.threshold}, cap ${o.cap} epochs, seed ${o.seed}; wasm, ${threads} thread(s)`);
const started = performance.now();
const deadline = started + o.minutes * 60_000;
let step = 0;
let lastPrint = 0;
const said = new Set();
for (;;) {
  task.trainStep(step).dispose();
  step++;
  if (step % 10 === 0 || step === 1) {
    const m = await task.metrics();
    const epoch = m['relu.epoch'];
    if (performance.now() - lastPrint > 15_000) {
      lastPrint = performance.now();
      const secs = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`step ${step} epoch ${epoch.toFixed(2)} ${secs} s · error relu ${m['relu.error'].toFixed(3)} tanh ${m['tanh.error'].toFixed(3)} sigmoid ${m['sigmoid.error'].toFixed(3)} · loss ${m['relu.loss'].toFixed(3)} ${m['tanh.loss'].toFixed(3)} ${m['sigmoid.loss'].toFixed(3)} · grad conv1 ${['relu', 'tanh', 'sigmoid'].map((a) => m[`${a}.grad.conv1`].toExponential(1)).join(' ')}`);
    }
    for (const a of ['relu', 'tanh', 'sigmoid']) {
      if (m[`${a}.crossEpoch`] >= 0 && !said.has(a)) {
        said.add(a);
        console.log(`  ${a} reached ${o.threshold * 100}% at epoch ${m[`${a}.crossEpoch`].toFixed(2)} (step ${m[`${a}.crossStep`]}, its own time ${(m[`${a}.crossMs`] / 1000).toFixed(1)} s, race time ${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
    const reason = task.finished();
    if (reason || performance.now() > deadline) {
      const r = task.crossings();
      console.log(`${reason ?? 'time limit'} after ${step} steps, ${((performance.now() - started) / 1000).toFixed(0)} s; ex/s all three: ${((step * o.batch * 3) / ((performance.now() - started) / 1000)).toFixed(0)}`);
      console.log(`ratios (epochs to threshold / ReLU's): tanh ${r.ratios.tanh?.toFixed(2) ?? 'not reached'}, sigmoid ${r.ratios.sigmoid?.toFixed(2) ?? 'not reached'}`);
      if (reason?.startsWith('The race reached') || performance.now() > deadline) break;
    }
  }
}
task.dispose();
console.log(`tensors left: ${tf.memory().numTensors}`);
