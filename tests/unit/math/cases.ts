import type { Padding } from '../../../src/math';

/** Convolution layers the math tests compare with tfjs: odd sizes, strides 1/2/4, every padding kind. */
export interface ConvCase {
  name: string;
  input: [h: number, w: number, d: number];
  kernel: [kh: number, kw: number, outDepth: number];
  stride: number | [number, number];
  padding: Padding;
  /** The same padding spelt for tfjs where its own spelling differs (see the stride [2, 1] case). */
  tfPadding?: Padding;
}

export const CONV_CASES: ConvCase[] = [
  { name: '7×9×1, 3×3, valid', input: [7, 9, 1], kernel: [3, 3, 1], stride: 1, padding: 'valid' },
  { name: '7×9×3 → 4, 3×3, same', input: [7, 9, 3], kernel: [3, 3, 4], stride: 1, padding: 'same' },
  { name: '7×9×3 → 4, 5×3, stride 2, same', input: [7, 9, 3], kernel: [5, 3, 4], stride: 2, padding: 'same' },
  { name: '8×10×3 → 4, 4×4, stride 2, same (odd pad at bottom/right)', input: [8, 10, 3], kernel: [4, 4, 4], stride: 2, padding: 'same' },
  // tfjs 4.22 sizes a number padding with the vertical stride and kernel height on both axes
  // (conv_util.computeOutputShape2D), so with stride [2, 1] it is passed to tfjs as explicit padding.
  { name: '7×9×3 → 4, 3×3, stride [2, 1], pad 1', input: [7, 9, 3], kernel: [3, 3, 4], stride: [2, 1], padding: 1, tfPadding: [1, 1, 1, 1] },
  { name: '7×9×3 → 4, 3×3, stride 2, pad 2', input: [7, 9, 3], kernel: [3, 3, 4], stride: 2, padding: 2 },
  { name: '7×9×3 → 4, 3×2, stride 2, explicit [1, 2, 0, 3]', input: [7, 9, 3], kernel: [3, 2, 4], stride: 2, padding: [1, 2, 0, 3] },
  { name: '13×13×2 → 3, 4×4, stride 4, same', input: [13, 13, 2], kernel: [4, 4, 3], stride: 4, padding: 'same' },
  { name: 'AlexNet conv1: 35×35×3 → 4, 11×11, stride 4, valid', input: [35, 35, 3], kernel: [11, 11, 4], stride: 4, padding: 'valid' },
  { name: 'AlexNet conv1: 35×35×3 → 4, 11×11, stride 4, same', input: [35, 35, 3], kernel: [11, 11, 4], stride: 4, padding: 'same' },
  { name: '1×1 kernel: 7×9×3 → 4', input: [7, 9, 3], kernel: [1, 1, 4], stride: 1, padding: 'valid' },
  { name: '1×1 kernel, stride 2, pad 1', input: [7, 9, 3], kernel: [1, 1, 4], stride: 2, padding: 1 },
];
