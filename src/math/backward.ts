/**
 * Backpropagation through pooling and convolution. Every function takes dOutput = ∂J/∂output
 * (TensorFlow's sign, what tf.grad gives) and returns gradients with the same sign;
 * {@link sensitivity} converts to the lecture's δ = −∂J/∂net for display.
 */
import { prepareConv, type ConvOptions } from './conv';
import { avgPoolDivisors, type AvgPoolOptions } from './pool';
import {
  assertShape,
  assertVolume,
  filterIndex,
  rotate180,
  volumeIndex,
  type Filters,
  type Volume,
  type VolumeShape,
} from './volume';

/**
 * The lecture's sensitivity δ = −∂J/∂net from the gradient ∂J/∂output that the backward functions
 * take and return: it flips the sign, nothing else (the lecture's update is w ← w + η·δ·x,
 * TensorFlow's w ← w − η·∂J/∂w, the same step).
 */
export function sensitivity(dOutput: Volume): Volume {
  assertVolume(dOutput, 'sensitivity: dOutput');
  const data = new Float32Array(dOutput.data.length);
  for (let i = 0; i < data.length; i++) data[i] = -dOutput.data[i];
  return { height: dOutput.height, width: dOutput.width, depth: dOutput.depth, data };
}

function assertOutputShape(dOutput: Volume, height: number, width: number, depth: number, what: string): void {
  assertVolume(dOutput, `${what}: dOutput`);
  if (dOutput.height !== height || dOutput.width !== width || dOutput.depth !== depth) {
    throw new Error(
      `${what}: dOutput is ${dOutput.height}×${dOutput.width}×${dOutput.depth} but the forward output is ${height}×${width}×${depth}`,
    );
  }
}

/**
 * Max pooling's backward pass: ∂J/∂X[i] = Σ over outputs j with argmax[j] = i of ∂J/∂out[j].
 * Each output's gradient goes to the cell that won its max; where windows overlap and one cell
 * won several, its gradients add up; every other cell gets 0. (As tf.grad of tf.maxPool.)
 */
export function maxPool2dBackward(inputShape: VolumeShape, argmax: Int32Array, dOutput: Volume): Volume {
  const what = 'maxPool2dBackward';
  assertShape(inputShape, `${what}: inputShape`);
  assertVolume(dOutput, `${what}: dOutput`);
  if (argmax.length !== dOutput.data.length) {
    throw new Error(`${what}: argmax has length ${argmax.length} but dOutput has ${dOutput.data.length} values`);
  }
  if (dOutput.depth !== inputShape.depth) {
    throw new Error(`${what}: dOutput depth ${dOutput.depth} does not match the input depth ${inputShape.depth}`);
  }
  const { height, width, depth } = inputShape;
  const dInput = new Float32Array(height * width * depth);
  for (let j = 0; j < argmax.length; j++) {
    const i = argmax[j];
    if (!Number.isInteger(i) || i < 0 || i >= dInput.length || i % depth !== j % depth) {
      throw new Error(`${what}: argmax[${j}] = ${i} is not a cell of channel ${j % depth} of the input`);
    }
    dInput[i] += dOutput.data[j];
  }
  return { height, width, depth, data: dInput };
}

/**
 * Average pooling's backward pass: each output's gradient is shared equally, ∂J/∂out / n, among
 * the n cells its average counted (padded cells, when counted, take their share and drop it);
 * overlapping windows add up. This is the exact adjoint of {@link avgPool2d} with the same options.
 * (tf.grad of tf.avgPool agrees on windows without padding; with 'same' padding tfjs 4.22 divides
 * by h·w in the gradient although its forward pass divides by the cells counted.)
 */
export function avgPool2dBackward(inputShape: VolumeShape, dOutput: Volume, opts: AvgPoolOptions): Volume {
  const what = 'avgPool2dBackward';
  assertShape(inputShape, `${what}: inputShape`);
  const { geometry, spans } = avgPoolDivisors(inputShape, opts, what);
  const { height, width, depth } = inputShape;
  assertOutputShape(dOutput, geometry.height, geometry.width, depth, what);
  const dInput = new Float64Array(height * width * depth);
  spans.forEach((span, cell) => {
    for (let d = 0; d < depth; d++) {
      const share = dOutput.data[cell * depth + d] / span.divisor;
      for (let iy = span.y0; iy < span.y1; iy++) {
        for (let ix = span.x0; ix < span.x1; ix++) dInput[volumeIndex(inputShape, iy, ix, d)] += share;
      }
    }
  });
  return { height, width, depth, data: Float32Array.from(dInput) };
}

/** The gradients of a convolution layer's loss with respect to its input, filters and bias. */
export interface ConvGradients {
  dInput: Volume;
  /** For the filters as passed in (in convolution mode too, not for the rotated kernel). */
  dFilters: Filters;
  dBias: Float32Array;
}

/**
 * Convolution's backward pass, for {@link conv2d} with the same arguments; K is the kernel that is
 * correlated with the input (the filters, rotated by 180° in convolution mode), X zero outside
 * the input, (top, left) the padding and (sy, sx) the stride:
 * - ∂J/∂b[o] = Σ_{y,x} ∂J/∂out[y,x,o];
 * - ∂J/∂K[ky,kx,c,o] = Σ_{y,x} X[y·sy+ky−top, x·sx+kx−left, c] · ∂J/∂out[y,x,o] (the input
 *   correlated with the output gradient); in convolution mode ∂J/∂W = rotate180(∂J/∂K);
 * - ∂J/∂X[i,j,c] = Σ_{ky,kx,o} K[ky,kx,c,o] · ∂J/∂out[(i+top−ky)/sy, (j+left−kx)/sx, o] over the
 *   terms whose indices are whole and inside the output: the "full" convolution of the output
 *   gradient (spread out by the stride) with the kernel, i.e. full correlation with the flipped kernel.
 * Sums run in float64 and are rounded to float32 when stored. (As tf.grads of tf.conv2d.)
 * Source: Goodfellow, Bengio & Courville, "Deep Learning", 2016, §9.5 (gradients of a strided
 * convolution); Dumoulin & Visin 2016, §4 (the input gradient as a transposed convolution).
 */
export function conv2dBackward(input: Volume, filters: Filters, dOutput: Volume, opts: ConvOptions = {}): ConvGradients {
  const what = 'conv2dBackward';
  const { geometry, kernel, mode } = prepareConv(input, filters, opts, what);
  const { height, width, pad, stride } = geometry;
  const { kh, kw, inDepth, outDepth } = kernel;
  assertOutputShape(dOutput, height, width, outDepth, what);
  const dy = dOutput.data;

  const dBias = new Float64Array(outDepth);
  for (let i = 0; i < dy.length; i++) dBias[i % outDepth] += dy[i];

  const dKernel = new Float64Array(kernel.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const outBase = (y * width + x) * outDepth;
      for (let ky = 0; ky < kh; ky++) {
        const iy = y * stride[0] + ky - pad[0];
        if (iy < 0 || iy >= input.height) continue;
        for (let kx = 0; kx < kw; kx++) {
          const ix = x * stride[1] + kx - pad[2];
          if (ix < 0 || ix >= input.width) continue;
          for (let c = 0; c < inDepth; c++) {
            const value = input.data[volumeIndex(input, iy, ix, c)];
            const wBase = filterIndex(kernel, ky, kx, c, 0);
            for (let o = 0; o < outDepth; o++) dKernel[wBase + o] += value * dy[outBase + o];
          }
        }
      }
    }
  }

  const dInput = new Float32Array(input.data.length);
  for (let iy = 0; iy < input.height; iy++) {
    for (let ix = 0; ix < input.width; ix++) {
      for (let c = 0; c < inDepth; c++) {
        let sum = 0;
        for (let ky = 0; ky < kh; ky++) {
          const yNumerator = iy + pad[0] - ky;
          if (yNumerator < 0 || yNumerator % stride[0] !== 0) continue;
          const y = yNumerator / stride[0];
          if (y >= height) continue;
          for (let kx = 0; kx < kw; kx++) {
            const xNumerator = ix + pad[2] - kx;
            if (xNumerator < 0 || xNumerator % stride[1] !== 0) continue;
            const x = xNumerator / stride[1];
            if (x >= width) continue;
            const outBase = (y * width + x) * outDepth;
            const wBase = filterIndex(kernel, ky, kx, c, 0);
            for (let o = 0; o < outDepth; o++) sum += kernel.data[wBase + o] * dy[outBase + o];
          }
        }
        dInput[volumeIndex(input, iy, ix, c)] = sum;
      }
    }
  }

  const dKernelFilters: Filters = { kh, kw, inDepth, outDepth, data: Float32Array.from(dKernel) };
  return {
    dInput: { height: input.height, width: input.width, depth: inDepth, data: dInput },
    dFilters: mode === 'convolution' ? rotate180(dKernelFilters) : dKernelFilters,
    dBias: Float32Array.from(dBias),
  };
}
