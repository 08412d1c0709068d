/**
 * The indices of the k largest values, largest first; equal values keep the lower index first, and NaN counts
 * as smaller than every number. k is clipped to the number of values. Used for top-1/top-5 class lists
 * (the error measure of Krizhevsky, Sutskever & Hinton 2012, §1 and Table 1).
 */
export function topK(values: ArrayLike<number>, k: number): number[] {
  if (!Number.isInteger(k) || k < 0) throw new Error(`topK: k must be a non-negative integer, got ${k}`);
  const n = Math.min(k, values.length);
  const best: number[] = [];
  // Insertion into a sorted list of at most k indices: O(length · k), fine for k ≪ length (k = 5 of 1000).
  for (let i = 0; i < values.length && n > 0; i++) {
    const v = values[i];
    if (best.length === n) {
      if (!ranksAbove(v, values[best[n - 1]])) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && ranksAbove(v, values[best[at - 1]])) at--;
    best.splice(at, 0, i);
  }
  return best;
}

/** Whether a later value a outranks an earlier value b: strictly larger, NaN below everything. */
function ranksAbove(a: number, b: number): boolean {
  if (Number.isNaN(a)) return false;
  if (Number.isNaN(b)) return true;
  return a > b;
}
