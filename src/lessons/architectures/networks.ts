import type { DiagramLayer } from '../../viz/layerDiagram';

/**
 * The networks of the lecture's "Other CNN structures" slide as plain layer lists, and the arithmetic that turns a
 * list into output shapes and parameter counts. Spatial sides are the papers' own (their padding and pooling
 * conventions differ, so they are data, not computed); channel counts and parameters are computed.
 */

export type LayerSpec =
  | { kind: 'input'; name: string; side: number; channels: number }
  /** `repeat` identical convolutions in a row (VGG's stacks), drawn as one block; `groups` 2 = AlexNet's two GPUs. */
  | { kind: 'conv'; name: string; kernel: number; stride: number; filters: number; side: number; repeat?: number; groups?: 1 | 2 }
  | { kind: 'pool'; name: string; size: number; stride: number; side: number; op?: 'max' | 'avg' }
  | { kind: 'norm'; name: string }
  /** GoogLeNet's module: four branches concatenated (1×1; 1×1→3×3; 1×1→5×5; 3×3 max pool→1×1). */
  | { kind: 'inception'; name: string; side: number; c1: number; r3: number; c3: number; r5: number; c5: number; proj: number }
  /** Global average pooling: every map to one number (Network-in-Network, GoogLeNet). */
  | { kind: 'gap'; name: string }
  | { kind: 'fc'; name: string; units: number }
  | { kind: 'softmax'; name: string };

export interface NetworkSpec {
  id: string;
  name: string;
  layers: LayerSpec[];
  /** Where the layer list comes from. */
  source: string;
}

export interface LayerRow {
  spec: LayerSpec;
  /** [H, W, C] or [units]. */
  outputShape: number[];
  /** Weights and biases. */
  parameters: number;
  /** Layers with weights this block stands for (a VGG stack of 3 counts 3, an inception module 2 in depth). */
  weightLayers: number;
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Walks the layers: a convolution with k×k kernels, C_in input channels in g groups and F filters has
 * k·k·(C_in/g)·F weights + F biases; a fully connected layer fan_in·units + units; an inception module the sum of
 * its six convolutions (1×1, 3×3 reduce, 3×3, 5×5 reduce, 5×5, pool projection), which adds 2 to the depth.
 */
export function describeNetwork(net: NetworkSpec): LayerRow[] {
  let shape: number[] = [];
  const rows: LayerRow[] = [];
  for (const spec of net.layers) {
    let parameters = 0;
    let weightLayers = 0;
    const channels = shape.length === 3 ? shape[2] : product(shape);
    switch (spec.kind) {
      case 'input':
        shape = [spec.side, spec.side, spec.channels];
        break;
      case 'conv': {
        const g = spec.groups ?? 1;
        const repeat = spec.repeat ?? 1;
        if (channels % g !== 0) throw new Error(`${net.id}/${spec.name}: ${channels} channels do not split into ${g} groups`);
        const one = (cin: number) => spec.kernel * spec.kernel * (cin / g) * spec.filters + spec.filters;
        parameters = one(channels) + (repeat - 1) * one(spec.filters);
        weightLayers = repeat;
        shape = [spec.side, spec.side, spec.filters];
        break;
      }
      case 'pool':
        shape = [spec.side, spec.side, channels];
        break;
      case 'norm':
        break;
      case 'inception': {
        const c = channels;
        parameters = (c * spec.c1 + spec.c1) + (c * spec.r3 + spec.r3) + (9 * spec.r3 * spec.c3 + spec.c3)
          + (c * spec.r5 + spec.r5) + (25 * spec.r5 * spec.c5 + spec.c5) + (c * spec.proj + spec.proj);
        weightLayers = 2;
        shape = [spec.side, spec.side, spec.c1 + spec.c3 + spec.c5 + spec.proj];
        break;
      }
      case 'gap':
        shape = [1, 1, channels];
        break;
      case 'fc':
        parameters = product(shape) * spec.units + spec.units;
        weightLayers = 1;
        shape = [spec.units];
        break;
      case 'softmax':
        shape = [product(shape)];
        break;
    }
    rows.push({ spec, outputShape: [...shape], parameters, weightLayers });
  }
  return rows;
}

export function countParameters(net: NetworkSpec): number {
  return describeNetwork(net).reduce((s, r) => s + r.parameters, 0);
}

/** Layers with weights along the deepest path: the depth the papers quote ("VGG-16", "22 layers"). */
export function countWeightLayers(net: NetworkSpec): number {
  return describeNetwork(net).reduce((s, r) => s + r.weightLayers, 0);
}

function detail(spec: LayerSpec): string | undefined {
  switch (spec.kind) {
    case 'conv': return `${spec.repeat && spec.repeat > 1 ? `${spec.repeat}× ` : ''}${spec.kernel}×${spec.kernel} /${spec.stride}`;
    case 'pool': return `${spec.op === 'avg' ? 'avg' : 'max'} ${spec.size}×${spec.size} /${spec.stride}`;
    case 'inception': return `inception`;
    case 'gap': return 'global avg';
    case 'norm': return 'LRN';
    default: return undefined;
  }
}

const DIAGRAM_KIND = { input: 'input', conv: 'conv', pool: 'pool', norm: 'norm', inception: 'inception', gap: 'gap', fc: 'fc', softmax: 'softmax' } as const;

/** The network as blocks for `createLayerDiagram`; ids are `${net.id}-${index}`. */
export function diagramLayers(net: NetworkSpec): DiagramLayer[] {
  return describeNetwork(net).map((row, i) => ({
    id: `${net.id}-${i}`,
    name: row.spec.name,
    kind: DIAGRAM_KIND[row.spec.kind],
    detail: detail(row.spec),
    shape: row.outputShape,
    groups: row.spec.kind === 'conv' ? row.spec.groups : undefined,
  }));
}

const conv = (name: string, kernel: number, stride: number, filters: number, side: number, extra: { repeat?: number; groups?: 1 | 2 } = {}): LayerSpec =>
  ({ kind: 'conv', name, kernel, stride, filters, side, ...extra });
const maxPool = (name: string, size: number, stride: number, side: number): LayerSpec => ({ kind: 'pool', name, size, stride, side, op: 'max' });
const fc = (name: string, units: number): LayerSpec => ({ kind: 'fc', name, units });
const softmax: LayerSpec = { kind: 'softmax', name: 'softmax' };
const input = (side: number): LayerSpec => ({ kind: 'input', name: 'input', side, channels: 3 });
const classifier = (first: number): LayerSpec[] => [fc('fc6', first), fc('fc7', 4096), fc('fc8', 1000), softmax];

/** AlexNet as Caffe's bvlc_alexnet (227×227 input; conv2, conv4, conv5 in two groups), the model of #/alexnet. */
export const ALEXNET: NetworkSpec = {
  id: 'alexnet', name: 'AlexNet',
  source: 'Krizhevsky, Sutskever & Hinton (2012), Fig. 2 and §3.5, with the 227×227 input of Caffe’s bvlc_alexnet',
  layers: [
    input(227), conv('conv1', 11, 4, 96, 55), { kind: 'norm', name: 'norm1' }, maxPool('pool1', 3, 2, 27),
    conv('conv2', 5, 1, 256, 27, { groups: 2 }), { kind: 'norm', name: 'norm2' }, maxPool('pool2', 3, 2, 13),
    conv('conv3', 3, 1, 384, 13), conv('conv4', 3, 1, 384, 13, { groups: 2 }), conv('conv5', 3, 1, 256, 13, { groups: 2 }),
    maxPool('pool5', 3, 2, 6), ...classifier(4096),
  ],
};

/** Zeiler & Fergus (2013), Fig. 3: AlexNet with a 7×7 stride-2 first layer, a stride-2 conv2 and no GPU groups. */
export const ZFNET: NetworkSpec = {
  id: 'zfnet', name: 'ZFNet (Clarifai)',
  source: 'Zeiler & Fergus (2013), Visualizing and Understanding Convolutional Networks, Fig. 3',
  layers: [
    input(224), conv('conv1', 7, 2, 96, 110), maxPool('pool1', 3, 2, 55), { kind: 'norm', name: 'norm1' },
    conv('conv2', 5, 2, 256, 26), maxPool('pool2', 3, 2, 13), { kind: 'norm', name: 'norm2' },
    conv('conv3', 3, 1, 384, 13), conv('conv4', 3, 1, 384, 13), conv('conv5', 3, 1, 256, 13),
    maxPool('pool5', 3, 2, 6), ...classifier(4096),
  ],
};

/** Sermanet et al. (2013), Table 1: the "fast" model (231×231 input, non-overlapping 2×2 pooling). */
export const OVERFEAT: NetworkSpec = {
  id: 'overfeat', name: 'OverFeat (fast)',
  source: 'Sermanet et al. (2013), OverFeat, Table 1 (fast model)',
  layers: [
    input(231), conv('conv1', 11, 4, 96, 56), maxPool('pool1', 2, 2, 28), conv('conv2', 5, 1, 256, 24), maxPool('pool2', 2, 2, 12),
    conv('conv3', 3, 1, 512, 12), conv('conv4', 3, 1, 1024, 12), conv('conv5', 3, 1, 1024, 12), maxPool('pool5', 2, 2, 6),
    ...classifier(3072),
  ],
};

function vgg(id: string, name: string, perStage: [number, number, number, number, number]): NetworkSpec {
  const filters = [64, 128, 256, 512, 512];
  const layers: LayerSpec[] = [input(224)];
  let side = 224;
  filters.forEach((f, s) => {
    layers.push(conv(`conv${s + 1}`, 3, 1, f, side, { repeat: perStage[s] }));
    side /= 2;
    layers.push(maxPool(`pool${s + 1}`, 2, 2, side));
  });
  return { id, name, source: 'Simonyan & Zisserman (2014), Table 1 (configurations D and E)', layers: [...layers, ...classifier(4096)] };
}

/** Simonyan & Zisserman (2014), Table 1, configuration D: 13 convolutions of 3×3 in five stacks, then three fc. */
export const VGG16 = vgg('vgg16', 'VGG-16', [2, 2, 3, 3, 3]);
/** Configuration E: four convolutions in each of the last three stacks. */
export const VGG19 = vgg('vgg19', 'VGG-19', [2, 2, 4, 4, 4]);

/**
 * Network-in-Network for ImageNet as released by the paper's first author (Caffe Model Zoo, "nin_imagenet"): four
 * mlpconv blocks (a k×k convolution then two 1×1 ones), the last with 1,000 maps, then global average pooling.
 * The paper itself reports only CIFAR-10/100, SVHN and MNIST.
 */
export const NIN: NetworkSpec = {
  id: 'nin', name: 'Network-in-Network',
  source: 'Lin, Chen & Yan (2013) §3; layer sizes from the authors’ ImageNet model in the Caffe Model Zoo (nin_imagenet)',
  layers: [
    input(224),
    conv('conv1', 11, 4, 96, 54), conv('cccp1', 1, 1, 96, 54), conv('cccp2', 1, 1, 96, 54), maxPool('pool1', 3, 2, 27),
    conv('conv2', 5, 1, 256, 27), conv('cccp3', 1, 1, 256, 27), conv('cccp4', 1, 1, 256, 27), maxPool('pool2', 3, 2, 13),
    conv('conv3', 3, 1, 384, 13), conv('cccp5', 1, 1, 384, 13), conv('cccp6', 1, 1, 384, 13), maxPool('pool3', 3, 2, 6),
    conv('conv4', 3, 1, 1024, 6), conv('cccp7', 1, 1, 1024, 6), conv('cccp8', 1, 1, 1000, 6), { kind: 'gap', name: 'gap' }, softmax,
  ],
};

const inception = (name: string, side: number, [c1, r3, c3, r5, c5, proj]: [number, number, number, number, number, number]): LayerSpec =>
  ({ kind: 'inception', name, side, c1, r3, c3, r5, c5, proj });

/** Szegedy et al. (2014), Table 1, without the two auxiliary classifiers used only in learning; LRN omitted. */
export const GOOGLENET: NetworkSpec = {
  id: 'googlenet', name: 'GoogLeNet',
  source: 'Szegedy et al. (2014), Going Deeper with Convolutions, Table 1',
  layers: [
    input(224), conv('conv1', 7, 2, 64, 112), maxPool('pool1', 3, 2, 56),
    conv('conv2r', 1, 1, 64, 56), conv('conv2', 3, 1, 192, 56), maxPool('pool2', 3, 2, 28),
    inception('3a', 28, [64, 96, 128, 16, 32, 32]), inception('3b', 28, [128, 128, 192, 32, 96, 64]), maxPool('pool3', 3, 2, 14),
    inception('4a', 14, [192, 96, 208, 16, 48, 64]), inception('4b', 14, [160, 112, 224, 24, 64, 64]),
    inception('4c', 14, [128, 128, 256, 24, 64, 64]), inception('4d', 14, [112, 144, 288, 32, 64, 64]),
    inception('4e', 14, [256, 160, 320, 32, 128, 128]), maxPool('pool4', 3, 2, 7),
    inception('5a', 7, [256, 160, 320, 32, 128, 128]), inception('5b', 7, [384, 192, 384, 48, 128, 128]),
    { kind: 'gap', name: 'avgpool' }, fc('fc', 1000), softmax,
  ],
};

/** GoogLeNet's Table 1 "params" column, in thousands, as printed (conv1 … linear). */
export const GOOGLENET_TABLE1_PARAMS_K = [2.7, 112, 159, 380, 364, 437, 463, 580, 840, 1072, 1388, 1000] as const;

export const NETWORK_SPECS = { alexnet: ALEXNET, zfnet: ZFNET, overfeat: OVERFEAT, vgg16: VGG16, vgg19: VGG19, nin: NIN, googlenet: GOOGLENET } as const;
export type NetworkId = keyof typeof NETWORK_SPECS;
