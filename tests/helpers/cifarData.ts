import type { CifarSet } from '../../src/data/cifar10';
import { mulberry32 } from '../../src/model/random';

export const CIFAR_CLASS_NAMES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** `count` random 32×32×3 images with random labels: the real task code on data that needs no PNG decoder. */
export function randomCifarSet(count: number, seed: number): CifarSet {
  const r = mulberry32(seed);
  return {
    count,
    pixels: Uint8Array.from({ length: count * 3072 }, () => Math.floor(r() * 256)),
    labels: Uint8Array.from({ length: count }, () => Math.floor(r() * 10)),
    classes: CIFAR_CLASS_NAMES,
  };
}
