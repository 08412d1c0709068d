import { CIFAR_CHANNELS, CIFAR_SIDE, loadCifarTestSubset, loadCifarTrain } from '../data/cifar10';
import { MNIST_PIXELS, MNIST_SIDE, loadMnist } from '../data/mnist';
import type { DropoutData } from './dropoutTask';

export type DropoutDataset = 'mnist' | 'cifar10';

/** Held-out images each dataset offers: MNIST's 10,000 test digits; the 1,000 CIFAR-10 test images the app ships. */
export const DROPOUT_TEST_MAX: Record<DropoutDataset, number> = { mnist: 10_000, cifar10: 1_000 };

/**
 * The first `trainCount` training images and the first `testCount` test images of MNIST or CIFAR-10, from the
 * app's own `datasets/` under `assetBase` (inside the training worker).
 */
export async function loadDropoutData(dataset: DropoutDataset, trainCount: number, testCount: number, assetBase: string, opts: { fetchFn?: typeof fetch; onProgress?: (fraction: number, text: string) => void } = {}): Promise<DropoutData> {
  const nTest = Math.max(1, Math.min(testCount, DROPOUT_TEST_MAX[dataset]));
  if (dataset === 'mnist') {
    const nTrain = Math.max(1, Math.min(trainCount, 60_000));
    const data = await loadMnist({
      baseUrl: new URL('datasets/mnist/', assetBase).href,
      includeTrain: true,
      fetchFn: opts.fetchFn,
      onProgress: (p) => opts.onProgress?.(p.fraction, `${p.phase} ${p.file}`),
    });
    const train = data.train!;
    return {
      side: MNIST_SIDE, channels: 1,
      train: { count: nTrain, pixels: train.images.subarray(0, nTrain * MNIST_PIXELS), labels: train.labels.subarray(0, nTrain) },
      test: { count: nTest, pixels: data.test.images.subarray(0, nTest * MNIST_PIXELS), labels: data.test.labels.subarray(0, nTest) },
    };
  }
  const nTrain = Math.max(1, Math.min(trainCount, 10_000));
  const base = new URL('datasets/cifar10/', assetBase).href;
  const train = await loadCifarTrain(base, 1, { fetchFn: opts.fetchFn, onProgress: (f, t) => opts.onProgress?.(0.9 * f, t) });
  const test = await loadCifarTestSubset(base, opts.fetchFn);
  const size = CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS;
  return {
    side: CIFAR_SIDE, channels: CIFAR_CHANNELS,
    train: { count: nTrain, pixels: train.pixels.subarray(0, nTrain * size), labels: train.labels.subarray(0, nTrain) },
    test: { count: nTest, pixels: test.pixels.subarray(0, nTest * size), labels: test.labels.subarray(0, nTest) },
  };
}
