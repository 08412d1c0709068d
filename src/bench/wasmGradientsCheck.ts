import * as tf from '@tensorflow/tfjs';
import { KERNEL_CASES, caseOutputs, cifarStepTensorDrift, randomLabels, randoms, smallCnn } from './wasmGradientCases';
import type { KernelCase } from './wasmGradientCases';
import { matMulRate, profileCifarStep, startWasm } from './wasmKernelProfile';
import type { KernelSet } from './wasmKernelProfile';

/**
 * Test-only hooks for tests/e2e/wasmGradients.e2e.mjs and scripts/wasm-profile.mjs, loaded when the hash
 * holds `wasmcheck=1` (see main.tsx).
 *
 * `window.__wasmGradientCheck()` runs every case of wasmGradientCases.ts on the CPU backend (the reference)
 * and on WASM twice: with tfjs-backend-wasm's native kernels wherever it has one, and with the kernel set of
 * engine/wasmGradients.ts; then times one training step of a small CNN per backend, and counts tensors across
 * CIFAR-net training steps on WASM.
 * `window.__wasmCifarProfile(batch, kernels)` profiles a CIFAR-10 training step; `window.__wasmMatMulRate()`
 * measures WASM's matMul GFLOP/s.
 */

/** |wasm − cpu| of one output: the largest difference, the largest |cpu| value, and their ratio. */
export interface OutputComparison { name: string; maxAbsDiff: number; maxAbsRef: number; relative: number }
/** A case's worst output (largest `relative`) and every output. */
export interface GradientComparison extends OutputComparison { outputs: OutputComparison[]; error?: string }
export interface StepTiming { backend: string; msPerStep: number; steps: number; error?: string }
export interface WasmGradientCheck {
  missingBefore: string[]; registered: string[]; registeredAgain: string[]; missingAfter: string[]; threads: number;
  /** With the kernels of engine/wasmGradients.ts. */
  comparisons: GradientComparison[];
  /** With tfjs-backend-wasm's own kernels wherever it has one (ours only for the missing Conv2DBackpropFilter). */
  nativeComparisons: GradientComparison[];
  timings: StepTiming[];
  /** Change of `tf.memory().numTensors` over CIFAR-net training steps on WASM (0: the kernels leak nothing). */
  cifarTensorDrift: number;
}

async function onBackend<T>(name: string, f: () => Promise<T>): Promise<T> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} did not start`);
  await tf.ready();
  return f();
}

async function outputsOn(backend: string, c: KernelCase, seed: number): Promise<{ name: string; values: Float32Array }[]> {
  return onBackend(backend, async () => {
    const outputs = caseOutputs(c, seed);
    const values = await Promise.all(outputs.map(async (o) => ({ name: o.name, values: (await o.tensor.data()) as Float32Array })));
    tf.dispose(outputs.map((o) => o.tensor));
    return values;
  });
}

function compareOutputs(ref: { name: string; values: Float32Array }[], got: { name: string; values: Float32Array }[]): OutputComparison[] {
  return ref.map((r, i) => {
    let maxAbsDiff = 0;
    let maxAbsRef = 0;
    r.values.forEach((v, j) => {
      maxAbsRef = Math.max(maxAbsRef, Math.abs(v));
      const d = Math.abs(v - got[i].values[j]);
      maxAbsDiff = Math.max(maxAbsDiff, Number.isNaN(d) ? Infinity : d);
    });
    return { name: r.name, maxAbsDiff, maxAbsRef, relative: maxAbsDiff / Math.max(maxAbsRef, 1e-12) };
  });
}

const failed = (name: string, err: unknown): GradientComparison => ({
  name, maxAbsDiff: NaN, maxAbsRef: NaN, relative: NaN, outputs: [], error: err instanceof Error ? err.message : String(err),
});

/** Compares one case on WASM, with each kernel set, against the CPU backend. */
async function compare(c: KernelCase, seed: number, selectKernels: (set: KernelSet) => void): Promise<Record<KernelSet, GradientComparison>> {
  let ref: { name: string; values: Float32Array }[];
  try {
    ref = await outputsOn('cpu', c, seed);
  } catch (err) {
    return { ours: failed(c.name, err), native: failed(c.name, err) };
  }
  const result = {} as Record<KernelSet, GradientComparison>;
  for (const set of ['native', 'ours'] as const) {
    try {
      selectKernels(set);
      const outputs = compareOutputs(ref, await outputsOn('wasm', c, seed));
      const worst = outputs.reduce((a, b) => (b.relative > a.relative ? b : a));
      result[set] = { ...worst, name: c.name, outputs };
    } catch (err) {
      result[set] = failed(c.name, err);
    } finally {
      selectKernels('ours');
    }
  }
  return result;
}

/** Median ms of one SGD step (forward, backward, update, loss read back) on a batch of 64 28×28×1 images. */
async function timeStep(backend: string, steps: number): Promise<StepTiming> {
  try {
    return await onBackend(backend, async () => {
      const net = smallCnn(7);
      const x = tf.tensor4d(randoms(64 * 28 * 28, 5), [64, 28, 28, 1]);
      const labels = randomLabels(64, 6);
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

/** `tf.memory().numTensors` after the last of `steps` CIFAR SGD steps on WASM, less that after the first. */
async function cifarTensorDrift(steps: number): Promise<number> {
  return onBackend('wasm', () => cifarStepTensorDrift(steps, 3));
}

async function check(): Promise<WasmGradientCheck> {
  const { selectKernels, ...start } = await startWasm();
  const comparisons: GradientComparison[] = [];
  const nativeComparisons: GradientComparison[] = [];
  for (const [i, c] of KERNEL_CASES.entries()) {
    const r = await compare(c, 1000 + 17 * i, selectKernels);
    comparisons.push(r.ours);
    nativeComparisons.push(r.native);
  }
  const timings: StepTiming[] = [];
  for (const backend of ['wasm', 'webgl', 'cpu']) timings.push(await timeStep(backend, backend === 'cpu' ? 3 : 10));
  return { ...start, comparisons, nativeComparisons, timings, cifarTensorDrift: await cifarTensorDrift(4) };
}

declare global {
  interface Window {
    __wasmGradientCheck?: () => Promise<WasmGradientCheck>;
    __wasmCifarProfile?: typeof profileCifarStep;
    __wasmMatMulRate?: typeof matMulRate;
  }
}
window.__wasmGradientCheck = check;
window.__wasmCifarProfile = profileCifarStep;
window.__wasmMatMulRate = matMulRate;
