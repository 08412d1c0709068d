import type { MnistSplit } from '../data/mnist';
import { loadSharedMnist } from '../data/mnistShared';
import { CIFAR_CHANNELS, CIFAR_SIDE, loadSharedCifarTest } from '../data/cifar10';
import { CIFAR_INPUT_SIZE } from '../model/cifar10Net';

/** The MNIST training split, from the same shared download the lesson uses. */
export async function loadMnistTrain(): Promise<MnistSplit> {
  const { promise, unsubscribe } = loadSharedMnist(() => {});
  try {
    const data = await promise;
    if (!data.train) throw new Error('MNIST was loaded without its training split');
    return data.train;
  } finally {
    unsubscribe();
  }
}

/** Real CIFAR-10 images as the tutorial network takes them: 24×24×3 floats, image i at `images[i·1728 …]`. */
export interface CifarInputs {
  count: number;
  images: Float32Array;
  labels: Uint8Array;
}

const CROP_OFFSET = (CIFAR_SIDE - CIFAR_INPUT_SIZE) / 2;
const INPUT_VALUES = CIFAR_INPUT_SIZE * CIFAR_INPUT_SIZE * CIFAR_CHANNELS;

/**
 * The 1,000 shipped CIFAR-10 test images, centre-cropped to 24×24 and standardised per image as the tutorial's
 * evaluation input (`tf.image.per_image_standardization`: (x − mean) / max(stddev, 1/√N)). For timing only:
 * the speed of a training step does not depend on which images it sees.
 */
export async function loadCifarInputs(): Promise<CifarInputs> {
  const set = await loadSharedCifarTest();
  const images = new Float32Array(set.count * INPUT_VALUES);
  for (let i = 0; i < set.count; i++) {
    const out = images.subarray(i * INPUT_VALUES, (i + 1) * INPUT_VALUES);
    let o = 0;
    for (let y = 0; y < CIFAR_INPUT_SIZE; y++) {
      const row = ((i * CIFAR_SIDE + y + CROP_OFFSET) * CIFAR_SIDE + CROP_OFFSET) * CIFAR_CHANNELS;
      for (let k = 0; k < CIFAR_INPUT_SIZE * CIFAR_CHANNELS; k++) out[o++] = set.pixels[row + k];
    }
    let mean = 0;
    for (const v of out) mean += v;
    mean /= INPUT_VALUES;
    let variance = 0;
    for (const v of out) variance += (v - mean) ** 2;
    const scale = 1 / Math.max(Math.sqrt(variance / INPUT_VALUES), 1 / Math.sqrt(INPUT_VALUES));
    for (let k = 0; k < INPUT_VALUES; k++) out[k] = (out[k] - mean) * scale;
  }
  return { count: set.count, images, labels: set.labels };
}

/** `batchSize` indices drawn with replacement from 0..count-1. */
export function randomIndices(batchSize: number, count: number, random: () => number): Uint32Array {
  const indices = new Uint32Array(batchSize);
  for (let k = 0; k < batchSize; k++) indices[k] = Math.floor(random() * count);
  return indices;
}
