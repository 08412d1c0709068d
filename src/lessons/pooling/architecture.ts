import { convOutputShape, poolGeometry, type VolumeShape } from '../../math';

/** One layer of the example network, with the shape it produces. */
export interface StackLayer {
  kind: 'input' | 'conv' | 'pool';
  /** e.g. "conv 5×5, 8 maps, 'same'". */
  label: string;
  shape: VolumeShape;
  /** height · width · depth of the output. */
  values: number;
  /** Trainable weights and biases (0 for input and pooling). */
  weights: number;
  /** Multiply-adds to compute the output (0 for input and pooling). */
  multiplyAdds: number;
}

export interface StackOptions {
  /** Number of conv + pool stages. */
  stages: number;
  /** Maps of the first convolution; each later stage doubles them. */
  firstMaps: number;
  /** Kernel side of the convolutions. */
  kernel: number;
  /** Pooling window side; stride = window (non-overlapping). */
  pool: number;
}

/**
 * A small typical CNN on a 28×28×1 digit: `stages` times [conv k×k 'same' with F, 2F, 4F… maps → max pool],
 * each shape from src/math's convOutputShape and poolGeometry (TensorFlow's rules).
 */
export function buildStack(opts: StackOptions, input: VolumeShape = { height: 28, width: 28, depth: 1 }): StackLayer[] {
  const layers: StackLayer[] = [{ kind: 'input', label: 'input image', shape: input, values: size(input), weights: 0, multiplyAdds: 0 }];
  let shape = input;
  for (let s = 0; s < opts.stages; s++) {
    const maps = opts.firstMaps * 2 ** s;
    const g = convOutputShape(shape, opts.kernel, opts.kernel, 1, 'same');
    const convShape = { height: g.height, width: g.width, depth: maps };
    layers.push({
      kind: 'conv',
      label: `conv ${opts.kernel}×${opts.kernel}, ${maps} maps, 'same'`,
      shape: convShape,
      values: size(convShape),
      weights: opts.kernel * opts.kernel * shape.depth * maps + maps,
      multiplyAdds: g.height * g.width * maps * opts.kernel * opts.kernel * shape.depth,
    });
    shape = convShape;
    if (shape.height < opts.pool || shape.width < opts.pool) break;
    const p = poolGeometry(shape, { size: opts.pool });
    const poolShape = { height: p.height, width: p.width, depth: shape.depth };
    layers.push({ kind: 'pool', label: `max pool ${opts.pool}×${opts.pool}, stride ${opts.pool}`, shape: poolShape, values: size(poolShape), weights: 0, multiplyAdds: 0 });
    shape = poolShape;
  }
  return layers;
}

function size(s: VolumeShape): number {
  return s.height * s.width * s.depth;
}
