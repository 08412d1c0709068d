import * as tf from '@tensorflow/tfjs';
import { updateParams } from '../../app/navigation';
import { summariseWasm, type BackendName } from '../../engine/backend';
import { useAppStore } from '../../state/store';

interface BackendRow {
  name: BackendName;
  label: string;
  runsOn: string;
  how: string;
}

/** The four backends this app can start (src/engine/backend.ts), in tfjs's own names. */
export const TFJS_BACKENDS: readonly BackendRow[] = [
  { name: 'webgl', label: 'WebGL', runsOn: 'GPU', how: 'Each op is a fragment shader; tensors live in GPU textures.' },
  { name: 'webgpu', label: 'WebGPU', runsOn: 'GPU', how: 'Compute shaders through the newer WebGPU API, where the browser has it.' },
  { name: 'wasm', label: 'WASM', runsOn: 'CPU', how: 'WebAssembly kernels (XNNPACK), faster with SIMD and threads.' },
  { name: 'cpu', label: 'CPU', runsOn: 'CPU', how: 'Plain JavaScript: slowest, but runs everywhere.' },
];

/** Step 2: TensorFlow.js's version and backends, and the backend this page is using right now (live from the store). */
export function TfjsPanel() {
  const backend = useAppStore((s) => s.backend);
  const wasm = backend.wasm ? summariseWasm(backend.wasm) : null;
  return (
    <section className="panel lib-tfjs" aria-labelledby="lib-tfjs-title">
      <h3 id="lib-tfjs-title">TensorFlow.js in this page</h3>
      <dl className="lib-live" aria-label="Backend in use">
        <div><dt>Library</dt><dd>TensorFlow.js <span className="lib-mono" data-testid="tfjs-version">{tf.version.tfjs}</span></dd></div>
        <div><dt>Backend in use</dt><dd><span className="lib-mono" data-testid="live-backend">{backend.name ?? 'starting…'}</span></dd></div>
        {backend.renderer && <div><dt>WebGL renderer</dt><dd>{backend.renderer}{backend.software ? ' (software rendering: no GPU)' : ''}</dd></div>}
        {wasm && <div><dt>WASM</dt><dd>{wasm.features}</dd></div>}
        {backend.wasm && (
          <div>
            <dt>WASM threads</dt>
            <dd>
              {backend.wasm.threads} of {backend.wasm.cores} logical cores · SIMD {backend.wasm.simd ? 'on' : 'off'} · cross-origin
              isolated: {backend.wasm.isolated ? 'yes' : 'no'}
            </dd>
          </div>
        )}
        {backend.reason && <div><dt>Chosen because</dt><dd>{backend.reason}</dd></div>}
        {backend.notice && <div><dt>Note</dt><dd>{backend.notice}</dd></div>}
      </dl>
      <table className="results lib-backends">
        <caption>The backends tfjs offers; the same code runs on each</caption>
        <thead>
          <tr><th scope="col">Backend</th><th scope="col">Runs on</th><th scope="col">How</th><th scope="col"><span className="sr-only">Switch</span></th></tr>
        </thead>
        <tbody>
          {TFJS_BACKENDS.map((b) => {
            const current = backend.name === b.name;
            return (
              <tr key={b.name} className={current ? 'lib-current' : undefined} aria-current={current ? 'true' : undefined}>
                <th scope="row">{b.label} <span className="lib-mono">({b.name})</span>{current && <strong> · in use</strong>}</th>
                <td>{b.runsOn}</td>
                <td>{b.how}</td>
                <td>
                  <button type="button" disabled={current} onClick={() => updateParams({ backend: b.name })} aria-label={`Use the ${b.label} backend`}>
                    use
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        Switching sets <code>?backend=</code> in the address, so a link reproduces it; the backend badge in the header
        changes with it. WebGPU needs a browser that has it; otherwise the app falls back and says why.
      </p>
    </section>
  );
}
