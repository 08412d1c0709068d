// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrawPad } from '../../../src/viz/drawPad';
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

const pointer = (type: string, x: number, y: number, pointerId = 1) =>
  new PointerEvent(type, { clientX: x, clientY: y, pointerId, pointerType: 'pen', button: 0, cancelable: true });

describe('createDrawPad', () => {
  it('is an accessible canvas that does not scroll the page on touch', () => {
    fakeCanvas(false);
    const pad = createDrawPad(mount(), { size: 140, label: 'Draw a digit', onChange: () => undefined });
    const canvas = el.querySelector('canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Draw a digit');
    expect(canvas.style.touchAction).toBe('none');
    expect(canvas.style.width).toBe('140px');
    pad.destroy();
    expect(el.innerHTML).toBe('');
  });

  it('clear() sends 784 zeros', () => {
    fakeCanvas();
    const onChange = vi.fn();
    const pad = createDrawPad(mount(), { size: 56, label: 'pad', onChange });
    pad.clear();
    const input = onChange.mock.calls[0][0] as Float32Array;
    expect(input).toHaveLength(784);
    expect(input.every((v) => v === 0)).toBe(true);
    pad.destroy();
  });

  it('sends an MNIST input when a stroke ends, throttled while drawing', () => {
    const log = fakeCanvas();
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const onChange = vi.fn();
    const pad = createDrawPad(mount(), { size: 56, label: 'pad', onChange });
    const canvas = el.querySelector('canvas') as HTMLCanvasElement;
    // What the canvas "holds": a white square at the top left of the 56×56 backing store.
    const back = new Uint8ClampedArray(canvas.width * canvas.height * 4);
    for (let y = 0; y < 10; y++) for (let x = 0; x < 10; x++) back.fill(255, (y * canvas.width + x) * 4, (y * canvas.width + x) * 4 + 4);
    log.readBack = back;

    canvas.dispatchEvent(pointer('pointerdown', 5, 5));
    canvas.dispatchEvent(pointer('pointermove', 6, 6));
    expect(onChange).toHaveBeenCalledTimes(1); // the first move may report at once
    now += 50;
    canvas.dispatchEvent(pointer('pointermove', 7, 7));
    canvas.dispatchEvent(pointer('pointermove', 8, 8, 2)); // another pointer is ignored
    expect(onChange).toHaveBeenCalledTimes(1);
    now += 60;
    canvas.dispatchEvent(pointer('pointermove', 9, 9));
    expect(onChange).toHaveBeenCalledTimes(2);
    canvas.dispatchEvent(pointer('pointerup', 9, 9));
    expect(onChange).toHaveBeenCalledTimes(3);
    const input = onChange.mock.calls[2][0] as Float32Array;
    expect(input).toHaveLength(784);
    expect(input[14 * 28 + 14]).toBeCloseTo(1);
    expect(input[0]).toBe(0);
    canvas.dispatchEvent(pointer('pointermove', 20, 20)); // not drawing any more
    expect(onChange).toHaveBeenCalledTimes(3);
    pad.destroy();
  });
});
