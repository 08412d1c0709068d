import { useMemo, useState } from 'react';
import { ALEXNET_PUBLISHED, comparePublished, describeAlexNet, type AlexNetLayerRow } from '../../model/alexnetArchitecture';
import { ALEXNET_LAYERS, ALEXNET_VARIABLE_SHAPES, convWeightNames } from '../../model/alexnetLayers';
import { formatShape, type DiagramLayer } from '../../viz/layerDiagram';
import { LayerDiagramView } from '../architectures/LayerDiagramView';

const fmt = (n: number) => n.toLocaleString('en-US');
const KIND: Record<AlexNetLayerRow['kind'], DiagramLayer['kind']> = { conv: 'conv', lrn: 'norm', maxPool: 'pool', dense: 'fc', softmax: 'softmax' };
const WEIGHTED = new Set<AlexNetLayerRow['kind']>(['conv', 'dense']);

/** Kernel/stride and groups of each layer, read from ALEXNET_LAYERS and the variable shapes. */
function layerDetail(index: number): { detail: string; groups: 1 | 2 } {
  const layer = ALEXNET_LAYERS[index];
  if (layer.kind === 'conv') {
    const [k] = ALEXNET_VARIABLE_SHAPES[convWeightNames(layer.name, layer.groups)[0]];
    return { detail: `${k}×${k} /${layer.stride}`, groups: layer.groups };
  }
  if (layer.kind === 'maxPool') return { detail: `max ${layer.size}×${layer.size} /${layer.stride}`, groups: 1 };
  if (layer.kind === 'lrn') return { detail: 'LRN', groups: 1 };
  if (layer.kind === 'dense') return { detail: 'fc', groups: 1 };
  return { detail: 'softmax', groups: 1 };
}

/** The table's longer description: dense layers add their ReLU and dropout. */
function tableDetail(index: number, short: string | undefined): string {
  const layer = ALEXNET_LAYERS[index];
  if (layer.kind !== 'dense') return short ?? '';
  return `fc${layer.relu ? ' + ReLU' : ''}${layer.dropout ? `, dropout ${layer.dropout}` : ''}`;
}

/**
 * AlexNet layer by layer: the diagram (conv2, conv4, conv5 as two GPU halves) and a table of output shape, neurons,
 * parameters and connections computed by describeAlexNet from the model's variable shapes, beside the numbers the
 * paper and the lecture publish and comparePublished's account of each difference.
 */
export function ArchitecturePanel() {
  const arch = useMemo(() => describeAlexNet(), []);
  const comparison = useMemo(() => comparePublished(arch), [arch]);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const layers = useMemo<DiagramLayer[]>(() => [
    { id: 'alexnet-input', name: 'input', kind: 'input', detail: 'RGB crop', shape: [...arch.input] },
    ...arch.layers.map((l, i) => ({ id: `alexnet-${l.name}`, name: l.name, kind: KIND[l.kind], shape: l.outputShape, ...layerDetail(i) })),
  ], [arch]);
  const published = ALEXNET_PUBLISHED.neuronsPerLayer;
  const weightedNames = arch.layers.filter((l) => WEIGHTED.has(l.kind)).map((l) => l.name);
  return (
    <section className="panel alexnet-arch" aria-labelledby="alexnet-arch-title">
      <h3 id="alexnet-arch-title">AlexNet layer by layer: {fmt(arch.totals.parameters)} parameters (computed from the model’s variables)</h3>
      <LayerDiagramView layers={layers} label="AlexNet, layer by layer" highlighted={highlighted} onHighlight={setHighlighted} />
      <p className="hint">
        Block height grows with the log of the map’s side, width with the log of its channels; thin bars are vectors. A block split in
        two halves is a layer whose filters each read only their own GPU’s half of the maps below (conv2, conv4, conv5). Hover or
        focus a block to find its row.
      </p>
      <div className="arch-table-scroll">
        <table className="results alexnet-arch-table">
          <caption>
            <strong>Computed</strong> from the shapes of the model’s variables (describeAlexNet): output of one image, neurons (output values),
            parameters (weights + biases), connections (multiply-adds). <strong>Cited</strong>: the paper’s neurons per layer
            (Krizhevsky, Sutskever &amp; Hinton 2012, §3.5 and Fig. 2; also on the lecture slide).
          </caption>
          <thead>
            <tr>
              <th scope="col">layer</th><th scope="col">kernel / stride</th><th scope="col">output</th><th scope="col">neurons</th>
              <th scope="col">parameters</th><th scope="col">connections</th><th scope="col">paper’s neurons (cited)</th>
            </tr>
          </thead>
          <tbody>
            {arch.layers.map((l, i) => {
              const id = `alexnet-${l.name}`;
              const k = weightedNames.indexOf(l.name);
              const cited = k >= 0 ? published[k] : null;
              return (
                <tr key={l.name} data-layer={id} className={highlighted === id ? 'highlighted' : undefined}
                  onMouseEnter={() => setHighlighted(id)} onMouseLeave={() => setHighlighted(null)}>
                  <th scope="row">{l.name}</th>
                  <td>{tableDetail(i, layers[i + 1].detail)}</td>
                  <td>{formatShape(l.outputShape)}</td>
                  <td>{fmt(l.neurons)}</td>
                  <td>{l.parameters ? fmt(l.parameters) : '–'}</td>
                  <td>{l.connections ? fmt(l.connections) : '–'}</td>
                  <td className={cited !== null && cited !== l.neurons ? 'mismatch' : undefined}>{cited !== null ? fmt(cited) : ''}</td>
                </tr>
              );
            })}
            <tr className="total">
              <th scope="row">total (8 weighted layers)</th><td /><td />
              <td>{fmt(arch.totals.neurons)}</td><td>{fmt(arch.totals.parameters)}</td><td>{fmt(arch.totals.connections)}</td>
              <td>{fmt(published.reduce((a, b) => a + b, 0))}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h4>Published beside computed</h4>
      <p className="hint">
        Published: the paper’s abstract (60 million parameters, 650,000 neurons), §3.5 and Fig. 2 (224×224×3 input, neurons per layer),
        and the lecture slide “Model architecture-AlexNet Krizhevsky 2012” (the same, and 630 million connections).
        Computed: this app’s AlexNet. The explanations are arithmetic on both.
      </p>
      <div className="arch-table-scroll">
        <table className="results alexnet-published-table">
          <thead><tr><th scope="col">quantity</th><th scope="col">published (cited)</th><th scope="col">computed</th><th scope="col">why they differ</th></tr></thead>
          <tbody>
            {comparison.map((c) => (
              <tr key={c.quantity} className={c.published === c.computed ? 'match' : 'differs'}>
                <th scope="row">{c.quantity}</th>
                <td>{fmt(c.published)}</td>
                <td>{fmt(c.computed)}</td>
                <td className="explanation">{c.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
