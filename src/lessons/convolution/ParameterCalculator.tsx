import { useId, useState } from 'react';

/** Weights needed by one hidden layer of F maps of (H−k+1)×(W−k+1) units, three ways. */
export function layerWeights(h: number, w: number, c: number, k: number, f: number) {
  const outH = Math.max(0, h - k + 1);
  const outW = Math.max(0, w - k + 1);
  const units = outH * outW * f;
  return {
    units,
    fullyConnected: units * h * w * c,
    locallyConnected: units * k * k * c,
    shared: f * k * k * c,
  };
}

const PRESETS = [
  { name: 'MNIST digit 28×28×1', h: 28, w: 28, c: 1 },
  { name: 'CIFAR-10 image 32×32×3', h: 32, w: 32, c: 3 },
  { name: 'ImageNet crop 224×224×3', h: 224, w: 224, c: 3 },
];

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The fully-connected parameter explosion as a calculator: the same hidden layer (F maps of units) wired three
 * ways — every unit to every pixel, each unit to its own k×k patch, and one shared k×k kernel per map.
 */
export function ParameterCalculator() {
  const id = useId();
  const [size, setSize] = useState(PRESETS[0]);
  const [k, setK] = useState(5);
  const [f, setF] = useState(8);
  const r = layerWeights(size.h, size.w, size.c, k, f);
  const max = Math.max(r.fullyConnected, 1);
  const rows = [
    { name: 'Fully connected', detail: `${fmt(r.units)} units × ${fmt(size.h * size.w * size.c)} inputs`, value: r.fullyConnected },
    { name: 'Locally connected', detail: `${fmt(r.units)} units × ${k}·${k}·${size.c} inputs each`, value: r.locallyConnected },
    { name: 'Shared weights (convolution)', detail: `${f} kernels × ${k}·${k}·${size.c}`, value: r.shared },
  ];
  return (
    <section className="panel calculator" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>How many weights?</h3>
      <div className="conv-controls">
        <label>Input{' '}
          <select value={size.name} onChange={(e) => setSize(PRESETS.find((p) => p.name === e.target.value)!)}>
            {PRESETS.map((p) => <option key={p.name}>{p.name}</option>)}
          </select>
        </label>
        <label>Patch size k <input type="number" min={1} max={15} value={k} onChange={(e) => setK(Math.min(15, Math.max(1, Number(e.target.value) || 1)))} /></label>
        <label>Feature maps F <input type="number" min={1} max={256} value={f} onChange={(e) => setF(Math.min(256, Math.max(1, Number(e.target.value) || 1)))} /></label>
      </div>
      <p className="hint">
        The hidden layer has F maps of {size.h - k + 1}×{size.w - k + 1} units = {fmt(r.units)} units in every case; only the wiring changes.
        Biases are left out. All numbers are computed from the sizes above.
      </p>
      <table className="results weights-table">
        <thead><tr><th scope="col">Wiring</th><th scope="col">Weights</th><th scope="col">How</th></tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{fmt(row.value)}</td>
              <td>
                <span className="bar" style={{ width: `${Math.max(1, (Math.log10(row.value + 1) / Math.log10(max + 1)) * 100)}%` }} aria-hidden="true" />
                {row.detail}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Bars are on a logarithmic scale: each tenth of the width is another factor of {Math.round(Math.pow(max + 1, 0.1))}.</p>
    </section>
  );
}
