/** One of the k most likely classes. */
export interface Ranked {
  index: number;
  probability: number;
}

/**
 * The `k` largest probabilities with their indices, largest first; ties go to the lower index. NaN counts as the
 * smallest value. Local stand-in with the signature of the planned `src/math/topK.ts`; swap the import when it lands.
 * One pass keeping a sorted list of k, so O(n·k) — for 1,000 classes and k = 5 that is nothing.
 */
export function topK(probabilities: ArrayLike<number>, k: number): Ranked[] {
  const keep = Math.max(0, Math.min(Math.floor(k), probabilities.length));
  const best: Ranked[] = [];
  if (keep === 0) return best;
  const beats = (a: number, b: number) => a > b || (Number.isNaN(b) && !Number.isNaN(a));
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (best.length === keep && !beats(p, best[keep - 1].probability)) continue;
    let at = best.length;
    while (at > 0 && beats(p, best[at - 1].probability)) at--;
    best.splice(at, 0, { index: i, probability: p });
    if (best.length > keep) best.pop();
  }
  return best;
}
