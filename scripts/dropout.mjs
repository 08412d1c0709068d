// Dropout shown live, the task of `#/alexnet` (src/model/dropoutTask.ts), in Node on the WASM backend, for
// measuring its preset: trains the same two-hidden-layer network without and with dropout on the same batches
// (the lecture's momentum rule with weight decay) and prints train and test accuracy and their gap.
//
//   node scripts/dropout.mjs [--dataset mnist|cifar10] [--count 1000] [--test 2000] [--hidden 512] [--batch 128]
//        [--lr 0.01] [--rate 0.5] [--decay 0.0005] [--eval 16] [--cap 40] [--seed 1] [--minutes 3]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeWasm } from './wasm-node.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = { dataset: 'mnist', count: 1000, test: 2000, hidden: 512, batch: 128, lr: 0.01, rate: 0.5, decay: 0.0005, eval: 16, cap: 40, seed: 1, minutes: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (!(key in o) || value === undefined) throw new Error(`bad option ${argv[i]} (options: ${Object.keys(o).map((k) => `--${k}`).join(', ')})`);
    o[key] = key === 'dataset' ? value : Number(value);
  }
  return o;
}

function mnistFile(name) {
  return new Uint8Array(gunzipSync(readFileSync(join(ROOT, 'datasets/mnist', name))));
}

function loadData(app, dataset, count, testCount) {
  if (dataset === 'mnist') {
    const images = mnistFile('train-images-idx3-ubyte.gz').subarray(16);
    const labels = mnistFile('train-labels-idx1-ubyte.gz').subarray(8);
    const testImages = mnistFile('t10k-images-idx3-ubyte.gz').subarray(16);
    const testLabels = mnistFile('t10k-labels-idx1-ubyte.gz').subarray(8);
    return {
      side: 28, channels: 1,
      train: { count, pixels: images.subarray(0, count * 784), labels: labels.subarray(0, count) },
      test: { count: testCount, pixels: testImages.subarray(0, testCount * 784), labels: testLabels.subarray(0, testCount) },
    };
  }
  const { decodePngRgba } = app.png;
  const { tilesFromSprite } = app.cifar10;
  const DATA = join(ROOT, 'datasets/cifar10');
  const sprite = (file, n) => {
    const { width, rgba } = decodePngRgba(new Uint8Array(readFileSync(join(DATA, file))), file);
    return tilesFromSprite(rgba, width, n);
  };
  const n = Math.min(testCount, 1000);
  return {
    side: 32, channels: 3,
    train: { count, pixels: sprite('cifar10_train_batch1.png', 10_000).subarray(0, count * 3072), labels: new Uint8Array(readFileSync(join(DATA, 'cifar10_train_labels.u8'))).subarray(0, count) },
    test: { count: n, pixels: sprite('cifar10_test_first1000.png', 1000).subarray(0, n * 3072), labels: new Uint8Array(readFileSync(join(DATA, 'cifar10_test_first1000_labels.u8'))).subarray(0, n) },
  };
}

const pct = (v) => (v * 100).toFixed(1);
const o = parseArgs(process.argv.slice(2));
const { tf, app, threads } = await startNodeWasm({ modules: { dropoutTask: 'src/model/dropoutTask.ts' } });
const data = loadData(app, o.dataset, o.count, o.test);
const config = { seed: o.seed, batchSize: o.batch, hidden: o.hidden, learningRate: o.lr, momentum: 0.9, weightDecay: o.decay, dropoutRate: o.rate, evalEverySteps: o.eval, epochCap: o.cap };
const task = new app.dropoutTask.DropoutTask(data, config);
const facts = task.facts();
console.log(`dropout on ${o.dataset}: ${facts.trainCount} training / ${facts.testCount} test images, ${facts.inputs}→${o.hidden}→${o.hidden}→10 (${facts.parameters} parameters per net), batch ${o.batch}, ε ${o.lr}, rate ${o.rate}, decay ${o.decay}, ${facts.batchesPerEpoch} steps an epoch, eval every ${o.eval} steps, cap ${o.cap} epochs, seed ${o.seed}; wasm, ${threads} thread(s)`);
const started = performance.now();
const deadline = started + o.minutes * 60_000;
let step = 0;
for (;;) {
  if (step % o.eval === 0) {
    const m = await task.metrics();
    if (m.evalEpoch !== undefined) {
      const secs = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`epoch ${m.evalEpoch.toFixed(1).padStart(5)} step ${String(step).padStart(4)} ${secs.padStart(4)} s · no dropout: train ${pct(m['plain.trainAccuracy'])} test ${pct(m['plain.testAccuracy'])} gap ${pct(m['plain.gap'])} loss ${m['plain.loss']?.toFixed(3)} · dropout: train ${pct(m['dropout.trainAccuracy'])} test ${pct(m['dropout.testAccuracy'])} gap ${pct(m['dropout.gap'])} loss ${m['dropout.loss']?.toFixed(3)}`);
    }
  }
  if (task.finished() || performance.now() > deadline) break;
  task.trainStep(step).dispose();
  step++;
}
console.log(`stopped after ${step} steps (${(step / facts.batchesPerEpoch).toFixed(1)} epochs), ${((performance.now() - started) / 1000).toFixed(0)} s`);
task.dispose();
console.log(`tensors left: ${tf.memory().numTensors}`);
