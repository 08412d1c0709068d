/**
 * Compares the lesson's pipeline (src/math) with tf.grads of the same network: the helpers here are
 * pure; the tfjs side is src/model/backpropCheck.ts.
 */
import type { BackpropNetwork, TfGradients } from '../../model/backpropCheck';
import { INPUT_SIDE, KERNEL_SIDE, poolWindow, type BackpropResult } from './pipeline';

/** The network and loss of a pipeline result, in the form tfBackpropGradients takes. */
export function networkFor(r: BackpropResult): BackpropNetwork {
  const w = poolWindow(r.settings.window);
  const values = Float32Array.from(r.values);
  return {
    input: r.input.data,
    inputSize: [INPUT_SIDE, INPUT_SIDE],
    kernel: r.kernel.data,
    kernelSize: KERNEL_SIDE,
    bias: r.bias,
    relu: r.settings.relu,
    pool: { kind: r.settings.pool, size: w.size, stride: w.stride },
    loss: r.settings.loss === 'errors' ? { kind: 'errors', errors: values } : { kind: 'squared', targets: values },
  };
}

export interface CheckRow {
  name: string;
  /** Largest |ours − tfjs| over the values. */
  maxDifference: number;
}

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Per-quantity and overall largest differences between the pipeline and tfjs. */
export function compareWithTf(r: BackpropResult, tf: TfGradients): { rows: CheckRow[]; max: number } {
  const rows: CheckRow[] = [
    { name: 'output', maxDifference: maxAbsDifference(r.output.data, tf.output) },
    { name: 'loss J', maxDifference: Math.abs(r.loss - tf.loss) },
    { name: '∂J/∂X (input)', maxDifference: maxAbsDifference(r.conv.dInput.data, tf.dInput) },
    { name: '∂J/∂W (kernel)', maxDifference: maxAbsDifference(r.conv.dFilters.data, tf.dKernel) },
    { name: '∂J/∂b (bias)', maxDifference: maxAbsDifference(r.conv.dBias, tf.dBias) },
  ];
  return { rows, max: Math.max(...rows.map((row) => row.maxDifference)) };
}
