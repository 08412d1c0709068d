import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, relu, reluDerivative, saturatedIntervals, sigmoid, sigmoidDerivative, tanh, tanhDerivative } from '../../../src/math/activations';

describe('transfer functions', () => {
  it('take their textbook values at known points', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15); // 0.8808
    expect(sigmoid(-2)).toBeCloseTo(1 - sigmoid(2), 15);
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(tanh(0.5)).toBeCloseTo(0.46211715726000974, 15);
    expect(tanhDerivative(0)).toBe(1);
    expect(tanh(1)).toBeCloseTo(2 * sigmoid(2) - 1, 15);
    expect(relu(-1)).toBe(0);
    expect(relu(2.5)).toBe(2.5);
    expect(reluDerivative(-0.1)).toBe(0);
    expect(reluDerivative(0)).toBe(0); // tfjs: step(0) = 0
    expect(reluDerivative(3)).toBe(1);
  });

  it('stay finite far out in the tails', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoidDerivative(-800)).toBe(0);
    expect(tanhDerivative(400)).toBe(0);
  });

  it('have derivatives that match central finite differences', () => {
    const h = 1e-5;
    for (const [name, a] of Object.entries(ACTIVATIONS)) {
      for (const x of [-3.2, -0.7, 0.4, 1.9]) {
        const numeric = (a.f(x + h) - a.f(x - h)) / (2 * h);
        expect(a.df(x), `${name} at ${x}`).toBeCloseTo(numeric, 8);
      }
    }
  });

  it('are collected by name with labels', () => {
    expect(Object.keys(ACTIVATIONS).sort()).toEqual(['relu', 'sigmoid', 'tanh']);
    expect(ACTIVATIONS.sigmoid.f).toBe(sigmoid);
    expect(ACTIVATIONS.relu.label).toBe('ReLU');
  });

  it('find the saturated inputs: |f′| < 0.1 · max f′', () => {
    // σ′ = 0.025 where σ(1 − σ) = 0.025, σ = (1 + √0.9)/2 = 0.97434, x = ln(σ/(1 − σ)) = 3.6369.
    const s = saturatedIntervals(sigmoidDerivative, -6, 6, 0.1);
    expect(s.maxDerivative).toBe(0.25);
    expect(s.threshold).toBeCloseTo(0.025, 15);
    expect(s.intervals).toHaveLength(2);
    expect(s.intervals[0][0]).toBe(-6);
    expect(s.intervals[0][1]).toBeCloseTo(-3.64, 1);
    expect(s.intervals[1][0]).toBeCloseTo(3.64, 1);
    expect(s.intervals[1][1]).toBe(6);
    // tanh′ = 0.1 where tanh² = 0.9: x = atanh(√0.9) = 1.818.
    const t = saturatedIntervals(tanhDerivative, -6, 6, 0.1);
    expect(t.intervals[1][0]).toBeCloseTo(1.82, 1);
    // ReLU: off for every x ≤ 0, never saturated on the positive side.
    const r = saturatedIntervals(reluDerivative, -6, 6, 0.1);
    expect(r.intervals).toEqual([[-6, 0]]);
  });
});
