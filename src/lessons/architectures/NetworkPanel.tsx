import { useMemo, useState } from 'react';
import { formatShape } from '../../viz/layerDiagram';
import { LayerDiagramView } from './LayerDiagramView';
import { countParameters, countWeightLayers, describeNetwork, diagramLayers, NETWORK_SPECS, type NetworkId } from './networks';
import { ARCHITECTURES } from './results';

const fmt = (n: number) => n.toLocaleString('en-US');

/** One network: its layer diagram and a table of every block (output shape and parameters, computed); hovering either highlights both. */
export function NetworkPanel({ id }: { id: NetworkId }) {
  const net = NETWORK_SPECS[id];
  const layers = useMemo(() => diagramLayers(net), [net]);
  const rows = useMemo(() => describeNetwork(net), [net]);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const entry = ARCHITECTURES.find((a) => a.spec === id);
  const total = countParameters(net);
  return (
    <section className="panel arch-network" aria-labelledby={`arch-${id}-title`}>
      <h3 id={`arch-${id}-title`}>{net.name}: {countWeightLayers(net)} layers with weights, {fmt(total)} parameters (computed)</h3>
      <LayerDiagramView layers={layers} label={`${net.name}, layer by layer`} highlighted={highlighted} onHighlight={setHighlighted} />
      <p className="hint">
        Block height grows with the log of the map’s side, width with the log of its channels; thin bars are vectors.
        Colours: <span className="diagram-key conv">convolution</span> <span className="diagram-key pool">pooling</span> <span className="diagram-key norm">normalisation</span>{' '}
        <span className="diagram-key inception">inception</span> <span className="diagram-key gap">global average pooling</span> <span className="diagram-key fc">fully connected</span>{' '}
        <span className="diagram-key softmax">softmax</span>. Layers from {net.source}.
      </p>
      <div className="arch-table-scroll">
        <table className="results arch-layer-table">
          <caption>Every block: output of one image and its weights + biases, computed from the layer list</caption>
          <thead><tr><th scope="col">layer</th><th scope="col">kind</th><th scope="col">output</th><th scope="col">parameters</th></tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const layerId = layers[i].id;
              return (
                <tr key={layerId} data-layer={layerId} className={highlighted === layerId ? 'highlighted' : undefined}
                  onMouseEnter={() => setHighlighted(layerId)} onMouseLeave={() => setHighlighted(null)}>
                  <th scope="row">{r.spec.name}</th>
                  <td>{layers[i].detail ?? layers[i].kind}</td>
                  <td>{formatShape(r.outputShape)}</td>
                  <td>{r.parameters ? fmt(r.parameters) : '–'}</td>
                </tr>
              );
            })}
            <tr className="total"><th scope="row">total</th><td /><td /><td>{fmt(total)}</td></tr>
          </tbody>
        </table>
      </div>
      {entry && <p className="arch-new"><strong>What was new:</strong> {entry.whatWasNew}</p>}
    </section>
  );
}
