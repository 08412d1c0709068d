import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';
import { loadMnist, type MnistSplit } from '../../../src/data/mnist';
import { Autoencoder, MATLAB_EXAMPLE, type AutoencoderConfig } from '../../../src/model/autoencoder';
import { AutoencoderTask } from '../../../src/model/autoencoderTask';
import { countParameters, encodeAndReconstruct, readEncoderFilters } from '../../../src/model/autoencoderReadout';
import { runCodeClassification } from '../../../src/model/codeClassifier';
import { Trainer } from '../../../src/engine/trainer';
import { fileFetch } from '../../helpers/fileFetch';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let test: MnistSplit;

const config = (patch: Partial<AutoencoderConfig> = {}): AutoencoderConfig => ({
  inputSize: 784, hiddenSize: 100, learningRate: 0.01, sparse: false,
  sparsityWeight: MATLAB_EXAMPLE.sparsityWeight, sparsityTarget: MATLAB_EXAMPLE.sparsityTarget, l2Weight: MATLAB_EXAMPLE.l2Weight,
  inputNoise: 0, seed: 7, ...patch,
});

beforeAll(async () => {
  await tf.setBackend('cpu');
  // The 10,000 test images are plenty for these checks and load in a fraction of the time of the 60,000.
  test = (await loadMnist({ baseUrl: 'datasets/mnist/', includeTrain: false, fetchFn: fileFetch(ROOT) })).test;
});

describe('Autoencoder', () => {
  it('counts 784·100 + 100 + 100·784 + 784 = 157,684 parameters from its variables', () => {
    const model = new Autoencoder(config());
    expect(countParameters(model)).toBe(157_684);
    model.updateConfig({ hiddenSize: 16 });
    expect(countParameters(model)).toBe(784 * 16 + 16 + 16 * 784 + 784);
    model.dispose();
  });

  it('the same seed gives the same initial weights; another seed does not', async () => {
    const a = new Autoencoder(config({ seed: 3 }));
    const b = new Autoencoder(config({ seed: 3 }));
    const c = new Autoencoder(config({ seed: 4 }));
    const [fa, fb, fc] = await Promise.all([readEncoderFilters(a), readEncoderFilters(b), readEncoderFilters(c)]);
    expect(fa).toEqual(fb);
    expect(fa).not.toEqual(fc);
    for (const m of [a, b, c]) m.dispose();
  });

  it('the sparsity term is β·Σ KL(ρ‖ρ̂) and the weight term λ/2·Σw², as in MATLAB', async () => {
    const model = new Autoencoder(config({ sparse: true, hiddenSize: 4 }));
    const x = tf.tensor2d(Float32Array.from({ length: 2 * 784 }, (_, i) => (i % 7) / 7), [2, 784]);
    const terms = model.lossTerms(x, x);
    const code = await model.encode(x).array();
    const rho = MATLAB_EXAMPLE.sparsityTarget;
    let kl = 0;
    for (let j = 0; j < 4; j++) {
      const r = (code[0][j] + code[1][j]) / 2;
      kl += rho * Math.log(rho / r) + (1 - rho) * Math.log((1 - rho) / (1 - r));
    }
    const w = [...(await model.w1.data()), ...(await model.w2.data())];
    const sumSq = w.reduce((s, v) => s + v * v, 0);
    expect((await terms.sparsity.data())[0]).toBeCloseTo(MATLAB_EXAMPLE.sparsityWeight * kl, 3);
    expect((await terms.weightDecay.data())[0]).toBeCloseTo(0.5 * MATLAB_EXAMPLE.l2Weight * sumSq, 4);
    tf.dispose([x, terms.reconstruction, terms.sparsity, terms.weightDecay, terms.total]);
    model.dispose();
  });
});

describe('AutoencoderTask', () => {
  it('visits every image once per epoch, in a seeded order', () => {
    const small = { count: 640, images: test.images.subarray(0, 640 * 784) };
    const task = new AutoencoderTask(small, test, config());
    const seen = new Set<number>();
    for (let s = 0; s < 10; s++) for (const i of task.batchIndices(s)) seen.add(i);
    expect(seen.size).toBe(640);
    const again = new AutoencoderTask(small, test, config());
    expect(Array.from(again.batchIndices(3))).toEqual(Array.from(task.batchIndices(3)));
    expect(Array.from(task.batchIndices(10))).not.toEqual(Array.from(task.batchIndices(0))); // epoch 2 reshuffles
    task.dispose();
    again.dispose();
  });

  it('200 Trainer steps on MNIST lower the loss and leave tf.memory().numTensors unchanged, across reset', async () => {
    const before = tf.memory().numTensors;
    const task = new AutoencoderTask(test, test, config({ inputNoise: 0.2 }));
    const trainer = new Trainer({ task, nextFrame: () => new Promise((r) => setTimeout(r, 0)), readbackIntervalMs: 0 });
    await trainer.measureInitialLoss();
    const initial = trainer.loss!;
    for (let i = 0; i < 200; i++) await trainer.step();
    expect(trainer.completedSteps).toBe(200);
    expect(trainer.loss!).toBeLessThan(initial / 2);
    task.model.updateConfig({ sparse: true }); // the sparse objective's extra tensors are freed too
    for (let i = 0; i < 5; i++) await trainer.step();
    const terms = await task.readLossTerms();
    expect(terms!.sparsity).toBeGreaterThan(0);
    expect(terms!.weightDecay).toBeGreaterThan(0);
    await encodeAndReconstruct(task.model, new Float32Array(784 * 2), 784);
    task.model.updateConfig({ sparse: false });
    await trainer.reset(); // disposes the optimizer's moments with the old weights
    expect(trainer.completedSteps).toBe(0);
    expect(trainer.loss).toBeCloseTo(initial, 4); // same seed → same fresh network
    trainer.dispose();
    task.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

describe('classifying with the codes', () => {
  it('trains the three softmax layers, scores them on the test images and frees its tensors', async () => {
    const train = { count: 2000, images: test.images.subarray(0, 2000 * 784), labels: test.labels.subarray(0, 2000) };
    const held = { count: 500, images: test.images.subarray(9500 * 784), labels: test.labels.subarray(9500) };
    const task = new AutoencoderTask(train, held, config({ hiddenSize: 32 }));
    for (let s = 0; s < 150; s++) task.trainStep(s).dispose();
    const model = task.model;
    const before = tf.memory().numTensors;
    const phases = new Set<string>();
    const result = await runCodeClassification(model, train, held, { trainCount: 2000, epochs: 5, batchSize: 100, seed: 1 },
      (phase) => phases.add(phase), undefined, () => Promise.resolve());
    expect([...phases]).toEqual(['raw pixels', 'codes', 'fine-tuned stack']);
    expect(result.rawPixels).toBeGreaterThan(0.7); // a softmax on pixels is far above chance (10%) even on 2,000 images
    expect(result.codes).toBeGreaterThan(0.5); // 32 learned features already separate the digits well above chance
    expect(result.fineTuned).toBeGreaterThan(result.codes);
    expect(result.testCount).toBe(500);
    expect(tf.memory().numTensors).toBe(before);
    task.dispose();
  }, 120_000);
});
