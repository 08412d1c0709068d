import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  avgPool2dBackward,
  conv2d,
  conv2dBackward,
  convOutputShape,
  convTerms,
  filters,
  localContrastNorm,
  localResponseNorm,
  maxPool2d,
  maxPool2dBackward,
  outputSize,
  poolWindow,
  volume,
  type Padding,
  type Volume,
} from '../../../src/math';

const input = volume(5, 6, 3);
const w3 = filters(3, 3, 3, 4);

describe('bad arguments throw errors that say what is wrong', () => {
  it('a window larger than the padded input', () => {
    expect(() => conv2d(volume(4, 4, 3), filters(5, 5, 3, 1))).toThrow(
      'conv2d: the window height 5 is larger than the padded input height 4 (4 + padding 0 + 0)',
    );
    expect(() => conv2d(volume(4, 4, 3), filters(5, 5, 3, 1), { padding: 1 })).not.toThrow();
    expect(() => maxPool2d(volume(3, 2, 1), { size: [2, 3] })).toThrow(
      'maxPool2d: the window width 3 is larger than the padded input width 2 (2 + padding 0 + 0)',
    );
    expect(() => outputSize(3, 4, 1, 'valid')).toThrow(
      'outputSize: the window size 4 is larger than the padded input size 3 (3 + padding 0 + 0)',
    );
    expect(() => outputSize(0, 1, 1, 'valid')).toThrow('outputSize: input size must be a positive integer, got 0');
  });

  it('a non-positive or non-integer stride', () => {
    expect(() => conv2d(input, w3, { stride: 0 })).toThrow('conv2d: stride must be a positive integer, got 0');
    expect(() => conv2d(input, w3, { stride: [1, -2] })).toThrow('conv2d: stride must be a positive integer, got -2');
    expect(() => conv2d(input, w3, { stride: 1.5 })).toThrow('conv2d: stride must be a positive integer, got 1.5');
    expect(() => avgPool2d(input, { size: 2, stride: 0 })).toThrow('avgPool2d: stride must be a positive integer, got 0');
    expect(() => maxPool2d(input, { size: 0 })).toThrow('maxPool2d: window size must be a positive integer, got 0');
  });

  it('input depth ≠ filters.inDepth', () => {
    expect(() => conv2d(volume(5, 6, 2), w3)).toThrow('conv2d: input depth 2 does not match filters.inDepth 3');
    expect(() => conv2dBackward(volume(5, 6, 2), w3, volume(3, 4, 4))).toThrow(
      'conv2dBackward: input depth 2 does not match filters.inDepth 3',
    );
  });

  it('data length not matching the shape', () => {
    expect(() => volume(2, 2, 2, [1, 2, 3])).toThrow('volume: data has length 3 but a 2×2×2 volume needs 8');
    expect(() => filters(3, 3, 1, 2, new Float32Array(9))).toThrow(
      'filters: data has length 9 but 3×3×1×2 filters need 18',
    );
    const bad: Volume = { height: 5, width: 6, depth: 3, data: new Float32Array(10) };
    expect(() => conv2d(bad, w3)).toThrow('conv2d: input: data has length 10 but a 5×6×3 volume needs 90');
    expect(() => maxPool2d(bad, { size: 2 })).toThrow('maxPool2d: input: data has length 10');
    expect(() => conv2d(input, { ...w3, data: new Float32Array(3) })).toThrow('conv2d: filters: data has length 3');
    expect(() => volume(0, 2, 1)).toThrow('volume.height must be a positive integer, got 0');
  });

  it('bias length ≠ outDepth', () => {
    expect(() => conv2d(input, w3, { bias: new Float32Array(3) })).toThrow(
      'conv2d: bias has length 3 but filters.outDepth is 4',
    );
  });

  it('negative or fractional padding, or a padding of the wrong form', () => {
    expect(() => conv2d(input, w3, { padding: -1 })).toThrow('conv2d: padding must be a non-negative integer, got -1');
    expect(() => conv2d(input, w3, { padding: [0, 0, 1, -2] })).toThrow(
      'conv2d: padding must be a non-negative integer, got -2',
    );
    expect(() => conv2d(input, w3, { padding: 0.5 })).toThrow('conv2d: padding must be a non-negative integer, got 0.5');
    expect(() => conv2d(input, w3, { padding: 'full' as Padding })).toThrow(
      `conv2d: padding must be 'valid', 'same', a number or [top, bottom, left, right], got "full"`,
    );
    expect(() => convOutputShape(input, 3, 3, 1, [1, 1] as unknown as Padding)).toThrow(
      'convOutputShape: padding must be',
    );
  });

  it('a pooling window lying entirely in padding', () => {
    expect(() => maxPool2d(volume(4, 4, 1), { size: 2, padding: [2, 0, 0, 0] })).toThrow(
      'maxPool2d: the first window row lies entirely in padding (padding 2 ≥ window 2)',
    );
    expect(() => avgPool2d(volume(4, 4, 1), { size: 2, stride: 4, padding: [0, 0, 0, 4] })).toThrow(
      'avgPool2d: the last window column lies entirely in padding (it starts at column 4; the input has columns 0…3)',
    );
    expect(() => avgPool2d(volume(4, 4, 1), { size: 2, stride: 3, padding: [0, 0, 0, 3] })).not.toThrow();
    // A convolution window in padding only sees zeros: allowed.
    expect(() => conv2d(volume(4, 4, 1), filters(2, 2, 1, 1), { padding: [2, 0, 0, 0] })).not.toThrow();
  });

  it('a gradient of the wrong shape', () => {
    expect(() => conv2dBackward(input, w3, volume(3, 4, 3))).toThrow(
      'conv2dBackward: dOutput is 3×4×3 but the forward output is 3×4×4',
    );
    expect(() => avgPool2dBackward(input, volume(3, 3, 3), { size: 2 })).toThrow(
      'avgPool2dBackward: dOutput is 3×3×3 but the forward output is 2×3×3',
    );
    const { argmax } = maxPool2d(input, { size: 2 });
    expect(() => maxPool2dBackward(input, argmax.subarray(1), volume(2, 3, 3))).toThrow(
      'maxPool2dBackward: argmax has length 17 but dOutput has 18 values',
    );
    const wrong = Int32Array.from(argmax);
    wrong[4] = 0;
    expect(() => maxPool2dBackward(input, wrong, volume(2, 3, 3))).toThrow(
      'maxPool2dBackward: argmax[4] = 0 is not a cell of channel 1 of the input',
    );
  });

  it('a step-through cell outside the output', () => {
    expect(() => convTerms(input, w3, {}, 3, 0, 0)).toThrow('convTerms: cell (3, 0, 0) is outside the 3×4×4 output');
    expect(() => poolWindow(input, { size: 2 }, 0, 0, 3)).toThrow('poolWindow: cell (0, 0, 3) is outside the 2×3×3 output');
  });

  it('bad normalisation parameters', () => {
    expect(() => localResponseNorm(input, { size: 0, alpha: 1, beta: 1, k: 1 })).toThrow(
      'localResponseNorm: size must be a positive integer, got 0',
    );
    expect(() => localResponseNorm(input, { size: 3, alpha: NaN, beta: 1, k: 1 })).toThrow(
      'localResponseNorm: alpha must be a finite number, got NaN',
    );
    expect(() => localContrastNorm(input, { size: 2.5 })).toThrow('localContrastNorm: size must be a positive integer, got 2.5');
  });
});
