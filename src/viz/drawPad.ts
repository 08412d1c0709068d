import { context2d, pixelRatio, sizeCanvas } from './canvasUtils';
import { MNIST_SIZE, toMnistInput } from './mnistPreprocess';

export interface DrawPadOptions {
  /** CSS px of the square pad. */
  size: number;
  /** Stroke width in CSS px (default size / 14, about an MNIST pen stroke after scaling). */
  lineWidth?: number;
  /** Receives 784 MNIST-style values in [0, 1] after each stroke, and throttled while drawing. */
  onChange: (input: Float32Array) => void;
  /** Text alternative of the pad. */
  label: string;
}

export interface DrawPad {
  clear(): void;
  destroy(): void;
}

/** Least time between two onChange calls while a stroke is in progress. */
export const DRAW_THROTTLE_MS = 100;

/**
 * A square pad to draw a digit on with mouse, pen or touch: white round strokes on black.
 * Each change is reduced to a 28×28 MNIST-style input by {@link toMnistInput}.
 */
export function createDrawPad(el: HTMLElement, opts: DrawPadOptions): DrawPad {
  const { size } = opts;
  const lineWidth = opts.lineWidth ?? Math.max(1, Math.round(size / 14));
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', opts.label);
  canvas.style.touchAction = 'none';
  canvas.style.display = 'block';
  canvas.style.cursor = 'crosshair';
  const ctx = context2d(canvas, { willReadFrequently: true }); // read back on every change
  const dpr = pixelRatio();
  sizeCanvas(canvas, size, size, dpr);
  let gray: Float32Array = new Float32Array(0);
  let activePointer: number | null = null;
  let last: [number, number] | null = null;
  let lastEmit = 0;

  function blank(): void {
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#fff';
    ctx.lineWidth = lineWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  }

  function emit(): void {
    lastEmit = performance.now();
    if (!ctx) {
      opts.onChange(new Float32Array(MNIST_SIZE * MNIST_SIZE));
      return;
    }
    const { width, height } = canvas;
    const rgba = ctx.getImageData(0, 0, width, height).data;
    if (gray.length !== width * height) gray = new Float32Array(width * height);
    for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4] / 255;
    opts.onChange(toMnistInput(gray, width, height));
  }

  function point(e: PointerEvent): [number, number] {
    const r = canvas.getBoundingClientRect();
    const sx = r.width > 0 ? size / r.width : 1;
    const sy = r.height > 0 ? size / r.height : 1;
    return [(e.clientX - r.left) * sx, (e.clientY - r.top) * sy];
  }

  function segment(to: [number, number]): void {
    if (!ctx) return;
    const from = last ?? to;
    if (from[0] === to[0] && from[1] === to[1]) {
      ctx.beginPath();
      ctx.arc(to[0], to[1], lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.beginPath();
      ctx.moveTo(from[0], from[1]);
      ctx.lineTo(to[0], to[1]);
      ctx.stroke();
    }
    last = to;
  }

  const onDown = (e: PointerEvent): void => {
    if (activePointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    activePointer = e.pointerId;
    try {
      canvas.setPointerCapture?.(e.pointerId);
    } catch {
      // The pointer may already be gone; drawing still works without capture.
    }
    last = null;
    segment(point(e));
  };
  const onMove = (e: PointerEvent): void => {
    if (e.pointerId !== activePointer) return;
    e.preventDefault();
    segment(point(e));
    if (performance.now() - lastEmit >= DRAW_THROTTLE_MS) emit();
  };
  const onUp = (e: PointerEvent): void => {
    if (e.pointerId !== activePointer) return;
    activePointer = null;
    last = null;
    try {
      if (canvas.hasPointerCapture?.(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
    } catch {
      // Already released.
    }
    emit();
  };

  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  blank();
  el.appendChild(canvas);

  return {
    clear() {
      activePointer = null;
      last = null;
      blank();
      opts.onChange(new Float32Array(MNIST_SIZE * MNIST_SIZE));
    },
    destroy() {
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      canvas.remove();
    },
  };
}
