import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  MNIST_CNN_VARIABLES, MnistCnn, mnistCnnForward, mnistCnnForwardMacs, mnistCnnInitialValues, mnistCnnLoss,
} from '../../../src/model/mnistCnn';
import { mulberry32 } from '../../../src/model/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A batch of `n` random 28×28×1 images in [0, 1) and integer labels, from a seed. */
function batch(n: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const r = mulberry32(seed);
  const x = new Float32Array(n * 28 * 28).map(() => r());
  const y = new Int32Array(n).map(() => Math.floor(r() * 10));
  return { x: tf.tensor4d(x, [n, 28, 28, 1]), y: tf.tensor1d(y, 'int32') };
}

describe('small MNIST CNN (the ConvNetJS demo network)', () => {
  it('counts 5·5·1·8 + 8 + 5·5·8·16 + 16 + 784·10 + 10 = 11,274 parameters from its variables', () => {
    const net = new MnistCnn(1);
    expect(net.parameterCount()).toBe(11_274);
    net.dispose();
  });

  it('keeps 28×28 through each SAME convolution and halves it in each pool: logits [N, 10]', () => {
    const net = new MnistCnn(1);
    const { x, y } = batch(3, 2);
    const logits = net.predict(x);
    expect(logits.shape).toEqual([3, 10]);
    const flat = MNIST_CNN_VARIABLES.find((s) => s.name === 'dense/weights')!.shape[0];
    expect(flat).toBe(7 * 7 * 16);
    tf.dispose([x, y, logits]);
    net.dispose();
  });

  it('counts forward multiply–accumulates per example layer by layer: 156,800 + 627,200 + 7,840', () => {
    const macs = mnistCnnForwardMacs();
    expect(macs.map((m) => m.macs)).toEqual([28 * 28 * 8 * 25, 14 * 14 * 16 * 25 * 8, 784 * 10]);
    expect(macs.reduce((s, m) => s + m.macs, 0)).toBe(791_840);
  });

  it('draws the same weights for a seed, other weights for another, He-scaled and cut at 2σ', () => {
    const a = mnistCnnInitialValues(3);
    const b = mnistCnnInitialValues(3);
    const c = mnistCnnInitialValues(4);
    expect(a.get('conv2/weights')).toEqual(b.get('conv2/weights'));
    expect(a.get('conv2/weights')).not.toEqual(c.get('conv2/weights'));
    for (const spec of MNIST_CNN_VARIABLES) {
      const v = a.get(spec.name)!;
      if (spec.fanIn === null) {
        expect(v.every((u) => u === 0)).toBe(true);
        continue;
      }
      const std = Math.sqrt(2 / spec.fanIn);
      expect(v.reduce((m, u) => Math.max(m, Math.abs(u)), 0)).toBeLessThanOrEqual(2 * std + 1e-6);
    }
  });

  it('computes the loss as −mean log softmax(label)', () => {
    const logits = tf.tensor2d([[1, 2, 3, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
    const labels = tf.tensor1d([2, 0], 'int32');
    const loss = mnistCnnLoss(logits, labels);
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3) + 7);
    expect(loss.dataSync()[0]).toBeCloseTo(((lse - 3) + Math.log(10)) / 2, 5);
    tf.dispose([logits, labels, loss]);
  });

  it('learns a fixed batch (the loss falls) and leaves no tensors behind after 12 steps', async () => {
    const net = new MnistCnn(5, { learningRate: 0.05, momentum: 0.9 });
    const { x, y } = batch(8, 6);
    const first = net.trainStep(x, y);
    const firstLoss = (await first.data())[0];
    first.dispose();
    const before = tf.memory().numTensors;
    let last = firstLoss;
    for (let i = 0; i < 12; i++) {
      const loss = net.trainStep(x, y);
      last = (await loss.data())[0];
      loss.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(last).toBeLessThan(firstLoss * 0.5);
    tf.dispose([x, y]);
    net.dispose();
  });

  it('leaves tf.memory().numTensors where it was once built, trained and disposed', () => {
    const before = tf.memory().numTensors;
    const net = new MnistCnn(9);
    const { x, y } = batch(2, 10);
    net.trainStep(x, y).dispose();
    tf.dispose([x, y]);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same logits from the class and from the bare forward pass on the same variables', async () => {
    const net = new MnistCnn(7);
    const { x, y } = batch(2, 8);
    const a = net.predict(x);
    const b = mnistCnnForward(net.variables, x);
    expect(Array.from(await a.data())).toEqual(Array.from(await b.data()));
    tf.dispose([x, y, a, b]);
    net.dispose();
  });
});
