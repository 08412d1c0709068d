/**
 * The dense autoencoder's forward pass in plain TypeScript, for weights kept as Float32Arrays (saved moments):
 * h = σ(x·W1 + b1), x̂ = σ(h·W2 + b2), σ the logistic sigmoid, W1 of shape inputSize × hidden and W2 of shape
 * hidden × inputSize in row-major order (the same layout as the tfjs model in src/model/autoencoder.ts).
 */
export interface DenseAutoencoderWeights {
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Hidden size implied by the weights (b1's length), after checking that all four fit one inputSize. */
export function hiddenSizeOf(w: DenseAutoencoderWeights, inputSize: number): number {
  const hidden = w.b1.length;
  if (w.b2.length !== inputSize || w.w1.length !== inputSize * hidden || w.w2.length !== hidden * inputSize) {
    throw new Error(`weights do not form a ${inputSize} → ${hidden} → ${inputSize} autoencoder`);
  }
  return hidden;
}

/** Codes (n × hidden) and reconstructions (n × inputSize) of n images given row-major in `images`. */
export function autoencoderForward(w: DenseAutoencoderWeights, images: Float32Array, inputSize: number): { codes: Float32Array; reconstructions: Float32Array } {
  const hidden = hiddenSizeOf(w, inputSize);
  if (images.length % inputSize !== 0) throw new Error(`${images.length} values are not a whole number of ${inputSize}-pixel images`);
  const n = images.length / inputSize;
  const codes = new Float32Array(n * hidden);
  const reconstructions = new Float32Array(n * inputSize);
  const z = new Float64Array(Math.max(hidden, inputSize));
  for (let s = 0; s < n; s++) {
    // Encoder: accumulate x_p · W1[p, :] over pixels (row-major W1 keeps the inner loop contiguous).
    z.fill(0, 0, hidden);
    for (let p = 0; p < inputSize; p++) {
      const x = images[s * inputSize + p];
      if (x === 0) continue;
      const row = p * hidden;
      for (let j = 0; j < hidden; j++) z[j] += x * w.w1[row + j];
    }
    for (let j = 0; j < hidden; j++) codes[s * hidden + j] = sigmoid(z[j] + w.b1[j]);
    // Decoder: accumulate h_j · W2[j, :] over hidden units.
    z.fill(0, 0, inputSize);
    for (let j = 0; j < hidden; j++) {
      const h = codes[s * hidden + j];
      const row = j * inputSize;
      for (let p = 0; p < inputSize; p++) z[p] += h * w.w2[row + p];
    }
    for (let p = 0; p < inputSize; p++) reconstructions[s * inputSize + p] = sigmoid(z[p] + w.b2[p]);
  }
  return { codes, reconstructions };
}

/**
 * The encoder's weights as images: row i is hidden unit i's incoming weights (column i of W1), the layout of
 * readEncoderFilters in src/model/autoencoderReadout.ts. Returns hidden × inputSize values.
 */
export function encoderFilters(w1: Float32Array, inputSize: number, hidden: number): Float32Array {
  if (w1.length !== inputSize * hidden) throw new Error(`W1 holds ${w1.length} values, not ${inputSize}×${hidden}`);
  const out = new Float32Array(hidden * inputSize);
  for (let p = 0; p < inputSize; p++) {
    for (let j = 0; j < hidden; j++) out[j * inputSize + p] = w1[p * hidden + j];
  }
  return out;
}

/** Mean absolute difference between two equally long arrays: how far apart two moments' pictures are. */
export function meanAbsoluteDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`cannot compare ${a.length} values with ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return a.length ? sum / a.length : 0;
}

/**
 * The reconstruction term of the autoencoder's loss for a set of images: squared errors summed over each
 * image's pixels, averaged over images (MATLAB's 'msesparse' without its penalties; see src/model/autoencoder.ts).
 */
export function reconstructionError(originals: Float32Array, reconstructions: Float32Array, inputSize: number): number {
  if (originals.length !== reconstructions.length || originals.length % inputSize !== 0) throw new Error('originals and reconstructions must be the same whole number of images');
  const n = originals.length / inputSize;
  let sum = 0;
  for (let i = 0; i < originals.length; i++) sum += (originals[i] - reconstructions[i]) ** 2;
  return n ? sum / n : 0;
}
