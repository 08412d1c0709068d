// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImageGrid, tileAt, type ImageGridOptions } from '../../../src/viz/imageGrid';
import { colorIndexDiverging, divergingLut } from '../../../src/viz/colormaps';
import { fakeCanvas } from './fakeCanvas';

const OPTS: ImageGridOptions = {
  tileWidth: 2, tileHeight: 2, columns: 3, scale: 10, gap: 4,
  colormap: 'diverging', normalize: 'per-tile', label: 'Encoder weights',
};

let el: HTMLDivElement;
afterEach(() => {
  el?.remove();
  vi.restoreAllMocks();
});
function mount(): HTMLDivElement {
  el = document.createElement('div');
  document.body.appendChild(el);
  return el;
}

describe('tileAt', () => {
  it('finds tiles and rejects gaps and the area past the last tile', () => {
    expect(tileAt(0, 0, OPTS, 5)).toBe(0);
    expect(tileAt(19.9, 19.9, OPTS, 5)).toBe(0);
    expect(tileAt(21, 5, OPTS, 5)).toBe(-1); // gap
    expect(tileAt(25, 5, OPTS, 5)).toBe(1);
    expect(tileAt(50, 30, OPTS, 5)).toBe(-1); // row 1, col 2 → index 5, past the count
    expect(tileAt(25, 30, OPTS, 5)).toBe(4);
    expect(tileAt(80, 5, OPTS, 5)).toBe(-1); // right of the grid
    expect(tileAt(-1, 5, OPTS, 5)).toBe(-1);
  });
});

describe('createImageGrid', () => {
  it('builds an accessible, pixelated canvas and survives a missing 2D context', () => {
    fakeCanvas(false);
    const grid = createImageGrid(mount(), OPTS);
    grid.update({ tiles: new Float32Array(5 * 4), count: 5 });
    const canvas = el.querySelector('canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Encoder weights: 5 images of 2×2 pixels');
    expect(canvas.style.imageRendering).toBe('pixelated');
    expect(canvas.style.width).toBe('68px'); // 3·20 + 2·4
    expect(canvas.style.height).toBe('44px'); // 2 rows
    expect(canvas.hasAttribute('tabindex')).toBe(false);
    grid.update({ tiles: new Float32Array(4), count: 1, description: 'one tile' });
    expect(canvas.getAttribute('aria-label')).toBe('Encoder weights. one tile');
    grid.destroy();
    expect(el.innerHTML).toBe('');
  });

  it('scales each tile by its own max |v| around zero', () => {
    const log = fakeCanvas();
    const grid = createImageGrid(mount(), OPTS);
    grid.update({ tiles: Float32Array.from([0.1, -0.1, 0, 0.05, 10, 0, -5, NaN]), count: 2 });
    const { width, data } = log.puts[log.puts.length - 1];
    const rgb = (x: number, y: number) => Array.from(data.slice((y * width + x) * 4, (y * width + x) * 4 + 3));
    expect(rgb(0, 0)).toEqual(divergingLut[255]); // +0.1 is the max of tile 0
    expect(rgb(1, 0)).toEqual(divergingLut[0]);
    expect(rgb(0, 1)).toEqual(divergingLut[128]);
    expect(rgb(1, 1)).toEqual(divergingLut[colorIndexDiverging(0.5, 1)]);
    expect(rgb(2, 0)).toEqual(divergingLut[255]); // +10 is the max of tile 1
    expect(rgb(2, 1)).toEqual(divergingLut[colorIndexDiverging(-0.5, 1)]);
    expect(rgb(3, 1)).toEqual(divergingLut[128]); // NaN is neutral
    expect(log.drawImages.at(-1)?.slice(1)).toEqual([2, 0, 2, 2, 24, 0, 20, 20]);
    grid.destroy();
  });

  it('selects tiles by click and by keyboard, and outlines the highlight', () => {
    const log = fakeCanvas();
    const onTileClick = vi.fn();
    const grid = createImageGrid(mount(), { ...OPTS, colormap: 'gray', normalize: 'fixed', onTileClick });
    grid.update({ tiles: new Float32Array(5 * 4), count: 5 });
    const canvas = el.querySelector('canvas') as HTMLCanvasElement;
    expect(canvas.tabIndex).toBe(0);
    canvas.dispatchEvent(new MouseEvent('click', { clientX: 30, clientY: 30, bubbles: true }));
    expect(onTileClick).toHaveBeenLastCalledWith(4);
    expect(canvas.getAttribute('aria-label')).toContain('Selected: 5 of 5');
    expect(log.strokeRects.at(-1)?.slice(0, 2)).toEqual([25.5, 25.5]);
    canvas.dispatchEvent(new MouseEvent('click', { clientX: 22, clientY: 5 })); // gap
    expect(onTileClick).toHaveBeenCalledTimes(1);
    const key = (k: string) => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: k, cancelable: true }));
    key('ArrowUp'); // 4 → 1
    key('ArrowLeft'); // → 0
    key('ArrowLeft'); // -1 does not exist: stays at 0
    key('Enter');
    expect(onTileClick).toHaveBeenLastCalledWith(0);
    key('ArrowDown'); // → 3
    key('ArrowDown'); // 6 is past the end: stays at 3
    key(' ');
    expect(onTileClick).toHaveBeenLastCalledWith(3);
    grid.update({ tiles: new Float32Array(5 * 4), count: 5, highlight: null });
    expect(canvas.getAttribute('aria-label')).not.toContain('Selected');
    grid.destroy();
    onTileClick.mockClear();
    canvas.dispatchEvent(new MouseEvent('click', { clientX: 5, clientY: 5 }));
    expect(onTileClick).not.toHaveBeenCalled();
  });
});
