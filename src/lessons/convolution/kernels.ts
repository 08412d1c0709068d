/** 3×3 kernels to try, row-major. Sobel and the others are standard image-processing filters. */
export interface KernelPreset { name: string; size: number; values: number[] }

export const KERNEL_PRESETS: KernelPreset[] = [
  { name: 'Vertical edges (Sobel)', size: 3, values: [-1, 0, 1, -2, 0, 2, -1, 0, 1] },
  { name: 'Horizontal edges (Sobel)', size: 3, values: [-1, -2, -1, 0, 0, 0, 1, 2, 1] },
  { name: 'Diagonal (top-left dark)', size: 3, values: [-2, -1, 0, -1, 0, 1, 0, 1, 2] },
  { name: 'Blur (box average)', size: 3, values: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9] },
  { name: 'Sharpen', size: 3, values: [0, -1, 0, -1, 5, -1, 0, -1, 0] },
  { name: 'Identity', size: 3, values: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
  { name: 'Top-left pixel (shows the flip)', size: 3, values: [1, 0, 0, 0, 0, 0, 0, 0, 0] },
];

/** A 7×7 example image: a vertical bar and a diagonal stroke, values 0–9, small enough to read every number. */
export const SMALL_EXAMPLE: number[] = [
  0, 0, 9, 0, 0, 0, 0,
  0, 0, 9, 0, 0, 0, 0,
  0, 0, 9, 0, 0, 5, 0,
  0, 0, 9, 0, 5, 0, 0,
  0, 0, 9, 5, 0, 0, 0,
  0, 0, 9, 0, 0, 0, 0,
  0, 0, 9, 0, 0, 0, 0,
];
export const SMALL_SIDE = 7;
