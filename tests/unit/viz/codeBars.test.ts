// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellAt, createCodeView, summarizeCode } from '../../../src/viz/codeBars';
import { magnitudeLut } from '../../../src/viz/colormaps';
import { fakeCanvas } from './fakeCanvas';

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

describe('code view helpers', () => {
  it('cellAt maps points to cells in reading order', () => {
    expect(cellAt(0, 0, 10, 8, 100)).toBe(0);
    expect(cellAt(17, 9, 10, 8, 100)).toBe(12);
    expect(cellAt(80, 0, 10, 8, 100)).toBe(-1);
    expect(cellAt(0, 80, 10, 8, 100)).toBe(-1);
  });

  it('summarizeCode reports size, mean and the strongest unit', () => {
    expect(summarizeCode(Float32Array.from([0, 0.5, 1, 0.5]))).toBe('4 units, mean 0.5, largest 1 at unit 3');
    expect(summarizeCode(Float32Array.from([NaN, NaN]))).toBe('2 units, no values yet');
  });
});

describe('createCodeView', () => {
  it('colours cells with viridis, labels itself, and shows values on hover', () => {
    const log = fakeCanvas();
    const view = createCodeView(mount(), { columns: 4, cell: 10, label: 'Hidden code' });
    view.update(Float32Array.from([0, 0.25, 1, 2, 0.5]));
    const canvas = el.querySelector('canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Hidden code: 5 units, mean 0.75, largest 2 at unit 4');
    expect([canvas.style.width, canvas.style.height]).toEqual(['40px', '20px']);
    const { data } = log.puts[log.puts.length - 1];
    expect(Array.from(data.slice(0, 3))).toEqual(magnitudeLut[0]);
    expect(Array.from(data.slice(12, 15))).toEqual(magnitudeLut[255]); // 2 is clamped to the top
    expect(data[5 * 4 + 3]).toBe(0); // cells past the code are transparent
    canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: 15, clientY: 5 }));
    expect(canvas.title).toBe('Unit 2: 0.25');
    view.update(Float32Array.from([0, 0.75, 1, 2, 0.5]), 'digit 7');
    expect(canvas.title).toBe('Unit 2: 0.75');
    expect(canvas.getAttribute('aria-label')).toBe('Hidden code: digit 7');
    canvas.dispatchEvent(new PointerEvent('pointerleave'));
    expect(canvas.hasAttribute('title')).toBe(false);
    view.destroy();
    expect(el.innerHTML).toBe('');
  });

  it('works without a 2D context', () => {
    fakeCanvas(false);
    const view = createCodeView(mount(), { columns: 10, cell: 6, label: 'Code' });
    view.update(new Float32Array(100));
    expect(el.querySelector('canvas')?.style.height).toBe('60px');
    view.destroy();
  });
});
