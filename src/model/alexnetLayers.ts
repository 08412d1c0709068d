/**
 * The layer and variable layout of AlexNet (see alexnet.ts for the network): plain data, no tensors, so the
 * architecture table and the weight loader can use it without building 61 million parameters.
 */

export const ALEXNET_INPUT_SIZE = 227;
export const ALEXNET_CLASSES = 1000;
export const ALEXNET_DROPOUT_RATE = 0.5;

/**
 * LRN of bvlc_alexnet in Caffe's form: b = a / (k + (α/n)·Σ a²)^β over a window of n = local_size channels
 * centred on the channel (Caffe `LRNParameter`: local_size 5, alpha 1e-4, beta 0.75, k defaults to 1).
 * The paper (§3.3) prints k = 2 and α without the division by n; the trained Caffe weights used k = 1.
 */
export const ALEXNET_CAFFE_LRN = { localSize: 5, alpha: 1e-4, beta: 0.75, k: 1 } as const;

/**
 * The same LRN as `tf.localResponseNormalization(x, depthRadius, bias, alpha, beta)`, which computes
 * a / (bias + alpha·Σ_{d−r…d+r} a²)^beta: the window d−r…d+r has 2r+1 = n channels when r = (n−1)/2, and
 * TensorFlow does not divide alpha by the window, so alpha = α/n. See `caffeLrnToTfjs`.
 */
export const ALEXNET_LRN = caffeLrnToTfjs(ALEXNET_CAFFE_LRN);

/**
 * Converts Caffe's across-channel LRN (caffe/src/caffe/layers/lrn_layer.cpp: scale = k + alpha/size·Σ a²) to the
 * arguments of tf.localResponseNormalization (tf.nn.local_response_normalization: sqr_sum over
 * [d − depth_radius, d + depth_radius], output = a / (bias + alpha·sqr_sum)^beta). Needs an odd local size.
 */
export function caffeLrnToTfjs(caffe: { localSize: number; alpha: number; beta: number; k: number }):
{ depthRadius: number; alpha: number; beta: number; bias: number } {
  if (!Number.isInteger(caffe.localSize) || caffe.localSize < 1 || caffe.localSize % 2 === 0) {
    throw new Error(`caffeLrnToTfjs: local size must be an odd positive integer, got ${caffe.localSize}`);
  }
  return { depthRadius: (caffe.localSize - 1) / 2, alpha: caffe.alpha / caffe.localSize, beta: caffe.beta, bias: caffe.k };
}

export type AlexNetVariableName =
  | 'conv1/weights' | 'conv1/biases'
  | 'conv2/weights/group0' | 'conv2/weights/group1' | 'conv2/biases'
  | 'conv3/weights' | 'conv3/biases'
  | 'conv4/weights/group0' | 'conv4/weights/group1' | 'conv4/biases'
  | 'conv5/weights/group0' | 'conv5/weights/group1' | 'conv5/biases'
  | 'fc6/weights' | 'fc6/biases' | 'fc7/weights' | 'fc7/biases' | 'fc8/weights' | 'fc8/biases';

/** Every variable and its shape: conv filters HWIO (one tensor per group), dense weights [in, out]. */
export const ALEXNET_VARIABLE_SHAPES: Readonly<Record<AlexNetVariableName, readonly number[]>> = {
  'conv1/weights': [11, 11, 3, 96], 'conv1/biases': [96],
  'conv2/weights/group0': [5, 5, 48, 128], 'conv2/weights/group1': [5, 5, 48, 128], 'conv2/biases': [256],
  'conv3/weights': [3, 3, 256, 384], 'conv3/biases': [384],
  'conv4/weights/group0': [3, 3, 192, 192], 'conv4/weights/group1': [3, 3, 192, 192], 'conv4/biases': [384],
  'conv5/weights/group0': [3, 3, 192, 128], 'conv5/weights/group1': [3, 3, 192, 128], 'conv5/biases': [256],
  'fc6/weights': [9216, 4096], 'fc6/biases': [4096],
  'fc7/weights': [4096, 4096], 'fc7/biases': [4096],
  'fc8/weights': [4096, ALEXNET_CLASSES], 'fc8/biases': [ALEXNET_CLASSES],
};

export const ALEXNET_VARIABLE_NAMES = Object.keys(ALEXNET_VARIABLE_SHAPES) as AlexNetVariableName[];

export type AlexNetConvName = 'conv1' | 'conv2' | 'conv3' | 'conv4' | 'conv5';
export type AlexNetDenseName = 'fc6' | 'fc7' | 'fc8';
export type AlexNetLayerName =
  | AlexNetConvName | AlexNetDenseName | 'norm1' | 'norm2' | 'pool1' | 'pool2' | 'pool5' | 'prob';

export type AlexNetLayer =
  | { kind: 'conv'; name: AlexNetConvName; kernel: number; stride: number; pad: number; groups: 1 | 2 }
  | { kind: 'lrn'; name: 'norm1' | 'norm2' }
  | { kind: 'maxPool'; name: 'pool1' | 'pool2' | 'pool5'; size: number; stride: number }
  | { kind: 'dense'; name: AlexNetDenseName; relu: boolean; dropout: number }
  | { kind: 'softmax'; name: 'prob' };

/** The layers in order (bvlc_alexnet: normalise, then pool). Filter and unit counts come from the variables. */
export const ALEXNET_LAYERS: readonly AlexNetLayer[] = [
  { kind: 'conv', name: 'conv1', kernel: 11, stride: 4, pad: 0, groups: 1 },
  { kind: 'lrn', name: 'norm1' },
  { kind: 'maxPool', name: 'pool1', size: 3, stride: 2 },
  { kind: 'conv', name: 'conv2', kernel: 5, stride: 1, pad: 2, groups: 2 },
  { kind: 'lrn', name: 'norm2' },
  { kind: 'maxPool', name: 'pool2', size: 3, stride: 2 },
  { kind: 'conv', name: 'conv3', kernel: 3, stride: 1, pad: 1, groups: 1 },
  { kind: 'conv', name: 'conv4', kernel: 3, stride: 1, pad: 1, groups: 2 },
  { kind: 'conv', name: 'conv5', kernel: 3, stride: 1, pad: 1, groups: 2 },
  { kind: 'maxPool', name: 'pool5', size: 3, stride: 2 },
  { kind: 'dense', name: 'fc6', relu: true, dropout: ALEXNET_DROPOUT_RATE },
  { kind: 'dense', name: 'fc7', relu: true, dropout: ALEXNET_DROPOUT_RATE },
  { kind: 'dense', name: 'fc8', relu: false, dropout: 0 },
  { kind: 'softmax', name: 'prob' },
];

/** The weight variables of a conv layer, one per group, in group order. */
export function convWeightNames(layer: AlexNetConvName, groups: 1 | 2): AlexNetVariableName[] {
  return (groups === 1 ? [`${layer}/weights`] : [`${layer}/weights/group0`, `${layer}/weights/group1`]) as AlexNetVariableName[];
}
