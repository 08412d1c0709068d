import { axisBottom, axisLeft, contours, geoPath, geoTransform, interpolateGnBu, pointer, scaleLinear, select } from 'd3';

export interface ContourPlotOptions {
  xDomain: [number, number];
  yDomain: [number, number];
  xLabel: string;
  yLabel: string;
  label: string;
  /** Called with the data coordinates of a click. */
  onPick?: (x: number, y: number) => void;
  /** CSS px of the plot area at full size (default 340 × 240); the plot shrinks to fit narrower containers. */
  width?: number;
  height?: number;
}

/** Values on an nx × ny grid; cell (c, r) is sampled at the cell centre, row 0 at the top (largest y). */
export interface Grid { values: Float64Array; nx: number; ny: number }

export interface ContourPlotData {
  grid: Grid;
  /** The optimiser's path, in data units; drawn as a line with a dot per point, clipped to the plot. */
  path: readonly (readonly number[])[];
  markers: { x: number; y: number; label: string }[];
}

export interface ContourPlot { update(data: ContourPlotData): void; destroy(): void }

const MARGIN = { top: 8, right: 10, bottom: 34, left: 44 };
const LEVELS = 14;
/** Dots drawn at most (the latest ones); the line keeps every point. */
const MAX_DOTS = 400;
/** Far-off points are pulled in to this many px so the SVG stays valid when a path diverges. */
const PIXEL_LIMIT = 1e5;

/** Samples f on the grid used by the contour plot. */
export function sampleGrid(f: (x: number, y: number) => number, xDomain: [number, number], yDomain: [number, number], nx: number, ny: number): Grid {
  const values = new Float64Array(nx * ny);
  for (let r = 0; r < ny; r++) {
    const y = yDomain[1] - ((r + 0.5) / ny) * (yDomain[1] - yDomain[0]);
    for (let c = 0; c < nx; c++) values[r * nx + c] = f(xDomain[0] + ((c + 0.5) / nx) * (xDomain[1] - xDomain[0]), y);
  }
  return { values, nx, ny };
}

/**
 * Filled contours of a loss surface (levels spaced on log(L − min L), so both the floor of a valley and its steep
 * walls get lines), with an optimiser path on top. Click to pick a starting point.
 */
export function createContourPlot(el: HTMLElement, opts: ContourPlotOptions): ContourPlot {
  const width = opts.width ?? 340;
  const height = opts.height ?? 240;
  const x = scaleLinear().domain(opts.xDomain).range([0, width]);
  const y = scaleLinear().domain(opts.yDomain).range([height, 0]);
  const fullW = width + MARGIN.left + MARGIN.right;
  const fullH = height + MARGIN.top + MARGIN.bottom;
  const svg = select(el).append('svg').attr('class', 'contour-plot').attr('viewBox', `0 0 ${fullW} ${fullH}`)
    .style('width', '100%').style('max-width', `${fullW}px`).style('height', 'auto').attr('role', 'img').attr('aria-label', opts.label);
  const clipId = `contour-clip-${Math.random().toString(36).slice(2)}`;
  svg.append('defs').append('clipPath').attr('id', clipId).append('rect').attr('width', width).attr('height', height);
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const bands = g.append('g').attr('class', 'bands').attr('clip-path', `url(#${clipId})`);
  g.append('g').attr('transform', `translate(0,${height})`).call(axisBottom(x).ticks(6));
  g.append('g').call(axisLeft(y).ticks(5));
  g.append('text').attr('x', width / 2).attr('y', height + 30).attr('text-anchor', 'middle').attr('class', 'axis-title').text(opts.xLabel);
  g.append('text').attr('transform', 'rotate(-90)').attr('x', -height / 2).attr('y', -34).attr('text-anchor', 'middle').attr('class', 'axis-title').text(opts.yLabel);
  const marks = g.append('g').attr('clip-path', `url(#${clipId})`).attr('pointer-events', 'none');
  const markerLayer = marks.append('g').attr('class', 'markers');
  const trail = marks.append('path').attr('class', 'descent-path').attr('fill', 'none');
  const dots = marks.append('g').attr('class', 'descent-dots');
  g.append('rect').attr('width', width).attr('height', height).attr('fill', 'transparent').style('cursor', 'crosshair')
    .on('click', (event: MouseEvent) => {
      const [px, py] = pointer(event);
      opts.onPick?.(x.invert(px), y.invert(py));
    });

  let lastGrid: Grid | null = null;
  const clampPx = (v: number) => (Number.isFinite(v) ? Math.max(-PIXEL_LIMIT, Math.min(PIXEL_LIMIT, v)) : PIXEL_LIMIT);

  function drawBands(grid: Grid): void {
    let lo = Infinity, hi = -Infinity;
    for (const v of grid.values) { if (v < lo) lo = v; if (v > hi) hi = v; }
    const delta = 1e-3 * (hi - lo || 1);
    const t = Float64Array.from(grid.values, (v) => Math.log(v - lo + delta));
    const tLo = Math.log(delta);
    const tHi = Math.log(hi - lo + delta);
    const thresholds = Array.from({ length: LEVELS }, (_, i) => tLo + ((tHi - tLo) * i) / LEVELS);
    const sx = width / grid.nx;
    const sy = height / grid.ny;
    const project = geoPath(geoTransform({ point(px, py) { this.stream.point(px * sx, py * sy); } }));
    bands.selectAll('path').data(contours().size([grid.nx, grid.ny]).thresholds(thresholds)(Array.from(t))).join('path')
      .attr('d', (d) => project(d))
      .attr('fill', (_d, i) => interpolateGnBu(0.65 - (0.6 * i) / LEVELS))
      .attr('stroke', '#ffffff').attr('stroke-opacity', 0.6).attr('stroke-width', 0.6);
  }

  return {
    update(d) {
      if (d.grid !== lastGrid) { drawBands(d.grid); lastGrid = d.grid; }
      const pts = d.path.map((p) => [clampPx(x(p[0])), clampPx(y(p[1]))]);
      trail.attr('d', pts.length > 1 ? `M${pts.map((p) => p.join(',')).join('L')}` : null);
      dots.selectAll('circle').data(pts.slice(-MAX_DOTS)).join('circle')
        .attr('cx', (p) => p[0]).attr('cy', (p) => p[1]).attr('r', (_p, i, all) => (i === all.length - 1 ? 4.5 : 2.5));
      const m = markerLayer.selectAll<SVGGElement, ContourPlotData['markers'][number]>('g').data(d.markers).join((enter) => {
        const e = enter.append('g');
        e.append('path').attr('d', 'M-5,-5L5,5M-5,5L5,-5');
        e.append('text').attr('x', 7).attr('y', -6);
        return e;
      });
      m.attr('transform', (k) => `translate(${clampPx(x(k.x))},${clampPx(y(k.y))})`);
      m.select('text').text((k) => k.label);
    },
    destroy: () => svg.remove(),
  };
}
