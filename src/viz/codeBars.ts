import { colorIndexMagnitude, magnitudeLut } from './colormaps';
import { context2d, createPixelBuffer, initImageCanvas, pixelRatio, sizeCanvas } from './canvasUtils';
import { formatValue } from './formatValue';

export interface CodeViewOptions {
  /** Cells per row. */
  columns: number;
  /** CSS px per (square) cell. */
  cell: number;
  /** Name of the code, the start of its text alternative. */
  label: string;
  /** Value range mapped onto the colour map (default [0, 1]). */
  range?: [number, number];
}

export interface CodeView {
  update(code: Float32Array, description?: string): void;
  destroy(): void;
}

/** Index of the cell under a point in CSS px, or -1 outside the first `count` cells. */
export function cellAt(x: number, y: number, columns: number, cell: number, count: number): number {
  if (x < 0 || y < 0 || x >= columns * cell) return -1;
  const index = Math.floor(y / cell) * columns + Math.floor(x / cell);
  return index < count ? index : -1;
}

/** Summary of a code for its text alternative: size, mean, and the strongest unit. */
export function summarizeCode(code: Float32Array): string {
  let sum = 0;
  let finite = 0;
  let best = -1;
  for (let i = 0; i < code.length; i++) {
    const v = code[i];
    if (!Number.isFinite(v)) continue;
    sum += v;
    finite++;
    if (best < 0 || v > code[best]) best = i;
  }
  if (finite === 0) return `${code.length} units, no values yet`;
  return `${code.length} units, mean ${formatValue(sum / finite)}, largest ${formatValue(code[best])} at unit ${best + 1}`;
}

/**
 * A code vector (e.g. an autoencoder's hidden activations) as a grid of viridis cells, one per
 * unit, in reading order; hovering a cell shows its value as a tooltip.
 */
export function createCodeView(el: HTMLElement, opts: CodeViewOptions): CodeView {
  const { columns, cell } = opts;
  const [lo, hi] = opts.range ?? [0, 1];
  const canvas = document.createElement('canvas');
  initImageCanvas(canvas, opts.label);
  const ctx = context2d(canvas);
  const buffer = createPixelBuffer();
  let code: Float32Array = new Float32Array(0);
  let hovered = -1;

  function updateTitle(): void {
    if (hovered >= 0 && hovered < code.length) canvas.title = `Unit ${hovered + 1}: ${formatValue(code[hovered])}`;
    else canvas.removeAttribute('title');
  }

  function draw(): void {
    const rows = Math.max(1, Math.ceil(code.length / columns));
    const dpr = pixelRatio();
    sizeCanvas(canvas, columns * cell, rows * cell, dpr);
    if (!ctx) return;
    buffer.resize(columns, rows);
    const px = buffer.pixels();
    if (!px) return;
    for (let i = 0; i < columns * rows; i++) {
      const p = i * 4;
      if (i >= code.length) {
        px[p + 3] = 0;
        continue;
      }
      const c = magnitudeLut[colorIndexMagnitude(code[i], lo, hi)];
      px[p] = c[0];
      px[p + 1] = c[1];
      px[p + 2] = c[2];
      px[p + 3] = 255;
    }
    buffer.commit();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, columns * cell, rows * cell);
    ctx.drawImage(buffer.canvas, 0, 0, columns, rows, 0, 0, columns * cell, rows * cell);
  }

  const onMove = (e: PointerEvent): void => {
    const r = canvas.getBoundingClientRect();
    hovered = cellAt(e.clientX - r.left, e.clientY - r.top, columns, cell, code.length);
    updateTitle();
  };
  const onLeave = (): void => {
    hovered = -1;
    updateTitle();
  };
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerleave', onLeave);
  el.appendChild(canvas);
  draw();

  return {
    update(next, description) {
      code = next;
      canvas.setAttribute('aria-label', `${opts.label}: ${description ?? summarizeCode(next)}`);
      updateTitle();
      draw();
    },
    destroy() {
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.remove();
    },
  };
}
