import * as tf from '@tensorflow/tfjs';
import { CIFAR_INPUT_SIZE, CIFAR_LRN, CIFAR_VARIABLES, CifarNet } from '../model/cifar10Net';

/**
 * The cases of the WASM-against-CPU kernel check (src/bench/wasmGradientsCheck.ts): each builds its inputs
 * from a seed, so both backends see the same numbers, and returns named outputs to compare.
 */

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
type Shape4 = [number, number, number, number];

export type KernelCase =
  /** dx and dW of conv2d (Conv2DBackpropInput, Conv2DBackpropFilter). */
  | { kind: 'conv'; name: string; x: Shape4; k: [number, number]; co: number; strides: number | [number, number]; pad: Pad }
  /** conv2dTranspose of dy with a filter: the Conv2DBackpropInput kernel on its own. */
  | { kind: 'convInput'; name: string; dy: Shape4; k: [number, number]; ci: number; strides: number; pad: 'same' | 'valid'; out: [number, number] }
  /** dx of a pool (MaxPoolGrad, AvgPoolGrad); `ties` draws values from {0, 1, 2}. */
  | { kind: 'maxPool' | 'avgPool'; name: string; x: Shape4; k: number; strides: number; pad: 'same' | 'valid'; ties?: boolean }
  /** A (batched) matMul with transposes: BatchMatMul on its own. */
  | { kind: 'matMul'; name: string; a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }
  /** The LRN output and its dx (LRN, LRNGrad). */
  | { kind: 'lrn'; name: string; x: Shape4; depthRadius: number; bias: number; alpha: number; beta: number; scale?: number }
  /** Every weight gradient of a small conv/pool/dense CNN. */
  | { kind: 'cnn'; name: string; x: Shape4 }
  /** Every variable's gradient of the CIFAR-10 tutorial network (src/model/cifar10Net.ts). */
  | { kind: 'cifar'; name: string; batch: number };

const { depthRadius: R, bias: B, alpha: A, beta: BETA } = CIFAR_LRN;

export const KERNEL_CASES: KernelCase[] = [
  { kind: 'conv', name: 'conv 3×3 s1 same, 3→4 ch', x: [2, 9, 9, 3], k: [3, 3], co: 4, strides: 1, pad: 'same' },
  { kind: 'conv', name: 'conv 3×3 s2 valid, odd 11×13', x: [2, 11, 13, 3], k: [3, 3], co: 5, strides: 2, pad: 'valid' },
  { kind: 'conv', name: 'conv 5×5 s2 same, even 10×10', x: [3, 10, 10, 2], k: [5, 5], co: 3, strides: 2, pad: 'same' },
  { kind: 'conv', name: 'conv 4×4 s4 valid, 17×15', x: [1, 17, 15, 2], k: [4, 4], co: 3, strides: 4, pad: 'valid' },
  { kind: 'conv', name: 'conv 3×3 s2 explicit pad [1,2]×[2,0]', x: [2, 9, 8, 3], k: [3, 3], co: 2, strides: 2, pad: [[0, 0], [1, 2], [2, 0], [0, 0]] },
  { kind: 'conv', name: 'conv 3×3 s1 pad=1, 4→6 ch', x: [2, 8, 8, 4], k: [3, 3], co: 6, strides: 1, pad: 1 },
  { kind: 'conv', name: 'conv 3×2 strides [2,1] same', x: [2, 9, 10, 2], k: [3, 2], co: 3, strides: [2, 1], pad: 'same' },
  { kind: 'conv', name: 'conv 1×1 s2 valid', x: [2, 7, 7, 3], k: [1, 1], co: 4, strides: 2, pad: 'valid' },
  { kind: 'conv', name: 'AlexNet conv1 11×11 s4 valid on 35×35×3', x: [2, 35, 35, 3], k: [11, 11], co: 8, strides: 4, pad: 'valid' },
  { kind: 'conv', name: 'AlexNet 11×11 s4 same on 33×33×3', x: [2, 33, 33, 3], k: [11, 11], co: 4, strides: 4, pad: 'same' },
  { kind: 'conv', name: 'CIFAR conv1 5×5 s1 same, 24×24, 3→64', x: [2, 24, 24, 3], k: [5, 5], co: 64, strides: 1, pad: 'same' },
  { kind: 'conv', name: 'CIFAR conv2 5×5 s1 same, 12×12, 64→64', x: [2, 12, 12, 64], k: [5, 5], co: 64, strides: 1, pad: 'same' },
  { kind: 'conv', name: 'conv 5×5 s1 valid, odd 13×11, 7→5', x: [3, 13, 11, 7], k: [5, 5], co: 5, strides: 1, pad: 'valid' },
  { kind: 'conv', name: 'conv 4×4 s2 same, odd 11×9, 6→10', x: [2, 11, 9, 6], k: [4, 4], co: 10, strides: 2, pad: 'same' },
  { kind: 'conv', name: 'conv 3×3 s1 pad 3 (wider than the kernel), 6×7', x: [2, 6, 7, 3], k: [3, 3], co: 4, strides: 1, pad: 3 },
  { kind: 'conv', name: 'conv 3×3 s1 explicit pad [0,4]×[3,1]', x: [2, 7, 6, 2], k: [3, 3], co: 3, strides: 1, pad: [[0, 0], [0, 4], [3, 1], [0, 0]] },
  { kind: 'convInput', name: 'conv2dTranspose 3×3 s1 same, 9×7, 5→3', dy: [2, 9, 7, 5], k: [3, 3], ci: 3, strides: 1, pad: 'same', out: [9, 7] },
  { kind: 'convInput', name: 'conv2dTranspose 5×5 s1 valid, 6×8 → 10×12, 4→6', dy: [2, 6, 8, 4], k: [5, 5], ci: 6, strides: 1, pad: 'valid', out: [10, 12] },
  { kind: 'convInput', name: 'conv2dTranspose 3×3 s2 same, 5×6 → 9×11, 8→3', dy: [2, 5, 6, 8], k: [3, 3], ci: 3, strides: 2, pad: 'same', out: [9, 11] },
  { kind: 'convInput', name: 'conv2dTranspose 3×3 s2 valid, 4×4 → 10×9, 3→7', dy: [3, 4, 4, 3], k: [3, 3], ci: 7, strides: 2, pad: 'valid', out: [10, 9] },
  { kind: 'convInput', name: 'conv2dTranspose 2×2 s2 valid, 5×5 → 10×10, 16→16', dy: [2, 5, 5, 16], k: [2, 2], ci: 16, strides: 2, pad: 'valid', out: [10, 10] },
  { kind: 'maxPool', name: 'maxPool 3×3 s2 valid (overlapping), 13×13', x: [2, 13, 13, 4], k: 3, strides: 2, pad: 'valid' },
  { kind: 'maxPool', name: 'maxPool 3×3 s2 same, 12×11', x: [2, 12, 11, 3], k: 3, strides: 2, pad: 'same' },
  { kind: 'maxPool', name: 'maxPool 2×2 s2 valid, odd 9×9', x: [2, 9, 9, 5], k: 2, strides: 2, pad: 'valid' },
  { kind: 'maxPool', name: 'maxPool 3×3 s2 valid with ties (values in {0,1,2})', x: [2, 13, 13, 3], k: 3, strides: 2, pad: 'valid', ties: true },
  { kind: 'maxPool', name: 'maxPool 3×3 s2 same with ties, 12×11', x: [2, 12, 11, 3], k: 3, strides: 2, pad: 'same', ties: true },
  { kind: 'maxPool', name: 'maxPool 2×2 s2 same, odd 9×9, 8 ch', x: [2, 9, 9, 8], k: 2, strides: 2, pad: 'same' },
  { kind: 'maxPool', name: 'maxPool 3×3 s1 same, 7×7', x: [2, 7, 7, 2], k: 3, strides: 1, pad: 'same' },
  { kind: 'maxPool', name: 'CIFAR pool 3×3 s2 same, 24×24×64', x: [2, 24, 24, 64], k: 3, strides: 2, pad: 'same' },
  // With padding, tfjs 4.22's avgPool gradient divides by the whole window, padding included, on every backend
  // (the forward pass divides by the pixels inside): the CPU backend's convention is the reference here.
  { kind: 'avgPool', name: 'avgPool 3×3 s2 valid, 13×13', x: [2, 13, 13, 4], k: 3, strides: 2, pad: 'valid' },
  { kind: 'avgPool', name: 'avgPool 3×3 s2 same, 12×11', x: [2, 12, 11, 3], k: 3, strides: 2, pad: 'same' },
  { kind: 'avgPool', name: 'avgPool 2×2 s2 valid, odd 9×9', x: [2, 9, 9, 5], k: 2, strides: 2, pad: 'valid' },
  { kind: 'avgPool', name: 'avgPool 2×2 s2 same, odd 9×7, 6 ch', x: [2, 9, 7, 6], k: 2, strides: 2, pad: 'same' },
  { kind: 'avgPool', name: 'avgPool 3×3 s1 same, 8×7', x: [2, 8, 7, 3], k: 3, strides: 1, pad: 'same' },
  { kind: 'avgPool', name: 'avgPool 3×3 s3 valid, 11×10 (rows left over)', x: [2, 11, 10, 4], k: 3, strides: 3, pad: 'valid' },
  { kind: 'avgPool', name: 'avgPool 4×4 s2 same, odd 13×13, 7 ch', x: [3, 13, 13, 7], k: 4, strides: 2, pad: 'same' },
  { kind: 'matMul', name: 'matMul Aᵀ·B, 5×7 and 5×3', a: [5, 7], b: [5, 3], transposeA: true, transposeB: false },
  { kind: 'matMul', name: 'matMul A·Bᵀ, 4×6 and 3×6', a: [4, 6], b: [3, 6], transposeA: false, transposeB: true },
  { kind: 'matMul', name: 'matMul Aᵀ·Bᵀ, 6×4 and 5×6', a: [6, 4], b: [5, 6], transposeA: true, transposeB: true },
  { kind: 'matMul', name: 'matMul batched Aᵀ·B, 2×5×7 and 2×5×3', a: [2, 5, 7], b: [2, 5, 3], transposeA: true, transposeB: false },
  { kind: 'matMul', name: 'matMul broadcast A·Bᵀ, 1×4×6 and 3×5×6', a: [1, 4, 6], b: [3, 5, 6], transposeA: false, transposeB: true },
  { kind: 'matMul', name: 'matMul dense dx dY·Wᵀ, 16×384 and 2304×384', a: [16, 384], b: [2304, 384], transposeA: false, transposeB: true },
  { kind: 'matMul', name: 'matMul dense dW Xᵀ·dY, 16×2304 and 16×384', a: [16, 2304], b: [16, 384], transposeA: true, transposeB: false },
  { kind: 'lrn', name: 'LRN CIFAR constants (r 4), 64 ch', x: [2, 6, 5, 64], depthRadius: R, bias: B, alpha: A, beta: BETA },
  { kind: 'lrn', name: 'LRN CIFAR constants, 64 ch, values ×20', x: [2, 4, 5, 64], depthRadius: R, bias: B, alpha: A, beta: BETA, scale: 20 },
  { kind: 'lrn', name: 'LRN r 2, 7 ch, bias 2, α 1e-4, β 0.75 (AlexNet)', x: [2, 5, 5, 7], depthRadius: 2, bias: 2, alpha: 1e-4, beta: 0.75 },
  { kind: 'lrn', name: 'LRN r 5, 3 ch (window wider than depth)', x: [3, 4, 4, 3], depthRadius: 5, bias: 1, alpha: 0.5, beta: 0.75 },
  { kind: 'lrn', name: 'LRN r 2, 7 ch, strong: α 0.5, β 0.5', x: [2, 4, 3, 7], depthRadius: 2, bias: 1, alpha: 0.5, beta: 0.5 },
  { kind: 'lrn', name: 'LRN r 5, 64 ch, α 0.1, β 1, values ×3', x: [2, 3, 3, 64], depthRadius: 5, bias: 1, alpha: 0.1, beta: 1, scale: 3 },
  { kind: 'lrn', name: 'LRN r 4, 13 ch, bias 0.5, α 0.2', x: [2, 5, 3, 13], depthRadius: 4, bias: 0.5, alpha: 0.2, beta: 0.75 },
  { kind: 'cnn', name: 'small CNN (conv5×5×8, maxpool2, conv5×5×16, maxpool2, dense 10), all weights', x: [4, 28, 28, 1] },
  { kind: 'cifar', name: 'CIFAR-10 tutorial net, batch 3, all 10 variables', batch: 3 },
];

/** Deterministic uniform numbers in [-1, 1) (mulberry32), so both backends see the same values. */
export function randoms(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const uniform = (shape: number[], seed: number, scale = 1) => tf.mul(tf.tensor(randoms(size(shape), seed), shape), scale);

/** A named output of a case. */
export type CaseOutput = { name: string; tensor: tf.Tensor };

/** The outputs of a case on the active backend (the caller disposes them). */
export function caseOutputs(c: KernelCase, seed: number): CaseOutput[] {
  if (c.kind === 'cifar') return cifarGradients(c.batch, seed);
  return tf.tidy(() => {
    if (c.kind === 'conv') {
      const x = uniform(c.x, seed) as tf.Tensor4D;
      const w = uniform([c.k[0], c.k[1], c.x[3], c.co], seed + 1) as tf.Tensor4D;
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad);
      const dy = uniform(f(x, w).shape, seed + 2);
      const [dx, dw] = tf.grads(f)([x, w], dy);
      return [{ name: 'dx', tensor: dx }, { name: 'dW', tensor: dw }];
    }
    if (c.kind === 'convInput') {
      const dy = uniform(c.dy, seed) as tf.Tensor4D;
      const w = uniform([c.k[0], c.k[1], c.ci, c.dy[3]], seed + 1) as tf.Tensor4D;
      return [{ name: 'dx', tensor: tf.conv2dTranspose(dy, w, [c.dy[0], c.out[0], c.out[1], c.ci], c.strides, c.pad) }];
    }
    if (c.kind === 'matMul') {
      const product = tf.matMul(uniform(c.a, seed), uniform(c.b, seed + 1), c.transposeA, c.transposeB);
      return [{ name: 'product', tensor: product }];
    }
    if (c.kind === 'cnn') return smallCnnGradients(uniform(c.x, seed) as tf.Tensor4D, seed);
    if (c.kind === 'lrn') {
      const x = uniform(c.x, seed, c.scale ?? 1) as tf.Tensor4D;
      const f = (a: tf.Tensor) => tf.localResponseNormalization(a as tf.Tensor4D, c.depthRadius, c.bias, c.alpha, c.beta);
      const dy = uniform(c.x, seed + 2);
      const [dx] = tf.grads(f)([x], dy);
      return [{ name: 'y', tensor: f(x) }, { name: 'dx', tensor: dx }];
    }
    const x = uniform(c.x, seed);
    const xin = c.ties ? tf.round(tf.add(x, 1)) : x;
    const pool = c.kind === 'maxPool' ? tf.maxPool : tf.avgPool;
    const f = (a: tf.Tensor) => pool(a as tf.Tensor4D, c.k, c.strides, c.pad);
    const dy = uniform(f(xin).shape, seed + 2);
    return [{ name: 'dx', tensor: tf.grads(f)([xin], dy)[0] }];
  });
}

/** Random labels 0..9 for a batch. */
export function randomLabels(n: number, seed: number): tf.Tensor1D {
  return tf.tensor1d(Array.from(randoms(n, seed), (v) => Math.floor((v + 1) * 5) % 10), 'int32');
}

/** Random 24×24×3 images in [-1, 1). */
/**
 * tf.memory().numTensors after the last of `steps` CIFAR-net SGD steps minus after the first, on the active
 * backend (0 when nothing leaks).
 */
export async function cifarStepTensorDrift(steps: number, seed: number): Promise<number> {
  const net = new CifarNet(seed);
  const x = randomCifarImages(8, seed + 1);
  const labels = randomLabels(8, seed + 2);
  const counts: number[] = [];
  for (let i = 0; i < steps; i++) {
    const r = net.trainStep(x, labels, 0.01);
    await r.total.data();
    tf.dispose([r.total, r.crossEntropy, r.weightDecay]);
    counts.push(tf.memory().numTensors);
  }
  tf.dispose([x, labels]);
  net.dispose();
  return counts[counts.length - 1] - counts[0];
}

export function randomCifarImages(n: number, seed: number): tf.Tensor4D {
  return tf.tensor4d(randoms(n * CIFAR_INPUT_SIZE * CIFAR_INPUT_SIZE * 3, seed), [n, CIFAR_INPUT_SIZE, CIFAR_INPUT_SIZE, 3]);
}

function cifarGradients(batch: number, seed: number): CaseOutput[] {
  const net = new CifarNet(seed);
  const x = randomCifarImages(batch, seed + 1);
  const labels = randomLabels(batch, seed + 2);
  const result = net.trainStep(x, labels, 0.1, { withGradients: true });
  tf.dispose([x, labels, result.total, result.crossEntropy, result.weightDecay]);
  net.dispose();
  return CIFAR_VARIABLES.map((spec) => ({ name: spec.name, tensor: result.gradients![spec.name] }));
}

interface SmallCnn { vars: tf.Variable[]; loss: (x: tf.Tensor4D, labels: tf.Tensor1D) => tf.Scalar }

/** conv5×5×8 relu, maxpool2, conv5×5×16 relu, maxpool2, dense 10, softmax cross-entropy; weights from `seed`. */
export function smallCnn(seed: number): SmallCnn {
  const shapes = [[5, 5, 1, 8], [8], [5, 5, 8, 16], [16], [4 * 4 * 16, 10], [10]];
  const vars = shapes.map((s, i) => tf.variable(uniform(s, seed + 10 + i, 0.2)));
  const [w1, b1, w2, b2, w3, b3] = vars;
  const loss = (x: tf.Tensor4D, labels: tf.Tensor1D) => {
    let h: tf.Tensor4D = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, w1 as tf.Tensor4D, 1, 'valid'), b1)) as tf.Tensor4D, 2, 2, 'valid');
    h = tf.maxPool(tf.relu(tf.add(tf.conv2d(h, w2 as tf.Tensor4D, 1, 'valid'), b2)) as tf.Tensor4D, 2, 2, 'valid');
    const logits = tf.add(tf.matMul(tf.reshape(h, [x.shape[0], -1]), w3), b3);
    return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits) as tf.Scalar;
  };
  return { vars, loss };
}

function smallCnnGradients(x: tf.Tensor4D, seed: number): CaseOutput[] {
  const net = smallCnn(seed);
  const { grads } = tf.variableGrads(() => net.loss(x, randomLabels(x.shape[0], seed + 3)), net.vars);
  const out = net.vars.map((v, i) => ({ name: ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'][i], tensor: grads[v.name] }));
  tf.dispose(net.vars);
  return out;
}
