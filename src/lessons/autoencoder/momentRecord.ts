import { MNIST_PIXELS } from '../../data/mnist';
import { keptCurve, keptView, type Moment, type MomentSummary, type MomentView } from '../../engine/moments';
import { autoencoderForward, encoderFilters, hiddenSizeOf, reconstructionError, type DenseAutoencoderWeights } from '../../math/autoencoderForward';
import { autoencoderShapes } from '../../model/autoencoderWeights';

/** The lesson whose moments these are, and the network they belong to (layout version of its variables). */
export const MOMENT_LESSON = 'autoencoder';
export const AUTOENCODER_MODEL_ID = 'autoencoder-dense';
export const AUTOENCODER_MODEL_VERSION = 1;

/** URL parameters a moment does not carry to another machine: the backend belongs to the device, not the run. */

export interface LiveRunState {
  name: string;
  step: number;
  epoch: number;
  loss: number | null;
  seed: number;
  hiddenSize: number;
  view: MomentView;
  weights: DenseAutoencoderWeights;
  /** The loss read-backs so far (step, loss). */
  curve: { step: number; loss: number }[];
}

/** A moment record of the live autoencoder run. */
export function autoencoderMoment(run: LiveRunState, savedAt: Date = new Date()): Moment {
  const view = keptView(run.view, run.seed);
  view.params.hidden = String(run.hiddenSize);
  const { w1, b1, w2, b2 } = run.weights;
  return {
    name: run.name, lesson: MOMENT_LESSON, model: AUTOENCODER_MODEL_ID, version: AUTOENCODER_MODEL_VERSION,
    step: run.step, epoch: run.epoch, loss: run.loss, seed: run.seed,
    curve: keptCurve(run.curve, run.step),
    view,
    shapes: autoencoderShapes(MNIST_PIXELS, run.hiddenSize), weights: { w1, b1, w2, b2 },
    savedAt: savedAt.toISOString(),
  };
}

/** Hidden units of a kept autoencoder moment, read from its b1 shape. */
export function momentHiddenSize(m: Pick<MomentSummary, 'shapes'>): number {
  return m.shapes.b1?.[0] ?? 0;
}

/**
 * Why a moment cannot go into the live network, or null when it can: another network or layout, or another
 * hidden size (its weights would not fit).
 */
export function momentMismatch(m: Pick<MomentSummary, 'model' | 'version' | 'shapes' | 'name'>, liveHiddenSize: number): string | null {
  if (m.model !== AUTOENCODER_MODEL_ID) return `“${m.name}” was kept from another network (${m.model})`;
  if (m.version !== AUTOENCODER_MODEL_VERSION) return `“${m.name}” was kept by layout version ${m.version}; this page uses version ${AUTOENCODER_MODEL_VERSION}`;
  const expected = autoencoderShapes(MNIST_PIXELS, liveHiddenSize);
  for (const [name, shape] of Object.entries(expected)) {
    const got = m.shapes[name];
    if (!got || got.join('×') !== shape.join('×')) {
      return `“${m.name}” has ${momentHiddenSize(m)} hidden units and this network has ${liveHiddenSize}, so its weights do not fit. Set the hidden units to ${momentHiddenSize(m)} first`;
    }
  }
  return null;
}

export interface MomentReadout {
  hiddenSize: number;
  /** hidden × 784: each unit's incoming weights as a 28×28 image. */
  filters: Float32Array;
  /** n × 784: the digits rebuilt by the kept weights. */
  reconstructions: Float32Array;
  /** Squared error summed over pixels, averaged over the n digits. */
  error: number;
}

/** What a moment's own weights make of the given digits (plain arithmetic, no tensors, not the live model). */
export function momentReadout(m: Moment, digits: Float32Array): MomentReadout {
  const w = { w1: m.weights.w1, b1: m.weights.b1, w2: m.weights.w2, b2: m.weights.b2 };
  if (!w.w1 || !w.b1 || !w.w2 || !w.b2) throw new Error(`“${m.name}” does not hold the weights w1, b1, w2 and b2 of an autoencoder`);
  const hiddenSize = hiddenSizeOf(w, MNIST_PIXELS);
  const { reconstructions } = autoencoderForward(w, digits, MNIST_PIXELS);
  return { hiddenSize, filters: encoderFilters(w.w1, MNIST_PIXELS, hiddenSize), reconstructions, error: reconstructionError(digits, reconstructions, MNIST_PIXELS) };
}
