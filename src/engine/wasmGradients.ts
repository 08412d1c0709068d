import * as tf from '@tensorflow/tfjs';
import type { Conv2DBackpropFilterAttrs, KernelConfig, KernelFunc, MaxPoolGradAttrs, TensorInfo } from '@tensorflow/tfjs';

/**
 * Gradient kernels that @tensorflow/tfjs-backend-wasm 4.22 does not ship, composed from its own fast forward
 * kernels so that a CNN can train on WASM.
 *
 * Of the four kernels a conv/pool network needs for backprop, 4.22 registers `Conv2DBackpropInput`,
 * `MaxPoolGrad` and `AvgPoolGrad` (native C++), but not `Conv2DBackpropFilter`: `tf.grads` through a
 * `conv2d` throws "Cannot find registered kernel 'Conv2DBackpropFilter' for backend 'wasm'". The native
 * `MaxPoolGrad` is also replaced: it gives wrong gradients for 'same' padding, sizes the stride does not
 * divide, and ties (tests/e2e/wasmGradients.e2e.mjs).
 *
 * How: each kernelFunc runs public `tf.*` ops. The engine allows that — it runs a kernelFunc with
 * `kernelDepth > 0`, so the inner ops are not recorded on the gradient tape, and a returned `Tensor` (it has a
 * `rank`) is used as the kernel's output as is. The inner ops dispatch to the active backend, which is WASM
 * whenever a WASM kernel runs. Kernels are registered per backend (`registerKernel(..., 'wasm')`), so nothing
 * changes for webgl, cpu or webgpu — unlike `tf.registerGradient`, which is global per op.
 *
 * Call after `@tensorflow/tfjs-backend-wasm` has been imported (its own registrations would otherwise replace
 * ours with a warning for any name both provide).
 */

/** The gradient kernels a conv/pool CNN needs, checked by {@link registerWasmGradientKernels}. */
export const CNN_GRADIENT_KERNELS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'AvgPoolGrad'] as const;

/** A tensor view of a kernel input (shares its data; the tidy around the kernel body disposes the view). */
function view(info: TensorInfo): tf.Tensor4D {
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor4D;
}

/**
 * Rows (or columns) of the input a strided correlation reads, and the padding needed on each side, in the
 * form one stride-1 correlation with dilation `stride` can use (explicit, never negative).
 *
 * The forward pass reads input rows `i·stride + a − padBefore` for output row i ∈ [0, out) and tap
 * a ∈ [0, k). They span `[−padBefore, (out−1)·stride + k − padBefore)`; rows of the input past that end are
 * never read (a 'valid' conv with stride 2 on an even size skips the last one) and are sliced off.
 */
function span(size: number, k: number, stride: number, out: number, padBefore: number): { used: number; before: number; after: number } {
  const end = (out - 1) * stride + k - padBefore;
  const used = Math.min(size, end);
  return { used, before: padBefore, after: end - used };
}

/**
 * `Conv2DBackpropFilter` (NHWC, dilation 1, as tfjs's conv2d gradient requires):
 *
 *   dW[a, b, ci, co] = Σ_{n, i, j} x[n, i·sh + a − padTop, j·sw + b − padLeft, ci] · dy[n, i, j, co]
 *
 * which is one stride-1 correlation with dilation (sh, sw) once the batch becomes the channel axis:
 * input xᵀ = x transposed to [Ci, H, W, N] (zero-padded by padTop/padLeft and sliced to the rows read),
 * filter dyᵀ = dy transposed to [Ho, Wo, N, Co]; the result [Ci, kh, kw, Co] transposed to [kh, kw, Ci, Co].
 * Padding follows `computeConv2DInfo` ('same' puts the odd pixel at the bottom/right, as on every backend).
 */
const conv2DBackpropFilter: KernelFunc = ({ inputs, attrs }) => {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  if (dataFormat === 'NCHW') throw new Error('wasm Conv2DBackpropFilter: only NHWC is supported');
  const xInfo = inputs.x as TensorInfo;
  const dyInfo = inputs.dy as TensorInfo;
  const info = tf.backend_util.computeConv2DInfo(
    xInfo.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode,
  );
  const rows = span(info.inHeight, info.filterHeight, info.strideHeight, info.outHeight, info.padInfo.top);
  const cols = span(info.inWidth, info.filterWidth, info.strideWidth, info.outWidth, info.padInfo.left);
  return tf.tidy(() => {
    let x = view(xInfo);
    if (rows.used < info.inHeight || cols.used < info.inWidth) x = tf.slice(x, [0, 0, 0, 0], [-1, rows.used, cols.used, -1]);
    const xT = tf.transpose(x, [3, 1, 2, 0]);
    const dyT = tf.transpose(view(dyInfo), [1, 2, 0, 3]);
    const padding: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0], [rows.before, rows.after], [cols.before, cols.after], [0, 0],
    ];
    const dW = tf.conv2d(xT, dyT, 1, padding, 'NHWC', [info.strideHeight, info.strideWidth]);
    return tf.transpose(dW, [1, 2, 0, 3]);
  });
};

/**
 * `MaxPoolGrad` (NHWC), replacing the native 4.22 kernel, which disagrees with every other backend when the
 * pooled size does not divide the input (odd sizes, 'same') and on ties:
 *
 *   dx[n, p, q, c] = Σ_{i, j} dy[n, i, j, c] · [ (p, q) is the first (row-major) argmax of window (i, j) ]
 *
 * the CPU backend's convention (the first strictly greater value wins; padding never wins). For each tap
 * (a, b) of the kh×kw window, a strided slice of the −∞-padded input gives the value under that tap for every
 * output cell; a running "taken" mask keeps only the first tap equal to the pooled max. The k = kh·kw masked
 * copies of dy are put back in place: by a reshape when the windows do not overlap (stride = window), else,
 * stacked as channels with (n, c) as the batch, by one conv2dTranspose (stride = pool stride) whose filter
 * is the identity: filter[a, b, 0, a·kw + b] = 1.
 */
const maxPoolGrad: KernelFunc = ({ inputs, attrs }) => {
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const xInfo = inputs.input as TensorInfo;
  const [n, h, w, c] = xInfo.shape;
  const info = tf.backend_util.computePool2DInfo([n, h, w, c], filterSize, strides, 1, pad, dimRoundingMode);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: ho, outWidth: wo } = info;
  const rows = span(h, kh, sh, ho, info.padInfo.top);
  const cols = span(w, kw, sw, wo, info.padInfo.left);
  return tf.tidy(() => {
    const x = tf.slice(view(xInfo), [0, 0, 0, 0], [-1, rows.used, cols.used, -1]);
    const xp = tf.pad(x, [[0, 0], [rows.before, rows.after], [cols.before, cols.after], [0, 0]], -Infinity);
    const max = view(inputs.output as TensorInfo);
    const dy = view(inputs.dy as TensorInfo);
    let taken = tf.zerosLike(max).cast('bool');
    const parts: tf.Tensor[] = [];
    for (let a = 0; a < kh; a++) {
      for (let b = 0; b < kw; b++) {
        const tap = tf.stridedSlice(xp, [0, a, b, 0], [n, a + sh * (ho - 1) + 1, b + sw * (wo - 1) + 1, c], [1, sh, sw, 1]);
        const first = tf.logicalAnd(tf.equal(tap, max), tf.logicalNot(taken));
        taken = tf.logicalOr(taken, first);
        parts.push(tf.mul(dy, tf.cast(first, 'float32')));
      }
    }
    const hp = sh * (ho - 1) + kh;
    const wp = sw * (wo - 1) + kw;
    const spread = sh === kh && sw === kw ? tile(parts, [n, ho, wo, kh, kw, c], [n, hp, wp, c]) : scatter(parts, info);
    const inside = tf.slice(spread, [0, rows.before, cols.before, 0], [-1, rows.used, cols.used, -1]);
    return tf.pad(inside, [[0, 0], [0, h - rows.used], [0, w - cols.used], [0, 0]]);
  });
};

/** Non-overlapping windows: tap (a, b) of window (i, j) is pixel (i·kh + a, j·kw + b), so a reshape places it. */
function tile(parts: tf.Tensor[], windows: number[], image: [number, number, number, number]): tf.Tensor4D {
  const stacked = tf.reshape(tf.stack(parts, 3), windows);
  return tf.reshape(tf.transpose(stacked, [0, 1, 3, 2, 4, 5]), image);
}

/** Overlapping windows: one conv2dTranspose, (n, c) as batch, taps as channels, an identity filter. */
function scatter(parts: tf.Tensor[], info: ReturnType<typeof tf.backend_util.computePool2DInfo>): tf.Tensor4D {
  const { batchSize: n, inChannels: c, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: ho, outWidth: wo } = info;
  const k = kh * kw;
  const perTap = tf.reshape(tf.transpose(tf.stack(parts, 4), [0, 3, 1, 2, 4]), [n * c, ho, wo, k]);
  const identity = tf.reshape(tf.eye(k), [kh, kw, 1, k]) as tf.Tensor4D;
  const spread = tf.conv2dTranspose(perTap as tf.Tensor4D, identity, [n * c, sh * (ho - 1) + kh, sw * (wo - 1) + kw, 1], [sh, sw], 'valid');
  return tf.transpose(tf.reshape(spread, [n, c, spread.shape[1], spread.shape[2]]), [0, 2, 3, 1]);
}

/** Kernels added where missing (`replace: false`) or put in place of a faulty native one (`replace: true`). */
const KERNELS: readonly (KernelConfig & { replace: boolean })[] = [
  { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter, replace: false },
  { kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: maxPoolGrad, replace: true },
];

/**
 * Registers, on the 'wasm' backend, each kernel of {@link KERNELS} that is missing there (or, for a replaced
 * one, is still the native kernel), and returns the names it registered: none on a second call. The other
 * names of {@link CNN_GRADIENT_KERNELS} are native in 4.22 and match the CPU backend.
 */
export function registerWasmGradientKernels(): string[] {
  const registered: string[] = [];
  for (const { replace, ...config } of KERNELS) {
    const current = tf.getKernel(config.kernelName, 'wasm');
    if (current && (!replace || current.kernelFunc === config.kernelFunc)) continue;
    if (current) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
    registered.push(config.kernelName);
  }
  return registered;
}

/** The names of {@link CNN_GRADIENT_KERNELS} with no kernel on 'wasm' (after registration: should be none). */
export function missingWasmGradientKernels(): string[] {
  return CNN_GRADIENT_KERNELS.filter((name) => !tf.getKernel(name, 'wasm'));
}
