import { select } from 'd3';
import { formatValue } from './formatValue';

export interface NetworkDiagramOptions {
  /** Unit names per layer, inputs first. */
  layers: string[][];
  /** Called when a non-input unit is clicked or activated with Enter/Space. */
  onSelect?: (layer: number, index: number) => void;
  label: string;
  /** Size in CSS px at full size (default 420 × 300); it shrinks to fit narrower containers. */
  width?: number;
  height?: number;
}

export interface NetworkDiagramData {
  /** Each unit's output value (inputs' values for layer 0), per layer. */
  values: number[][];
  /** weights[l][j][i]: from unit i of layer l to unit j of layer l + 1. */
  weights: number[][][];
  /** biases[l][j]: bias of unit j of layer l + 1. */
  biases: number[][];
  /** The unit whose incoming edges are highlighted, or null. */
  selected: { layer: number; index: number } | null;
}

export interface NetworkDiagram { update(data: NetworkDiagramData): void; destroy(): void }

interface Edge { l: number; i: number; j: number; w: number; x1: number; y1: number; x2: number; y2: number; feeding: boolean }
interface Unit { l: number; j: number; name: string; value: number; bias: number | null; x: number; y: number; selected: boolean }

const RADIUS = 23;
const POSITIVE = '#0072B2';
const NEGATIVE = '#D55E00';

/**
 * A layered network drawn in SVG: units as circles with their name and value, edges coloured by the sign of
 * their weight and as thick as its size; the edges into the selected unit are highlighted and labelled.
 */
export function createNetworkDiagram(el: HTMLElement, opts: NetworkDiagramOptions): NetworkDiagram {
  const width = opts.width ?? 420;
  const height = opts.height ?? 300;
  const svg = select(el).append('svg').attr('class', 'network-diagram').attr('viewBox', `0 0 ${width} ${height}`)
    .style('width', '100%').style('max-width', `${width}px`).style('height', 'auto').attr('role', 'group').attr('aria-label', opts.label);
  const edgeLayer = svg.append('g').attr('class', 'edges');
  const labelLayer = svg.append('g').attr('class', 'edge-labels');
  const unitLayer = svg.append('g').attr('class', 'units');
  const nLayers = opts.layers.length;
  const colX = (l: number) => 50 + ((width - 100) * l) / Math.max(1, nLayers - 1);
  const rowY = (l: number, j: number) => {
    const n = opts.layers[l].length;
    const gap = (height - 40) / Math.max(n, 1);
    return 18 + gap * (j + 0.5);
  };

  function update(d: NetworkDiagramData): void {
    const sel = d.selected;
    const edges: Edge[] = [];
    d.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((w, i) => {
      edges.push({ l, i, j, w, x1: colX(l), y1: rowY(l, i), x2: colX(l + 1), y2: rowY(l + 1, j), feeding: !!sel && sel.layer === l + 1 && sel.index === j });
    })));
    const units: Unit[] = opts.layers.flatMap((names, l) => names.map((name, j) => ({
      l, j, name, value: d.values[l]?.[j] ?? NaN, bias: l > 0 ? d.biases[l - 1][j] : null, x: colX(l), y: rowY(l, j),
      selected: !!sel && sel.layer === l && sel.index === j,
    })));
    const dim = !!sel && sel.layer > 0;

    edgeLayer.selectAll<SVGLineElement, Edge>('line').data(edges).join('line')
      .attr('x1', (e) => e.x1 + RADIUS).attr('y1', (e) => e.y1).attr('x2', (e) => e.x2 - RADIUS).attr('y2', (e) => e.y2)
      .attr('stroke', (e) => (e.w >= 0 ? POSITIVE : NEGATIVE))
      .attr('stroke-width', (e) => 1 + 2.5 * Math.min(Math.abs(e.w), 2))
      .attr('stroke-opacity', (e) => (e.feeding ? 1 : dim ? 0.15 : 0.6))
      .attr('class', (e) => (e.feeding ? 'edge feeding' : 'edge'));

    const feeding = edges.filter((e) => e.feeding);
    const labels = labelLayer.selectAll<SVGGElement, Edge>('g').data(feeding).join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('rx', 3).attr('height', 16).attr('y', -11);
      g.append('text').attr('text-anchor', 'middle');
      return g;
    });
    labels.attr('transform', (e) => `translate(${e.x1 + RADIUS + (e.x2 - e.x1 - 2 * RADIUS) * 0.45},${e.y1 + (e.y2 - e.y1) * 0.45})`);
    labels.select('text').text((e) => formatValue(e.w)).attr('fill', (e) => (e.w >= 0 ? POSITIVE : NEGATIVE));
    labels.select('rect').attr('x', (e) => -(formatValue(e.w).length * 3.6 + 4)).attr('width', (e) => formatValue(e.w).length * 7.2 + 8);

    const groups = unitLayer.selectAll<SVGGElement, Unit>('g').data(units).join((enter) => {
      const g = enter.append('g');
      g.append('circle').attr('r', RADIUS);
      g.append('text').attr('class', 'unit-name').attr('text-anchor', 'middle').attr('y', -4);
      g.append('text').attr('class', 'unit-value').attr('text-anchor', 'middle').attr('y', 12);
      g.append('text').attr('class', 'unit-bias').attr('text-anchor', 'middle').attr('y', RADIUS + 13);
      return g;
    });
    groups.attr('transform', (u) => `translate(${u.x},${u.y})`)
      .attr('class', (u) => `unit${u.l === 0 ? ' input' : ''}${u.selected ? ' selected' : ''}${dim && !u.selected && u.l !== (sel?.layer ?? 0) - 1 ? ' dimmed' : ''}`)
      .attr('tabindex', (u) => (u.l > 0 && opts.onSelect ? 0 : null))
      .attr('role', (u) => (u.l > 0 && opts.onSelect ? 'button' : null))
      .attr('aria-pressed', (u) => (u.l > 0 && opts.onSelect ? String(u.selected) : null))
      .attr('aria-label', (u) => `unit ${u.name}, ${u.l === 0 ? 'input' : 'output'} ${u.value.toFixed(3)}`)
      .on('click', (_e, u) => { if (u.l > 0) opts.onSelect?.(u.l, u.j); })
      .on('keydown', (e: KeyboardEvent, u) => {
        if (u.l > 0 && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); opts.onSelect?.(u.l, u.j); }
      });
    groups.select('.unit-name').text((u) => u.name);
    groups.select('.unit-value').text((u) => (u.l === 0 ? formatValue(u.value) : u.value.toFixed(3)));
    groups.select('.unit-bias').text((u) => (u.bias === null ? '' : `b = ${formatValue(u.bias)}`));
  }

  return { update, destroy: () => svg.remove() };
}
