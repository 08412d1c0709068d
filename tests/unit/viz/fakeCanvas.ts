import { vi } from 'vitest';

/** What a fake 2D context recorded: the last ImageData put, and every drawImage call. */
export interface FakeCanvasLog {
  puts: { width: number; height: number; data: Uint8ClampedArray }[];
  drawImages: unknown[][];
  strokeRects: number[][];
  /** What getImageData returns for the visible canvas (RGBA), set by a test. */
  readBack: Uint8ClampedArray | null;
}

/**
 * Replaces HTMLCanvasElement.prototype.getContext with one returning a recording stub (jsdom
 * has no canvas), or with null when `withContext` is false. Restore with vi.restoreAllMocks().
 */
export function fakeCanvas(withContext = true): FakeCanvasLog {
  const log: FakeCanvasLog = { puts: [], drawImages: [], strokeRects: [], readBack: null };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    if (!withContext) return null;
    const noop = () => undefined;
    return {
      canvas: this,
      createImageData: (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }),
      putImageData: (img: { width: number; height: number; data: Uint8ClampedArray }) => {
        log.puts.push({ width: img.width, height: img.height, data: img.data.slice() });
      },
      getImageData: (_x: number, _y: number, w: number, h: number) => ({
        width: w,
        height: h,
        data: log.readBack ?? new Uint8ClampedArray(w * h * 4),
      }),
      drawImage: (...args: unknown[]) => log.drawImages.push(args),
      strokeRect: (...args: number[]) => log.strokeRects.push(args),
      setTransform: noop, clearRect: noop, fillRect: noop, beginPath: noop, moveTo: noop, lineTo: noop,
      stroke: noop, arc: noop, fill: noop,
    } as unknown as CanvasRenderingContext2D;
  } as typeof HTMLCanvasElement.prototype.getContext);
  return log;
}
