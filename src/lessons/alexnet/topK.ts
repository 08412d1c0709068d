import { topK as topIndices } from '../../math/topK';

/** One of the k most likely classes. */
export interface Ranked {
  index: number;
  probability: number;
}

/**
 * The `k` largest probabilities with their indices, largest first; ties go to the lower index and NaN counts as
 * the smallest value (the ranking of `src/math/topK.ts`, with each index's probability attached).
 */
export function topK(probabilities: ArrayLike<number>, k: number): Ranked[] {
  const keep = Math.max(0, Math.min(Math.floor(k), probabilities.length));
  return topIndices(probabilities, keep).map((index) => ({ index, probability: probabilities[index] }));
}
