import { select } from 'd3';

/** What a block of the diagram stands for; sets its colour. */
export type DiagramLayerKind = 'input' | 'conv' | 'pool' | 'norm' | 'fc' | 'softmax' | 'inception' | 'gap';

export interface DiagramLayer {
  /** Unique within the diagram; passed to `onHighlight`. */
  id: string;
  /** Shown above the block, e.g. "conv1". */
  name: string;
  kind: DiagramLayerKind;
  /** Kernel and stride or other short detail, e.g. "11×11 /4"; shown under the block. */
  detail?: string;
  /** Output of one image: [H, W, C] for maps, [units] for vectors. */
  shape: number[];
  /** 2: the layer's filters are split into two groups (AlexNet's two GPUs), drawn as two parallel halves. */
  groups?: 1 | 2;
}

export interface LayerDiagramOptions {
  layers: DiagramLayer[];
  /** Accessible name of the whole drawing. */
  label: string;
  /** Called with a block's id when it is hovered or focused, and with null when it is left. */
  onHighlight?: (id: string | null) => void;
}

export interface LayerDiagram {
  update(layers: DiagramLayer[]): void;
  /** Marks one block (e.g. the one whose table row the pointer is on); null clears. */
  highlight(id: string | null): void;
  destroy(): void;
}

/** Okabe–Ito colours per kind, distinguishable with the common colour-vision deficiencies. */
export const KIND_COLORS: Record<DiagramLayerKind, string> = {
  input: '#999999', conv: '#0072B2', pool: '#E69F00', norm: '#CC79A7', fc: '#009E73', softmax: '#D55E00', inception: '#56B4E9', gap: '#F0E442',
};

export const KIND_NAMES: Record<DiagramLayerKind, string> = {
  input: 'input', conv: 'convolution', pool: 'pooling', norm: 'normalisation', fc: 'fully connected', softmax: 'softmax', inception: 'inception module', gap: 'global average pooling',
};

const TOP = 30;
const SLOT_MIN = 66;
const GAP = 14;
const LABEL_LINES = 2;
const LINE = 14;
const HALF_GAP = 4;

/** Formats an output shape as "55×55×96" or "4096". */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

/**
 * Block size: for maps, height grows with log₂ of the spatial side and width with log₂ of the channels, so a
 * 227-pixel input and a 6-pixel map both stay readable; a vector is a thin bar whose height grows with log₂ of its units.
 */
export function blockSize(layer: Pick<DiagramLayer, 'shape'>): { w: number; h: number } {
  const log = (n: number) => Math.log2(Math.max(1, n));
  if (layer.shape.length === 3) {
    const [side, , channels] = layer.shape;
    return { w: Math.round(8 + 4.5 * log(channels)), h: Math.round(12 + 11 * log(side)) };
  }
  return { w: 12, h: Math.round(12 + 8 * log(layer.shape[0] ?? 1)) };
}

/** The text alternative of one block, read on focus. */
export function describeBlock(layer: DiagramLayer): string {
  const parts = [`${layer.name}: ${KIND_NAMES[layer.kind]}`];
  if (layer.detail) parts.push(layer.detail);
  if (layer.groups === 2) parts.push('two groups');
  parts.push(`output ${formatShape(layer.shape)}`);
  return parts.join(', ');
}

/**
 * A network as a row of blocks, left to right, one per layer: size encodes the output shape (see `blockSize`),
 * colour the kind; the name is above, kernel/stride and output shape below. A layer in two groups is two
 * parallel halves. Each block is focusable; hover or focus highlights it and tells the host. The SVG keeps its
 * natural width, so the host should let it scroll sideways on a narrow screen.
 */
export function createLayerDiagram(el: HTMLElement, opts: LayerDiagramOptions): LayerDiagram {
  const svg = select(el).append('svg')
    .attr('class', 'layer-diagram')
    .attr('role', 'list')
    .attr('aria-label', opts.label)
    .style('display', 'block')
    .style('font', '11px sans-serif');
  let highlighted: string | null = null;

  function applyHighlight() {
    svg.selectAll<SVGGElement, DiagramLayer>('g.layer-block').classed('highlighted', (d) => d.id === highlighted);
  }

  function render(layers: DiagramLayer[]) {
    svg.selectAll('*').remove();
    const sizes = layers.map(blockSize);
    const maxH = Math.max(...sizes.map((s) => s.h), 20);
    const slots = sizes.map((s) => Math.max(SLOT_MIN, s.w + 10));
    const width = slots.reduce((a, b) => a + b, 0) + GAP * Math.max(0, layers.length - 1) + 8;
    const height = TOP + maxH + 8 + LABEL_LINES * LINE + 4;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const mid = TOP + maxH / 2;
    let x = 4;
    const centres = slots.map((slot) => { const c = x + slot / 2; x += slot + GAP; return c; });

    svg.append('g').attr('class', 'arrows').attr('aria-hidden', 'true')
      .selectAll('line').data(layers.slice(1)).join('line')
      .attr('x1', (_, i) => centres[i] + sizes[i].w / 2 + 2)
      .attr('x2', (_, i) => centres[i + 1] - sizes[i + 1].w / 2 - 2)
      .attr('y1', mid).attr('y2', mid)
      .attr('stroke', '#888').attr('stroke-width', 1.2);

    const blocks = svg.append('g').attr('class', 'blocks')
      .selectAll<SVGGElement, DiagramLayer>('g.layer-block').data(layers).join('g')
      .attr('class', (d) => `layer-block kind-${d.kind}`)
      .attr('data-layer', (d) => d.id)
      .attr('role', 'listitem')
      .attr('tabindex', 0)
      .attr('aria-label', describeBlock)
      .attr('transform', (_, i) => `translate(${centres[i]},0)`);
    blocks.append('rect').attr('class', 'hit-area')
      .attr('x', (_, i) => -slots[i] / 2).attr('y', 0).attr('width', (_, i) => slots[i]).attr('height', height)
      .attr('fill', 'transparent');
    blocks.each(function draw(d, i) {
      const g = select(this);
      const { w, h } = sizes[i];
      const y = mid - h / 2;
      const halves = d.groups === 2
        ? [{ y, h: (h - HALF_GAP) / 2 }, { y: y + (h + HALF_GAP) / 2, h: (h - HALF_GAP) / 2 }]
        : [{ y, h }];
      g.selectAll('rect.block').data(halves).join('rect')
        .attr('class', d.groups === 2 ? 'block half' : 'block')
        .attr('x', -w / 2).attr('y', (p) => p.y).attr('width', w).attr('height', (p) => p.h)
        .attr('rx', 2).attr('fill', KIND_COLORS[d.kind]).attr('stroke', '#333').attr('stroke-width', 0.8);
      g.append('text').attr('class', 'block-name').attr('text-anchor', 'middle').attr('y', TOP - 8)
        .attr('font-weight', 600).attr('fill', 'currentColor').text(d.name);
      const below = TOP + maxH + 8 + LINE - 3;
      g.append('text').attr('class', 'block-detail').attr('text-anchor', 'middle').attr('y', below)
        .attr('fill', 'currentColor').text(d.detail ?? KIND_NAMES[d.kind]);
      g.append('text').attr('class', 'block-shape').attr('text-anchor', 'middle').attr('y', below + LINE)
        .attr('fill', '#555').text(formatShape(d.shape));
    });
    const enter = (_: Event, d: DiagramLayer) => { highlighted = d.id; applyHighlight(); opts.onHighlight?.(d.id); };
    const leave = () => { highlighted = null; applyHighlight(); opts.onHighlight?.(null); };
    blocks.on('mouseenter', enter).on('focus', enter).on('mouseleave', leave).on('blur', leave);
    applyHighlight();
  }

  render(opts.layers);
  return {
    update: render,
    highlight(id) { highlighted = id; applyHighlight(); },
    destroy() { svg.remove(); },
  };
}
