import { useEffect, useMemo, useRef, useState } from 'react';
import { updateParams } from '../../app/navigation';
import { useAppStore } from '../../state/store';
import { ACTIVATION_NAMES, ACTIVATIONS, type ActivationName } from '../../math/activations';
import { createNetworkDiagram, type NetworkDiagram } from '../../viz/networkDiagram';
import { EXAMPLE_NETWORK, forwardTrace, HIDDEN_NAMES, INPUT_NAMES, OUTPUT_NAMES, unitFormula, type DenseLayer, type SmallNetwork } from './network';
import { NumberField } from './NumberField';

function readActivation(raw: string | undefined): ActivationName {
  return raw === 'tanh' || raw === 'relu' ? raw : 'sigmoid';
}

/** Step 1: the 2 → 3 → 2 network, editable, with its forward pass computed unit by unit. */
export function NetworkExplorer() {
  const params = useAppStore((s) => s.route.params);
  const activation = readActivation(params.act);
  const [layers, setLayers] = useState(() => ({ inputs: EXAMPLE_NETWORK.inputs, hidden: EXAMPLE_NETWORK.hidden, output: EXAMPLE_NETWORK.output }));
  const [selected, setSelected] = useState(0);
  const [generation, setGeneration] = useState(0);
  const net: SmallNetwork = useMemo(() => ({ ...layers, activation }), [layers, activation]);
  const trace = useMemo(() => forwardTrace(net), [net]);
  const unit = trace[selected];

  const host = useRef<HTMLDivElement>(null);
  const diagram = useRef<NetworkDiagram | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const d = createNetworkDiagram(host.current, {
      layers: [INPUT_NAMES, HIDDEN_NAMES, OUTPUT_NAMES],
      label: 'Network diagram: inputs x1 and x2, hidden units h1 to h3, outputs y1 and y2',
      onSelect: (layer, index) => setSelected(layer === 1 ? index : HIDDEN_NAMES.length + index),
    });
    diagram.current = d;
    return () => { d.destroy(); diagram.current = null; };
  }, []);
  useEffect(() => {
    diagram.current?.update({
      values: [net.inputs, trace.slice(0, 3).map((u) => u.a), trace.slice(3).map((u) => u.a)],
      weights: [net.hidden.weights, net.output.weights],
      biases: [net.hidden.biases, net.output.biases],
      selected: { layer: unit.layer === 'hidden' ? 1 : 2, index: unit.index },
    });
  }, [net, trace, unit]);

  const setWeight = (which: 'hidden' | 'output', j: number, i: number, v: number) => setLayers((l) => {
    const layer: DenseLayer = { weights: l[which].weights.map((r) => r.slice()), biases: l[which].biases.slice() };
    if (i < 0) layer.biases[j] = v; else layer.weights[j][i] = v;
    return { ...l, [which]: layer };
  });
  const weightTable = (which: 'hidden' | 'output', from: string[], to: string[]) => (
    <table className="nn-weights">
      <caption>{which === 'hidden' ? 'Input → hidden' : 'Hidden → output'}</caption>
      <thead><tr><th scope="col">unit</th>{from.map((f) => <th key={f} scope="col">w from {f}</th>)}<th scope="col">bias</th></tr></thead>
      <tbody>
        {to.map((t, j) => (
          <tr key={t}>
            <th scope="row">{t}</th>
            {from.map((f, i) => (
              <td key={f}><NumberField key={generation} label={`weight from ${f} to ${t}`} value={layers[which].weights[j][i]} onChange={(v) => setWeight(which, j, i, v)} /></td>
            ))}
            <td><NumberField key={generation} label={`bias of ${t}`} value={layers[which].biases[j]} onChange={(v) => setWeight(which, j, -1, v)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="panel nn-network" aria-label="Forward pass through a small network">
      <div className="nn-network-row">
        <div className="nn-diagram" ref={host} />
        <div className="nn-editors">
          <fieldset className="nn-inputs">
            <legend>Inputs</legend>
            {INPUT_NAMES.map((name, i) => (
              <label key={name}>{name}{' '}
                <NumberField key={generation} label={`input ${name}`} value={layers.inputs[i]}
                  onChange={(v) => setLayers((l) => ({ ...l, inputs: l.inputs.map((x, k) => (k === i ? v : x)) }))} />
              </label>
            ))}
          </fieldset>
          {weightTable('hidden', INPUT_NAMES, HIDDEN_NAMES)}
          {weightTable('output', HIDDEN_NAMES, OUTPUT_NAMES)}
          <label className="nn-activation">Transfer function{' '}
            <select aria-label="Transfer function" value={activation} onChange={(e) => updateParams({ act: e.target.value === 'sigmoid' ? null : e.target.value })}>
              {ACTIVATION_NAMES.map((n) => <option key={n} value={n}>{ACTIVATIONS[n].label}</option>)}
            </select>
          </label>
          <button type="button" className="nn-small" onClick={() => { setLayers({ inputs: EXAMPLE_NETWORK.inputs, hidden: EXAMPLE_NETWORK.hidden, output: EXAMPLE_NETWORK.output }); setGeneration((g) => g + 1); }}>
            Example numbers
          </button>
        </div>
      </div>
      <div className="nn-walk">
        <button type="button" className="primary" onClick={() => setSelected((s) => (s + 1) % trace.length)}>Next unit</button>
        <p className="nn-current" aria-live="polite" data-testid="current-unit">{unitFormula(unit, activation)}</p>
      </div>
      <ol className="nn-formulas" aria-label="Forward pass, unit by unit">
        {trace.map((u, k) => (
          <li key={u.name} className={k === selected ? 'current' : ''} aria-current={k === selected ? 'true' : undefined}>
            <button type="button" className="nn-link" onClick={() => setSelected(k)}>{unitFormula(u, activation)}</button>
          </li>
        ))}
      </ol>
    </section>
  );
}
