import { useId, type KeyboardEvent } from 'react';
import { colorIndexDiverging, colorIndexMagnitude, cssColor, divergingLut, grayLut } from '../viz/colormaps';

export interface GridRect { y: number; x: number; h: number; w: number; className: string }

/**
 * A small grid of numbers as SVG cells (under ~1000 marks): grey for images, diverging (centred on zero) for
 * signed values such as kernels and feature maps. One tab stop; arrow keys move the selected cell, Enter or a
 * click selects it.
 */
export function ValueGrid({ values, height, width, cell, colormap, showNumbers, label, selected, onSelect, rects = [], padding = [0, 0, 0, 0], range }: {
  values: Float32Array;
  height: number;
  width: number;
  cell: number;
  colormap: 'gray' | 'diverging';
  showNumbers: boolean;
  label: string;
  selected?: { y: number; x: number } | null;
  onSelect?: (y: number, x: number) => void;
  /** Outlines drawn over the cells (e.g. the sliding window), in grid coordinates (may reach into padding). */
  rects?: GridRect[];
  /** Zero padding drawn around the grid: [top, bottom, left, right] cells. */
  padding?: [number, number, number, number];
  /** Colour range for 'gray' (default [0, max]); 'diverging' uses max |v|. */
  range?: [number, number];
}) {
  const id = useId();
  const [pt, pb, pl, pr] = padding;
  const totalW = (width + pl + pr) * cell;
  const totalH = (height + pt + pb) * cell;
  let maxAbs = 0;
  let max = 0;
  for (const v of values) { maxAbs = Math.max(maxAbs, Math.abs(v)); max = Math.max(max, v); }
  const [lo, hi] = range ?? [0, max || 1];
  const colour = (v: number) => colormap === 'gray'
    ? cssColor(grayLut, colorIndexMagnitude(v, lo, hi))
    : cssColor(divergingLut, colorIndexDiverging(v, maxAbs || 1));
  const textColour = (v: number) => {
    if (colormap === 'gray') return (v - lo) / (hi - lo || 1) > 0.55 ? '#000' : '#fff';
    return Math.abs(v) / (maxAbs || 1) > 0.6 ? '#fff' : '#000';
  };
  const onKey = (e: KeyboardEvent) => {
    if (!onSelect) return;
    const cur = selected ?? { y: 0, x: 0 };
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      e.stopPropagation(); // arrows move within the grid, not between lesson steps
      onSelect(Math.min(height - 1, Math.max(0, cur.y + m[0])), Math.min(width - 1, Math.max(0, cur.x + m[1])));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(cur.y, cur.x);
    }
  };
  const fontSize = Math.max(7, Math.min(13, cell * 0.36));
  const cells = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x];
      cells.push(
        <g key={`${y}-${x}`} transform={`translate(${(x + pl) * cell},${(y + pt) * cell})`} onClick={onSelect ? () => onSelect(y, x) : undefined}>
          <rect width={cell} height={cell} fill={colour(v)} stroke="#8888" strokeWidth={cell > 10 ? 0.5 : 0} />
          {showNumbers && (
            <text x={cell / 2} y={cell / 2} dy="0.35em" textAnchor="middle" fontSize={fontSize} fill={textColour(v)}>{formatCell(v)}</text>
          )}
        </g>,
      );
    }
  }
  return (
    <svg
      width={totalW} height={totalH} viewBox={`0 0 ${totalW} ${totalH}`}
      role={onSelect ? 'grid' : 'img'} aria-label={label} aria-describedby={`${id}-sel`}
      tabIndex={onSelect ? 0 : undefined} onKeyDown={onSelect ? onKey : undefined}
      className={`value-grid${onSelect ? ' selectable' : ''}`}
    >
      {(pt || pb || pl || pr) ? <rect width={totalW} height={totalH} className="padding-cells" /> : null}
      {cells}
      {rects.map((r) => (
        <rect key={r.className} className={r.className} x={(r.x + pl) * cell} y={(r.y + pt) * cell} width={r.w * cell} height={r.h * cell} fill="none" />
      ))}
      {selected && onSelect && (
        <rect className="selected-cell" x={(selected.x + pl) * cell} y={(selected.y + pt) * cell} width={cell} height={cell} fill="none" />
      )}
      <desc id={`${id}-sel`}>{selected ? `Selected cell: row ${selected.y + 1}, column ${selected.x + 1}, value ${formatCell(values[selected.y * width + selected.x])}` : ''}</desc>
    </svg>
  );
}

/** Short form of a cell value: integers as they are, others with up to two decimals. */
export function formatCell(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  if (abs < 0.005) return '0';
  return abs >= 10 ? v.toFixed(0) : abs >= 1 ? v.toFixed(1) : v.toFixed(2).replace(/^(-?)0\./, '$1.');
}
