import {
  ALEXNET_INPUT_SIZE, ALEXNET_LAYERS, ALEXNET_VARIABLE_SHAPES, convWeightNames,
  type AlexNetLayer, type AlexNetLayerName, type AlexNetVariableName,
} from './alexnetLayers';

/**
 * AlexNet's architecture table, computed from variable shapes (no tensors), and the numbers the paper and the
 * lecture publish beside it, with the arithmetic that relates the two.
 */

export interface AlexNetLayerRow {
  name: AlexNetLayerName;
  kind: AlexNetLayer['kind'];
  /** Output of one image: [H, W, C] for conv/LRN/pool, [units] for dense and softmax. */
  outputShape: number[];
  /** Output values of one image (the paper's "neurons"). */
  neurons: number;
  /** Weights and biases of the layer. */
  parameters: number;
  /**
   * Multiply-adds of one forward pass of one image: each output value times the weights it reads
   * (a grouped convolution reads only its group's channels). LRN, pooling and softmax have no weights: 0.
   */
  connections: number;
}

export interface AlexNetArchitecture {
  input: [number, number, number];
  layers: AlexNetLayerRow[];
  /** Over the weighted layers (conv1–conv5, fc6–fc8), as the paper counts. */
  totals: { neurons: number; parameters: number; connections: number };
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Propagates the input shape through ALEXNET_LAYERS with the given variable shapes (default: AlexNet's; pass
 * `net.variableShapes()` to describe a built network). Conv output side = ⌊(in + 2·pad − k)/stride⌋ + 1;
 * channels = groups × the filters per group. Throws if a layer's weights do not fit its input.
 */
export function describeAlexNet(
  shapes: Readonly<Record<AlexNetVariableName, readonly number[]>> = ALEXNET_VARIABLE_SHAPES,
  inputSize = ALEXNET_INPUT_SIZE,
): AlexNetArchitecture {
  let shape = [inputSize, inputSize, 3];
  const layers: AlexNetLayerRow[] = [];
  for (const layer of ALEXNET_LAYERS) {
    let parameters = 0;
    let connections = 0;
    if (layer.kind === 'conv') {
      const weights = convWeightNames(layer.name, layer.groups).map((n) => shapes[n]);
      const [kh, kw, inPerGroup, outPerGroup] = weights[0];
      if (inPerGroup * layer.groups !== shape[2]) {
        throw new Error(`${layer.name}: ${layer.groups} group(s) of ${inPerGroup} input channels do not fit an input of depth ${shape[2]}`);
      }
      const side = (n: number, k: number) => Math.floor((n + 2 * layer.pad - k) / layer.stride) + 1;
      shape = [side(shape[0], kh), side(shape[1], kw), outPerGroup * layer.groups];
      parameters = weights.reduce((s, w) => s + product(w), 0) + product(shapes[`${layer.name}/biases`]);
      connections = product(shape) * kh * kw * inPerGroup;
    } else if (layer.kind === 'maxPool') {
      const side = (n: number) => Math.floor((n - layer.size) / layer.stride) + 1;
      shape = [side(shape[0]), side(shape[1]), shape[2]];
    } else if (layer.kind === 'dense') {
      const [fanIn, units] = shapes[`${layer.name}/weights`];
      if (fanIn !== product(shape)) throw new Error(`${layer.name}: weights take ${fanIn} inputs, the layer before gives ${product(shape)}`);
      shape = [units];
      parameters = fanIn * units + product(shapes[`${layer.name}/biases`]);
      connections = fanIn * units;
    }
    layers.push({ name: layer.name, kind: layer.kind, outputShape: [...shape], neurons: product(shape), parameters, connections });
  }
  const weighted = layers.filter((l) => l.kind === 'conv' || l.kind === 'dense');
  const sum = (f: (l: AlexNetLayerRow) => number) => weighted.reduce((s, l) => s + f(l), 0);
  return {
    input: [inputSize, inputSize, 3],
    layers,
    totals: { neurons: sum((l) => l.neurons), parameters: sum((l) => l.parameters), connections: sum((l) => l.connections) },
  };
}

/**
 * AlexNet's numbers as published. Per-layer neurons and the 150,528-dimensional (224·224·3) input: Krizhevsky,
 * Sutskever & Hinton, NIPS 2012, §3.5 and Fig. 2; 60 million parameters and 650,000 neurons: the paper's
 * abstract; all of them and 630 million connections: the lecture slide "Model architecture-AlexNet Krizhevsky 2012".
 */
export const ALEXNET_PUBLISHED = {
  inputSize: 224,
  inputNeurons: 150_528,
  neuronsPerLayer: [253_440, 186_624, 64_896, 64_896, 43_264, 4_096, 4_096, 1_000],
  neurons: 650_000,
  parameters: 60_000_000,
  connections: 630_000_000,
} as const;

export interface PublishedComparison {
  quantity: string;
  published: number;
  computed: number;
  /** Plain-English account of the difference, with the arithmetic behind it (numbers computed here). */
  explanation: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const percent = (a: number, b: number) => `${((Math.abs(a - b) / b) * 100).toFixed(1)}%`;

/** The published numbers beside the computed ones, and what the arithmetic says about each difference. */
export function comparePublished(arch: AlexNetArchitecture = describeAlexNet()): PublishedComparison[] {
  const P = ALEXNET_PUBLISHED;
  const row = (name: AlexNetLayerName) => arch.layers.find((l) => l.name === name)!;
  const weighted = arch.layers.filter((l) => l.kind === 'conv' || l.kind === 'dense');
  const conv1 = row('conv1');
  const [h1, w1, c1] = conv1.outputShape;
  const input = arch.input[0];
  const side224 = (P.inputSize - 11) / 4 + 1;
  const publishedSum = P.neuronsPerLayer.reduce((a, b) => a + b, 0);
  const laterMatch = weighted.slice(1).every((l, i) => l.neurons === P.neuronsPerLayer[i + 1]);
  const pooledSizes = ['conv2', 'conv3', 'conv4', 'conv5'].map((n) => row(n as AlexNetLayerName).outputShape.join('·')).join(', ');
  const ungroupedExtra = (['conv2', 'conv4', 'conv5'] as const).reduce((s, n) => {
    const r = row(n);
    return s + r.connections / r.neurons * r.outputShape[2] * (convWeightNames(n, 2).length - 1);
  }, 0);
  const denseParams = weighted.filter((l) => l.kind === 'dense').reduce((s, l) => s + l.parameters, 0);
  const convConnections = weighted.filter((l) => l.kind === 'conv').reduce((s, l) => s + l.connections, 0);
  const withPaperConv1 = arch.totals.connections - conv1.connections + P.neuronsPerLayer[0] * (conv1.connections / conv1.neurons);
  return [
    {
      quantity: 'input side',
      published: P.inputSize,
      computed: input,
      explanation: `The paper states 224×224×3 inputs (${fmt(P.inputNeurons)} values). An 11×11 stride-4 convolution without padding `
        + `maps 224 to (224 − 11)/4 + 1 = ${side224}, not a whole number, so it cannot give the 55×55 maps of Fig. 2; `
        + `${input} gives (${input} − 11)/4 + 1 = ${(input - 11) / 4 + 1}. Caffe's bvlc_alexnet, and TensorSpace's conversion of it, `
        + `take ${input}×${input} crops (${fmt(input * input * 3)} values).`,
    },
    {
      quantity: 'conv1 neurons',
      published: P.neuronsPerLayer[0],
      computed: conv1.neurons,
      explanation: `conv1 gives ${h1}·${w1}·${c1} = ${fmt(conv1.neurons)} values. The published ${fmt(P.neuronsPerLayer[0])} `
        + `= 48·${w1}·${c1} (${fmt(48 * w1 * c1)}), as if one side of the map were 48 instead of ${h1}; it is `
        + `${fmt(conv1.neurons - P.neuronsPerLayer[0])} short. It is not one GPU's half (${fmt(conv1.neurons / 2)}) nor the pooled `
        + `map (${row('pool1').outputShape.join('·')} = ${fmt(row('pool1').neurons)}); the arithmetic does not show where the 48 comes from.`,
    },
    {
      quantity: 'conv2–fc8 neurons',
      published: publishedSum - P.neuronsPerLayer[0],
      computed: weighted.slice(1).reduce((s, l) => s + l.neurons, 0),
      explanation: laterMatch
        ? `Every later published count equals ours: both GPUs together, each convolution's output before pooling `
          + `(${pooledSizes}); pool5, which fc6 reads, has only ${row('pool5').outputShape.join('·')} = ${fmt(row('pool5').neurons)}.`
        : 'Some later published counts differ from the computed ones.',
    },
    {
      quantity: 'neurons',
      published: P.neurons,
      computed: arch.totals.neurons,
      explanation: `The eight layers hold ${fmt(arch.totals.neurons)} neurons, ${percent(arch.totals.neurons, P.neurons)} from the `
        + `rounded ${fmt(P.neurons)}; the paper's own per-layer list sums to ${fmt(publishedSum)} (${percent(publishedSum, P.neurons)} `
        + `short), so the 650,000 fits conv1 = ${fmt(conv1.neurons)} better than ${fmt(P.neuronsPerLayer[0])}.`,
    },
    {
      quantity: 'parameters',
      published: P.parameters,
      computed: arch.totals.parameters,
      explanation: `${fmt(arch.totals.parameters)} weights and biases, which the paper rounds to 60 million. The two-GPU groups `
        + `matter: if conv2, conv4 and conv5 saw all channels of the layer before, there would be ${fmt(ungroupedExtra)} more `
        + `(${fmt(arch.totals.parameters + ungroupedExtra)}). fc6–fc8 hold ${fmt(denseParams)} of them `
        + `(${((denseParams / arch.totals.parameters) * 100).toFixed(1)}%).`,
    },
    {
      quantity: 'connections',
      published: P.connections,
      computed: arch.totals.connections,
      explanation: `Counting one connection per weight use (a multiply-add) gives ${fmt(arch.totals.connections)}, `
        + `${percent(arch.totals.connections, P.connections)} above 630 million. The arithmetic here does not reproduce the published `
        + `figure: with conv1 at the paper's ${fmt(P.neuronsPerLayer[0])} neurons it is ${fmt(withPaperConv1)}; the convolutions alone `
        + `give ${fmt(convConnections)}; counting each bias as one more connection adds ${fmt(arch.totals.neurons)}.`,
    },
  ];
}
