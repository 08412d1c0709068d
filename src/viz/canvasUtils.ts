/**
 * Small canvas helpers shared by the pixel widgets: a safe 2D context, device-pixel-ratio
 * sizing, and a reusable offscreen ImageData buffer for crisp, unsmoothed pixel art.
 */

/** The 2D context of a canvas, or null where there is none (jsdom, a lost context). */
export function context2d(
  canvas: HTMLCanvasElement,
  settings?: CanvasRenderingContext2DSettings,
): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d', settings) ?? null;
  } catch {
    return null;
  }
}

/** window.devicePixelRatio, or 1 outside a browser. */
export function pixelRatio(): number {
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio : 1;
  return Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
}

/**
 * Sizes a canvas to `cssWidth × cssHeight` CSS pixels with a backing store of
 * `dpr` device pixels per CSS pixel; touches the canvas only when something changed
 * (assigning width/height clears it and is slow). Returns true when it resized.
 */
export function sizeCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, dpr: number): boolean {
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const h = Math.max(1, Math.round(cssHeight * dpr));
  const cssW = `${cssWidth}px`;
  const cssH = `${cssHeight}px`;
  if (canvas.style.width !== cssW) canvas.style.width = cssW;
  if (canvas.style.height !== cssH) canvas.style.height = cssH;
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  return true;
}

/** Marks a canvas as an image with a text alternative, drawn as crisp pixel art. */
export function initImageCanvas(canvas: HTMLCanvasElement, label: string): void {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.style.imageRendering = 'pixelated';
  canvas.style.display = 'block';
}

/** A small offscreen canvas whose ImageData is reused between frames. */
export interface PixelBuffer {
  /** The offscreen canvas, for `drawImage` onto a visible one. */
  readonly canvas: HTMLCanvasElement;
  /** RGBA bytes of the current size, or null without a 2D context. */
  pixels(): Uint8ClampedArray | null;
  /** Ensures the buffer is `width × height`; reallocates only when the size changes. */
  resize(width: number, height: number): void;
  /** Copies the bytes to the offscreen canvas; call before `drawImage`. */
  commit(): void;
}

/** Creates a {@link PixelBuffer}; its canvas is never attached to the document. */
export function createPixelBuffer(): PixelBuffer {
  const canvas = document.createElement('canvas');
  const ctx = context2d(canvas);
  let image: ImageData | null = null;
  return {
    canvas,
    pixels: () => image?.data ?? null,
    resize(width, height) {
      if (!ctx || (image && image.width === width && image.height === height)) return;
      canvas.width = width;
      canvas.height = height;
      image = ctx.createImageData(width, height);
    },
    commit() {
      if (ctx && image) ctx.putImageData(image, 0, 0);
    },
  };
}

/**
 * Copies `count` tiles of tw×th pixels, laid out `columns` to a row without gaps on `source`, to `ctx` scaled by
 * `scale` with `gap` CSS pixels between them (the layout the tile widgets share).
 */
export function drawTiles(ctx: CanvasRenderingContext2D, source: CanvasImageSource, count: number, columns: number, tw: number, th: number, scale: number, gap: number): void {
  for (let t = 0; t < count; t++) {
    const col = t % columns;
    const row = Math.floor(t / columns);
    ctx.drawImage(source, col * tw, row * th, tw, th, col * (tw * scale + gap), row * (th * scale + gap), tw * scale, th * scale);
  }
}
