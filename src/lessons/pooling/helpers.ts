import { volume, type Volume } from '../../math';
import { mnistBatchToFloat, type MnistSplit } from '../../data/mnist';

/** An 8×8 feature map of small integers, readable cell by cell. Its 9 sits where four overlapping 3×3, stride-2 windows meet. */
export const EXAMPLE_SIDE = 8;
export const EXAMPLE_MAP: readonly number[] = [
  1, 3, 0, 2, 5, 1, 0, 2,
  4, 2, 1, 0, 3, 7, 1, 0,
  0, 1, 9, 2, 0, 1, 4, 3,
  2, 0, 3, 1, 2, 0, 6, 1,
  5, 1, 0, 4, 8, 2, 0, 1,
  3, 6, 2, 1, 1, 3, 2, 0,
  0, 2, 1, 5, 0, 1, 7, 2,
  1, 0, 3, 2, 4, 0, 1, 3,
];

/**
 * How many outputs each input element won: `counts[i]` = number of j with `argmax[j] === i`
 * (maxPool2d's argmax indexes input.data). Cells with count 0 never reach the next layer.
 */
export function argmaxCounts(argmax: Int32Array, inputLength: number): Int32Array {
  const counts = new Int32Array(inputLength);
  for (const i of argmax) counts[i]++;
  return counts;
}

/** Channel d of a channels-last volume as a height·width array. */
export function channel(v: Volume, d: number): Float32Array {
  const out = new Float32Array(v.height * v.width);
  for (let i = 0; i < out.length; i++) out[i] = v.data[i * v.depth + d];
  return out;
}

/** Smallest and largest value. */
export function valueRange(values: Float32Array): [min: number, max: number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return [lo, hi];
}

/** MNIST test digit `index` as a 28×28×1 volume, pixels divided by `divisor` (255 gives 0…1, 1 keeps 0…255). */
export function digitVolume(mnist: MnistSplit, index: number, divisor = 255): Volume {
  if (divisor === 255) return volume(28, 28, 1, mnistBatchToFloat(mnist.images, [index]));
  const data = Float32Array.from(mnist.images.subarray(index * 784, (index + 1) * 784), (v) => v / divisor);
  return volume(28, 28, 1, data);
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
