import * as tf from '@tensorflow/tfjs';
import { activateBackend } from './backend';
import { registerWasmGradientKernels } from './wasmGradients';
import type { WorkerBackends } from './workerHost';

/** Order a worker falls back through when a backend will not start or fails mid-training. */
const ORDER = ['webgl', 'wasm', 'cpu'] as const;

interface GlBackend { gpgpu?: { gl: WebGL2RenderingContext | WebGLRenderingContext } }

function glContext(): WebGL2RenderingContext | WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as unknown as GlBackend).gpgpu?.gl ?? null;
}

async function register(name: string, assetBase: string, threads: number): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(new URL('tfjs-wasm/', assetBase).href);
    // Threads need cross-origin isolation (SharedArrayBuffer); without it the backend runs single-threaded.
    if (globalThis.crossOriginIsolated) wasm.setThreadsCount(Math.max(1, threads));
    registerWasmGradientKernels();
  }
}

async function tryBackend(name: string, assetBase: string, threads: number): Promise<string | null> {
  try {
    await register(name, assetBase, threads);
    return await activateBackend(name);
  } catch (err) {
    return `${name} failed to start in the worker (${err instanceof Error ? err.message : String(err)})`;
  }
}

/**
 * Backends as a training worker starts them: the one asked for, else the next of webgl → wasm → cpu (WebGL
 * draws to an OffscreenCanvas there). WASM gets this app's gradient kernels and, where the page is
 * cross-origin isolated, `threads` worker threads.
 */
export const workerBackends: WorkerBackends = {
  async start(name, { assetBase, threads }) {
    const order = [name, ...ORDER.filter((b) => b !== name)];
    const failures: string[] = [];
    for (const b of order) {
      const failure = await tryBackend(b, assetBase, threads);
      if (failure === null) return { backend: b, notice: failures.length ? `${failures.join('; ')}; using ${b}.` : null };
      failures.push(failure);
    }
    throw new Error(`no backend could start in the worker: ${failures.join('; ')}`);
  },
  next(current) {
    const i = ORDER.indexOf(current as (typeof ORDER)[number]);
    return i >= 0 && i < ORDER.length - 1 ? ORDER[i + 1] : null;
  },
  loseContext() {
    const ext = glContext()?.getExtension('WEBGL_lose_context');
    if (!ext) return false;
    ext.loseContext();
    return true;
  },
  watchContext(onLost) {
    const canvas = glContext()?.canvas as (OffscreenCanvas | HTMLCanvasElement | undefined);
    if (!canvas || !('addEventListener' in canvas)) return () => {};
    const handler = () => onLost();
    canvas.addEventListener('webglcontextlost', handler);
    return () => canvas.removeEventListener('webglcontextlost', handler);
  },
};
