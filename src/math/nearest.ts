/**
 * Nearest neighbours by Euclidean distance, on plain arrays: the retrieval of Krizhevsky, Sutskever & Hinton
 * (2012, §6.1, Fig. 4 right), who rank training images by the Euclidean distance of their last hidden layer's
 * feature vectors to a test image's.
 */

/** One retrieved item: its index among the rows searched and its Euclidean distance to the query. */
export interface Neighbour {
  index: number;
  distance: number;
}

/** Squared Euclidean distance Σᵢ (aᵢ − bᵢ)² of two vectors of one length. */
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`vectors of different lengths: ${a.length} and ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return sum;
}

/** Euclidean distance ‖a − b‖₂ = √(Σᵢ (aᵢ − bᵢ)²). */
export function euclideanDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.sqrt(squaredDistance(a, b));
}

/**
 * The `k` rows nearest to `query` by Euclidean distance, nearest first. Equal distances keep the rows' order
 * (lower index first); with fewer than `k` rows (after `skip`) all of them come back. `skip(index)` leaves a row
 * out (the query itself, when it is one of the rows). Every row must have the query's length.
 */
export function nearestNeighbours(
  query: ArrayLike<number>,
  rows: readonly ArrayLike<number>[],
  k: number,
  skip: (index: number) => boolean = () => false,
): Neighbour[] {
  const want = Math.max(0, Math.floor(k));
  const best: { index: number; squared: number }[] = [];
  for (let index = 0; index < rows.length && want > 0; index++) {
    if (skip(index)) continue;
    const squared = squaredDistance(query, rows[index]);
    if (best.length === want && squared >= best[want - 1].squared) continue;
    // Insert after every row at the same or a smaller distance, so ties stay in index order.
    let at = best.length;
    while (at > 0 && best[at - 1].squared > squared) at--;
    best.splice(at, 0, { index, squared });
    if (best.length > want) best.pop();
  }
  return best.map(({ index, squared }) => ({ index, distance: Math.sqrt(squared) }));
}
