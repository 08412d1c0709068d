import { HIGHLIGHTER_ALPHA, HIGHLIGHTER_WIDTH, PEN_WIDTH, type Stroke } from './strokes';

/** Browsers refuse or blank canvases past about 16.7 million pixels (iOS Safari's limit); stay under it. */
export const MAX_CANVAS_PIXELS = 16_000_000;

/**
 * The backing-store size of a canvas shown at `cssWidth × cssHeight`: `devicePixelRatio` pixels per CSS pixel
 * for sharp lines, fewer when that would exceed {@link MAX_CANVAS_PIXELS} (a very tall lesson page).
 */
export function canvasSize(cssWidth: number, cssHeight: number, devicePixelRatio: number): { width: number; height: number; scale: number } {
  const area = Math.max(1, cssWidth * cssHeight);
  const scale = Math.min(Math.max(devicePixelRatio, 1), Math.sqrt(MAX_CANVAS_PIXELS / area));
  return { width: Math.max(1, Math.floor(cssWidth * scale)), height: Math.max(1, Math.floor(cssHeight * scale)), scale };
}

/** Clears the canvas and draws every stroke; `scale` is device pixels per CSS pixel. */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], scale: number): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of strokes) {
    const width = s.tool === 'highlighter' ? HIGHLIGHTER_WIDTH : PEN_WIDTH;
    // One path per stroke, so a highlighter crossing itself is not darker where it overlaps.
    ctx.globalAlpha = s.tool === 'highlighter' ? HIGHLIGHTER_ALPHA : 1;
    if (s.points.length === 1) {
      ctx.fillStyle = s.colour;
      ctx.beginPath();
      ctx.arc(s.points[0].x, s.points[0].y, width / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(s.points[0].x, s.points[0].y);
    for (let i = 1; i < s.points.length; i++) ctx.lineTo(s.points[i].x, s.points[i].y);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
