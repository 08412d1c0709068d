import { isBackendName, startBackend, type BackendName } from '../engine/backend';
import { appStore } from '../state/store';

let started: BackendName | 'default' | null = null;
let detachLost: (() => void) | null = null;

async function apply(requestedRaw: string | undefined): Promise<void> {
  const requested = isBackendName(requestedRaw) ? requestedRaw : null;
  const key = requested ?? 'default';
  if (key === started) return;
  started = key;
  const set = appStore.getState().setBackend;
  set({ name: null, renderer: null, software: false, notice: null, reason: null, contextLost: false, wasm: null });
  try {
    const info = await startBackend(requested);
    if (started !== key) return; // a newer request won
    const unknown = requestedRaw && !requested ? `Unknown backend "${requestedRaw}" (choose webgl, wasm, cpu or webgpu). ` : '';
    set({ name: info.name, renderer: info.renderer, software: info.software, reason: info.reason, notice: unknown + (info.notice ?? '') || null, wasm: info.wasm });
    detachLost?.();
    detachLost = null;
    const canvas = info.glCanvas;
    if (canvas) {
      const onLost = () => set({ contextLost: true });
      canvas.addEventListener('webglcontextlost', onLost);
      detachLost = () => canvas.removeEventListener('webglcontextlost', onLost);
    }
  } catch (err) {
    set({ name: null, notice: err instanceof Error ? err.message : String(err) });
  }
}

/** Starts the backend named by `?backend=` (default WebGL) and switches when the parameter changes. */
export function watchBackendParam(): () => void {
  void apply(appStore.getState().route.params.backend);
  return appStore.subscribe((s, prev) => {
    if (s.route.params.backend !== prev.route.params.backend) void apply(s.route.params.backend);
  });
}
