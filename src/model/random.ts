/**
 * Seeded pseudo-random numbers, so `?seed=N` reproduces initial weights and data order on every backend
 * (tfjs's own initialisers draw differently per backend). mulberry32: a 32-bit state, period 2^32.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream seed from a base seed and a label (FNV-1a over the label). */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Glorot/Xavier uniform initialisation (Glorot & Bengio 2010): U(-l, l) with l = sqrt(6 / (fanIn + fanOut)),
 * as Keras's default `glorotUniform`. Returns fanIn*fanOut values in row-major [fanIn, fanOut] order.
 */
export function glorotUniform(fanIn: number, fanOut: number, random: () => number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < out.length; i++) out[i] = (random() * 2 - 1) * limit;
  return out;
}

/** Fisher–Yates shuffle of 0..n-1 with the given generator. */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
  }
  return idx;
}

/**
 * Truncated normal N(0, std²) cut at two standard deviations, redrawing values beyond (TensorFlow's
 * `truncated_normal_initializer`). Box–Muller on the given generator, so a seed gives the same weights on every backend.
 */
export function truncatedNormal(n: number, std: number, random: () => number): Float32Array {
  const out = new Float32Array(n);
  let i = 0;
  while (i < n) {
    const u = 1 - random(); // (0, 1]
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    const pair = [r * Math.cos(2 * Math.PI * v), r * Math.sin(2 * Math.PI * v)];
    for (const z of pair) {
      if (i < n && Math.abs(z) <= 2) out[i++] = z * std;
    }
  }
  return out;
}
