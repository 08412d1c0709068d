import { describe, expect, it } from 'vitest';
import { startRuns, surfaceBatch, surfaceGradient, surfaceLoss, updateBoth, type SurfaceData } from '../../../src/lessons/alexnet/MomentumSurfaceModel';
import { gapText } from '../../../src/lessons/alexnet/DropoutSettings';

const DATA: SurfaceData = { x1: Float64Array.from([1, -1, 0.5]), x2: Float64Array.from([0.8, -1.2, 0.4]), y: Uint8Array.from([1, 0, 0]), count: 3 };

describe('the momentum surface', () => {
  it('has the logistic loss and its gradient', () => {
    expect(surfaceLoss(DATA, 0, 0)).toBeCloseTo(Math.log(2), 12);
    // At w = 0 every σ is 1/2: ∂L/∂w = mean((½ − y)·x) = ((−½)·1 + ½·(−1) + ½·0.5)/3 = −0.25
    const [g1, g2] = surfaceGradient(DATA, 0, 0, [0, 1, 2]);
    expect(g1).toBeCloseTo(-0.25, 12);
    expect(g2).toBeCloseTo((-0.4 - 0.6 + 0.2) / 3, 12);
    const h = 1e-6;
    const fd = (surfaceLoss(DATA, 0.3 + h, -0.2) - surfaceLoss(DATA, 0.3 - h, -0.2)) / (2 * h);
    expect(surfaceGradient(DATA, 0.3, -0.2, [0, 1, 2])[0]).toBeCloseTo(fd, 6);
  });

  it('takes the hand-computed step for both paths on the same batch', () => {
    expect(Array.from(surfaceBatch(3, 0)).sort()).toEqual([0, 1, 2]);
    const runs = updateBoth(startRuns([1, 2]), DATA, 0.5);
    const [g1, g2] = surfaceGradient(DATA, 1, 2, [0, 1, 2]);
    // Plain: w ← w − ε·g.  Momentum from v = 0: v = 0.9·0 − 0.0005·0.5·w − 0.5·g, w ← w + v.
    expect(runs.plain.w[0]).toBeCloseTo(1 - 0.5 * g1, 12);
    expect(runs.momentum.v[0]).toBeCloseTo(-0.00025 * 1 - 0.5 * g1, 12);
    expect(runs.momentum.w[1]).toBeCloseTo(2 - 0.00025 * 2 - 0.5 * g2, 12);
    // Second step: v₂ = 0.9·v₁ − 0.00025·w₁ − 0.5·g(w₁).
    const two = updateBoth(runs, DATA, 0.5);
    const g = surfaceGradient(DATA, runs.momentum.w[0], runs.momentum.w[1], [0, 1, 2]);
    expect(two.momentum.v[0]).toBeCloseTo(0.9 * runs.momentum.v[0] - 0.00025 * runs.momentum.w[0] - 0.5 * g[0], 12);
    expect(two.momentum.path).toHaveLength(3);
    expect(two.plain.path).toHaveLength(3);
  });

  it('writes the dropout gap line', () => {
    expect(gapText(0.142, 0.041)).toBe('gap without dropout: 14.2 points · with dropout: 4.1 points');
  });
});
