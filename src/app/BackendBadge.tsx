import { summariseWasm } from '../engine/backend';
import { useAppStore } from '../state/store';

/**
 * The header's `Backend: <name>` readout, with the WebGL renderer and a warning for software rendering, or on WASM
 * its SIMD and thread count and a warning for each that is missing.
 */
export function BackendBadge() {
  const backend = useAppStore((s) => s.backend);
  const wasm = backend.wasm ? summariseWasm(backend.wasm) : null;
  return (
    <div className="backend-badge">
      <span className="backend-name">Backend: {backend.name ?? 'starting…'}</span>
      {backend.renderer && <span className="backend-renderer" title={`WebGL renderer: ${backend.renderer}`}> · {backend.renderer}</span>}
      {wasm && <span className="backend-wasm" title={wasm.detail}> · {wasm.features}</span>}
      {wasm?.warnings.map((w) => (
        <span key={w} className="warning" role="note" title={wasm.detail}>{' '}⚠ {w}</span>
      ))}
      {backend.software && (
        <span className="warning" role="note" title="The browser draws WebGL on the CPU here, so training is far slower than on a GPU.">
          {' '}⚠ software rendering, no GPU: training is slow
        </span>
      )}
      {backend.reason && <span className="backend-reason"> · chosen because {backend.reason} (add ?backend=webgl or wasm to choose)</span>}
      {backend.notice && <div className="backend-notice" role="alert">{backend.notice}</div>}
      {backend.contextLost && (
        <div className="backend-notice" role="alert">
          The GPU context was lost, so training stopped. Reload the page, or add <code>?backend=wasm</code> to the address to train on the CPU.
        </div>
      )}
    </div>
  );
}
