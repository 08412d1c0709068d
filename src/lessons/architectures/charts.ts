import { axisBottom, axisLeft, scaleLinear, scaleLog, select } from 'd3';

/** A labelled point; `hollow` marks a number that is not comparable (drawn as an open circle). */
export interface ChartPoint {
  x: number;
  y: number;
  label: string;
  hollow?: boolean;
  /** Label offset in px, to separate labels of close points. */
  dy?: number;
  /** Label side (default: right of the point, left near the right edge). */
  anchor?: 'start' | 'end';
  /** Part of the dashed line (e.g. the winning entries). */
  joined?: boolean;
}

export interface ScatterOptions {
  label: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  logY?: boolean;
  xTicks?: number[];
  yFormat?: (v: number) => string;
  xFormat?: (v: number) => string;
  /** Join the points marked `joined` with a dashed line, in x order (a record falling year by year). */
  line?: boolean;
  /** Explicit y ticks (a log axis otherwise crowds its labels). */
  yTicks?: number[];
}

const WIDTH = 560;
const HEIGHT = 300;
const MARGIN = { top: 14, right: 24, bottom: 44, left: 62 };
const COLOR = '#0072B2';

/**
 * A small labelled scatter chart in SVG (a few points, so no canvas): axes, one circle and label per point,
 * optionally a line through the solid ones. It scales down with its container (viewBox).
 */
export function createScatterChart(el: HTMLElement, opts: ScatterOptions): { update(points: ChartPoint[]): void; destroy(): void } {
  const svg = select(el).append('svg')
    .attr('role', 'img').attr('aria-label', opts.label)
    .attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('width', '100%')
    .style('max-width', `${WIDTH}px`).style('display', 'block').style('font', '12px sans-serif');
  const x = scaleLinear().domain(opts.xDomain).range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = (opts.logY ? scaleLog() : scaleLinear()).domain(opts.yDomain).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const xAxis = axisBottom(x);
  if (opts.xTicks) xAxis.tickValues(opts.xTicks);
  if (opts.xFormat) xAxis.tickFormat((v) => opts.xFormat!(Number(v)));
  svg.append('g').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`).call(xAxis);
  const yAxis = axisLeft(y).ticks(5);
  if (opts.yTicks) yAxis.tickValues(opts.yTicks);
  if (opts.yFormat) yAxis.tickFormat((v) => opts.yFormat!(Number(v)));
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(yAxis);
  svg.append('text').attr('x', (MARGIN.left + WIDTH - MARGIN.right) / 2).attr('y', HEIGHT - 6).attr('text-anchor', 'middle').attr('fill', 'currentColor').text(opts.xLabel);
  svg.append('text').attr('transform', `translate(14,${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', 'currentColor').text(opts.yLabel);
  const path = svg.append('path').attr('fill', 'none').attr('stroke', COLOR).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
  const marks = svg.append('g').attr('class', 'points');

  const side = (p: ChartPoint) => p.anchor ?? (x(p.x) > WIDTH - 150 ? 'end' : 'start');

  function update(points: ChartPoint[]) {
    const solid = points.filter((p) => p.joined).sort((a, b) => a.x - b.x);
    path.attr('d', opts.line && solid.length > 1 ? `M${solid.map((p) => `${x(p.x)},${y(p.y)}`).join('L')}` : null);
    const g = marks.selectAll<SVGGElement, ChartPoint>('g').data(points).join('g')
      .attr('class', (p) => (p.hollow ? 'point hollow' : 'point'))
      .attr('transform', (p) => `translate(${x(p.x)},${y(p.y)})`);
    g.selectAll('*').remove();
    g.append('circle').attr('r', 5).attr('fill', (p) => (p.hollow ? '#fff' : COLOR)).attr('stroke', (p) => (p.hollow ? '#D55E00' : COLOR)).attr('stroke-width', 2);
    g.append('text').attr('x', 8).attr('y', (p) => 4 + (p.dy ?? 0)).attr('fill', 'currentColor')
      .attr('text-anchor', (p) => side(p))
      .attr('dx', (p) => (side(p) === 'end' ? -16 : 0))
      .text((p) => p.label);
  }

  return { update, destroy: () => { svg.remove(); } };
}
