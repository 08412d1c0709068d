import { area, scaleLinear, select } from 'd3';
import { formatValue } from './formatValue';

/**
 * Histograms over time drawn as a ridge plot (TensorBoard's "offset" histogram view): one filled curve per
 * moment, oldest at the back (top), newest at the front (bottom), on a shared value axis. Each histogram keeps
 * its own bin range; the x axis spans all of them, so drift and spread show as the curves slide and widen.
 */
export interface RidgeSlice { step: number; min: number; max: number; counts: ArrayLike<number> }

export interface RidgePlotOptions {
  label: string;
  /** CSS px (default 260). */
  height?: number;
  /** How tall one ridge may grow, in px (default 46). */
  ridgeHeight?: number;
}

export interface RidgePlot {
  /** `highlight`: the step to draw in the accent colour (the timeline's position), or null. */
  update(slices: RidgeSlice[], highlight: number | null): void;
  destroy(): void;
}

const DEFAULT_WIDTH = 420;

export function createRidgePlot(el: HTMLElement, opts: RidgePlotOptions): RidgePlot {
  const height = opts.height ?? 260;
  const ridge = opts.ridgeHeight ?? 46;
  const margin = { top: ridge + 6, right: 56, bottom: 28, left: 12 };
  const svg = select(el).append('svg').attr('role', 'img').attr('aria-label', opts.label).attr('class', 'ridge-plot');
  const g = svg.append('g');
  const xAxis = svg.append('g').attr('class', 'axis');
  const empty = svg.append('text').attr('class', 'empty').attr('x', 12).attr('y', 24).text('No histograms yet: train a few steps.');

  return {
    update(slices, highlight) {
      const width = el.clientWidth || DEFAULT_WIDTH;
      svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
      empty.attr('display', slices.length ? 'none' : null);
      const innerW = width - margin.left - margin.right;
      const lo = Math.min(...slices.map((s) => s.min));
      const hi = Math.max(...slices.map((s) => s.max));
      const x = scaleLinear().domain(slices.length && hi > lo ? [lo, hi] : [-1, 1]).range([margin.left, margin.left + innerW]).nice();
      const y = scaleLinear().domain([0, Math.max(1, slices.length - 1)]).range([margin.top, height - margin.bottom]);
      const rows = slices.map((s, i) => {
        const bins = s.counts.length;
        const peak = Math.max(1, ...Array.from(s.counts));
        const w = (s.max - s.min) / bins || 1e-12;
        const points = Array.from(s.counts, (c, b) => ({ v: s.min + (b + 0.5) * w, h: (c / peak) * ridge }));
        return { s, base: y(i), points };
      });
      const shape = area<{ v: number; h: number }>().x((p) => x(p.v)).y0(0).y1((p) => -p.h);
      const sel = g.selectAll<SVGGElement, (typeof rows)[number]>('g.ridge').data(rows, (d) => String(d.s.step));
      sel.exit().remove();
      const enter = sel.enter().append('g').attr('class', 'ridge');
      enter.append('path');
      enter.append('text').attr('class', 'ridge-step');
      const all = enter.merge(sel).sort((a, b) => a.s.step - b.s.step);
      all.attr('transform', (d) => `translate(0,${d.base})`);
      all.select('path')
        .attr('d', (d) => shape(d.points) ?? '')
        .attr('fill', (d) => (d.s.step === highlight ? '#E69F00' : '#56B4E9'))
        .attr('fill-opacity', (d) => (d.s.step === highlight ? 0.9 : 0.35))
        .attr('stroke', (d) => (d.s.step === highlight ? '#8a5a00' : '#0072B2'))
        .attr('stroke-width', 1);
      const labelEvery = Math.max(1, Math.ceil(rows.length / 8));
      all.select('text')
        .attr('x', margin.left + innerW + 4).attr('y', 0).attr('dy', '0.3em')
        .text((d, i) => (i % labelEvery === 0 || i === rows.length - 1 || d.s.step === highlight ? `step ${d.s.step}` : ''));
      xAxis.attr('transform', `translate(0,${height - margin.bottom + 4})`);
      const ticks = x.ticks(5);
      const tick = xAxis.selectAll<SVGTextElement, number>('text').data(ticks);
      tick.exit().remove();
      tick.enter().append('text').merge(tick).attr('x', (d) => x(d)).attr('y', 16).attr('text-anchor', 'middle').text((d) => formatValue(d));
      const last = slices[slices.length - 1];
      svg.attr('aria-label', last ? `${opts.label}: ${slices.length} histograms from step ${slices[0].step} to ${last.step}; latest spans ${formatValue(last.min)} to ${formatValue(last.max)}` : opts.label);
    },
    destroy() {
      svg.remove();
    },
  };
}
