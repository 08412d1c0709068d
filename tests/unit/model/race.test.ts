import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { LectureMomentumSgd, lectureMomentumStep } from '../../../src/model/momentumSgd';
import { RACE_ACTIVATIONS, RaceNet, raceInitialWeights, raceParameterCount, type RaceNetShape } from '../../../src/model/raceNet';
import { RunProgress, epochRatios, firstCrossing } from '../../../src/model/raceProgress';
import { RaceTask, type RaceConfig, type RaceData } from '../../../src/model/raceTask';
import { relu, reluDerivative, sigmoid, sigmoidDerivative, tanh, tanhDerivative } from '../../../src/math/activations';
import { mulberry32 } from '../../../src/model/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL: RaceNetShape = { side: 8, channels: 1, widths: [2, 3, 4], classes: 10 };

function randomData(count: number, side: number, channels: number, seed: number): RaceData {
  const r = mulberry32(seed);
  const pixels = new Uint8Array(count * side * side * channels);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(r() * 256);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = Math.floor(r() * 10);
  return { count, side, channels, pixels, labels };
}

const CONFIG: RaceConfig = {
  seed: 3, batchSize: 4, widths: [2, 3, 4], learningRates: { relu: 0.05, tanh: 0.05, sigmoid: 0.05 }, momentum: 0.9,
  threshold: 0.5, epochCap: 2, windowExamples: 8,
};

describe('the lecture momentum update', () => {
  it('matches a step worked by hand, on numbers and on tensors', () => {
    // w = 2, v = 0.5, ∂L/∂w = 3, ε = 0.1, μ = 0.9, λ = 0.0005:
    // v' = 0.9·0.5 − 0.0005·0.1·2 − 0.1·3 = 0.45 − 0.0001 − 0.3 = 0.1499; w' = 2 + 0.1499 = 2.1499.
    const o = { learningRate: 0.1, momentum: 0.9, weightDecay: 0.0005 };
    const { w, v } = lectureMomentumStep(2, 0.5, 3, o);
    expect(v).toBeCloseTo(0.1499, 12);
    expect(w).toBeCloseTo(2.1499, 12);
    // On tensors, from v = 0: first step v1 = −0.0001 − 0.3 = −0.3001, w1 = 1.6999; second with ∂L/∂w = 1:
    // v2 = 0.9·(−0.3001) − 0.0005·0.1·1.6999 − 0.1 = −0.27009 − 0.000084995 − 0.1 = −0.370174995; w2 = 1.329725005.
    const opt = new LectureMomentumSgd(o);
    const wt = tf.variable(tf.scalar(2), true, 'momentum-test-w');
    const g1 = tf.scalar(3);
    opt.apply([wt], { [wt.name]: g1 });
    expect(wt.dataSync()[0]).toBeCloseTo(1.6999, 5);
    const g2 = tf.scalar(1);
    opt.apply([wt], { [wt.name]: g2 });
    expect(wt.dataSync()[0]).toBeCloseTo(1.329725005, 5);
    tf.dispose([g1, g2, wt]);
    opt.dispose();
  });
});

describe('the race network', () => {
  it('counts parameters from the layer shapes', () => {
    // MNIST narrow: conv1 5·5·1·16+16 = 416, conv2 5·5·16·16+16 = 6,416, conv3 5·5·16·32+32 = 12,832,
    // fc (28→14→7→4: 4·4·32 = 512)·10+10 = 5,130; total 24,794.
    expect(raceParameterCount({ side: 28, channels: 1, widths: [16, 16, 32], classes: 10 })).toBe(24_794);
    // CIFAR full: 2,432 + 25,632 + 51,264 + (4·4·64·10+10 = 10,250) = 89,578.
    expect(raceParameterCount({ side: 32, channels: 3, widths: [32, 32, 64], classes: 10 })).toBe(89_578);
  });

  it('starts every activation from the same draws, scaled by its own rule', () => {
    const r = raceInitialWeights(SMALL, 'relu', 7);
    const t = raceInitialWeights(SMALL, 'tanh', 7);
    const s = raceInitialWeights(SMALL, 'sigmoid', 7);
    for (let l = 0; l < r.length; l++) {
      expect(Array.from(s[l].weights)).toEqual(Array.from(t[l].weights));
      // He's √2 on the convolutions; the fully connected layer (into the softmax) has gain 1 in every run.
      const gain = l === r.length - 1 ? 1 : Math.SQRT2;
      t[l].weights.forEach((v, i) => expect(r[l].weights[i]).toBeCloseTo(v * gain, 6));
      expect(r[l].biases.every((b) => b === 0)).toBe(true);
    }
    expect(Array.from(raceInitialWeights(SMALL, 'tanh', 8)[0].weights)).not.toEqual(Array.from(t[0].weights));
  });

  it('uses transfer functions whose values and slopes agree with src/math', () => {
    const xs = [-4, -1.3, -0.2, 0.3, 1.1, 5];
    const x = tf.tensor1d(xs);
    const pairs = [
      { f: tf.sigmoid, mf: sigmoid, md: sigmoidDerivative },
      { f: tf.tanh, mf: tanh, md: tanhDerivative },
      { f: tf.relu, mf: relu, md: reluDerivative },
    ] as const;
    for (const p of pairs) {
      const y = p.f(x).dataSync();
      const dy = tf.grad((t: tf.Tensor) => p.f(t))(x).dataSync();
      xs.forEach((v, i) => {
        expect(y[i]).toBeCloseTo(p.mf(v), 6);
        expect(dy[i]).toBeCloseTo(p.md(v), 6);
      });
    }
    x.dispose();
  });

  it('trains, reporting loss, errors and four gradient sizes, and frees what it made', () => {
    const net = new RaceNet(SMALL, 'tanh', 1, 0.05, 0.9);
    const x = tf.randomNormal([4, 8, 8, 1]) as tf.Tensor4D;
    const labels = tf.tensor1d([1, 2, 3, 4], 'int32');
    net.trainStep(x, labels).stats.dispose();
    const before = tf.memory().numTensors;
    const { stats } = net.trainStep(x, labels);
    const v = stats.dataSync();
    expect(v.length).toBe(6);
    expect(v[1]).toBeGreaterThanOrEqual(0);
    expect(v[1]).toBeLessThanOrEqual(4);
    expect(v[0]).toBeGreaterThan(0);
    stats.dispose();
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
    tf.dispose([x, labels]);
  });
});

describe('race progress', () => {
  it('measures error over a sliding window and finds the first crossing once the window is full', () => {
    const p = new RunProgress(100, 20);
    // Batches of 10: errors 9, 8, then 1, 1.
    p.record(1, 10, 9, 2, 5);
    expect(p.latest!.error).toBeCloseTo(0.9);
    expect(p.firstFullStep).toBe(Infinity);
    p.record(2, 10, 8, 2, 5);
    expect(p.latest!.error).toBeCloseTo(17 / 20);
    expect(p.firstFullStep).toBe(2);
    p.record(3, 10, 1, 1, 5); // window: batches 2 and 3 → 9/20
    expect(p.latest!.error).toBeCloseTo(9 / 20);
    p.record(4, 10, 1, 1, 5); // batches 3 and 4 → 2/20
    expect(p.latest!.error).toBeCloseTo(0.1);
    expect(p.crossing(0.5)).toEqual({ step: 3, epoch: 0.3, ms: 15 });
    expect(p.crossing(0.1)).toEqual({ step: 4, epoch: 0.4, ms: 20 });
    expect(p.crossing(0.05)).toBeNull();
    // A low error before the window is full does not count.
    expect(firstCrossing([{ step: 1, epoch: 0.1, error: 0, loss: 0, ms: 1 }], 0.5, 2)).toBeNull();
  });

  it('divides epochs by the reference run and leaves runs that did not cross as null', () => {
    const r = epochRatios<'relu' | 'tanh' | 'sigmoid'>({ relu: { step: 10, epoch: 1, ms: 1 }, tanh: { step: 60, epoch: 6, ms: 1 }, sigmoid: null }, 'relu');
    expect(r).toEqual({ relu: 1, tanh: 6, sigmoid: null });
  });
});

describe('the race task', () => {
  it('gives every run the same batch each step and reports the ReLU run as the loss', async () => {
    const task = new RaceTask(randomData(20, 8, 1, 1), CONFIG);
    const seen: Record<string, number[][]> = { relu: [], tanh: [], sigmoid: [] };
    for (const a of RACE_ACTIVATIONS) {
      const net = task.runs[a];
      const original = net.trainStep.bind(net);
      net.trainStep = (x, labels) => {
        seen[a].push([...x.dataSync(), ...labels.dataSync()]);
        return original(x, labels);
      };
    }
    const losses: number[] = [];
    for (let s = 0; s < 6; s++) {
      const l = task.trainStep(s);
      losses.push(l.dataSync()[0]);
      l.dispose();
    }
    expect(seen.tanh).toEqual(seen.relu);
    expect(seen.sigmoid).toEqual(seen.relu);
    // 20 images, batch 4: 5 batches an epoch; epoch 2 is a new shuffle of the same images.
    expect(task.facts().batchesPerEpoch).toBe(5);
    const m = await task.metrics();
    expect(m['relu.batchLoss']).toBeCloseTo(losses[5], 5);
    expect(m['relu.epoch']).toBeCloseTo(6 / 5);
    expect(m['tanh.epoch']).toBeCloseTo(6 / 5);
    expect(Number.isFinite(m['sigmoid.grad.conv1'])).toBe(true);
    task.dispose();
  });

  it('is reproducible from its seed, stops once at the epoch cap, and keeps numTensors unchanged', async () => {
    const run = async () => {
      const fresh = tf.memory().numTensors;
      const task = new RaceTask(randomData(20, 8, 1, 2), CONFIG);
      const reasons: string[] = [];
      // The first step creates each run's 8 velocities; from then on a step leaves nothing behind.
      task.trainStep(0).dispose();
      await task.metrics();
      const before = tf.memory().numTensors;
      for (let s = 1; s < 12; s++) {
        task.trainStep(s).dispose();
        if (s % 3 === 2) await task.metrics();
        const r = task.finished();
        if (r) reasons.push(`${s + 1}: ${r}`);
      }
      await task.metrics();
      expect(tf.memory().numTensors).toBe(before);
      const w = await task.exportWeights();
      task.reset();
      task.dispose();
      expect(tf.memory().numTensors).toBe(fresh);
      return { reasons, w };
    };
    const a = await run();
    const b = await run();
    expect(a.reasons.filter((r) => r.includes('cap'))).toEqual(['10: The race reached its cap of 2 epochs. Train continues past it.']);
    expect(Array.from(a.w.sigmoid[0])).toEqual(Array.from(b.w.sigmoid[0]));
  }, 60_000);

  it('recomputes crossings when the threshold changes', async () => {
    const task = new RaceTask(randomData(20, 8, 1, 3), { ...CONFIG, threshold: 0.01 });
    for (let s = 0; s < 5; s++) task.trainStep(s).dispose();
    await task.metrics();
    expect(task.crossings().crossings.relu).toBeNull();
    task.configure({ threshold: 1 });
    const c = task.crossings();
    expect(c.threshold).toBe(1);
    expect(c.crossings.relu).not.toBeNull();
    expect(c.crossings.relu!.step).toBe(2); // the window of 8 examples is full after two batches of 4
    task.dispose();
  });
});
