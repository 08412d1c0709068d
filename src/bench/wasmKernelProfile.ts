import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';
import { WASM_KERNEL_NAMES, missingWasmGradientKernels, registerWasmGradientKernels } from '../engine/wasmGradients';
import { CifarNet, cifarForwardMacs } from '../model/cifar10Net';
import { randomCifarImages, randomLabels } from './wasmGradientCases';

/**
 * Test-only measurements of the WASM backend: which kernel set is active (tfjs's native kernels or those of
 * engine/wasmGradients.ts), per-kernel time of a CIFAR-10 training step, and WASM's own matMul rate.
 */

/** 'native': tfjs-backend-wasm's own kernel wherever it has one; 'ours': engine/wasmGradients.ts's set. */
export type KernelSet = 'native' | 'ours';

export interface WasmStart {
  missingBefore: string[]; registered: string[]; registeredAgain: string[]; missingAfter: string[];
  /** WASM threads in use, and whether this page could run the multi-threaded binary at all. */
  threads: number; multithreadSupported: boolean;
  selectKernels(set: KernelSet): void;
}

let started: Promise<WasmStart> | null = null;

async function onWasm(): Promise<void> {
  if (!(await tf.setBackend('wasm'))) throw new Error('backend wasm did not start');
  await tf.ready();
}

/** Starts the WASM backend once, remembering its native kernels before ours are registered. */
export function startWasm(): Promise<WasmStart> {
  started ??= (async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(new URL('tfjs-wasm/', document.baseURI).href);
    await onWasm();
    const missingBefore = missingWasmGradientKernels();
    const native = new Map(WASM_KERNEL_NAMES.map((n) => [n, tf.getKernel(n, 'wasm')]));
    const registered = registerWasmGradientKernels();
    const registeredAgain = registerWasmGradientKernels();
    const missingAfter = missingWasmGradientKernels();
    const ours = new Map(WASM_KERNEL_NAMES.map((n) => [n, tf.getKernel(n, 'wasm')!]));
    const backend = tf.findBackend('wasm') as unknown as { wasm: { tfjs: { getThreadsCount?: () => number } } };
    const threads = backend.wasm.tfjs.getThreadsCount?.() ?? 1;
    const multithreadSupported = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
    const selectKernels = (set: KernelSet) => {
      for (const name of WASM_KERNEL_NAMES) replaceKernel((set === 'native' && native.get(name)) || ours.get(name)!);
    };
    return { missingBefore, registered, registeredAgain, missingAfter, threads, multithreadSupported, selectKernels };
  })();
  return started;
}

function replaceKernel(config: KernelConfig): void {
  if (tf.getKernel(config.kernelName, config.backendName) === config) return;
  tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
}

/**
 * One kernel's time per step: `msPerStep` its own (less the kernels it runs inside it, as composed kernels
 * do), `inclusiveMsPerStep` with them; `share` is msPerStep over the step's time.
 */
export interface KernelTime { kernel: string; msPerStep: number; inclusiveMsPerStep: number; callsPerStep: number; share: number }

/**
 * Runs `body` with every 'wasm' kernel wrapped in a timer and returns each kernel's self time (its own time
 * minus that of the kernels it runs inside, which composed kernels do) and inclusive time, summed over the run.
 * (A kernel that calls itself, as a replacement handing plain cases to the native one does not, would count
 * twice in its inclusive time.)
 */
async function timeKernels(body: () => Promise<void>): Promise<Map<string, { ms: number; inclusiveMs: number; calls: number }>> {
  const originals = tf.getKernelsForBackend('wasm');
  const totals = new Map<string, { ms: number; inclusiveMs: number; calls: number }>();
  const childMs: number[] = [];
  const wrap = (config: KernelConfig): KernelConfig => {
    const timed: KernelFunc = (args) => {
      const t0 = performance.now();
      childMs.push(0);
      try {
        return config.kernelFunc(args);
      } finally {
        const ms = performance.now() - t0;
        const inner = childMs.pop()!;
        if (childMs.length) childMs[childMs.length - 1] += ms;
        const row = totals.get(config.kernelName) ?? { ms: 0, inclusiveMs: 0, calls: 0 };
        row.ms += ms - inner;
        row.inclusiveMs += ms;
        row.calls++;
        totals.set(config.kernelName, row);
      }
    };
    return { ...config, kernelFunc: timed };
  };
  for (const config of originals) replaceKernel(wrap(config));
  try {
    await body();
  } finally {
    for (const config of originals) replaceKernel(config);
  }
  return totals;
}

export interface CifarStepProfile {
  batch: number; kernels: KernelSet; threads: number;
  msPerStep: number; examplesPerSecond: number; gflopPerSecond: number;
  /** WASM's 1024×1024 matMul rate, measured just before and just after the timed steps (averaged). */
  matMulGflopPerSecond: number; shareOfMatMul: number;
  /** Kernels by self time, most first; their sum is the profiled step's time less JS outside kernels. */
  profile: KernelTime[]; profiledMsPerStep: number;
}

/** FLOPs of one training step per example: forward MACs × 2 FLOPs × 3 (forward, and backward's two products). */
export const CIFAR_TRAIN_FLOPS_PER_EXAMPLE = cifarForwardMacs().reduce((s, l) => s + l.macs, 0) * 2 * 3;

/**
 * Median ms of CIFAR SGD steps (loss read back each step) on a random batch, between two measurements of
 * WASM's matMul rate (other load on the machine moves both alike, so their ratio is the steadier number);
 * then a per-kernel profile of `profiledSteps` more steps.
 */
export async function profileCifarStep(batch: number, kernels: KernelSet, steps = 5, profiledSteps = 2): Promise<CifarStepProfile> {
  const wasm = await startWasm();
  await onWasm();
  wasm.selectKernels(kernels);
  const net = new CifarNet(1);
  const x = randomCifarImages(batch, 2);
  const labels = randomLabels(batch, 3);
  const step = async () => {
    const r = net.trainStep(x, labels, 0.01);
    await r.total.data();
    tf.dispose([r.total, r.crossEntropy, r.weightDecay]);
  };
  try {
    await step();
    const matMulBefore = await matMulRate(1024, 3);
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const msPerStep = times[Math.floor(times.length / 2)];
    const matMulAfter = await matMulRate(1024, 3);
    const matMulGflopPerSecond = (matMulBefore.gflopPerSecond + matMulAfter.gflopPerSecond) / 2;
    const gflopPerSecond = (batch * CIFAR_TRAIN_FLOPS_PER_EXAMPLE) / msPerStep / 1e6;
    const t0 = performance.now();
    const totals = await timeKernels(async () => { for (let i = 0; i < profiledSteps; i++) await step(); });
    const profiledMsPerStep = (performance.now() - t0) / profiledSteps;
    const profile = [...totals].map(([kernel, t]) => ({
      kernel, msPerStep: t.ms / profiledSteps, inclusiveMsPerStep: t.inclusiveMs / profiledSteps, callsPerStep: t.calls / profiledSteps, share: t.ms / profiledSteps / profiledMsPerStep,
    })).sort((a, b) => b.msPerStep - a.msPerStep);
    return {
      batch, kernels, threads: wasm.threads, msPerStep, examplesPerSecond: (batch * 1000) / msPerStep, gflopPerSecond,
      matMulGflopPerSecond, shareOfMatMul: gflopPerSecond / matMulGflopPerSecond, profile, profiledMsPerStep,
    };
  } finally {
    tf.dispose([x, labels]);
    net.dispose();
    wasm.selectKernels('ours');
  }
}

/** WASM's matMul rate: the median of `repeats` n×n by n×n products, read back each time. */
export async function matMulRate(n = 1024, repeats = 5): Promise<{ n: number; ms: number; gflopPerSecond: number }> {
  await startWasm();
  await onWasm();
  const a = tf.randomUniform([n, n]);
  const b = tf.randomUniform([n, n]);
  const times: number[] = [];
  for (let i = 0; i <= repeats; i++) {
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
    if (i > 0) times.push(performance.now() - t0);
  }
  tf.dispose([a, b]);
  times.sort((p, q) => p - q);
  const ms = times[Math.floor(times.length / 2)];
  return { n, ms, gflopPerSecond: (2 * n ** 3) / ms / 1e6 };
}
