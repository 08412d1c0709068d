/** Draws a side×side image of packed RGB bytes onto a canvas at its own resolution (CSS scales it). */
export function drawRgb(canvas: HTMLCanvasElement | null, rgb: ArrayLike<number>, side: number): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  canvas.width = side;
  canvas.height = side;
  const img = new ImageData(side, side);
  for (let p = 0; p < side * side; p++) {
    img.data[p * 4] = rgb[p * 3];
    img.data[p * 4 + 1] = rgb[p * 3 + 1];
    img.data[p * 4 + 2] = rgb[p * 3 + 2];
    img.data[p * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
