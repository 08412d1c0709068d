import { context2d, createPixelBuffer, drawTiles, initImageCanvas, pixelRatio, sizeCanvas } from './canvasUtils';

/**
 * A grid of small colour images (the CIFAR network's first-layer filters, its distorted inputs) on one canvas.
 * Tiles are HWC floats. Each tile is stretched on its own to 0–255 around its mean, symmetric in the largest
 * deviation, so a filter's colours and polarity show and a flat tile is mid-grey (TensorBoard's filter pictures
 * rescale each image the same way).
 */
export interface RgbTilesOptions {
  side: number;
  columns: number;
  /** CSS pixels per image pixel. */
  scale: number;
  gap?: number;
  label: string;
  onTileClick?: (index: number) => void;
}

export interface RgbTilesData {
  /** `count` tiles of side×side×3 values (HWC), concatenated. */
  tiles: Float32Array;
  count: number;
  /** Short text under each tile (e.g. a class name), or none. */
  captions?: string[];
  description?: string;
  highlight?: number | null;
}

export interface RgbTiles {
  update(data: RgbTilesData): void;
  destroy(): void;
}

/** Bytes of one tile stretched around its mean: mean → 128, mean ± max|deviation| → 0 / 255. */
export function stretchTile(values: Float32Array, from: number, n: number, out: Uint8ClampedArray, outFrom = 0): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[from + i];
  mean /= n;
  let maxDev = 0;
  for (let i = 0; i < n; i++) maxDev = Math.max(maxDev, Math.abs(values[from + i] - mean));
  const k = maxDev > 0 ? 127.5 / maxDev : 0;
  for (let i = 0; i < n; i++) out[outFrom + i] = 127.5 + (values[from + i] - mean) * k;
}

/** HWIO filter weights [h, w, 3, count] (tfjs/TensorFlow layout) to `count` HWC tiles. */
export function filtersToTiles(weights: Float32Array, side: number, count: number): Float32Array {
  const out = new Float32Array(count * side * side * 3);
  for (let k = 0; k < count; k++) {
    for (let p = 0; p < side * side * 3; p++) out[k * side * side * 3 + p] = weights[p * count + k];
  }
  return out;
}

export function createRgbTiles(el: HTMLElement, opts: RgbTilesOptions): RgbTiles {
  const { side, columns, scale } = opts;
  const gap = opts.gap ?? 2;
  const canvas = document.createElement('canvas');
  initImageCanvas(canvas, opts.label);
  const ctx = context2d(canvas);
  const buffer = createPixelBuffer();
  const tileBytes = new Uint8ClampedArray(side * side * 3);
  let last: RgbTilesData | null = null;

  function draw(data: RgbTilesData): void {
    const { tiles, count } = data;
    const rows = Math.max(1, Math.ceil(count / columns));
    const cssW = columns * side * scale + (columns - 1) * gap;
    const cssH = rows * side * scale + (rows - 1) * gap;
    const dpr = pixelRatio();
    sizeCanvas(canvas, cssW, cssH, dpr);
    canvas.setAttribute('aria-label', data.description ? `${opts.label}. ${data.description}` : `${opts.label}: ${count} colour images of ${side}×${side} pixels`);
    if (!ctx) return;
    buffer.resize(columns * side, rows * side);
    const px = buffer.pixels();
    if (!px) return;
    px.fill(0);
    const stride = columns * side * 4;
    const n = side * side * 3;
    for (let t = 0; t < count; t++) {
      stretchTile(tiles, t * n, n, tileBytes);
      const ox = (t % columns) * side;
      const oy = Math.floor(t / columns) * side;
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          const p = (oy + y) * stride + (ox + x) * 4;
          const q = (y * side + x) * 3;
          px[p] = tileBytes[q];
          px[p + 1] = tileBytes[q + 1];
          px[p + 2] = tileBytes[q + 2];
          px[p + 3] = 255;
        }
      }
    }
    buffer.commit();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, cssW, cssH);
    drawTiles(ctx, buffer.canvas, count, columns, side, side, scale, gap);
    const h = data.highlight;
    if (h != null && h >= 0 && h < count) {
      ctx.strokeStyle = '#E69F00';
      ctx.lineWidth = 2;
      ctx.strokeRect((h % columns) * (side * scale + gap) + 1, Math.floor(h / columns) * (side * scale + gap) + 1, side * scale - 2, side * scale - 2);
    }
  }

  const onClick = (e: MouseEvent) => {
    if (!opts.onTileClick || !last) return;
    const r = canvas.getBoundingClientRect();
    const col = Math.floor((e.clientX - r.left) / (side * scale + gap));
    const row = Math.floor((e.clientY - r.top) / (side * scale + gap));
    const i = row * columns + col;
    if (col < columns && i >= 0 && i < last.count) opts.onTileClick(i);
  };
  canvas.addEventListener('click', onClick);
  el.appendChild(canvas);
  return {
    update(data) {
      last = data;
      draw(data);
    },
    destroy() {
      canvas.removeEventListener('click', onClick);
      canvas.remove();
    },
  };
}
