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

/** One layer's output for one image: `shape` is height × width × channels, `values` in that (HWC) order. */
export interface MobileNetFeatureMaps {
  layer: string;
  shape: [number, number, number];
  values: Float32Array;
}

/**
 * The layers {@link MobileNet.featureMaps} reads: the output of every ReLU (after conv1 and after each of the 13
 * depthwise and 13 pointwise convolutions with their batch norms), the maps the next layer sees.
 */
export function mobilenetFeatureMapLayers(layerNames: readonly string[]): string[] {
  return layerNames.filter((n) => /^conv(1|_dw_\d+|_pw_\d+)_relu$/.test(n));
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
  /** Layer names {@link featureMaps} accepts, input to output (conv1_relu, conv_dw_1_relu, conv_pw_1_relu, …). */
  readonly featureMapLayers: readonly string[];
  /** One layer's output for one 224 × 224 RGB image (a sub-model sharing the weights runs up to that layer). */
  featureMaps(rgb: ArrayLike<number>, layer: string): Promise<MobileNetFeatureMaps>;
  /** Penultimate features (see {@link readPenultimate}) of `side` × `side` RGB images, one Float32Array copy each. */
  penultimate(rgbs: readonly ArrayLike<number>[], side?: number, opts?: PenultimateOptions): Promise<Float32Array[]>;
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

  const featureMapLayers = mobilenetFeatureMapLayers(model.layers.map((l) => l.name));
  // Sub-models share the layers (and so the weights) of `model`; they own no tensors and are never disposed.
  const subModels = new Map<string, tf.LayersModel>();
  const featureMaps = async (rgb: ArrayLike<number>, layer: string): Promise<MobileNetFeatureMaps> => {
    if (!featureMapLayers.includes(layer)) throw new Error(`MobileNet has no feature-map layer ${layer}; try ${featureMapLayers[0]}`);
    const sub = subModels.get(layer) ?? tf.model({ inputs: model.inputs, outputs: model.getLayer(layer).output as tf.SymbolicTensor });
    subModels.set(layer, sub);
    const input = mobilenetInput(rgb);
    const out = tf.tidy(() => sub.predict(tf.tensor4d(input, [1, MOBILENET_INPUT_SIDE, MOBILENET_INPUT_SIDE, 3])) as tf.Tensor);
    try {
      const [, h, w, c] = out.shape;
      return { layer, shape: [h, w, c], values: (await out.data()) as Float32Array };
    } finally {
      out.dispose();
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
    featureMapLayers,
    featureMaps,
    penultimate: (rgbs, side, opts) => readPenultimate(model, rgbs, side, opts),
    dispose: () => model.dispose(),
  };
}

/** Length of MobileNet's penultimate feature vector: conv_pw_13's 768 channels (α 0.75 × 1,024). */
export const MOBILENET_FEATURES = 768;

/** The layers from the input to the global average pooling, in order, when they form a chain (MobileNet v1 does). */
const featureChains = new WeakMap<tf.LayersModel, tf.layers.Layer[]>();
function featureChainOf(model: tf.LayersModel): tf.layers.Layer[] {
  let chain = featureChains.get(model);
  if (!chain) {
    const end = model.layers.findIndex((l) => l.getClassName() === 'GlobalAveragePooling2D');
    if (end < 0) throw new Error('MobileNet: no GlobalAveragePooling2D layer to read features from');
    chain = model.layers.slice(1, end + 1);
    chain.forEach((layer, i) => {
      const from = layer.inboundNodes[0]?.inboundLayers;
      if (from?.length !== 1 || from[0] !== model.layers[i]) throw new Error(`MobileNet: layer ${layer.name} does not follow ${model.layers[i].name}`);
    });
    featureChains.set(model, chain);
  }
  return chain;
}

/** Options of {@link readPenultimate}. */
export interface PenultimateOptions {
  /**
   * Called between layers once `sliceMs` of main-thread time has passed since the last call (the page passes
   * "wait for a paint"), so one batch does not block the page: on WASM and CPU each layer runs when called.
   */
  pause?: () => Promise<void>;
  sliceMs?: number;
}

/**
 * MobileNet's last hidden layer: the 768 channels of conv_pw_13 (after its ReLU6) averaged over the 7 × 7 grid,
 * the vector the classifier (a 1 × 1 convolution to 1,000 logits) reads. Images are `side` × `side` RGB bytes
 * (default 224); other sizes are resized to 224 × 224 bilinearly (half-pixel centres) first, so 32 × 32 CIFAR-10
 * images can be compared with photos. The layers run one by one in inference mode, the batch together; one read-back.
 */
export async function readPenultimate(model: tf.LayersModel, rgbs: readonly ArrayLike<number>[], side: number = MOBILENET_INPUT_SIDE, opts: PenultimateOptions = {}): Promise<Float32Array[]> {
  if (rgbs.length === 0) return [];
  const chain = featureChainOf(model);
  const per = side * side * 3;
  const input = new Float32Array(per * rgbs.length);
  rgbs.forEach((rgb, i) => input.set(mobilenetInput(rgb, side), i * per));
  let h: tf.Tensor = tf.tidy(() => {
    const x = tf.tensor4d(input, [rgbs.length, side, side, 3]);
    return side === MOBILENET_INPUT_SIDE ? x : tf.image.resizeBilinear(x, [MOBILENET_INPUT_SIDE, MOBILENET_INPUT_SIDE], false, true);
  });
  try {
    let sliceStart = performance.now();
    for (const layer of chain) {
      const before = h;
      h = tf.tidy(() => layer.apply(before, { training: false }) as tf.Tensor);
      before.dispose();
      if (opts.pause && performance.now() - sliceStart >= (opts.sliceMs ?? 30)) {
        await opts.pause();
        sliceStart = performance.now();
      }
    }
    const flat = (await h.data()) as Float32Array;
    return rgbs.map((_, i) => flat.slice(i * MOBILENET_FEATURES, (i + 1) * MOBILENET_FEATURES));
  } finally {
    h.dispose();
  }
}
