// @vitest-environment jsdom
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SERIES_COLORS, createLineChart, decimate, type Point } from '../../../src/viz/lineChart';

const SNAPSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__');

/** Observable Plot-style normalisation: numbers to 1 decimal, ids dropped, one tag per line. */
function normalizeSvg(html: string): string {
  return html
    .replace(/\s(id|clip-path)="[^"]*"/g, '')
    .replace(/-?\d*\.\d+(e[-+]?\d+)?/g, (n) => {
      const r = Math.round(Number(n) * 10) / 10;
      return String(Object.is(r, -0) ? 0 : r);
    })
    .replace(/></g, '>\n<')
    .trim() + '\n';
}

/** Compares against a stored SVG; writes it when absent, writes `-changed.svg` and fails on mismatch. */
function expectSvgSnapshot(name: string, svg: string): void {
  const stored = join(SNAPSHOT_DIR, `${name}.svg`);
  const changed = join(SNAPSHOT_DIR, `${name}-changed.svg`);
  if (!existsSync(stored)) {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    writeFileSync(stored, svg);
    return;
  }
  const expected = readFileSync(stored, 'utf8');
  if (expected !== svg) {
    writeFileSync(changed, svg);
    expect.fail(`${name}.svg changed; see ${changed}`);
  }
}

function lossCurve(n: number, scale: number, offset = 0): Point[] {
  return Array.from({ length: n }, (_, i) => ({ x: i + 1, y: offset + scale * Math.exp(-i / 30) + 0.01 * Math.sin(i) + 0.02 }));
}

const SERIES = [
  { id: 'train', label: 'training loss', color: SERIES_COLORS[0] },
  { id: 'test', label: 'test loss', color: SERIES_COLORS[1], dash: '4 3' },
];

let el: HTMLDivElement;
afterEach(() => el?.remove());

function mount(): HTMLDivElement {
  el = document.createElement('div');
  document.body.appendChild(el);
  return el;
}

describe('createLineChart', () => {
  it('draws one path per series and states the latest values', () => {
    const chart = createLineChart(mount(), { xLabel: 'step', yLabel: 'loss', label: 'Loss curve', series: SERIES });
    const train = lossCurve(120, 2);
    train[train.length - 1] = { x: 120, y: 0.0213 };
    chart.update({ train, test: [{ x: 50, y: 0.5 }, { x: 100, y: 0.04567 }] });
    const svg = el.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('width')).toBe('480');
    for (const s of SERIES) {
      const d = el.querySelector(`path[data-series="${s.id}"]`)?.getAttribute('d');
      expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
    }
    const label = svg?.getAttribute('aria-label') ?? '';
    expect(label).toContain('Loss curve');
    expect(label).toContain('step 120');
    expect(label).toContain('latest training loss 0.0213');
    expect(label).toContain('latest test loss 0.0457');
    expect(el.querySelector('.legend')?.textContent).toBe('training losstest loss');
    chart.destroy();
    expect(el.innerHTML).toBe('');
  });

  it('skips non-finite points, uses a log scale only when all y > 0, and has no legend for one series', () => {
    const chart = createLineChart(mount(), { xLabel: 'step', yLabel: 'loss', logY: true, series: SERIES.slice(0, 1) });
    chart.update({ train: [{ x: 1, y: 1 }, { x: 2, y: NaN }, { x: 3, y: 0.1 }, { x: Infinity, y: 2 }, { x: 4, y: 0.01 }] });
    expect(el.querySelector('.legend')).toBeNull();
    expect(el.querySelector('path[data-series="train"]')?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(3);
    const logTicks = [...el.querySelectorAll('.y-axis .tick text')].map((t) => t.textContent);
    expect(logTicks).toContain('0.01');
    expect(logTicks).toContain('1');
    expect(el.querySelector('svg')?.getAttribute('aria-label')).toBe('loss curve: step 4, latest training loss 0.01');
    chart.update({ train: [{ x: 1, y: 1 }, { x: 2, y: -0.5 }] }); // falls back to linear
    expect([...el.querySelectorAll('.y-axis .tick text')].some((t) => t.textContent?.startsWith('−'))).toBe(true);
    chart.destroy();
  });

  it('says so when there is no data', () => {
    const chart = createLineChart(mount(), { xLabel: 'epoch', yLabel: 'accuracy', series: SERIES });
    expect(el.querySelector('svg')?.getAttribute('aria-label')).toBe('accuracy curve: no data yet');
    expect(el.querySelectorAll('path[data-series]')).toHaveLength(2);
    chart.destroy();
  });

  it('matches the stored SVG', () => {
    const chart = createLineChart(mount(), { xLabel: 'step', yLabel: 'loss', logY: true, label: 'Loss curve', series: SERIES });
    chart.update({ train: lossCurve(200, 2), test: lossCurve(20, 2, 0.05).map((p) => ({ x: p.x * 10, y: p.y })) });
    expectSvgSnapshot('lineChart', normalizeSvg(el.innerHTML));
    chart.destroy();
  });
});

describe('decimate', () => {
  it('keeps short series as they are', () => {
    const pts = lossCurve(50, 1);
    expect(decimate(pts)).toBe(pts);
  });

  it('keeps at most 600 points, the first and last, in order, and the extremes', () => {
    const pts = lossCurve(10_000, 1);
    pts[5000] = { x: 5001, y: 99 };
    const out = decimate(pts);
    expect(out.length).toBeLessThanOrEqual(600);
    expect(out[0]).toBe(pts[0]);
    expect(out[out.length - 1]).toBe(pts[pts.length - 1]);
    expect(out).toContain(pts[5000]);
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
  });
});
