import { axisBottom, axisLeft, line, scaleLinear, scaleLog, select } from 'd3';
import { formatValue } from './formatValue';

/** Okabe–Ito colours, distinguishable with every common colour-vision deficiency. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

export interface LineSeries {
  id: string;
  label: string;
  color: string;
  /** SVG stroke-dasharray, e.g. '4 3'. */
  dash?: string;
}

export interface LineChartOptions {
  xLabel: string;
  yLabel: string;
  /** Log y axis, used only while every y is > 0. */
  logY?: boolean;
  /** CSS px (default 240). */
  height?: number;
  /** Start of the text alternative (default `${yLabel} curve`). */
  label?: string;
  series: LineSeries[];
  /** Fixed y range (linear axis), e.g. [0, 1] for an error rate; default: the data's range. */
  yDomain?: [number, number];
}

/** Marks drawn over the curves: horizontal reference lines (a threshold) and labelled points (where a curve crossed it). */
export interface ChartMarks {
  hLines?: { y: number; label: string }[];
  points?: { x: number; y: number; color: string; label: string }[];
}

export interface Point {
  x: number;
  y: number;
}

export interface LineChart {
  update(data: Record<string, Point[]>, marks?: ChartMarks): void;
  destroy(): void;
}

/** Width used when the container has none (jsdom, a hidden tab). */
export const DEFAULT_WIDTH = 480;
/** Most points drawn per series. */
export const MAX_DRAWN_POINTS = 600;

const MARGIN = { top: 12, right: 16, bottom: 40, left: 56 };
const LEGEND_ROW_HEIGHT = 18;
const LEGEND_ROWS = 2;
const LEGEND_HEIGHT = LEGEND_ROW_HEIGHT * LEGEND_ROWS + 4;

/**
 * Keeps at most `max` points for drawing: the first, the last, and between them the minimum
 * and maximum of equal-width buckets in index order, so spikes in a noisy loss survive.
 */
export function decimate(points: Point[], max = MAX_DRAWN_POINTS): Point[] {
  if (points.length <= max) return points;
  const last = points.length - 1;
  const buckets = Math.max(1, Math.floor((max - 2) / 2));
  const out: Point[] = [points[0]];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * (last - 1)) / buckets);
    const to = 1 + Math.floor(((b + 1) * (last - 1)) / buckets);
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (points[i].y < points[lo].y) lo = i;
      if (points[i].y > points[hi].y) hi = i;
    }
    out.push(points[Math.min(lo, hi)]);
    if (lo !== hi) out.push(points[Math.max(lo, hi)]);
  }
  out.push(points[last]);
  return out;
}

/**
 * A training curve: one SVG line per series, axes, and a legend when there is more than one
 * series. Width follows the container; no transitions (so reduced motion is respected).
 */
export function createLineChart(el: HTMLElement, opts: LineChartOptions): LineChart {
  const height = opts.height ?? 240;
  const multi = opts.series.length > 1;
  const top = MARGIN.top + (multi ? LEGEND_HEIGHT : 0);
  const svg = select(el)
    .append('svg')
    .attr('role', 'img')
    .attr('height', height)
    .style('display', 'block')
    .style('font', '12px sans-serif');
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${top})`);
  const xAxis = plot.append('g').attr('class', 'x-axis');
  const yAxis = plot.append('g').attr('class', 'y-axis');
  const xTitle = plot.append('text').attr('class', 'x-label').attr('text-anchor', 'middle').attr('fill', 'currentColor').text(opts.xLabel);
  const yTitle = plot
    .append('text')
    .attr('class', 'y-label')
    .attr('text-anchor', 'middle')
    .attr('fill', 'currentColor')
    .attr('transform', 'rotate(-90)')
    .text(opts.yLabel);
  const lines = plot
    .append('g')
    .attr('class', 'lines')
    .attr('fill', 'none')
    .attr('stroke-width', 1.5)
    .attr('stroke-linejoin', 'round')
    .selectAll('path')
    .data(opts.series)
    .join('path')
    .attr('data-series', (s) => s.id)
    .attr('stroke', (s) => s.color)
    .attr('stroke-dasharray', (s) => s.dash ?? null);
  const marksLayer = plot.append('g').attr('class', 'marks').style('font-size', '11px');
  const legend = multi ? svg.append('g').attr('class', 'legend').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`) : null;

  /** Legend entries for the series that have data (all of them before any data), wrapped to the width. */
  function drawLegend(clean: Point[][], innerW: number): void {
    if (!legend) return;
    legend.selectAll('*').remove();
    const anyData = clean.some((pts) => pts.length > 0);
    let x = 0;
    let row = 0;
    opts.series.forEach((s, i) => {
      if (anyData && clean[i].length === 0) return;
      const itemWidth = 34 + s.label.length * 7; // no text measuring in jsdom; an estimate of the label width
      if (x > 0 && x + itemWidth > innerW && row + 1 < LEGEND_ROWS) { x = 0; row++; }
      const item = legend.append('g').attr('transform', `translate(${x},${row * LEGEND_ROW_HEIGHT})`);
      item.append('line').attr('x2', 18).attr('y1', 4).attr('y2', 4).attr('stroke', s.color).attr('stroke-width', 2).attr('stroke-dasharray', s.dash ?? null);
      item.append('text').attr('x', 22).attr('y', 8).attr('fill', 'currentColor').text(s.label);
      x += itemWidth;
    });
  }

  let data: Record<string, Point[]> = {};
  let marks: ChartMarks = {};

  let renderedWidth = 0;

  function currentWidth(): number {
    return el.clientWidth > 0 ? el.clientWidth : DEFAULT_WIDTH;
  }

  function render(): void {
    const width = currentWidth();
    renderedWidth = width;
    const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
    const innerH = Math.max(10, height - top - MARGIN.bottom);
    svg.attr('width', width).attr('viewBox', `0 0 ${width} ${height}`);

    const clean = opts.series.map((s) => (data[s.id] ?? []).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)));
    let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
    for (const pts of clean) {
      for (const p of pts) {
        if (p.x < xMin) xMin = p.x;
        if (p.x > xMax) xMax = p.x;
        if (p.y < yMin) yMin = p.y;
        if (p.y > yMax) yMax = p.y;
      }
    }
    const latestX = xMax;
    if (!(xMin <= xMax)) [xMin, xMax] = [0, 1];
    if (xMin === xMax) xMax = xMin + 1;
    const useLog = opts.logY === true && yMin > 0 && yMin <= yMax;
    if (!(yMin <= yMax)) [yMin, yMax] = [0, 1];
    if (yMin === yMax) [yMin, yMax] = useLog ? [yMin / 2, yMax * 2] : [yMin - 1, yMax + 1];
    if (opts.yDomain && !useLog) [yMin, yMax] = opts.yDomain;

    const x = scaleLinear().domain([xMin, xMax]).range([0, innerW]);
    const y = (useLog ? scaleLog() : scaleLinear()).domain([yMin, yMax]).range([innerH, 0]).nice();
    xAxis.attr('transform', `translate(0,${innerH})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 80))));
    yAxis.call(axisLeft(y).ticks(5, useLog ? '~g' : undefined));
    xTitle.attr('x', innerW / 2).attr('y', innerH + 34);
    yTitle.attr('x', -innerH / 2).attr('y', -44);
    const path = line<Point>().x((p) => x(p.x)).y((p) => y(p.y));
    lines.attr('d', (_s, i) => (clean[i].length > 0 ? path(decimate(clean[i])) : null));
    drawMarks(x, y, innerW);
    drawLegend(clean, innerW);

    svg.attr('aria-label', describe(clean, latestX));
  }

  function drawMarks(x: (v: number) => number, y: (v: number) => number, innerW: number): void {
    marksLayer.selectAll('*').remove();
    for (const h of marks.hLines ?? []) {
      const yy = y(h.y);
      if (!Number.isFinite(yy)) continue;
      marksLayer.append('line').attr('class', 'threshold').attr('x1', 0).attr('x2', innerW).attr('y1', yy).attr('y2', yy)
        .attr('stroke', 'currentColor').attr('stroke-dasharray', '6 4').attr('opacity', 0.7);
      marksLayer.append('text').attr('x', 4).attr('y', yy - 4).attr('fill', 'currentColor').text(h.label);
    }
    // Labels stack downwards from the line, one row per point, so close crossings stay readable.
    (marks.points ?? []).forEach((p, i) => {
      const px = x(p.x);
      const py = y(p.y);
      if (!Number.isFinite(px) || !Number.isFinite(py)) return;
      const g = marksLayer.append('g').attr('class', 'crossing').attr('transform', `translate(${px},${py})`);
      g.append('line').attr('y2', 10 + 13 * i).attr('stroke', p.color).attr('stroke-width', 1);
      g.append('circle').attr('r', 5).attr('fill', p.color).attr('stroke', 'white').attr('stroke-width', 1.5);
      const right = px > innerW / 2;
      g.append('text').attr('x', right ? -6 : 6).attr('y', 14 + 13 * i).attr('text-anchor', right ? 'end' : 'start')
        .attr('fill', p.color).style('font-weight', 600).text(p.label);
    });
  }

  function describe(clean: Point[][], xMax: number): string {
    const parts = opts.series.flatMap((s, i) => {
      const pts = clean[i];
      return pts.length > 0 ? [`latest ${s.label} ${formatValue(pts[pts.length - 1].y)}`] : [];
    });
    const title = opts.label ?? `${opts.yLabel} curve`;
    if (parts.length === 0) return `${title}: no data yet`;
    return `${title}: ${opts.xLabel} ${formatValue(xMax)}, ${parts.join(', ')}`;
  }

  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    if (currentWidth() !== renderedWidth) render();
  });
  observer?.observe(el);
  render();

  return {
    update(next, nextMarks) {
      data = next;
      marks = nextMarks ?? {};
      render();
    },
    destroy() {
      observer?.disconnect();
      svg.remove();
    },
  };
}
