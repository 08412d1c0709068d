import { colorIndexDiverging, colorIndexMagnitude, divergingLut, grayLut, magnitudeLut, type Lut } from './colormaps';
import { context2d, createPixelBuffer, drawTiles, initImageCanvas, pixelRatio, sizeCanvas } from './canvasUtils';

export type GridColormap = 'gray' | 'magnitude' | 'diverging';
export type GridNormalize = 'fixed' | 'per-tile' | 'global';

export interface ImageGridOptions {
  tileWidth: number;
  tileHeight: number;
  columns: number;
  /** CSS pixels per image pixel. */
  scale: number;
  /** CSS pixels between tiles (default 2). */
  gap?: number;
  colormap: GridColormap;
  /** 'fixed' uses `range`; 'per-tile' scales each tile alone; 'global' one scale for all. */
  normalize: GridNormalize;
  /** For 'fixed' (default [0, 1]); a diverging map uses max(|lo|, |hi|). */
  range?: [number, number];
  /** Name of the grid, the start of its text alternative. */
  label: string;
  onTileClick?: (index: number) => void;
  highlight?: number | null;
}

export interface ImageGridData {
  /** `count` tiles of tileWidth × tileHeight values, row-major, concatenated. */
  tiles: Float32Array;
  count: number;
  /** Text alternative for what the tiles show now. */
  description?: string;
  /** Tile to outline; null for none, undefined to keep the current one. */
  highlight?: number | null;
}

export interface ImageGrid {
  update(data: ImageGridData): void;
  destroy(): void;
}

const LUTS: Record<GridColormap, Lut> = { gray: grayLut, magnitude: magnitudeLut, diverging: divergingLut };

/** Min and max of the finite values in `a[from, to)`; [0, 0] when there are none. */
function finiteExtent(a: Float32Array, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/**
 * Index of the tile under a point in CSS pixels from the grid's top-left corner, or -1 in
 * a gap, outside the grid or past the last tile.
 */
export function tileAt(x: number, y: number, o: ImageGridOptions, count: number): number {
  const gap = o.gap ?? 2;
  const pitchX = o.tileWidth * o.scale + gap;
  const pitchY = o.tileHeight * o.scale + gap;
  if (x < 0 || y < 0) return -1;
  const col = Math.floor(x / pitchX);
  const row = Math.floor(y / pitchY);
  if (col >= o.columns || x - col * pitchX >= o.tileWidth * o.scale || y - row * pitchY >= o.tileHeight * o.scale) {
    return -1;
  }
  const index = row * o.columns + col;
  return index < count ? index : -1;
}

/**
 * A grid of small images (filters, feature maps, digits, the autoencoder's learned weight
 * vectors) drawn on one canvas. Click or use the arrow keys and Enter to pick a tile.
 */
export function createImageGrid(el: HTMLElement, opts: ImageGridOptions): ImageGrid {
  const { tileWidth: tw, tileHeight: th, columns, scale } = opts;
  const gap = opts.gap ?? 2;
  const lut = LUTS[opts.colormap];
  const canvas = document.createElement('canvas');
  initImageCanvas(canvas, opts.label);
  const ctx = context2d(canvas);
  const buffer = createPixelBuffer();
  let tiles: Float32Array = new Float32Array(0);
  let count = 0;
  let highlight: number | null = opts.highlight ?? null;
  let description: string | undefined;

  function fillBuffer(rows: number): void {
    buffer.resize(columns * tw, rows * th);
    const px = buffer.pixels();
    if (!px) return;
    const n = tw * th;
    const stride = columns * tw * 4;
    const [fixedLo, fixedHi] = opts.range ?? [0, 1];
    let [lo, hi] = opts.normalize === 'global' ? finiteExtent(tiles, 0, count * n) : [fixedLo, fixedHi];
    for (let t = 0; t < count; t++) {
      if (opts.normalize === 'per-tile') [lo, hi] = finiteExtent(tiles, t * n, (t + 1) * n);
      const maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
      const ox = (t % columns) * tw;
      const oy = Math.floor(t / columns) * th;
      for (let y = 0; y < th; y++) {
        let p = (oy + y) * stride + ox * 4;
        for (let x = 0; x < tw; x++, p += 4) {
          const v = tiles[t * n + y * tw + x];
          const c = lut[opts.colormap === 'diverging' ? colorIndexDiverging(v, maxAbs) : colorIndexMagnitude(v, lo, hi)];
          px[p] = c[0];
          px[p + 1] = c[1];
          px[p + 2] = c[2];
          px[p + 3] = 255;
        }
      }
    }
    buffer.commit();
  }

  function describe(): string {
    const base = description ? `${opts.label}. ${description}` : `${opts.label}: ${count} images of ${tw}×${th} pixels`;
    return highlight != null && highlight < count ? `${base}. Selected: ${highlight + 1} of ${count}` : base;
  }

  function draw(): void {
    const rows = Math.max(1, Math.ceil(count / columns));
    const cssW = columns * tw * scale + (columns - 1) * gap;
    const cssH = rows * th * scale + (rows - 1) * gap;
    const dpr = pixelRatio();
    sizeCanvas(canvas, cssW, cssH, dpr);
    canvas.setAttribute('aria-label', describe());
    if (!ctx) return;
    fillBuffer(rows);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, cssW, cssH);
    drawTiles(ctx, buffer.canvas, count, columns, tw, th, scale, gap);
    if (highlight != null && highlight >= 0 && highlight < count) {
      const dx = (highlight % columns) * (tw * scale + gap);
      const dy = Math.floor(highlight / columns) * (th * scale + gap);
      // A dark band under a light one stays visible on every colour map.
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#000';
      ctx.strokeRect(dx + 1.5, dy + 1.5, tw * scale - 3, th * scale - 3);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#fff';
      ctx.strokeRect(dx + 1.5, dy + 1.5, tw * scale - 3, th * scale - 3);
    }
  }

  const onClick = (e: MouseEvent): void => {
    const r = canvas.getBoundingClientRect();
    const index = tileAt(e.clientX - r.left, e.clientY - r.top, opts, count);
    if (index < 0) return;
    highlight = index;
    draw();
    opts.onTileClick?.(index);
  };

  const onKey = (e: KeyboardEvent): void => {
    if (count === 0) return;
    const current = highlight ?? -1;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns };
    if (e.key in moves) {
      e.preventDefault();
      const next = current < 0 ? 0 : current + moves[e.key];
      if (next >= 0 && next < count) highlight = next;
      else if (current < 0) highlight = 0;
      draw();
    } else if ((e.key === 'Enter' || e.key === ' ') && current >= 0) {
      e.preventDefault();
      opts.onTileClick?.(current);
    }
  };

  if (opts.onTileClick) {
    canvas.tabIndex = 0;
    canvas.style.cursor = 'pointer';
    canvas.addEventListener('click', onClick);
    canvas.addEventListener('keydown', onKey);
  }
  el.appendChild(canvas);
  draw();

  return {
    update(data) {
      const n = tw * th;
      count = Math.max(0, Math.min(Math.floor(data.count), Math.floor(data.tiles.length / n)));
      tiles = data.tiles;
      description = data.description;
      if (data.highlight !== undefined) highlight = data.highlight;
      draw();
    },
    destroy() {
      canvas.removeEventListener('click', onClick);
      canvas.removeEventListener('keydown', onKey);
      canvas.remove();
    },
  };
}
