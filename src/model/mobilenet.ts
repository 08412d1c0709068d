import * as tf from '@tensorflow/tfjs';

/** MobileNet v1 sees 224 × 224 RGB images. */
export const MOBILENET_INPUT_SIDE = 224;
export const MOBILENET_CLASSES = 1000;
/** Where the app serves the shipped network (`public/models/mobilenet_v1_0.75_224/`), relative to the page. */
export const MOBILENET_MODEL_PATH = 'models/mobilenet_v1_0.75_224/model.json';

/**
 * MobileNet's input scaling: each 0–255 channel value v becomes v / 127.5 − 1, so pixels lie in [−1, 1]
 * (the Keras / TF-Slim `preprocess_input` for MobileNet, "tf" mode; verified against the shipped weights, see
 * the model's PROVENANCE.md). No mean image is subtracted and channels stay in RGB order.
 */
export function mobilenetScale(value: number): number {
  return value / 127.5 - 1;
}

/** The network's input for one image: `side` × `side` RGB bytes → Float32Array scaled by {@link mobilenetScale}. */
export function mobilenetInput(rgb: ArrayLike<number>, side: number = MOBILENET_INPUT_SIDE): Float32Array {
  if (rgb.length !== side * side * 3) throw new RangeError(`expected ${side}×${side}×3 = ${side * side * 3} RGB values, got ${rgb.length}`);
  const out = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) out[i] = mobilenetScale(rgb[i]);
  return out;
}

/** The first convolution's kernel: `kh × kw × inChannels × filters` values in that (HWIO) order. */
export interface FirstLayerFilters {
  shape: [number, number, number, number];
  values: Float32Array;
}

/** The loaded network, ready to classify; owns its weights until {@link MobileNet.dispose}. */
export interface MobileNet {
  /** Parameters counted from the loaded layers (`countParams()`), not from a document. */
  readonly parameterCount: number;
  /** Wall-clock milliseconds of the most recent {@link classify} (predict and read-back). */
  readonly lastInferenceMs: number;
  /** The 1,000 class probabilities (softmax output, ImageNet order) for one 224 × 224 RGB image. */
  classify(rgb: ArrayLike<number>): Promise<Float32Array>;
  /** conv1's weights (3 × 3 × 3 × 24 for α 0.75; no bias, a batch norm follows). */
  firstLayerFilters(): Promise<FirstLayerFilters>;
  dispose(): void;
}

/** Options of {@link loadMobileNet}. */
export interface LoadMobileNetOptions {
  /** Node tests pass one that reads the local disk. */
  fetchFunc?: typeof fetch;
  /** Fraction 0–1 of the weights downloaded. */
  onProgress?: (fraction: number) => void;
  /** Run one prediction on a grey image after loading, so the first real one does not pay for kernel set-up. */
  warm?: boolean;
}

/**
 * Loads the shipped Keras MobileNet v1 (α 0.75, 224 × 224; Howard et al. 2017) as a tfjs layers model from
 * `modelUrl`, checks its input and output shapes, and wraps it for one-image classification on the active backend.
 */
export async function loadMobileNet(modelUrl: string, opts: LoadMobileNetOptions = {}): Promise<MobileNet> {
  const model = await tf.loadLayersModel(modelUrl, { fetchFunc: opts.fetchFunc, onProgress: opts.onProgress });
  const inShape = model.inputs[0].shape.slice(1).join('×');
  const outShape = model.outputs[0].shape.slice(1).join('×');
  if (inShape !== `${MOBILENET_INPUT_SIDE}×${MOBILENET_INPUT_SIDE}×3` || outShape !== String(MOBILENET_CLASSES)) {
    model.dispose();
    throw new Error(`${modelUrl}: expected a 224×224×3 → 1000 network, got ${inShape} → ${outShape}`);
  }
  const parameterCount = model.countParams();
  let lastInferenceMs = NaN;

  const classify = async (rgb: ArrayLike<number>): Promise<Float32Array> => {
    const started = performance.now();
    const input = mobilenetInput(rgb);
    const probabilities = tf.tidy(() => {
      const x = tf.tensor4d(input, [1, MOBILENET_INPUT_SIDE, MOBILENET_INPUT_SIDE, 3]);
      return (model.predict(x) as tf.Tensor).reshape([MOBILENET_CLASSES]);
    });
    try {
      const values = (await probabilities.data()) as Float32Array;
      lastInferenceMs = performance.now() - started;
      return values;
    } finally {
      probabilities.dispose();
    }
  };

  if (opts.warm) await classify(new Uint8Array(MOBILENET_INPUT_SIDE * MOBILENET_INPUT_SIDE * 3).fill(128));

  return {
    parameterCount,
    get lastInferenceMs() { return lastInferenceMs; },
    classify,
    async firstLayerFilters() {
      const kernel = model.getLayer('conv1').getWeights()[0];
      const [kh, kw, cin, cout] = kernel.shape;
      return { shape: [kh, kw, cin, cout], values: (await kernel.data()) as Float32Array };
    },
    dispose: () => model.dispose(),
  };
}
