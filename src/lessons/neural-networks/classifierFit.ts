import { logisticLossAndGrad, softmaxLossAndGrad } from '../../math/gradientDescent';
import { accuracy, argmaxBoundaries, boundarySegment, predictBinary, predictMulti, type LabeledPoint } from '../../math/linearClassifier';
import { CLASS_COLORS, DOMAIN, type BinaryWeights, type MultiWeights } from './classifierStore';

/** Learning rate of the step-2 "Fit" buttons: plain gradient descent on the whole set. */
export const FIT_LEARNING_RATE = 0.5;
/** "Fit" stops by itself when the gradient's length falls below this, or after FIT_MAX_UPDATES. */
export const FIT_TOLERANCE = 1e-3;
export const FIT_MAX_UPDATES = 3000;

/** One plain gradient-descent update of the two-class logistic classifier. */
export function fitBinaryOnce(points: readonly LabeledPoint[], { w, b }: BinaryWeights, lr = FIT_LEARNING_RATE): { next: BinaryWeights; gradNorm: number } {
  const g = logisticLossAndGrad(points, w, b);
  return {
    next: { w: [w[0] - lr * g.gradW[0], w[1] - lr * g.gradW[1]], b: b - lr * g.gradB },
    gradNorm: Math.hypot(g.gradW[0], g.gradW[1], g.gradB),
  };
}

/** One plain gradient-descent update of the softmax classifier. */
export function fitMultiOnce(points: readonly LabeledPoint[], { W, b }: MultiWeights, lr = FIT_LEARNING_RATE): { next: MultiWeights; gradNorm: number } {
  const g = softmaxLossAndGrad(points, W, b);
  return {
    next: { W: W.map((wk, k) => [wk[0] - lr * g.gradW[k][0], wk[1] - lr * g.gradW[k][1]] as [number, number]), b: b.map((bk, k) => bk - lr * g.gradB[k]) },
    gradNorm: Math.hypot(...g.gradW.flat(), ...g.gradB),
  };
}

/** Loss, accuracy, the class probabilities anywhere, and the lines to draw, for 2 or 3 classes. */
export function classifierSummary(points: readonly LabeledPoint[], classes: number, binary: BinaryWeights, multi: MultiWeights) {
  const used = points.filter((p) => p.label < classes);
  if (classes === 2) {
    const predict = (x1: number, x2: number) => predictBinary(binary.w, binary.b, x1, x2).label;
    const seg = boundarySegment(binary.w, binary.b, DOMAIN[0], DOMAIN[1]);
    return {
      loss: logisticLossAndGrad(used, binary.w, binary.b).loss,
      accuracy: accuracy(used, predict),
      probabilities: (x1: number, x2: number) => { const p = predictBinary(binary.w, binary.b, x1, x2).p1; return [1 - p, p]; },
      segments: seg ? [{ from: seg[0], to: seg[1], color: '#1d1d1f' }] : [],
    };
  }
  const W = multi.W.slice(0, classes);
  const b = multi.b.slice(0, classes);
  return {
    loss: softmaxLossAndGrad(used, W, b).loss,
    accuracy: accuracy(used, (x1, x2) => predictMulti(W, b, x1, x2).label),
    probabilities: (x1: number, x2: number) => predictMulti(W, b, x1, x2).probs,
    // Each class's own line s_k = 0 (dashed, in its colour), then where the winning class changes (solid).
    segments: [
      ...W.flatMap((w, k) => {
        const seg = boundarySegment(w, b[k], DOMAIN[0], DOMAIN[1]);
        return seg ? [{ from: seg[0], to: seg[1], color: CLASS_COLORS[k], dash: '6 4' }] : [];
      }),
      ...argmaxBoundaries(W, b, DOMAIN[0], DOMAIN[1]).map((s) => ({ from: s.from, to: s.to, color: '#1d1d1f' })),
    ],
  };
}
