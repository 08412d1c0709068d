import { axisBottom, axisLeft, line, pointer, scaleLinear, select } from 'd3';
import { SERIES_COLORS } from './lineChart';

export interface FunctionPlotOptions {
  title: string;
  f: (x: number) => number;
  df: (x: number) => number;
  xDomain: [number, number];
  /** Input intervals to shade (e.g. where the derivative is nearly zero). */
  shaded: [number, number][];
  /** Called with the x under the pointer (clamped to the domain). */
  onHover?: (x: number) => void;
  /** Size in CSS px at full size (default 260 × 220); it shrinks to fit narrower containers. */
  width?: number;
  height?: number;
}

export interface FunctionPlot { update(x: number): void; destroy(): void }

const MARGIN = { top: 26, right: 10, bottom: 28, left: 36 };
const SAMPLES = 241;

/**
 * A function f and its derivative f′ on one SVG plot (f solid, f′ dashed), with shaded input intervals and a
 * marker at the current x showing both values.
 */
export function createFunctionPlot(el: HTMLElement, opts: FunctionPlotOptions): FunctionPlot {
  const width = opts.width ?? 260;
  const height = opts.height ?? 220;
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const [x0, x1] = opts.xDomain;
  const xs = Array.from({ length: SAMPLES }, (_, i) => x0 + ((x1 - x0) * i) / (SAMPLES - 1));
  const fs = xs.map(opts.f);
  const ds = xs.map(opts.df);
  const all = [...fs, ...ds];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = 0.08 * (hi - lo || 1);
  const x = scaleLinear().domain(opts.xDomain).range([0, innerW]);
  const y = scaleLinear().domain([lo - pad, hi + pad]).range([innerH, 0]).nice();

  const svg = select(el).append('svg').attr('class', 'function-plot')
    .style('width', '100%').style('max-width', `${width}px`).style('height', 'auto').attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img').attr('aria-label', `${opts.title} and its derivative`);
  svg.append('text').attr('class', 'fp-title').attr('x', MARGIN.left).attr('y', 14).text(opts.title);
  const legend = svg.append('g').attr('transform', `translate(${width - MARGIN.right - 70},6)`);
  legend.append('line').attr('x2', 16).attr('y1', 6).attr('y2', 6).attr('stroke', SERIES_COLORS[0]).attr('stroke-width', 2);
  legend.append('text').attr('x', 20).attr('y', 10).text('f');
  legend.append('line').attr('x1', 40).attr('x2', 56).attr('y1', 6).attr('y2', 6).attr('stroke', SERIES_COLORS[1]).attr('stroke-width', 2).attr('stroke-dasharray', '5 3');
  legend.append('text').attr('x', 60).attr('y', 10).text('f′');
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  g.append('g').attr('class', 'shade').selectAll('rect').data(opts.shaded).join('rect')
    .attr('class', 'saturated').attr('x', (d) => x(d[0])).attr('width', (d) => Math.max(1, x(d[1]) - x(d[0]))).attr('y', 0).attr('height', innerH);
  g.append('g').attr('transform', `translate(0,${innerH})`).call(axisBottom(x).ticks(7));
  g.append('g').call(axisLeft(y).ticks(5));
  g.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#bbb');
  const path = line<number>().x((_d, i) => x(xs[i])).y((d) => y(d));
  g.append('path').attr('d', path(fs)).attr('fill', 'none').attr('stroke', SERIES_COLORS[0]).attr('stroke-width', 2);
  g.append('path').attr('d', path(ds)).attr('fill', 'none').attr('stroke', SERIES_COLORS[1]).attr('stroke-width', 2).attr('stroke-dasharray', '5 3');
  const cursor = g.append('line').attr('class', 'fp-cursor').attr('y1', 0).attr('y2', innerH);
  const fDot = g.append('circle').attr('r', 4).attr('fill', SERIES_COLORS[0]);
  const dDot = g.append('circle').attr('r', 4).attr('fill', SERIES_COLORS[1]);
  g.append('rect').attr('class', 'fp-overlay').attr('width', innerW).attr('height', innerH).attr('fill', 'transparent')
    .on('pointermove', (event: PointerEvent) => {
      const [px] = pointer(event);
      opts.onHover?.(Math.min(x1, Math.max(x0, x.invert(px))));
    });

  return {
    update(at: number) {
      const cx = x(at);
      cursor.attr('x1', cx).attr('x2', cx);
      fDot.attr('cx', cx).attr('cy', y(opts.f(at)));
      dDot.attr('cx', cx).attr('cy', y(opts.df(at)));
    },
    destroy: () => svg.remove(),
  };
}
