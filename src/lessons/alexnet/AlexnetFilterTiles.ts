/**
 * Plain arithmetic on first-layer filters for the filters view: channel order and how much colour a filter holds.
 * Tiles are HWC floats, `count` of side × side × 3 values back to back (as `filtersToTiles` makes them).
 */

/** Swaps channels 0 and 2 of every pixel: AlexNet's BGR filters as RGB, for display. */
export function swapRedBlue(tiles: Float32Array): Float32Array {
  const out = new Float32Array(tiles.length);
  for (let i = 0; i < tiles.length; i += 3) {
    out[i] = tiles[i + 2];
    out[i + 1] = tiles[i + 1];
    out[i + 2] = tiles[i];
  }
  return out;
}

/**
 * The share of a filter's variation that lies between its colour channels, per filter (0 = grey: the three
 * channels are equal at every pixel, so the filter sees only brightness; near 1 = the channels differ where the
 * filter varies). With the filter's mean m, the channel mean g_p = (r_p + g_p + b_p)/3 at each pixel p, and the
 * total Σ (w − m)² over all values, the grey part is 3·Σ_p (g_p − m)², and the share is 1 − grey/total.
 */
export function colourShares(tiles: Float32Array, side: number, count: number): Float32Array {
  const n = side * side * 3;
  if (tiles.length !== n * count) throw new RangeError(`colourShares: ${count} tiles of ${side}×${side}×3 need ${n * count} values, got ${tiles.length}`);
  const out = new Float32Array(count);
  for (let t = 0; t < count; t++) {
    const from = t * n;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += tiles[from + i];
    mean /= n;
    let total = 0;
    let grey = 0;
    for (let p = 0; p < side * side; p++) {
      const a = tiles[from + p * 3], b = tiles[from + p * 3 + 1], c = tiles[from + p * 3 + 2];
      total += (a - mean) ** 2 + (b - mean) ** 2 + (c - mean) ** 2;
      grey += 3 * ((a + b + c) / 3 - mean) ** 2;
    }
    out[t] = total > 0 ? 1 - grey / total : 0;
  }
  return out;
}

/** The mean of `values[from, to)`. */
export function meanOf(values: Float32Array, from = 0, to = values.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i];
  return to > from ? s / (to - from) : NaN;
}
