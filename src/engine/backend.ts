import * as tf from '@tensorflow/tfjs';
import { registerWasmGradientKernels } from './wasmGradients';

export type BackendName = 'webgl' | 'wasm' | 'cpu' | 'webgpu';
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu', 'webgpu'];
/** Order tried when nothing is asked for, or after the asked-for backend fails. */
const FALLBACK_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface BackendInfo {
  name: BackendName;
  /** WebGL renderer string (UNMASKED_RENDERER_WEBGL where allowed), else null. */
  renderer: string | null;
  /** True when the renderer is a software rasteriser (SwiftShader, llvmpipe…): training is slow there. */
  software: boolean;
  /** Explanation when the backend is not the one requested. */
  notice: string | null;
  /** Why this backend was chosen when the URL named none (null when it was asked for). */
  reason: string | null;
  /** The WebGL canvas, to watch for a lost context. */
  glCanvas: HTMLCanvasElement | OffscreenCanvas | null;
  /** SIMD and threads of the WASM backend; null on other backends. */
  wasm: WasmInfo | null;
}

/** What tfjs's WASM backend runs with, as the header reports it. */
export interface WasmInfo {
  /** The browser runs WebAssembly SIMD (tfjs's flag `WASM_HAS_SIMD_SUPPORT`), so tfjs loaded a SIMD binary. */
  simd: boolean;
  /**
   * tfjs loaded its threaded binary: SIMD and WebAssembly threads with a transferable SharedArrayBuffer
   * (flag `WASM_HAS_MULTITHREAD_SUPPORT`), which browsers grant only to cross-origin isolated pages.
   */
  multithreaded: boolean;
  /** The browser has WebAssembly threads and SharedArrayBuffer here (`WASM_HAS_MULTITHREAD_SUPPORT`). */
  threadsSupported: boolean;
  /** Threads in XNNPACK's pool (`getThreadsCount()`), the page's own included; 1 when single-threaded. */
  threads: number;
  /** Threads this app asked for with `setThreadsCount`, or null when it asked for none (not isolated). */
  requestedThreads: number | null;
  /** The page is cross-origin isolated (`self.crossOriginIsolated`: COOP same-origin and COEP require-corp). */
  isolated: boolean;
  /** Logical cores the browser reports (`navigator.hardwareConcurrency`). */
  cores: number;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isBackendName(s: string | undefined | null): s is BackendName {
  return !!s && (BACKEND_NAMES as readonly string[]).includes(s);
}

/** Where the app serves tfjs's .wasm binaries (see vite-plugins/wasm.ts). */
const WASM_PATH = 'tfjs-wasm/';

/**
 * Threads to ask tfjs's WASM backend for: every logical core but one, which stays with the page (its rendering,
 * the browser's other work), and at least 1. Null where the page is not cross-origin isolated: the browser then
 * withholds SharedArrayBuffer, tfjs loads its single-threaded binary and a thread count means nothing.
 * tfjs 4.22 caps the pool further at half the logical cores (it assumes two per physical core) and at 8.
 */
export function chooseWasmThreadCount(logicalCores: number | undefined, isolated: boolean): number | null {
  if (!isolated) return null;
  const cores = Number.isFinite(logicalCores) && (logicalCores as number) >= 1 ? Math.floor(logicalCores as number) : 1;
  return Math.max(1, cores - 1);
}

/** The thread count passed to `setThreadsCount`, kept for the header. */
let requestedWasmThreads: number | null = null;

async function register(name: BackendName): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(new URL(WASM_PATH, document.baseURI).href);
    // Read when the backend initialises (so it must come first), and only by the threaded binary (isolated pages).
    const threads = chooseWasmThreadCount(navigator.hardwareConcurrency, self.crossOriginIsolated === true);
    if (threads !== null) wasm.setThreadsCount(threads);
    requestedWasmThreads = threads;
    // 4.22's WASM backend lacks the filter gradient, has a faulty max-pool gradient and slow conv-input, matMul and LRN
    // gradients: register ours (src/engine/wasmGradients.ts).
    registerWasmGradientKernels();
  } else if (name === 'webgpu') {
    if (!('gpu' in navigator)) throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  // webgl and cpu are registered by @tensorflow/tfjs itself.
}

/**
 * Makes a registered backend the active one and proves it computes (a WebGL context can be created yet unusable):
 * null when it works, else why not. Throws what tf.setBackend throws.
 */
export async function activateBackend(name: string): Promise<string | null> {
  if (!(await tf.setBackend(name))) return `${name} could not be initialised`;
  await tf.ready();
  const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
  const v = (await probe.data())[0];
  probe.dispose();
  return v === 2 ? null : `${name} computed 1 + 1 = ${v}`;
}

async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    await register(name);
    return await activateBackend(name);
  } catch (err) {
    return `${name} failed to start (${err instanceof Error ? err.message : String(err)})`;
  }
}

function webglDetails(): { renderer: string | null; canvas: HTMLCanvasElement | OffscreenCanvas | null } {
  const backend = tf.backend() as unknown as { gpgpu?: { gl: WebGLRenderingContext | WebGL2RenderingContext } };
  const gl = backend.gpgpu?.gl;
  if (!gl) return { renderer: null, canvas: null };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  return { renderer: renderer || null, canvas: gl.canvas as HTMLCanvasElement | OffscreenCanvas };
}

/** What the start-up measurement found, for {@link chooseDefaultBackend}. */
export interface BackendMeasurement {
  /** WebGL started, and its renderer is a software rasteriser. */
  webglSoftware: boolean;
  /** Milliseconds per probe iteration on each backend, or null where it was not measured or failed. */
  webglMs: number | null;
  /** WASM started. */
  wasmAvailable: boolean;
  wasmMs: number | null;
}

/**
 * The default backend when the URL names none: WASM where WebGL renders in software (a CPU emulating a GPU is
 * slower than WASM's SIMD kernels: 2.9× on the dense autoencoder on this project's test machines) or where the
 * probe timed WASM faster; otherwise WebGL. Returns the reason the header shows.
 */
export function chooseDefaultBackend(m: BackendMeasurement): { name: 'webgl' | 'wasm'; reason: string } {
  if (m.webglSoftware && m.wasmAvailable) {
    return { name: 'wasm', reason: 'WebGL renders in software here, so WASM on the CPU trains faster' };
  }
  if (m.webglMs !== null && m.wasmMs !== null && m.wasmMs < m.webglMs) {
    return { name: 'wasm', reason: `a start-up probe timed WASM faster than WebGL (${m.wasmMs.toFixed(1)} vs ${m.webglMs.toFixed(1)} ms)` };
  }
  if (m.webglMs !== null && m.wasmMs !== null) {
    return { name: 'webgl', reason: `a start-up probe timed WebGL faster than WASM (${m.webglMs.toFixed(1)} vs ${m.wasmMs.toFixed(1)} ms)` };
  }
  return { name: 'webgl', reason: m.wasmAvailable ? 'WebGL is the default where no probe could compare the two' : 'WASM could not start' };
}

const PROBE_WARMUP = 2;
const PROBE_RUNS = 4;

/** Milliseconds per iteration of a small dense forward and backward-like pass (batch 64, 784→100→784) on the current backend. */
async function probeMs(): Promise<number> {
  const [x, w1, w2] = tf.tidy(() => [tf.randomUniform([64, 784]), tf.randomUniform([784, 100], -0.05, 0.05), tf.randomUniform([100, 784], -0.05, 0.05)]);
  const once = async () => {
    const t = tf.tidy(() => {
      const h = tf.sigmoid(tf.matMul(x, w1));
      const y = tf.sigmoid(tf.matMul(h, w2));
      const dy = tf.sub(y, x);
      return tf.sum(tf.matMul(tf.matMul(dy, w2, false, true), w1, false, true));
    });
    await t.data();
    t.dispose();
  };
  try {
    for (let i = 0; i < PROBE_WARMUP; i++) await once();
    const start = performance.now();
    for (let i = 0; i < PROBE_RUNS; i++) await once();
    return (performance.now() - start) / PROBE_RUNS;
  } finally {
    tf.dispose([x, w1, w2]);
  }
}

/**
 * Starts the requested backend. Without a request it measures: WebGL first; WASM instead where WebGL renders in
 * software or a short probe (well under a second) finds WASM faster. If a backend cannot start, falls back
 * through webgl → wasm → cpu and says why in `notice`; `reason` says why a default was chosen.
 */
export async function startBackend(requested: BackendName | null): Promise<BackendInfo> {
  if (requested === null) {
    const chosen = await startMeasured();
    if (chosen) return chosen;
  }
  const wanted = requested ?? 'webgl';
  const order = [wanted, ...FALLBACK_ORDER.filter((b) => b !== wanted)];
  const failures: string[] = [];
  for (const name of order) {
    if (tf.getBackend() === name && tf.engine().backend) {
      return await describe(name, failures, null);
    }
    const failure = await trySetBackend(name);
    if (failure === null) return await describe(name, failures, null);
    failures.push(failure);
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.join('; ')}`);
}

/** The measured default, or null when WebGL cannot start (the caller then falls back as usual). */
async function startMeasured(): Promise<BackendInfo | null> {
  if ((await trySetBackend('webgl')) !== null) return null;
  const webgl = await describe('webgl', [], null);
  const webglMs = webgl.software ? null : await probeMs().catch(() => null);
  const wasmOk = (await trySetBackend('wasm')) === null;
  const wasmMs = wasmOk && !webgl.software ? await probeMs().catch(() => null) : null;
  const choice = chooseDefaultBackend({ webglSoftware: webgl.software, webglMs, wasmAvailable: wasmOk, wasmMs });
  if (choice.name === 'wasm' && wasmOk) return { ...(await describe('wasm', [], choice.reason)), renderer: null };
  if ((await trySetBackend('webgl')) !== null) return null;
  return await describe('webgl', [], choice.reason);
}

async function describe(name: BackendName, failures: string[], reason: string | null): Promise<BackendInfo> {
  const gl = name === 'webgl' ? webglDetails() : { renderer: null, canvas: null };
  const software = gl.renderer !== null && SOFTWARE_RENDERER.test(gl.renderer);
  const notice = failures.length ? `${failures.join('; ')}; using ${name} instead.` : null;
  const wasm = name === 'wasm' ? await wasmDetails() : null;
  return { name, renderer: gl.renderer, software, notice, reason, glCanvas: gl.canvas, wasm };
}

/** SIMD and threads of the running WASM backend, from tfjs's own feature flags and thread pool. */
async function wasmDetails(): Promise<WasmInfo> {
  const [simd, threadsSupported] = await Promise.all([
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
  let threads = 1;
  try {
    threads = getThreadsCount();
  } catch {
    // Not initialised (cannot happen once the probe ran); report the single thread every binary has.
  }
  const isolated = self.crossOriginIsolated === true;
  return {
    simd: simd === true,
    threadsSupported: threadsSupported === true,
    multithreaded: simd === true && threadsSupported === true,
    threads,
    requestedThreads: isolated ? requestedWasmThreads : null,
    isolated,
    cores: navigator.hardwareConcurrency ?? 1,
  };
}

/** The header's words for {@link WasmInfo}: the features in use, and each missing one with its consequence. */
export interface WasmSummary {
  /** E.g. `SIMD · 3 threads`, `SIMD · 1 thread`, `single-threaded`. */
  features: string;
  /** Longer explanation of the thread count, for a tooltip. */
  detail: string;
  /** What is missing and what it costs, e.g. `no SIMD: training is slower`. */
  warnings: string[];
}

export function summariseWasm(w: WasmInfo): WasmSummary {
  const warnings: string[] = [];
  if (!w.simd) warnings.push('no SIMD: this browser lacks WebAssembly SIMD, so training is slower');
  let threads: string;
  let detail: string;
  if (w.multithreaded) {
    threads = `${w.threads} thread${w.threads === 1 ? '' : 's'}`;
    const asked = w.requestedThreads === null ? 'tfjs chose the count' : `this page asked for ${w.requestedThreads} (all cores but one)`;
    detail = `Threaded WASM: XNNPACK's pool runs ${threads}, the page's own included; ${asked}, and tfjs uses at most half of the ${w.cores} logical cores the browser reports.`;
    if (w.threads === 1 && w.cores >= 2) threads += ` (tfjs takes half of ${w.cores} cores)`;
  } else {
    threads = 'single-threaded';
    const why = !w.isolated
      ? 'the page is not cross-origin isolated (the server sent no COOP/COEP headers)'
      : !w.threadsSupported
        ? 'this browser has no WebAssembly threads'
        : 'tfjs ships threads only in its SIMD binary';
    warnings.push(`no threads: ${why}; training uses one core`);
    detail = !w.isolated
      ? `Single-threaded WASM: ${why}, and browsers give SharedArrayBuffer, which WebAssembly threads need, only to isolated pages.`
      : `Single-threaded WASM: ${why}.`;
  }
  return { features: [w.simd ? 'SIMD' : null, threads].filter(Boolean).join(' · '), detail, warnings };
}
