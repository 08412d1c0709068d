import type { RaceData } from '../model/raceTask';
import { CIFAR_CHANNELS, CIFAR_SIDE, CIFAR_TRAIN_BATCH_SIZE, loadCifarTrain } from './cifar10';
import { MNIST_SIDE, loadMnist } from './mnist';

export type RaceDataset = 'mnist' | 'cifar10';

/** Most training images each dataset offers the race. */
export const RACE_DATASET_MAX: Record<RaceDataset, number> = { mnist: 60_000, cifar10: 50_000 };

/**
 * The first `count` training images of MNIST (of 60,000) or CIFAR-10 (of 50,000, read from as many of its
 * 10,000-image files as needed), from the app's own `datasets/` under `assetBase`.
 */
export async function loadRaceData(dataset: RaceDataset, count: number, assetBase: string, opts: { fetchFn?: typeof fetch; onProgress?: (fraction: number, text: string) => void } = {}): Promise<RaceData> {
  const n = Math.max(1, Math.min(count, RACE_DATASET_MAX[dataset]));
  if (dataset === 'mnist') {
    const data = await loadMnist({
      baseUrl: new URL('datasets/mnist/', assetBase).href,
      includeTrain: true,
      fetchFn: opts.fetchFn,
      onProgress: (p) => opts.onProgress?.(p.fraction, `${p.phase} ${p.file}`),
    });
    const train = data.train!;
    return { count: n, side: MNIST_SIDE, channels: 1, pixels: train.images.subarray(0, n * MNIST_SIDE * MNIST_SIDE), labels: train.labels.subarray(0, n) };
  }
  const files = Math.ceil(n / CIFAR_TRAIN_BATCH_SIZE);
  const set = await loadCifarTrain(new URL('datasets/cifar10/', assetBase).href, files, { fetchFn: opts.fetchFn, onProgress: opts.onProgress });
  const size = CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS;
  return { count: n, side: CIFAR_SIDE, channels: CIFAR_CHANNELS, pixels: set.pixels.subarray(0, n * size), labels: set.labels.subarray(0, n) };
}
