import { CIFAR_CHANNELS, type CifarSet } from '../../data/cifar10';
import { CENTRAL, CROP_SIDE, CROP_VALUES, prepareImage } from '../../data/cifarAugment';
import { keptCurve, keptView, type Moment, type MomentSummary, type MomentView } from '../../engine/moments';
import { conv2d } from '../../math/conv';
import { CIFAR_MODEL_ID, CIFAR_MODEL_VERSION, CIFAR_SHAPES } from './SavePanel';

export const CIFAR_MOMENT_LESSON = 'cifar10';
/** URL parameters that belong to the device, not to the run. */

export interface CifarRunState {
  name: string;
  step: number;
  epoch: number;
  loss: number | null;
  seed: number;
  view: MomentView;
  weights: Record<string, Float32Array>;
  /** Test accuracy measured on the weights being kept (raw) and on their moving average, with the image count. */
  accuracy: { raw: number; averaged: number; images: number } | null;
  curve: { step: number; loss: number }[];
}

/** A moment record of the live CIFAR-10 run. */
export function cifarMoment(run: CifarRunState, savedAt: Date = new Date()): Moment {
  return {
    name: run.name, lesson: CIFAR_MOMENT_LESSON, model: CIFAR_MODEL_ID, version: CIFAR_MODEL_VERSION,
    step: run.step, epoch: run.epoch, loss: run.loss, seed: run.seed,
    view: keptView(run.view, run.seed),
    curve: keptCurve(run.curve, run.step),
    metrics: run.accuracy ? { testAccuracy: run.accuracy.raw, testAccuracyAveraged: run.accuracy.averaged, testImages: run.accuracy.images } : undefined,
    shapes: CIFAR_SHAPES, weights: run.weights, savedAt: savedAt.toISOString(),
  };
}

/** Why a kept moment is not one of this network's, or null when its conv1 can be read. */
export function cifarMomentMismatch(m: Pick<MomentSummary, 'name' | 'model' | 'version' | 'shapes'>): string | null {
  if (m.model !== CIFAR_MODEL_ID) return `“${m.name}” was kept from another network (${m.model})`;
  if (m.version !== CIFAR_MODEL_VERSION) return `“${m.name}” was kept by layout version ${m.version}; this page uses version ${CIFAR_MODEL_VERSION}`;
  for (const name of ['conv1/weights', 'conv1/biases']) {
    if ((m.shapes[name] ?? []).join('×') !== CIFAR_SHAPES[name].join('×')) return `“${m.name}” has no ${name} of shape ${CIFAR_SHAPES[name].join('×')}`;
  }
  return null;
}

/** Why a kept moment cannot be put into the live run (Go to), or null when every variable fits. */
export function cifarMomentRestoreProblem(m: Pick<MomentSummary, 'name' | 'model' | 'version' | 'shapes'>): string | null {
  const problem = cifarMomentMismatch(m);
  if (problem) return problem;
  for (const [name, shape] of Object.entries(CIFAR_SHAPES)) {
    if ((m.shapes[name] ?? []).join('×') !== shape.join('×')) return `“${m.name}” has no ${name} of shape ${shape.join('×')}`;
  }
  return null;
}

export interface Conv1Readout {
  /** The 64 maps of conv1 after ReLU, channel-major: 64 tiles of 24×24. */
  maps: Float32Array;
  /** Largest activation over all maps (the colour scale's top). */
  max: number;
  /** Share of the 64·24·24 outputs that ReLU set to zero. */
  zeroFraction: number;
}

/**
 * conv1 of a kept moment on test image `index`: the central 24×24 crop, standardised per image
 * (tf.image.per_image_standardization, as the tutorial evaluates), then ReLU(conv(x, W) + b) with SAME padding,
 * computed in plain arithmetic from the moment's own weights (src/math/conv.ts matches tf.conv2d).
 */
export function conv1Readout(m: Moment, test: CifarSet, index: number): Conv1Readout {
  const w = m.weights['conv1/weights'];
  const b = m.weights['conv1/biases'];
  if (!w || !b) throw new Error(`“${m.name}” holds no conv1 weights`);
  const [kh, kw, inDepth, outDepth] = CIFAR_SHAPES['conv1/weights'];
  if (index < 0 || index >= test.count) throw new Error(`there is no test image ${index + 1}; ${test.count} are loaded`);
  const image = new Float32Array(CROP_VALUES);
  prepareImage(test.pixels, index, CENTRAL, image, 0);
  const out = conv2d({ height: CROP_SIDE, width: CROP_SIDE, depth: CIFAR_CHANNELS, data: image }, { kh, kw, inDepth, outDepth, data: w }, { padding: 'same', bias: b });
  const cells = out.height * out.width;
  const maps = new Float32Array(outDepth * cells);
  let max = 0;
  let zeros = 0;
  for (let p = 0; p < cells; p++) {
    for (let k = 0; k < outDepth; k++) {
      const v = Math.max(0, out.data[p * outDepth + k]);
      maps[k * cells + p] = v;
      if (v > max) max = v;
      if (v === 0) zeros++;
    }
  }
  return { maps, max, zeroFraction: zeros / maps.length };
}
