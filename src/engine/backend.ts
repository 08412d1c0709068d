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
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isBackendName(s: string | undefined | null): s is BackendName {
  return !!s && (BACKEND_NAMES as readonly string[]).includes(s);
}

/** Where the app serves tfjs's .wasm binaries (see vite-plugins/wasm.ts). */
const WASM_PATH = 'tfjs-wasm/';

async function register(name: BackendName): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(new URL(WASM_PATH, document.baseURI).href);
    // 4.22's WASM backend lacks the filter gradient and has a faulty max-pool gradient: add ours.
    registerWasmGradientKernels();
  } else if (name === 'webgpu') {
    if (!('gpu' in navigator)) throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  // webgl and cpu are registered by @tensorflow/tfjs itself.
}

async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    await register(name);
    const ok = await tf.setBackend(name);
    if (!ok) return `${name} could not be initialised`;
    await tf.ready();
    // A tiny op proves the backend really runs (a WebGL context can be created yet unusable).
    const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
    const v = (await probe.data())[0];
    probe.dispose();
    return v === 2 ? null : `${name} computed 1 + 1 = ${v}`;
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
      return describe(name, failures, null);
    }
    const failure = await trySetBackend(name);
    if (failure === null) return describe(name, failures, null);
    failures.push(failure);
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.join('; ')}`);
}

/** The measured default, or null when WebGL cannot start (the caller then falls back as usual). */
async function startMeasured(): Promise<BackendInfo | null> {
  if ((await trySetBackend('webgl')) !== null) return null;
  const webgl = describe('webgl', [], null);
  const webglMs = webgl.software ? null : await probeMs().catch(() => null);
  const wasmOk = (await trySetBackend('wasm')) === null;
  const wasmMs = wasmOk && !webgl.software ? await probeMs().catch(() => null) : null;
  const choice = chooseDefaultBackend({ webglSoftware: webgl.software, webglMs, wasmAvailable: wasmOk, wasmMs });
  if (choice.name === 'wasm' && wasmOk) return { ...describe('wasm', [], choice.reason), renderer: null };
  if ((await trySetBackend('webgl')) !== null) return null;
  return describe('webgl', [], choice.reason);
}

function describe(name: BackendName, failures: string[], reason: string | null): BackendInfo {
  const gl = name === 'webgl' ? webglDetails() : { renderer: null, canvas: null };
  const software = gl.renderer !== null && SOFTWARE_RENDERER.test(gl.renderer);
  const notice = failures.length ? `${failures.join('; ')}; using ${name} instead.` : null;
  return { name, renderer: gl.renderer, software, notice, reason, glCanvas: gl.canvas };
}
