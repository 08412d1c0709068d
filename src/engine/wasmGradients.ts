import * as tf from '@tensorflow/tfjs';
import type {
  BatchMatMulAttrs, Conv2DBackpropFilterAttrs, Conv2DBackpropInputAttrs, KernelBackend, KernelConfig, KernelFunc, LRNAttrs, MaxPoolGradAttrs, TensorInfo,
} from '@tensorflow/tfjs';

/**
 * Kernels for tfjs's 'wasm' backend (@tensorflow/tfjs-backend-wasm 4.22) so that CNNs train there correctly and
 * fast, composed from WASM's own fast kernels (XNNPACK conv, depthwise conv and matMul; SIMD elementwise ops):
 *
 * - added: `Conv2DBackpropFilter`, which 4.22 lacks (`tf.grads` through a `conv2d` throws "Cannot find
 *   registered kernel 'Conv2DBackpropFilter' for backend 'wasm'");
 * - replaced because wrong: `MaxPoolGrad` ('same' padding, sizes the stride does not divide, ties);
 * - replaced because slow: `Conv2DBackpropInput` (a plain loop, ~8× slower on the CIFAR-10 net's conv2),
 *   `BatchMatMul` with a transposed operand (~10×), `LRN` and `LRNGrad` (~2×).
 *
 * The native `AvgPoolGrad` is right and kept. tests/e2e/wasmGradients.e2e.mjs (in Chromium) and
 * scripts/wasm-check.mjs (in Node) compare all of them with the CPU backend; scripts/wasm-profile.mjs times them.
 *
 * How: each kernelFunc runs public `tf.*` ops. The engine allows that — it runs a kernelFunc with
 * `kernelDepth > 0`, so the inner ops are not recorded on the gradient tape, and a returned `Tensor` (it has a
 * `rank`) is used as the kernel's output as is. The inner ops dispatch to the active backend, which is WASM
 * whenever a WASM kernel runs. A replacement hands the cases it does not cover (plain matMuls, strided input
 * gradients) to the native kernel it replaced. Kernels are registered per backend (`registerKernel(..., 'wasm')`),
 * so nothing changes for webgl, cpu or webgpu — unlike `tf.registerGradient`, which is global per op.
 *
 * Call after `@tensorflow/tfjs-backend-wasm` has been imported (its own registrations would otherwise replace
 * ours with a warning for any name both provide).
 */

/** The gradient kernels a conv/pool CNN needs, checked by {@link registerWasmGradientKernels}. */
export const CNN_GRADIENT_KERNELS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'AvgPoolGrad'] as const;

/**
 * A tensor view of a kernel input: it shares the input's data and holds one more reference to it, so that the
 * tidy around the kernel body, disposing the view, drops that reference only. (`makeTensorFromTensorInfo`
 * alone takes none: disposing the bare view would free the input's data under the live input tensor and
 * drop the engine's record of it, leaving `tf.memory().numTensors` too high ever after.)
 */
function view(info: TensorInfo, backend: unknown): tf.Tensor4D {
  const t = tf.engine().makeTensorFromTensorInfo(info, backend as KernelBackend) as tf.Tensor4D;
  (backend as KernelBackend).incRef(info.dataId);
  return t;
}

/** Explicit NHWC padding, [[0, 0], [top, bottom], [left, right], [0, 0]]. */
type Padding4 = [[number, number], [number, number], [number, number], [number, number]];

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
const conv2DBackpropFilter: KernelFunc = ({ inputs, attrs, backend }) => {
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
    let x = view(xInfo, backend);
    if (rows.used < info.inHeight || cols.used < info.inWidth) x = tf.slice(x, [0, 0, 0, 0], [-1, rows.used, cols.used, -1]);
    const xT = tf.transpose(x, [3, 1, 2, 0]);
    const dyT = tf.transpose(view(dyInfo, backend), [1, 2, 0, 3]);
    const padding: Padding4 = [[0, 0], [rows.before, rows.after], [cols.before, cols.after], [0, 0]];
    const dW = tf.conv2d(xT, dyT, 1, padding, 'NHWC', [info.strideHeight, info.strideWidth]);
    return tf.transpose(dW, [1, 2, 0, 3]);
  });
};

/** The native kernels replaced here, for the cases a replacement hands back to them. */
const nativeKernels = new Map<string, KernelFunc>();

function callNative(name: string, args: Parameters<KernelFunc>[0]): ReturnType<KernelFunc> {
  const native = nativeKernels.get(name);
  if (!native) throw new Error(`wasm ${name}: no native kernel to fall back on`);
  return native(args);
}

/**
 * `Conv2DBackpropInput` (NHWC, dilation 1), replacing the native 4.22 kernel, a plain loop several times
 * slower than WASM's `Conv2D`:
 *
 *   dx[n, p, q, ci] = Σ_{i, j, a, b, co} dy[n, i, j, co] · W[a, b, ci, co]   over p = i·sh + a − padTop,
 *                                                                              q = j·sw + b − padLeft
 *
 * For stride 1 that is one correlation of dy with the filter flipped in both spatial axes and its
 * channel axes swapped, W′[a, b, co, ci] = W[kh−1−a, kw−1−b, ci, co], padded by kh−1−padTop before and by
 * whatever makes the output H rows after (likewise for columns); a side that comes out negative is cropped
 * from dy instead. Strided gradients (with dy spread onto a grid of zeros, most of that conv's work would be
 * on zeros) and NCHW go to the native kernel.
 */
const conv2DBackpropInput: KernelFunc = (args) => {
  const { inputs, attrs, backend } = args;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Conv2DBackpropInputAttrs;
  if (dataFormat === 'NCHW') return callNative('Conv2DBackpropInput', args);
  const dyInfo = inputs.dy as TensorInfo;
  const filterInfo = inputs.filter as TensorInfo;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filterInfo.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode,
  );
  if (info.strideHeight > 1 || info.strideWidth > 1) return callNative('Conv2DBackpropInput', args);
  const { filterHeight: kh, filterWidth: kw, inHeight: h, inWidth: w, outHeight: ho, outWidth: wo, padInfo } = info;
  const top = kh - 1 - padInfo.top;
  const left = kw - 1 - padInfo.left;
  const bottom = h + kh - 1 - top - ho;
  const right = w + kw - 1 - left - wo;
  return tf.tidy(() => {
    let dy = view(dyInfo, backend);
    if (Math.min(top, bottom, left, right) < 0) {
      const [cropTop, cropLeft] = [Math.max(0, -top), Math.max(0, -left)];
      dy = tf.slice(dy, [0, cropTop, cropLeft, 0], [-1, ho - cropTop - Math.max(0, -bottom), wo - cropLeft - Math.max(0, -right), -1]);
    }
    const flipped = tf.transpose(tf.reverse(view(filterInfo, backend), [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
    const padding: Padding4 = [[0, 0], [Math.max(0, top), Math.max(0, bottom)], [Math.max(0, left), Math.max(0, right)], [0, 0]];
    return tf.conv2d(dy, flipped, 1, padding);
  });
};

/** `t` with its last two axes swapped, as a new tensor. */
function swapLastTwo(t: tf.Tensor): tf.Tensor {
  const r = t.rank;
  return tf.transpose(t, [...Array.from({ length: r - 2 }, (_, i) => i), r - 1, r - 2]);
}

/**
 * `BatchMatMul` with `transposeA` or `transposeB`: the native 4.22 kernel takes a path about ten times slower
 * for those than for plain A·B (the dense layers' gradients are Aᵀ·dY and dY·Wᵀ), so it is only ever asked
 * for plain products, of whichever costs fewer transposed elements (WASM transposes at ~10 ns an element):
 * op(A)·op(B) with the flagged operands transposed, or (op(B)ᵀ·op(A)ᵀ)ᵀ with the others and the product
 * transposed. For dY[64, 384]·W[2304, 384]ᵀ the second moves 172 K elements instead of 885 K.
 * Plain products go straight to the native kernel.
 */
const batchMatMul: KernelFunc = (args) => {
  const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
  if (!transposeA && !transposeB) return callNative('BatchMatMul', args);
  const aInfo = args.inputs.a as TensorInfo;
  const bInfo = args.inputs.b as TensorInfo;
  const size = (shape: number[]) => shape.reduce((p, q) => p * q, 1);
  const [ra, rb] = [aInfo.shape.length, bInfo.shape.length];
  const rows = aInfo.shape[transposeA ? ra - 1 : ra - 2];
  const cols = bInfo.shape[transposeB ? rb - 2 : rb - 1];
  const batch = Math.max(size(aInfo.shape.slice(0, -2)), size(bInfo.shape.slice(0, -2)));
  const direct = (transposeA ? size(aInfo.shape) : 0) + (transposeB ? size(bInfo.shape) : 0);
  const reversed = (transposeA ? 0 : size(aInfo.shape)) + (transposeB ? 0 : size(bInfo.shape)) + batch * rows * cols;
  const plain = (a: tf.Tensor, b: tf.Tensor) => tf.engine().makeTensorFromTensorInfo(
    callNative('BatchMatMul', { ...args, inputs: { a, b }, attrs: { ...args.attrs, transposeA: false, transposeB: false } }) as TensorInfo,
    args.backend as KernelBackend,
  );
  return tf.tidy(() => {
    const a = view(aInfo, args.backend);
    const b = view(bInfo, args.backend);
    if (direct <= reversed) return plain(transposeA ? swapLastTwo(a) : a, transposeB ? swapLastTwo(b) : b);
    return swapLastTwo(plain(transposeB ? b : swapLastTwo(b), transposeA ? a : swapLastTwo(a)));
  });
};

/** Padding for max pooling: finite, so that the 0 taps of a one-hot filter give 0 (−∞·0 would be NaN). */
const NEVER_THE_MAX = -3.4028234663852886e38;

/** Float32 holds every integer up to 2^24 exactly: the most elements of x one flat-index pass may address. */
const EXACT_FLOAT_INTEGERS = 2 ** 24;

/**
 * `MaxPoolGrad` (NHWC), replacing the native 4.22 kernel, which disagrees with every other backend when the
 * pooled size does not divide the input (odd sizes, 'same') and on ties:
 *
 *   dx[n, p, q, c] = Σ_{i, j} dy[n, i, j, c] · [ (p, q) is the first (row-major) argmax of window (i, j) ]
 *
 * the CPU backend's convention (the first strictly greater value wins; padding never wins). (WASM's native
 * `MaxPoolWithArgmax` cannot stand in: it starts each window at the smallest positive float rather than −∞,
 * so an all-negative or all-zero window — common after a ReLU — reports index 0, and on ties it keeps the
 * last.) Here one depthwise conv with a one-hot filter of k = kh·kw output channels per channel copies the k
 * values of every window side by side: taps[n, i, j, c·k + a·kw + b] = x[n, i·sh + a − padTop, j·sw + b −
 * padLeft, c] (the input padded with the lowest finite float). `argMax` over those k, which keeps the first of
 * equal values, picks the tap m = a·kw + b; the pixel's flat index into x is
 *
 *   ((n·H + i·sh − padTop)·W + j·sw − padLeft)·C + c  +  m·C + ⌊m / kw⌋·(W − kw)·C
 *
 * computed in float32 (exact below 2^24; WASM's int32 arithmetic is some fifty times slower), and `ScatterNd`,
 * which sums updates landing on the same index, adds each dy there. Batches past 2^24 elements go in
 * slices. Windows holding ±∞, NaN or nothing above −3.4e38 are not supported (a 0 tap times ∞ is NaN; the
 * padding could win); their gradient may land on the wrong pixel, but indexes are clamped into x.
 */
const maxPoolGrad: KernelFunc = ({ inputs, attrs, backend }) => {
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const xInfo = inputs.input as TensorInfo;
  const [n, h, w, c] = xInfo.shape;
  const info = tf.backend_util.computePool2DInfo([n, h, w, c], filterSize, strides, 1, pad, dimRoundingMode);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: ho, outWidth: wo, padInfo } = info;
  const k = kh * kw;
  const oneHot = new Float32Array(k * c * k);
  for (let m = 0; m < k; m++) for (let ch = 0; ch < c; ch++) oneHot[(m * c + ch) * k + m] = 1;
  const padding: Padding4 = [[0, 0], [padInfo.top, Math.max(0, (ho - 1) * sh + kh - h - padInfo.top)],
    [padInfo.left, Math.max(0, (wo - 1) * sw + kw - w - padInfo.left)], [0, 0]];
  const range = (size: number, step: number, shape: number[], start = 0) => tf.reshape(tf.range(start, start + size * step, step), shape);
  const routeToArgmax = (x: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor4D => {
    const b = x.shape[0];
    let taps = tf.depthwiseConv2d(tf.pad(x, padding, NEVER_THE_MAX), tf.tensor4d(oneHot, [kh, kw, c, k]), [sh, sw], 'valid');
    if (taps.shape[1] !== ho || taps.shape[2] !== wo) taps = tf.slice(taps, 0, [b, ho, wo, c * k]);
    const tap = tf.cast(tf.argMax(tf.reshape(taps, [b, ho, wo, c, k]), 4), 'float32');
    const origin = tf.add(
      tf.add(range(b, h * w * c, [b, 1, 1, 1]), range(ho, sh * w * c, [1, ho, 1, 1], -padInfo.top * w * c)),
      tf.add(range(wo, sw * c, [1, 1, wo, 1], -padInfo.left * c), range(c, 1, [1, 1, 1, c])));
    const offset = tf.add(tf.mul(tap, c), tf.mul(tf.floor(tf.div(tap, kw)), (w - kw) * c));
    const index = tf.cast(tf.reshape(tf.clipByValue(tf.add(origin, offset), 0, b * h * w * c - 1), [-1, 1]), 'int32');
    return tf.reshape(tf.scatterND(index, tf.reshape(dy, [-1]), [b * h * w * c]), [b, h, w, c]);
  };
  if (h * w * c > EXACT_FLOAT_INTEGERS) throw new Error(`wasm MaxPoolGrad: an image of ${h * w * c} values is past 2^24`);
  return tf.tidy(() => {
    const x = view(xInfo, backend);
    const dy = view(inputs.dy as TensorInfo, backend);
    const perSlice = Math.floor(EXACT_FLOAT_INTEGERS / (h * w * c));
    if (n <= perSlice) return routeToArgmax(x, dy);
    const slices: tf.Tensor4D[] = [];
    for (let start = 0; start < n; start += perSlice) {
      const size = Math.min(perSlice, n - start);
      slices.push(routeToArgmax(tf.slice(x, start, size), tf.slice(dy, start, size)));
    }
    return tf.concat(slices, 0);
  });
};

/**
 * LRN's channel window as a band matrix, scale·[|i − j| ≤ radius]. It is symmetric, so `v · band` sums, for
 * each channel j, the values of the channels whose window holds j — the same channels as j's own window.
 */
function channelWindow(channels: number, radius: number, scale: number): tf.Tensor2D {
  const band = new Float32Array(channels * channels);
  for (let i = 0; i < channels; i++) {
    for (let j = Math.max(0, i - radius); j <= Math.min(channels - 1, i + radius); j++) band[i * channels + j] = scale;
  }
  return tf.tensor2d(band, [channels, channels]);
}

/** scale·Σ over each channel's window of `v` (NHWC): one matMul of v viewed as [N·H·W, C] by the band matrix. */
function windowSum(v: tf.Tensor, radius: number, scale: number): tf.Tensor {
  const channels = v.shape[v.rank - 1];
  return tf.reshape(tf.matMul(tf.reshape(v, [-1, channels]), channelWindow(channels, radius, scale)), v.shape);
}

/** s^β, by square roots for the usual β (0.75 in AlexNet and the CIFAR-10 tutorial): WASM's `Pow` is ~4× slower. */
function powBeta(s: tf.Tensor, beta: number): tf.Tensor {
  if (beta === 0.5) return tf.sqrt(s);
  if (beta === 0.75) {
    const root = tf.sqrt(s);
    return tf.mul(root, tf.sqrt(root));
  }
  return beta === 1 ? s : tf.pow(s, beta);
}

/** The LRN denominator base s_j = bias + α·Σ_{|i−j| ≤ r} x_i². */
function lrnBase(x: tf.Tensor, { depthRadius, bias, alpha }: LRNAttrs): tf.Tensor {
  return tf.add(windowSum(tf.square(x), depthRadius, alpha), bias);
}

/**
 * `LRN` (local response normalisation across channels, Krizhevsky et al. 2012, TensorFlow's convention),
 * replacing the native kernel, which is about twice as slow:
 *
 *   s_j = bias + α·Σ_{|i−j| ≤ r} x_i²,   y_j = x_j / s_j^β
 */
const lrn: KernelFunc = ({ inputs, attrs, backend }) => {
  const lrnAttrs = attrs as unknown as LRNAttrs;
  return tf.tidy(() => {
    const x = view(inputs.x as TensorInfo, backend);
    return tf.div(x, powBeta(lrnBase(x, lrnAttrs), lrnAttrs.beta));
  });
};

/**
 * `LRNGrad`, replacing the native kernel, which is about twice as slow. From ∂y_i/∂x_j = δ_ij·s_i^−β −
 * 2αβ·x_i·x_j·s_i^(−β−1) for j in i's window:
 *
 *   dx_j = dy_j / s_j^β − 2αβ·x_j·Σ_{i: |i−j| ≤ r} dy_i·y_i / s_i
 *
 * (y_i / s_i = x_i·s_i^(−β−1)); the window is symmetric, so the sum over i is the same band matMul.
 */
const lrnGrad: KernelFunc = ({ inputs, attrs, backend }) => {
  const lrnAttrs = attrs as unknown as LRNAttrs;
  const { depthRadius, alpha, beta } = lrnAttrs;
  return tf.tidy(() => {
    const x = view(inputs.x as TensorInfo, backend);
    const y = view(inputs.y as TensorInfo, backend);
    const dy = view(inputs.dy as TensorInfo, backend);
    const s = lrnBase(x, lrnAttrs);
    const spread = windowSum(tf.div(tf.mul(dy, y), s), depthRadius, 2 * alpha * beta);
    return tf.sub(tf.div(dy, powBeta(s, beta)), tf.mul(x, spread));
  });
};

/** Kernels added where missing (`replace: false`) or put in place of a wrong or slow native one (`replace: true`). */
const KERNELS: readonly (KernelConfig & { replace: boolean })[] = [
  { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter, replace: false },
  { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: conv2DBackpropInput, replace: true },
  { kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: maxPoolGrad, replace: true },
  { kernelName: 'BatchMatMul', backendName: 'wasm', kernelFunc: batchMatMul, replace: true },
  { kernelName: 'LRN', backendName: 'wasm', kernelFunc: lrn, replace: true },
  { kernelName: 'LRNGrad', backendName: 'wasm', kernelFunc: lrnGrad, replace: true },
];

/** The names of the kernels this module registers on 'wasm'. */
export const WASM_KERNEL_NAMES: readonly string[] = KERNELS.map((k) => k.kernelName);

/**
 * Registers, on the 'wasm' backend, each kernel of {@link KERNELS} that is missing there (or, for a replaced
 * one, is still the native kernel, which it keeps to hand cases back to), and returns the names it
 * registered: none on a second call.
 */
export function registerWasmGradientKernels(): string[] {
  const registered: string[] = [];
  for (const { replace, ...config } of KERNELS) {
    const current = tf.getKernel(config.kernelName, 'wasm');
    if (current && (!replace || current.kernelFunc === config.kernelFunc)) continue;
    if (current) {
      nativeKernels.set(config.kernelName, current.kernelFunc);
      tf.unregisterKernel(config.kernelName, 'wasm');
    }
    // The native kernel's setup (binding its C++ function) runs when the backend starts, from the registered
    // config; registered before that, ours must carry it, or handing a case back would call an unbound function.
    tf.registerKernel(current ? { ...config, setupFunc: current.setupFunc, disposeFunc: current.disposeFunc } : config);
    registered.push(config.kernelName);
  }
  return registered;
}

/** The names of {@link CNN_GRADIENT_KERNELS} with no kernel on 'wasm' (after registration: should be none). */
export function missingWasmGradientKernels(): string[] {
  return CNN_GRADIENT_KERNELS.filter((name) => !tf.getKernel(name, 'wasm'));
}
