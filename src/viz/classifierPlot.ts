import { pointer, scaleLinear, select, symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3';

export interface PlotPoint { x1: number; x2: number; label: number }

export interface ClassifierPlotOptions {
  /** The square [lo, hi]² shown, in data units. */
  domain: [number, number];
  /** CSS px of the square plot area at full size (default 360); the plot shrinks to fit narrower containers. */
  size?: number;
  /** One colour per class. */
  colors: readonly string[];
  label: string;
  onAdd?: (x1: number, x2: number) => void;
  onMove?: (index: number, x1: number, x2: number) => void;
  onRemove?: (index: number) => void;
  onSelect?: (index: number | null) => void;
  onHover?: (index: number | null) => void;
  /** A boundary handle was dragged (or moved with the arrow keys) to (x1, x2), clamped to the domain. */
  onHandleMove?: (index: number, x1: number, x2: number) => void;
}

export interface ClassifierPlotData {
  points: readonly PlotPoint[];
  /** Class probabilities at a position, for the background shading (the winning class, paler when unsure). */
  probabilities: (x1: number, x2: number) => number[];
  /** Lines drawn in order, clipped to the plot (pass them already clipped: endpoints in data units). */
  segments: { from: [number, number]; to: [number, number]; color: string; dash?: string }[];
  selected: number | null;
  /** Draggable handles on the line being edited (none, or two), in data units, and their colour. */
  handles: [number, number][];
  handleColor?: string;
}

export interface ClassifierPlot { update(data: ClassifierPlotData): void; destroy(): void }

const SHADE_CELLS = 60;
const MARGIN = { top: 8, right: 8, bottom: 34, left: 40 };
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle];
/** Arrow keys move a point or handle this far (data units); with Shift, five times as far. */
const KEY_STEP = 0.1;

/** Parses '#rrggbb' into bytes. */
function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The arrow key's direction in data units (x2 grows upwards), or null for other keys. */
function arrowDelta(e: KeyboardEvent): [number, number] | null {
  const s = KEY_STEP * (e.shiftKey ? 5 : 1);
  const d: Record<string, [number, number]> = { ArrowLeft: [-s, 0], ArrowRight: [s, 0], ArrowUp: [0, s], ArrowDown: [0, -s] };
  return d[e.key] ?? null;
}

/**
 * A 2-D classification plot: a canvas of decision regions (the predicted class, paler where the classifier is
 * unsure) under an SVG of boundary lines, points and two draggable handles on the line being edited. Click empty
 * space to add a point, drag a point to move it, shift-click a point to remove it, click a point to select it.
 * Keyboard: with the plot focused, N / P select the next / previous point, arrows move it, Delete removes it;
 * each handle is focusable and moves with the arrows.
 */
export function createClassifierPlot(el: HTMLElement, opts: ClassifierPlotOptions): ClassifierPlot {
  const size = opts.size ?? 360;
  const fullW = size + MARGIN.left + MARGIN.right;
  const fullH = size + MARGIN.top + MARGIN.bottom;
  const [lo, hi] = opts.domain;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const x = scaleLinear().domain([lo, hi]).range([0, size]);
  const y = scaleLinear().domain([lo, hi]).range([size, 0]);
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  const root = select(el).append('div').attr('class', 'classifier-plot').style('position', 'relative')
    .style('width', '100%').style('max-width', `${fullW}px`).style('aspect-ratio', `${fullW} / ${fullH}`);
  const canvas = root.append('canvas').attr('width', SHADE_CELLS).attr('height', SHADE_CELLS)
    .style('position', 'absolute').style('left', pct(MARGIN.left, fullW)).style('top', pct(MARGIN.top, fullH))
    .style('width', pct(size, fullW)).style('height', pct(size, fullH)).style('image-rendering', 'auto');
  const svg = root.append('svg').attr('viewBox', `0 0 ${fullW} ${fullH}`).attr('width', '100%').attr('height', '100%')
    .style('position', 'absolute').style('left', 0).style('top', 0)
    .attr('role', 'group').attr('tabindex', 0).attr('aria-label', opts.label);
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const clipId = `clf-clip-${Math.random().toString(36).slice(2)}`;
  svg.append('defs').append('clipPath').attr('id', clipId).append('rect').attr('width', size).attr('height', size);
  const background = g.append('rect').attr('class', 'plot-bg').attr('width', size).attr('height', size).attr('fill', 'transparent')
    .style('cursor', 'crosshair');
  const ticks = x.ticks(8);
  const axes = g.append('g').attr('class', 'axes').attr('pointer-events', 'none');
  axes.selectAll('text.xt').data(ticks).join('text').attr('class', 'xt').attr('x', (t) => x(t)).attr('y', size + 14).attr('text-anchor', 'middle').text((t) => t);
  axes.selectAll('text.yt').data(ticks).join('text').attr('class', 'yt').attr('x', -6).attr('y', (t) => y(t) + 4).attr('text-anchor', 'end').text((t) => t);
  axes.append('text').attr('x', size / 2).attr('y', size + 30).attr('text-anchor', 'middle').text('x1');
  axes.append('text').attr('x', -30).attr('y', size / 2).attr('text-anchor', 'middle').text('x2');
  axes.append('rect').attr('width', size).attr('height', size).attr('fill', 'none').attr('stroke', '#999');
  const lineLayer = g.append('g').attr('clip-path', `url(#${clipId})`).attr('pointer-events', 'none');
  const pointLayer = g.append('g').attr('class', 'points');
  const handleLayer = g.append('g').attr('class', 'handles');

  const toData = (event: Event): [number, number] => {
    const [px, py] = pointer(event, g.node());
    return [x.invert(px), y.invert(py)];
  };
  background.on('click', (event: MouseEvent) => {
    const [a, b] = toData(event);
    if (a >= lo && a <= hi && b >= lo && b <= hi) opts.onAdd?.(a, b);
  });

  let current: ClassifierPlotData | null = null;
  let drag: { kind: 'point' | 'handle'; index: number; moved: boolean; pointerId: number } | null = null;

  svg.on('keydown', (e: KeyboardEvent) => {
    if (e.target !== svg.node() || !current) return;
    const n = current.points.length;
    const sel = current.selected;
    if ((e.key === 'n' || e.key === 'p') && n > 0) {
      e.preventDefault();
      opts.onSelect?.(sel === null ? (e.key === 'n' ? 0 : n - 1) : (sel + (e.key === 'n' ? 1 : n - 1)) % n);
      return;
    }
    if (sel === null || !current.points[sel]) return;
    const d = arrowDelta(e);
    if (d) {
      e.preventDefault();
      const p = current.points[sel];
      opts.onMove?.(sel, clamp(Math.round((p.x1 + d[0]) * 100) / 100), clamp(Math.round((p.x2 + d[1]) * 100) / 100));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      opts.onRemove?.(sel);
    } else if (e.key === 'Escape') {
      opts.onSelect?.(null);
    }
  });

  const endDrag = (event: PointerEvent) => {
    if (!drag || drag.pointerId !== event.pointerId) return;
    if (drag.kind === 'point' && !drag.moved) opts.onSelect?.(drag.index);
    drag = null;
  };
  const moveDrag = (event: PointerEvent) => {
    if (!drag || drag.pointerId !== event.pointerId) return;
    const [a, b] = toData(event);
    drag.moved = true;
    if (drag.kind === 'point') opts.onMove?.(drag.index, clamp(a), clamp(b));
    else opts.onHandleMove?.(drag.index, clamp(a), clamp(b));
  };

  function update(d: ClassifierPlotData): void {
    current = d;
    const ctx = canvas.node()!.getContext('2d');
    if (ctx) {
      const img = ctx.createImageData(SHADE_CELLS, SHADE_CELLS);
      const rgbs = opts.colors.map(hexRgb);
      for (let r = 0; r < SHADE_CELLS; r++) {
        for (let c = 0; c < SHADE_CELLS; c++) {
          const probs = d.probabilities(lo + ((c + 0.5) / SHADE_CELLS) * (hi - lo), hi - ((r + 0.5) / SHADE_CELLS) * (hi - lo));
          let k = 0;
          probs.forEach((p, i) => { if (p > probs[k]) k = i; });
          const chance = 1 / probs.length;
          const strength = 0.12 + 0.38 * Math.max(0, (probs[k] - chance) / (1 - chance));
          const o = (r * SHADE_CELLS + c) * 4;
          for (let ch = 0; ch < 3; ch++) img.data[o + ch] = Math.round(255 + (rgbs[k][ch] - 255) * strength);
          img.data[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
    }
    lineLayer.selectAll('line').data(d.segments).join('line')
      .attr('x1', (s) => x(s.from[0])).attr('y1', (s) => y(s.from[1])).attr('x2', (s) => x(s.to[0])).attr('y2', (s) => y(s.to[1]))
      .attr('stroke', (s) => s.color).attr('stroke-width', 2.5).attr('stroke-dasharray', (s) => s.dash ?? null);
    pointLayer.selectAll<SVGPathElement, PlotPoint>('path').data(d.points).join('path')
      .attr('class', (_p, i) => (i === d.selected ? 'pt selected' : 'pt'))
      .attr('d', (p) => symbol(SHAPES[p.label % SHAPES.length], p.label === 2 ? 80 : 64)())
      .attr('transform', (p) => `translate(${x(p.x1)},${y(p.x2)})`)
      .attr('fill', (p) => opts.colors[p.label])
      .attr('stroke', (_p, i) => (i === d.selected ? '#000' : '#fff'))
      .attr('stroke-width', (_p, i) => (i === d.selected ? 2.5 : 1))
      .style('cursor', 'grab').style('touch-action', 'none')
      .on('pointerenter', (_e, p) => opts.onHover?.(d.points.indexOf(p)))
      .on('pointerleave', () => opts.onHover?.(null))
      .on('pointerdown', function (event: PointerEvent, p) {
        const index = d.points.indexOf(p);
        event.preventDefault();
        if (event.shiftKey) { opts.onRemove?.(index); return; }
        drag = { kind: 'point', index, moved: false, pointerId: event.pointerId };
        this.setPointerCapture?.(event.pointerId);
      })
      .on('pointermove', moveDrag)
      .on('pointerup', endDrag);
    handleLayer.selectAll<SVGCircleElement, [number, number]>('circle').data(d.handles).join('circle')
      .attr('class', 'boundary-handle').attr('r', 8).attr('cx', (h) => x(h[0])).attr('cy', (h) => y(h[1]))
      .attr('fill', '#ffffff').attr('stroke', d.handleColor ?? '#1d1d1f').attr('stroke-width', 3)
      .attr('tabindex', 0).attr('role', 'button')
      .attr('aria-label', (h, i) => `boundary handle ${i + 1} at (${h[0].toFixed(2)}, ${h[1].toFixed(2)}): drag it, or use the arrow keys, to turn the line about the other handle`)
      .style('cursor', 'move').style('touch-action', 'none')
      .on('pointerdown', function (event: PointerEvent) {
        event.preventDefault();
        const index = handleLayer.selectAll('circle').nodes().indexOf(this);
        drag = { kind: 'handle', index, moved: false, pointerId: event.pointerId };
        this.setPointerCapture?.(event.pointerId);
      })
      .on('pointermove', moveDrag)
      .on('pointerup', endDrag)
      .on('keydown', function (event: KeyboardEvent, h) {
        const delta = arrowDelta(event);
        if (!delta) return;
        event.preventDefault();
        event.stopPropagation();
        const index = handleLayer.selectAll('circle').nodes().indexOf(this);
        opts.onHandleMove?.(index, clamp(h[0] + delta[0]), clamp(h[1] + delta[1]));
      });
    svg.attr('aria-label', `${opts.label}: ${d.points.length} points${d.selected !== null ? `, point ${d.selected + 1} selected` : ''}`);
  }

  return { update, destroy: () => root.remove() };
}
