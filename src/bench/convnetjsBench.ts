import convnetjs from 'convnetjs';
import { MNIST_PIXELS } from '../data/mnist';
import { MNIST_CNN_DEFAULTS } from '../model/mnistCnn';
import { deriveSeed, mulberry32 } from '../model/random';
import { loadMnistTrain } from './benchData';

/**
 * The same small MNIST CNN as model/mnistCnn.ts, built and trained in ConvNetJS 0.3.0 (Karpathy; plain
 * JavaScript, one example at a time on the main thread): conv 5×5×8 pad 2 ReLU, pool 2/2, conv 5×5×16 pad 2
 * ReLU, pool 2/2, softmax 10 (ConvNetJS adds the 784→10 fully connected layer in front of the softmax). Its
 * trainer is SGD with momentum 0.9 and learning rate 0.01 (its defaults, as the tfjs build), weights updated
 * every 64 examples. One input volume is reused for every example, so no time goes to allocating inputs.
 */
export interface ConvnetjsResult {
  examples: number;
  seconds: number;
  examplesPerSecond: number;
  batchSize: number;
  /** Mean cross-entropy over the last batch, to show it trains. */
  lastBatchLoss: number;
  /** The layers ConvNetJS built, as type and output shape. */
  layers: string[];
}

const BATCH_SIZE = 64;
const SIDE = 28;

export async function trainConvnetjs(seconds: number, seed: number): Promise<ConvnetjsResult> {
  const train = await loadMnistTrain();
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: SIDE, out_sy: SIDE, out_depth: 1 },
    { type: 'conv', sx: 5, filters: 8, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'softmax', num_classes: 10 },
  ]);
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd', learning_rate: MNIST_CNN_DEFAULTS.learningRate, momentum: MNIST_CNN_DEFAULTS.momentum, batch_size: BATCH_SIZE, l2_decay: 0,
  });
  const input = new convnetjs.Vol(SIDE, SIDE, 1, 0);
  const random = mulberry32(deriveSeed(seed, 'bench-convnetjs-batches'));
  /** One batch of BATCH_SIZE examples; returns the mean loss. */
  const batch = () => {
    let loss = 0;
    for (let b = 0; b < BATCH_SIZE; b++) {
      const index = Math.floor(random() * train.count);
      const offset = index * MNIST_PIXELS;
      // Depth 1: ConvNetJS's index ((sx·y) + x)·depth + d is the row-major pixel index.
      for (let p = 0; p < MNIST_PIXELS; p++) input.w[p] = train.images[offset + p] / 255;
      loss += trainer.train(input, train.labels[index]).cost_loss;
    }
    return loss / BATCH_SIZE;
  };
  batch(); // warm-up: the JIT compiles the layers' loops
  const start = performance.now();
  let examples = 0;
  let lastBatchLoss = NaN;
  while (examples === 0 || performance.now() - start < seconds * 1000) {
    lastBatchLoss = batch();
    examples += BATCH_SIZE;
  }
  const elapsed = (performance.now() - start) / 1000;
  return {
    examples,
    seconds: elapsed,
    examplesPerSecond: examples / elapsed,
    batchSize: BATCH_SIZE,
    lastBatchLoss,
    layers: net.layers.map((l) => `${l.layer_type} ${l.out_sx}×${l.out_sy}×${l.out_depth}`),
  };
}
