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

/**
 * Starts the requested backend (default WebGL); if it cannot start, falls back through webgl → wasm → cpu
 * and says why in `notice`.
 */
export async function startBackend(requested: BackendName | null): Promise<BackendInfo> {
  const wanted = requested ?? 'webgl';
  const order = [wanted, ...FALLBACK_ORDER.filter((b) => b !== wanted)];
  const failures: string[] = [];
  for (const name of order) {
    if (tf.getBackend() === name && tf.engine().backend) {
      return describe(name, failures);
    }
    const failure = await trySetBackend(name);
    if (failure === null) return describe(name, failures);
    failures.push(failure);
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.join('; ')}`);
}

function describe(name: BackendName, failures: string[]): BackendInfo {
  const gl = name === 'webgl' ? webglDetails() : { renderer: null, canvas: null };
  const software = gl.renderer !== null && SOFTWARE_RENDERER.test(gl.renderer);
  const notice = failures.length ? `${failures.join('; ')}; using ${name} instead.` : null;
  return { name, renderer: gl.renderer, software, notice, glCanvas: gl.canvas };
}
