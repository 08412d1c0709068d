/**
 * AlexNet in tfjs (layout and constants in alexnetLayers.ts) as Caffe's `bvlc_alexnet` lays it out, the model
 * TensorSpace converted to TensorFlow.js:
 *
 *   227×227×3 → conv1 96 11×11/4 VALID, ReLU → LRN → max pool 3×3/2 → conv2 256 5×5 pad 2, 2 groups, ReLU → LRN
 *   → max pool 3×3/2 → conv3 384 3×3 pad 1, ReLU → conv4 384 3×3 pad 1, 2 groups, ReLU
 *   → conv5 256 3×3 pad 1, 2 groups, ReLU → max pool 3×3/2 (6×6×256 = 9216) → fc6 4096 ReLU, dropout 0.5
 *   → fc7 4096 ReLU, dropout 0.5 → fc8 1000 → softmax.
 *
 * Source: Krizhevsky, Sutskever & Hinton, "ImageNet Classification with Deep Convolutional Neural Networks",
 * NIPS 2012, §3 and Fig. 2 (two GPUs: conv2, conv4 and conv5 see only the half of the previous layer on their
 * own GPU, which Caffe writes as `group: 2`); layer parameters from Caffe's `models/bvlc_alexnet/deploy.prototxt`.
 * Caffe rounds pooled sizes up, TensorFlow's VALID rounds down; at 55→27→13→6 both divide exactly, so they agree.
 * Dropout runs only when training (inverted dropout, as Caffe: inference is the identity; the paper instead
 * multiplied the outputs by 0.5 at test time, the same in expectation). TensorSpace's graph names its outputs norm1,
 * pool1, norm2, pool2, … (examples/alexnet/alexnet.html): normalise, then pool, as here.
 */

import * as tf from '@tensorflow/tfjs';
import type { Filters, Volume } from '../math/volume';
import { topK } from '../math/topK';
import { deriveSeed, mulberry32 } from './random';
import {
  ALEXNET_INPUT_SIZE, ALEXNET_LAYERS, ALEXNET_LRN, ALEXNET_VARIABLE_NAMES, ALEXNET_VARIABLE_SHAPES, convWeightNames,
  type AlexNetLayer, type AlexNetLayerName, type AlexNetVariableName,
} from './alexnetLayers';

export * from './alexnetLayers';

export type AlexNetParams = Record<AlexNetVariableName, tf.Tensor>;
export type AlexNetActivations = Partial<Record<AlexNetLayerName, tf.Tensor>>;

export interface AlexNetForwardOptions {
  /** Apply dropout after fc6 and fc7 (default false: inference). */
  training?: boolean;
  dropoutSeed?: number;
  /** Stop after this layer (so a small crop can go through the convolutional part only). */
  stopAfter?: AlexNetLayerName;
}

/**
 * A grouped convolution (Krizhevsky et al. 2012 §3.2; Caffe `group`): the input's channels are split into
 * `groupWeights.length` equal consecutive parts, part g is convolved with filters g, and the outputs are
 * concatenated along channels in group order, then the bias added. One group is an ordinary convolution.
 */
export function groupedConv2d(x: tf.Tensor4D, groupWeights: readonly tf.Tensor4D[], bias: tf.Tensor, stride: number, pad: number): tf.Tensor4D {
  return tf.tidy(() => {
    const parts = groupWeights.length === 1 ? [x] : (tf.split(x, groupWeights.length, 3) as tf.Tensor4D[]);
    const outs = parts.map((part, g) => tf.conv2d(part, groupWeights[g], stride, pad === 0 ? 'valid' : pad));
    return tf.add(outs.length === 1 ? outs[0] : tf.concat(outs, 3), bias) as tf.Tensor4D;
  });
}

/** One layer of the forward pass. */
function applyLayer(layer: AlexNetLayer, h: tf.Tensor, p: AlexNetParams, opts: AlexNetForwardOptions): tf.Tensor {
  switch (layer.kind) {
    case 'conv': {
      const weights = convWeightNames(layer.name, layer.groups).map((n) => p[n] as tf.Tensor4D);
      return tf.relu(groupedConv2d(h as tf.Tensor4D, weights, p[`${layer.name}/biases`], layer.stride, layer.pad));
    }
    case 'lrn':
      return tf.localResponseNormalization(h as tf.Tensor4D, ALEXNET_LRN.depthRadius, ALEXNET_LRN.bias, ALEXNET_LRN.alpha, ALEXNET_LRN.beta);
    case 'maxPool':
      return tf.maxPool(h as tf.Tensor4D, layer.size, layer.stride, 'valid');
    case 'dense': {
      const w = p[`${layer.name}/weights`] as tf.Tensor2D;
      const flat = h.rank === 2 ? (h as tf.Tensor2D) : tf.reshape(h, [h.shape[0], -1]) as tf.Tensor2D;
      if (flat.shape[1] !== w.shape[0]) {
        throw new Error(`${layer.name} needs ${w.shape[0]} inputs but gets ${flat.shape[1]} (input images must be ${ALEXNET_INPUT_SIZE}×${ALEXNET_INPUT_SIZE}×3)`);
      }
      let y: tf.Tensor = tf.add(tf.matMul(flat, w), p[`${layer.name}/biases`]);
      if (layer.relu) y = tf.relu(y);
      if (opts.training && layer.dropout > 0) y = tf.dropout(y, layer.dropout, undefined, opts.dropoutSeed);
      return y;
    }
    case 'softmax':
      return tf.softmax(h as tf.Tensor2D);
  }
}

/**
 * The forward pass on NHWC input (227×227×3, BGR, channel means subtracted — see `preprocessForAlexNet`),
 * returning every layer's output up to `stopAfter` (default: all, ending with the class probabilities `prob`).
 * fc6 reads pool5 flattened in NHWC order (h, w, c), the order of the TensorFlow graph TensorSpace converted
 * (caffe-tensorflow reorders Caffe's channel-first fc6 rows when converting). Call inside tf.tidy or dispose the result.
 */
export function alexnetForward(params: AlexNetParams, x: tf.Tensor4D, opts: AlexNetForwardOptions = {}): AlexNetActivations {
  if (x.rank !== 4 || x.shape[3] !== 3) throw new Error(`alexnetForward: input must be [N, H, W, 3], got [${x.shape.join(', ')}]`);
  const names = ALEXNET_LAYERS.map((l) => l.name);
  const reachesDense = opts.stopAfter === undefined || names.indexOf(opts.stopAfter) >= names.indexOf('fc6');
  if (reachesDense && (x.shape[1] !== ALEXNET_INPUT_SIZE || x.shape[2] !== ALEXNET_INPUT_SIZE)) {
    throw new Error(`alexnetForward: fc6 needs ${ALEXNET_INPUT_SIZE}×${ALEXNET_INPUT_SIZE} input, got ${x.shape[1]}×${x.shape[2]} (stop after pool5 or earlier for other sizes)`);
  }
  const out: AlexNetActivations = {};
  let h: tf.Tensor = x;
  for (const layer of ALEXNET_LAYERS) {
    h = applyLayer(layer, h, params, opts);
    out[layer.name] = h;
    if (layer.name === opts.stopAfter) break;
  }
  return out;
}

/**
 * Seeded He-uniform initial values (He et al. 2015: U(−l, l), l = √(6 / fan-in)), biases 0: for tests and for
 * showing an untrained network. Each variable draws from its own mulberry32 stream.
 */
export function alexnetRandomValues(seed: number): Map<AlexNetVariableName, Float32Array> {
  const values = new Map<AlexNetVariableName, Float32Array>();
  for (const name of ALEXNET_VARIABLE_NAMES) {
    const shape = ALEXNET_VARIABLE_SHAPES[name];
    const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (shape.length > 1) {
      const random = mulberry32(deriveSeed(seed, name));
      const limit = Math.sqrt(6 / shape.slice(0, -1).reduce((a, b) => a * b, 1));
      for (let i = 0; i < out.length; i++) out[i] = (random() * 2 - 1) * limit;
    }
    values.set(name, out);
  }
  return values;
}

/** A layer's output read back: shape [N, …] and values, row-major. */
export interface LayerReadout {
  shape: number[];
  data: Float32Array;
}

/** One class of a top-k list. */
export interface ClassScore {
  index: number;
  probability: number;
}

/**
 * AlexNet's weights as tfjs variables (not trainable here: the page runs inference) and the read-outs the
 * lesson shows. Inputs are plain volumes (227×227×3, preprocessed); tensors stay inside. `dispose()` frees all.
 */
export class AlexNet {
  readonly variables: Record<AlexNetVariableName, tf.Variable>;

  /** Takes ownership of nothing: the values are copied into (or, on the CPU backend, wrapped by) tensors. */
  constructor(values: ReadonlyMap<AlexNetVariableName, Float32Array>) {
    for (const name of ALEXNET_VARIABLE_NAMES) {
      const n = ALEXNET_VARIABLE_SHAPES[name].reduce((a, b) => a * b, 1);
      const v = values.get(name);
      if (!v || v.length !== n) throw new Error(`AlexNet: ${name} needs ${n} values, got ${v?.length ?? 'none'}`);
    }
    const id = ++instanceCounter;
    const vars = {} as Record<AlexNetVariableName, tf.Variable>;
    for (const name of ALEXNET_VARIABLE_NAMES) {
      const value = tf.tensor(values.get(name)!, [...ALEXNET_VARIABLE_SHAPES[name]], 'float32');
      vars[name] = tf.variable(value, false, `alexnet${id}/${name}`);
      value.dispose();
    }
    this.variables = vars;
  }

  /** Parameters counted from the built variables: 60,965,224 with conv2, conv4 and conv5 in two groups. */
  parameterCount(): number {
    return ALEXNET_VARIABLE_NAMES.reduce((sum, name) => sum + this.variables[name].size, 0);
  }

  /** The shape of every built variable (for `describeAlexNet`). */
  variableShapes(): Record<AlexNetVariableName, number[]> {
    const shapes = {} as Record<AlexNetVariableName, number[]>;
    for (const name of ALEXNET_VARIABLE_NAMES) shapes[name] = [...this.variables[name].shape];
    return shapes;
  }

  /** The forward pass on a tensor (caller disposes the result, or calls this inside tf.tidy). */
  forward(x: tf.Tensor4D, opts: AlexNetForwardOptions = {}): AlexNetActivations {
    return alexnetForward(this.variables, x, opts);
  }

  /**
   * Runs the network on one or more preprocessed volumes as far as the last of `layers` needs, and reads those
   * layers back (batch first: conv/pool/LRN [N, H, W, C], dense and prob [N, units]).
   */
  async readLayers<L extends AlexNetLayerName>(input: Volume | readonly Volume[], layers: readonly L[]): Promise<Record<L, LayerReadout>> {
    if (layers.length === 0) throw new Error('AlexNet.readLayers: name at least one layer');
    const order = ALEXNET_LAYERS.map((l) => l.name);
    const last = order[Math.max(...layers.map((l) => order.indexOf(l)))];
    const kept = tf.tidy(() => {
      const all = this.forward(volumesToTensor(input), { stopAfter: last });
      return layers.map((l) => all[l]!);
    });
    const out = {} as Record<L, LayerReadout>;
    try {
      for (let i = 0; i < layers.length; i++) out[layers[i]] = { shape: [...kept[i].shape], data: (await kept[i].data()) as Float32Array };
    } finally {
      tf.dispose(kept);
    }
    return out;
  }

  /** fc7 after its ReLU, 4096 values per image: the features the paper (§4.1, Fig. 4) compares for retrieval. */
  async penultimate(input: Volume | readonly Volume[]): Promise<Float32Array[]> {
    const { fc7 } = await this.readLayers(input, ['fc7']);
    return splitRows(fc7);
  }

  /** Class probabilities (softmax of fc8), 1000 per image. */
  async probabilities(input: Volume | readonly Volume[]): Promise<Float32Array[]> {
    const { prob } = await this.readLayers(input, ['prob']);
    return splitRows(prob);
  }

  /** The k most probable classes per image, most probable first (ties: lower class index first). */
  async classify(input: Volume | readonly Volume[], k = 5): Promise<ClassScore[][]> {
    return (await this.probabilities(input)).map((p) => topK(p, k).map((index) => ({ index, probability: p[index] })));
  }

  /** conv1's 96 filters, 11×11×3 each, HWIO; input channels in the network's BGR order. */
  async firstLayerFilters(): Promise<Filters> {
    const [kh, kw, inDepth, outDepth] = this.variables['conv1/weights'].shape;
    return { kh, kw, inDepth, outDepth, data: (await this.variables['conv1/weights'].data()) as Float32Array };
  }

  dispose(): void {
    tf.dispose(Object.values(this.variables));
  }
}

let instanceCounter = 0;

/** Stacks volumes of one shape into an [N, H, W, C] tensor. */
export function volumesToTensor(input: Volume | readonly Volume[]): tf.Tensor4D {
  const list: readonly Volume[] = Array.isArray(input) ? input : [input as Volume];
  if (list.length === 0) throw new Error('AlexNet: no input images');
  const { height, width, depth } = list[0];
  const per = height * width * depth;
  const data = new Float32Array(per * list.length);
  list.forEach((v, i) => {
    if (v.height !== height || v.width !== width || v.depth !== depth || v.data.length !== per) {
      throw new Error(`AlexNet: image ${i} is ${v.height}×${v.width}×${v.depth}; image 0 is ${height}×${width}×${depth}`);
    }
    data.set(v.data, i * per);
  });
  return tf.tensor4d(data, [list.length, height, width, depth]);
}

function splitRows(r: LayerReadout): Float32Array[] {
  const per = r.data.length / r.shape[0];
  return Array.from({ length: r.shape[0] }, (_, i) => r.data.slice(i * per, (i + 1) * per));
}
