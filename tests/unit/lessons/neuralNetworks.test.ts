import { describe, expect, it } from 'vitest';
import { EXAMPLE_NETWORK, fmt, forwardTrace, unitFormula, weightedSum } from '../../../src/lessons/neural-networks/network';
import { classifierSummary, fitBinaryOnce, fitMultiOnce } from '../../../src/lessons/neural-networks/classifierFit';
import { examplePoints, START_BINARY, START_MULTI } from '../../../src/data/toyPoints';
import { advance, readLearningRate, startRun } from '../../../src/lessons/neural-networks/descent';
import { quadraticGrad, quadraticLoss } from '../../../src/math/gradientDescent';
import { handlesOnLine, lineThrough, score } from '../../../src/math/linearClassifier';

describe('the neural-networks lesson', () => {
  it('writes each unit of the forward pass with its numbers', () => {
    const trace = forwardTrace(EXAMPLE_NETWORK);
    expect(trace.map((u) => u.name)).toEqual(['h1', 'h2', 'h3', 'y1', 'y2']);
    // h1: 0.5·1 + (−0.3)·2 + 0.1 = 0, σ(0) = 0.5
    expect(unitFormula(trace[0], 'sigmoid')).toBe('h1 = σ(0.5·1.0 − 0.3·2.0 + 0.1) = σ(0.0) = 0.500');
    // h2: −0.8·1 + 0.6·2 + 0 = 0.4, σ(0.4) = 0.5987
    expect(trace[1].z).toBeCloseTo(0.4, 12);
    expect(trace[1].a).toBeCloseTo(1 / (1 + Math.exp(-0.4)), 12);
    // y1 reads the hidden activations.
    const y1 = trace[3];
    expect(y1.z).toBeCloseTo(1.2 * trace[0].a - 0.7 * trace[1].a + 0.5 * trace[2].a - 0.2, 12);
    const relu = forwardTrace({ ...EXAMPLE_NETWORK, activation: 'relu' });
    expect(unitFormula(relu[2], 'relu')).toBe('h3 = ReLU(0.2·1.0 + 0.4·2.0 − 0.5) = ReLU(0.5) = 0.500');
    expect(weightedSum([-0.4, -1], [-1.2, 0.3], -0.5, 2)).toBe('−0.4·(−1.2) − 1.0·0.3 − 0.5');
    expect(fmt(-0.25)).toBe('−0.25');
    expect(fmt(-0.0001, 3)).toBe('0.0');
  });

  it('fitting lowers the classifier loss, two classes and three', () => {
    const points = examplePoints();
    const two = points.filter((p) => p.label < 2);
    let binary = START_BINARY;
    const before = classifierSummary(points, 2, binary, START_MULTI).loss;
    for (let i = 0; i < 50; i++) binary = fitBinaryOnce(two, binary).next;
    const after = classifierSummary(points, 2, binary, START_MULTI);
    expect(after.loss).toBeLessThan(before);
    expect(after.accuracy.fraction).toBeGreaterThan(0.85);
    let multi = START_MULTI;
    const before3 = classifierSummary(points, 3, START_BINARY, multi).loss;
    for (let i = 0; i < 50; i++) multi = fitMultiOnce(points, multi).next;
    expect(classifierSummary(points, 3, START_BINARY, multi).loss).toBeLessThan(before3);
  });

  it('runs gradient descent on the narrow valley: converges below 2/b, diverges above', () => {
    const q = { a: 1, b: 25 };
    const grad = (p: number[]) => quadraticGrad(p, q);
    let slow = startRun([-8, 4]);
    for (let i = 0; i < 100; i++) slow = advance(slow, grad, 0.03, false);
    expect(quadraticLoss(slow.path.at(-1)!, q)).toBeLessThan(quadraticLoss([-8, 4], q));
    expect(slow.path).toHaveLength(101);
    let fast = startRun([-8, 4]);
    for (let i = 0; i < 100; i++) fast = advance(fast, grad, 0.1, false);
    expect(quadraticLoss(fast.path.at(-1)!, q)).toBeGreaterThan(1e6);
    // Momentum gets much closer than plain descent in the same number of updates.
    let heavy = startRun([-8, 4]);
    for (let i = 0; i < 100; i++) heavy = advance(heavy, grad, 0.03, true);
    expect(quadraticLoss(heavy.path.at(-1)!, q)).toBeLessThan(quadraticLoss(slow.path.at(-1)!, q) / 10);
    // The limits the lesson states: plain ε < 2/25 = 0.08; momentum ε < 2(1 + 0.9)/(25 + 0.0005) ≈ 0.152.
    const finalLoss = (lr: number, momentum: boolean) => {
      let r = startRun([-8, 4]);
      for (let i = 0; i < 2000; i++) r = advance(r, grad, lr, momentum);
      return quadraticLoss(r.path.at(-1)!, q);
    };
    expect(finalLoss(0.079, false)).toBeLessThan(1e-6);
    expect(finalLoss(0.081, false)).toBeGreaterThan(1e6);
    expect(finalLoss(0.151, true)).toBeLessThan(1e-6);
    expect(finalLoss(0.153, true)).toBeGreaterThan(1e6);
    expect(readLearningRate('0.2', 0.5)).toBe(0.2);
    expect(readLearningRate('1e9', 0.5)).toBe(0.5);
    expect(readLearningRate(undefined, 0.5)).toBe(0.5);
  });

  it('puts the boundary through two dragged handles, keeping |w| and which side each class is on', () => {
    const old = { w: [0.4, -1.0], b: 0.5 };
    const handles = handlesOnLine(old.w, old.b, -4, 4)!;
    for (const h of handles) expect(score(old.w, old.b, h[0], h[1])).toBeCloseTo(0, 12);
    // The same two points give back the same line.
    const same = lineThrough(handles[0], handles[1], old.w)!;
    expect(same.w[0]).toBeCloseTo(old.w[0], 12);
    expect(same.w[1]).toBeCloseTo(old.w[1], 12);
    expect(same.b).toBeCloseTo(old.b, 12);
    // Through (0, 0) and (1, 1): the line x2 = x1, |w| kept, class B (s > 0) still below the line as before.
    const turned = lineThrough([0, 0], [1, 1], old.w)!;
    expect(Math.hypot(...turned.w)).toBeCloseTo(Math.hypot(...old.w), 12);
    expect(turned.b).toBeCloseTo(0, 12);
    expect(score(turned.w, turned.b, 1, -1)).toBeGreaterThan(0);
    expect(score(turned.w, turned.b, 2, 2)).toBeCloseTo(0, 12);
    expect(lineThrough([1, 1], [1, 1], old.w)).toBeNull();
    expect(handlesOnLine([1, 0], -10, -4, 4)).toBeNull();
  });
});
