import { describe, expect, it } from 'vitest';
import {
  ALEXNET_MOMENTUM, gradientStep, isDiverged, logisticLossAndGrad, momentumStep, quadraticGrad, quadraticLoss, softmaxLossAndGrad,
} from '../../../src/math/gradientDescent';
import { accuracy, argmaxBoundaries, boundarySegment, predictBinary, predictMulti, score, softmax, type LabeledPoint } from '../../../src/math/linearClassifier';

const POINTS: LabeledPoint[] = [
  { x1: 1, x2: 2, label: 1 }, { x1: -1.5, x2: 0.5, label: 0 }, { x1: 0.3, x2: -1.2, label: 0 },
  { x1: 2.2, x2: 0.1, label: 1 }, { x1: -0.4, x2: 1.7, label: 2 }, { x1: 0.9, x2: -0.6, label: 2 },
];

/** Central finite difference of f along coordinate i of x. */
function numericGrad(f: (x: number[]) => number, x: number[], h = 1e-6): number[] {
  return x.map((_v, i) => {
    const up = x.slice(); up[i] += h;
    const down = x.slice(); down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

describe('update rules', () => {
  it('plain gradient descent: w − ε∇L', () => {
    // (1, −2) − 0.1·(0.5, −1) = (0.95, −1.9)
    const w = gradientStep([1, -2], [0.5, -1], 0.1);
    expect(w[0]).toBeCloseTo(0.95, 15);
    expect(w[1]).toBeCloseTo(-1.9, 15);
  });

  it('momentum with weight decay matches a hand-computed step (the lecture\'s rule)', () => {
    // w = (1, −2), v = (0.1, 0.2), ∇L = (0.5, −1), ε = 0.1, μ = 0.9, λ = 0.0005:
    // v₁ = 0.9·0.1 − 0.0005·0.1·1    − 0.1·0.5    = 0.09 − 0.00005 − 0.05 = 0.03995
    // v₂ = 0.9·0.2 − 0.0005·0.1·(−2) − 0.1·(−1)   = 0.18 + 0.0001  + 0.1  = 0.2801
    // w  = (1 + 0.03995, −2 + 0.2801) = (1.03995, −1.7199)
    const { w, v } = momentumStep([1, -2], [0.1, 0.2], [0.5, -1], 0.1, ALEXNET_MOMENTUM);
    expect(v[0]).toBeCloseTo(0.03995, 14);
    expect(v[1]).toBeCloseTo(0.2801, 14);
    expect(w[0]).toBeCloseTo(1.03995, 14);
    expect(w[1]).toBeCloseTo(-1.7199, 14);
    expect(ALEXNET_MOMENTUM).toEqual({ momentum: 0.9, weightDecay: 0.0005 });
  });

  it('momentum from rest with no decay is one plain step', () => {
    const a = momentumStep([0.3, -0.7], [0, 0], [2, 1], 0.05, { momentum: 0.9, weightDecay: 0 });
    expect(a.w).toEqual(gradientStep([0.3, -0.7], [2, 1], 0.05));
  });

  it('calls a loss diverged when it is not finite or past 1e6', () => {
    expect(isDiverged(3)).toBe(false);
    expect(isDiverged(2e6)).toBe(true);
    expect(isDiverged(NaN)).toBe(true);
    expect(isDiverged(Infinity)).toBe(true);
  });
});

describe('losses and their gradients', () => {
  it('quadratic: L = ½(a x² + b y²) and its gradient against finite differences', () => {
    const q = { a: 1, b: 25 };
    expect(quadraticLoss([2, -1], q)).toBe(0.5 * (4 + 25)); // 14.5
    expect(quadraticGrad([2, -1], q)).toEqual([2, -25]);
    const p = [-3.1, 0.7];
    const numeric = numericGrad((x) => quadraticLoss(x, q), p);
    quadraticGrad(p, q).forEach((g, i) => expect(g).toBeCloseTo(numeric[i], 5));
  });

  it('logistic: ln 2 at w = 0, b = 0, and the gradient against finite differences', () => {
    expect(logisticLossAndGrad(POINTS, [0, 0], 0).loss).toBeCloseTo(Math.LN2, 15);
    const w = [0.7, -0.4];
    const b = 0.2;
    const g = logisticLossAndGrad(POINTS, w, b);
    const numeric = numericGrad(([a, c, d]) => logisticLossAndGrad(POINTS, [a, c], d).loss, [...w, b]);
    expect(g.gradW[0]).toBeCloseTo(numeric[0], 8);
    expect(g.gradW[1]).toBeCloseTo(numeric[1], 8);
    expect(g.gradB).toBeCloseTo(numeric[2], 8);
    // Stable where a naive −log σ(z) would overflow.
    expect(Number.isFinite(logisticLossAndGrad(POINTS, [500, 500], 0).loss)).toBe(true);
    expect(logisticLossAndGrad([], w, b)).toEqual({ loss: 0, gradW: [0, 0], gradB: 0 });
  });

  it('softmax: ln 3 with equal scores, and the gradient against finite differences', () => {
    const zero = [[0, 0], [0, 0], [0, 0]];
    expect(softmaxLossAndGrad(POINTS, zero, [0, 0, 0]).loss).toBeCloseTo(Math.log(3), 15);
    const W = [[0.5, -0.2], [-0.3, 0.8], [0.1, 0.4]];
    const b = [0.1, -0.2, 0.05];
    const g = softmaxLossAndGrad(POINTS, W, b);
    const flat = [...W.flat(), ...b];
    const lossOf = (x: number[]) => softmaxLossAndGrad(POINTS, [[x[0], x[1]], [x[2], x[3]], [x[4], x[5]]], x.slice(6)).loss;
    const numeric = numericGrad(lossOf, flat);
    [...g.gradW.flat(), ...g.gradB].forEach((v, i) => expect(v).toBeCloseTo(numeric[i], 8));
  });
});

describe('linear classifier arithmetic', () => {
  it('scores, predicts and measures accuracy', () => {
    // s = 0.5·2 + (−1)·1 + 0.25 = 0.25 > 0: class 1, σ(0.25) = 0.5622
    expect(score([0.5, -1], 0.25, 2, 1)).toBe(0.25);
    const r = predictBinary([0.5, -1], 0.25, 2, 1);
    expect(r.label).toBe(1);
    expect(r.p1).toBeCloseTo(1 / (1 + Math.exp(-0.25)), 15);
    expect(predictBinary([0.5, -1], 0.25, 0, 1).label).toBe(0);
    const m = predictMulti([[1, 0], [0, 1], [-1, 0]], [0, 0, 0], 0.2, 0.9);
    expect(m.scores).toEqual([0.2, 0.9, -0.2]);
    expect(m.label).toBe(1);
    expect(m.probs.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 15);
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    // x1 > 0 ⇒ class 1: the points (1, 2) and (2.2, 0.1) are right, (0.3, −1.2) wrong, (−1.5, 0.5) right.
    const two = POINTS.filter((p) => p.label < 2);
    expect(accuracy(two, (x1) => (x1 > 0 ? 1 : 0))).toEqual({ correct: 3, total: 4, fraction: 0.75 });
  });

  it('clips the boundary w·x + b = 0 to the box', () => {
    // x1 + x2 − 1 = 0 in [−4, 4]²: from (−3, 4) to (4, −3).
    const seg = boundarySegment([1, 1], -1, -4, 4)!;
    const ends = seg.map(([a, c]) => [Math.round(a * 1e9) / 1e9, Math.round(c * 1e9) / 1e9]).sort((p, q) => p[0] - q[0]);
    expect(ends).toEqual([[-3, 4], [4, -3]]);
    // Vertical line x1 = 2 (w2 = 0).
    expect(boundarySegment([1, 0], -2, -4, 4)).toEqual([[2, -4], [2, 4]]);
    expect(boundarySegment([1, 0], -9, -4, 4)).toBeNull();
    expect(boundarySegment([0, 0], 1, -4, 4)).toBeNull();
  });

  it('finds where the winning class changes for three classes', () => {
    // s0 = x1, s1 = −x1, s2 = x2: 0|1 on x1 = 0 below the origin, 0|2 on x1 = x2 to the right, 1|2 on x2 = −x1 to the left.
    const round = (p: number[]) => p.map((v) => Math.round(v * 1e9) / 1e9 + 0);
    const pieces = argmaxBoundaries([[1, 0], [-1, 0], [0, 1]], [0, 0, 0], -4, 4)
      .map((s) => ({ pair: s.pair, ends: [round(s.from), round(s.to)].sort((a, c) => a[0] - c[0] || a[1] - c[1]) }));
    expect(pieces).toEqual([
      { pair: [0, 1], ends: [[0, -4], [0, 0]] },
      { pair: [0, 2], ends: [[0, 0], [4, 4]] },
      { pair: [1, 2], ends: [[-4, 4], [0, 0]] },
    ]);
  });
});
