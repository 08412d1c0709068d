import * as tf from '@tensorflow/tfjs';
import { missingWasmGradientKernels, registerWasmGradientKernels } from '../engine/wasmGradients';

/**
 * Test-only hook for tests/e2e/wasmGradients.e2e.mjs, loaded when the hash holds `wasmcheck=1` (see main.tsx).
 * `window.__wasmGradientCheck()` compares the gradients `tf.grads` computes on WASM (with the kernels of
 * engine/wasmGradients.ts) against the CPU backend's, then times one training step of a small CNN per backend.
 */

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
type Case =
  | { kind: 'conv'; name: string; x: number[]; k: [number, number]; co: number; strides: number | [number, number]; pad: Pad }
  | { kind: 'maxPool' | 'avgPool'; name: string; x: number[]; k: number; strides: number; pad: 'same' | 'valid'; ties?: boolean }
  | { kind: 'cnn'; name: string; x: number[] };

export interface GradientComparison { name: string; maxAbsDiff: number; maxAbsRef: number; relative: number; error?: string }
export interface StepTiming { backend: string; msPerStep: number; steps: number; error?: string }
export interface WasmGradientCheck {
  missingBefore: string[]; registered: string[]; registeredAgain: string[]; missingAfter: string[];
  comparisons: GradientComparison[]; timings: StepTiming[];
}

const CASES: Case[] = [
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
  { kind: 'maxPool', name: 'maxPool 3×3 s2 valid (overlapping), 13×13', x: [2, 13, 13, 4], k: 3, strides: 2, pad: 'valid' },
  { kind: 'maxPool', name: 'maxPool 3×3 s2 same, 12×11', x: [2, 12, 11, 3], k: 3, strides: 2, pad: 'same' },
  { kind: 'maxPool', name: 'maxPool 2×2 s2 valid, odd 9×9', x: [2, 9, 9, 5], k: 2, strides: 2, pad: 'valid' },
  { kind: 'maxPool', name: 'maxPool 3×3 s2 valid with ties (values in {0,1,2})', x: [2, 13, 13, 3], k: 3, strides: 2, pad: 'valid', ties: true },
  { kind: 'maxPool', name: 'maxPool 3×3 s2 same with ties, 12×11', x: [2, 12, 11, 3], k: 3, strides: 2, pad: 'same', ties: true },
  { kind: 'maxPool', name: 'maxPool 2×2 s2 same, odd 9×9, 8 ch', x: [2, 9, 9, 8], k: 2, strides: 2, pad: 'same' },
  { kind: 'maxPool', name: 'maxPool 3×3 s1 same, 7×7', x: [2, 7, 7, 2], k: 3, strides: 1, pad: 'same' },
  { kind: 'avgPool', name: 'avgPool 3×3 s2 valid, 13×13', x: [2, 13, 13, 4], k: 3, strides: 2, pad: 'valid' },
  { kind: 'avgPool', name: 'avgPool 3×3 s2 same, 12×11', x: [2, 12, 11, 3], k: 3, strides: 2, pad: 'same' },
  { kind: 'avgPool', name: 'avgPool 2×2 s2 valid, odd 9×9', x: [2, 9, 9, 5], k: 2, strides: 2, pad: 'valid' },
  { kind: 'cnn', name: 'small CNN (conv5×5×8, maxpool2, conv5×5×16, maxpool2, dense 10), all weights', x: [4, 28, 28, 1] },
];

/** Deterministic uniform numbers in [-1, 1) (mulberry32), so both backends see the same values. */
function randoms(n: number, seed: number): Float32Array {
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

/** The gradients of Σ(f(inputs) · dy) with respect to every input, as flat arrays, on the active backend. */
async function gradients(c: Case, seed: number): Promise<Float32Array[]> {
  const tensors = tf.tidy(() => {
    const x = tf.tensor4d(randoms(size(c.x), seed), c.x as [number, number, number, number]);
    if (c.kind === 'conv') {
      const w = tf.tensor4d(randoms(c.k[0] * c.k[1] * c.x[3] * c.co, seed + 1), [c.k[0], c.k[1], c.x[3], c.co]);
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad);
      const dy = tf.tensor(randoms(size(f(x, w).shape), seed + 2), f(x, w).shape);
      return tf.grads(f)([x, w], dy);
    }
    if (c.kind === 'cnn') return cnnGradients(x, seed);
    const xin = c.ties ? tf.round(tf.mul(tf.add(x, 1), 1)) : x;
    const pool = c.kind === 'maxPool' ? tf.maxPool : tf.avgPool;
    const f = (a: tf.Tensor) => pool(a as tf.Tensor4D, c.k, c.strides, c.pad);
    const dy = tf.tensor(randoms(size(f(xin).shape), seed + 2), f(xin).shape);
    return tf.grads(f)([xin], dy);
  });
  const arrays = await Promise.all(tensors.map(async (t) => (await t.data()) as Float32Array));
  tf.dispose(tensors);
  return arrays;
}

interface Cnn { vars: tf.Variable[]; loss: (x: tf.Tensor4D, labels: tf.Tensor2D) => tf.Scalar }

/** conv5×5×8 relu, maxpool2, conv5×5×16 relu, maxpool2, dense 10, softmax cross-entropy; weights from `seed`. */
function smallCnn(seed: number): Cnn {
  const shapes = [[5, 5, 1, 8], [8], [5, 5, 8, 16], [16], [4 * 4 * 16, 10], [10]];
  const vars = shapes.map((s, i) => tf.variable(tf.mul(tf.tensor(randoms(size(s), seed + 10 + i), s), 0.2)));
  const [w1, b1, w2, b2, w3, b3] = vars;
  const loss = (x: tf.Tensor4D, labels: tf.Tensor2D) => {
    let h: tf.Tensor4D = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, w1 as tf.Tensor4D, 1, 'valid'), b1)) as tf.Tensor4D, 2, 2, 'valid');
    h = tf.maxPool(tf.relu(tf.add(tf.conv2d(h, w2 as tf.Tensor4D, 1, 'valid'), b2)) as tf.Tensor4D, 2, 2, 'valid');
    const logits = tf.add(tf.matMul(tf.reshape(h, [x.shape[0], -1]), w3), b3);
    return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
  };
  return { vars, loss };
}

function labelsFor(n: number, seed: number): tf.Tensor2D {
  const r = randoms(n, seed);
  return tf.oneHot(tf.tensor1d(Array.from(r, (v) => Math.floor((v + 1) * 5) % 10), 'int32'), 10) as tf.Tensor2D;
}

function cnnGradients(x: tf.Tensor4D, seed: number): tf.Tensor[] {
  const net = smallCnn(seed);
  const { grads } = tf.variableGrads(() => net.loss(x, labelsFor(x.shape[0], seed + 3)), net.vars);
  const out = net.vars.map((v) => grads[v.name]);
  tf.dispose(net.vars);
  return out;
}

async function onBackend<T>(name: string, f: () => Promise<T>): Promise<T> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} did not start`);
  await tf.ready();
  return f();
}

async function compare(c: Case, seed: number): Promise<GradientComparison> {
  try {
    const ref = await onBackend('cpu', () => gradients(c, seed));
    const got = await onBackend('wasm', () => gradients(c, seed));
    let maxAbsDiff = 0;
    let maxAbsRef = 0;
    ref.forEach((r, i) => r.forEach((v, j) => {
      maxAbsRef = Math.max(maxAbsRef, Math.abs(v));
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(v - got[i][j]));
    }));
    return { name: c.name, maxAbsDiff, maxAbsRef, relative: maxAbsDiff / Math.max(maxAbsRef, 1e-12) };
  } catch (err) {
    return { name: c.name, maxAbsDiff: NaN, maxAbsRef: NaN, relative: NaN, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Median ms of one SGD step (forward, backward, update, loss read back) on a batch of 64 28×28×1 images. */
async function timeStep(backend: string, steps: number): Promise<StepTiming> {
  try {
    return await onBackend(backend, async () => {
      const net = smallCnn(7);
      const x = tf.tensor4d(randoms(64 * 28 * 28, 5), [64, 28, 28, 1]);
      const labels = labelsFor(64, 6);
      const opt = tf.train.sgd(0.05);
      const times: number[] = [];
      for (let i = 0; i < steps + 2; i++) {
        const t0 = performance.now();
        const cost = opt.minimize(() => net.loss(x, labels), true, net.vars);
        await cost?.data();
        cost?.dispose();
        if (i >= 2) times.push(performance.now() - t0);
      }
      tf.dispose([...net.vars, x, labels]);
      opt.dispose();
      times.sort((a, b) => a - b);
      return { backend, msPerStep: times[Math.floor(times.length / 2)], steps };
    });
  } catch (err) {
    return { backend, msPerStep: NaN, steps, error: err instanceof Error ? err.message : String(err) };
  }
}

async function check(): Promise<WasmGradientCheck> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(new URL('tfjs-wasm/', document.baseURI).href);
  await onBackend('wasm', async () => undefined);
  const missingBefore = missingWasmGradientKernels();
  const registered = registerWasmGradientKernels();
  const registeredAgain = registerWasmGradientKernels();
  const missingAfter = missingWasmGradientKernels();
  const comparisons: GradientComparison[] = [];
  for (const [i, c] of CASES.entries()) comparisons.push(await compare(c, 1000 + 17 * i));
  const timings: StepTiming[] = [];
  for (const backend of ['wasm', 'webgl', 'cpu']) timings.push(await timeStep(backend, backend === 'cpu' ? 3 : 10));
  return { missingBefore, registered, registeredAgain, missingAfter, comparisons, timings };
}

declare global {
  interface Window { __wasmGradientCheck?: () => Promise<WasmGradientCheck> }
}
window.__wasmGradientCheck = check;
