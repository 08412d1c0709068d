import * as tf from '@tensorflow/tfjs';

/**
 * The backpropagation lesson's network in TensorFlow.js, to check the lesson's hand-rolled gradients:
 * out = pool(act(conv2d(X, W, stride 1, 'valid') + b)) on one single-channel image, with act = ReLU or
 * the identity and pool = tf.maxPool or tf.avgPool ('valid' windows, so tfjs's avgPool gradient divides
 * by the same n as the forward pass). The loss is J = Σ out · e for given errors e (so ∂J/∂out = e), or
 * J = ½ Σ (out − t)² for targets t.
 */
export interface BackpropNetwork {
  /** Image rows × columns, row-major. */
  input: Float32Array;
  inputSize: [height: number, width: number];
  /** k × k kernel, row-major. */
  kernel: Float32Array;
  kernelSize: number;
  bias: number;
  relu: boolean;
  pool: { kind: 'max' | 'avg'; size: number; stride: number };
  loss: { kind: 'errors'; errors: Float32Array } | { kind: 'squared'; targets: Float32Array };
}

/** tfjs's forward output, loss and gradients, as plain arrays. */
export interface TfGradients {
  output: Float32Array;
  loss: number;
  /** ∂J/∂X, same layout as the input. */
  dInput: Float32Array;
  /** ∂J/∂W, same layout as the kernel. */
  dKernel: Float32Array;
  /** ∂J/∂b (one value). */
  dBias: Float32Array;
}

/**
 * tf.grads of the network's loss with respect to input, kernel and bias, read back with `await data()`.
 * Every tensor it makes is disposed before it resolves.
 */
export async function tfBackpropGradients(net: BackpropNetwork): Promise<TfGradients> {
  const [h, w] = net.inputSize;
  const k = net.kernelSize;
  const { kind, size, stride } = net.pool;
  const forward = (x: tf.Tensor4D, kernel: tf.Tensor4D, b: tf.Tensor1D): tf.Tensor4D => {
    const pre = tf.add(tf.conv2d(x, kernel, 1, 'valid'), b) as tf.Tensor4D;
    const act = net.relu ? tf.relu(pre) : pre;
    return kind === 'max' ? tf.maxPool(act, size, stride, 'valid') : tf.avgPool(act, size, stride, 'valid');
  };
  const lossOf = (out: tf.Tensor4D): tf.Scalar => {
    const flat = out.reshape([-1]);
    if (net.loss.kind === 'errors') return tf.sum(tf.mul(flat, tf.tensor1d(net.loss.errors)));
    return tf.mul(0.5, tf.sum(tf.square(tf.sub(flat, tf.tensor1d(net.loss.targets)))));
  };
  const kept = tf.tidy(() => {
    const x = tf.tensor4d(net.input, [1, h, w, 1]);
    const kernel = tf.tensor4d(net.kernel, [k, k, 1, 1]);
    const b = tf.tensor1d([net.bias]);
    const out = forward(x, kernel, b);
    const { value, grads } = tf.valueAndGrads((...xs: tf.Tensor[]) => lossOf(forward(xs[0] as tf.Tensor4D, xs[1] as tf.Tensor4D, xs[2] as tf.Tensor1D)))([x, kernel, b]);
    return [out, value, ...grads];
  });
  try {
    const [output, loss, dInput, dKernel, dBias] = (await Promise.all(kept.map((t) => t.data()))) as Float32Array[];
    return { output, loss: loss[0], dInput, dKernel, dBias };
  } finally {
    kept.forEach((t) => t.dispose());
  }
}
