import { ACTIVATIONS, type ActivationName } from '../../math/activations';

/** A fully connected layer: weights[j][i] connects input i to unit j; one bias per unit. */
export interface DenseLayer { weights: number[][]; biases: number[] }

/** The lesson's small network: 2 inputs → 3 hidden units → 2 outputs. */
export interface SmallNetwork { inputs: number[]; hidden: DenseLayer; output: DenseLayer; activation: ActivationName }

export const INPUT_NAMES = ['x1', 'x2'];
export const HIDDEN_NAMES = ['h1', 'h2', 'h3'];
export const OUTPUT_NAMES = ['y1', 'y2'];

export const EXAMPLE_NETWORK: SmallNetwork = {
  inputs: [1, 2],
  hidden: { weights: [[0.5, -0.3], [-0.8, 0.6], [0.2, 0.4]], biases: [0.1, 0, -0.5] },
  output: { weights: [[1.2, -0.7, 0.5], [-0.4, 0.9, 1.1]], biases: [-0.2, 0.3] },
  activation: 'sigmoid',
};

/** One unit's forward pass: its inputs and weights, z = Σ w·x + b, and a = f(z). */
export interface UnitTrace {
  name: string;
  layer: 'hidden' | 'output';
  index: number;
  inputNames: string[];
  inputs: number[];
  weights: number[];
  bias: number;
  z: number;
  a: number;
}

/** The forward pass unit by unit: every hidden unit, then every output unit. */
export function forwardTrace(net: SmallNetwork): UnitTrace[] {
  const f = ACTIVATIONS[net.activation].f;
  const layer = (kind: 'hidden' | 'output', inputNames: string[], inputs: number[], l: DenseLayer, names: string[]) =>
    l.weights.map((w, j): UnitTrace => {
      const z = w.reduce((s, wi, i) => s + wi * inputs[i], l.biases[j]);
      return { name: names[j], layer: kind, index: j, inputNames, inputs, weights: w, bias: l.biases[j], z, a: f(z) };
    });
  const hidden = layer('hidden', INPUT_NAMES, net.inputs, net.hidden, HIDDEN_NAMES);
  const output = layer('output', HIDDEN_NAMES, hidden.map((u) => u.a), net.output, OUTPUT_NAMES);
  return [...hidden, ...output];
}

/** A number as written in a formula: up to `digits` decimals, at least one, minus sign as −. */
export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return String(v);
  let s = v.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '.0');
  if (/^-0(\.0+)?$/.test(s)) s = s.slice(1);
  return s.replace('-', '−');
}

const SYMBOL: Record<ActivationName, string> = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU' };

/** A number as a factor in a product: in brackets when negative, so 0.4·(−1.2) is not read as a subtraction. */
function factor(v: number, digits: number): string {
  const s = fmt(v, digits);
  return s.startsWith('−') ? `(${s})` : s;
}

/**
 * "0.5·1.0 − 0.3·2.0 + 0.1": Σ w·x + b with its numbers. A negative weight or bias after the first term is written
 * as a subtraction; a negative input goes in brackets.
 */
export function weightedSum(weights: readonly number[], inputs: readonly number[], bias: number, inputDigits = 3): string {
  const signed = (v: number, rest: string, first: boolean) => {
    const s = fmt(v);
    const negative = s.startsWith('−');
    if (first) return `${s}${rest}`;
    return `${negative ? ' − ' : ' + '}${negative ? s.slice(1) : s}${rest}`;
  };
  return weights.map((w, i) => signed(w, `·${factor(inputs[i], inputDigits)}`, i === 0)).join('') + signed(bias, '', false);
}

/** "h1 = σ(0.5·1.0 − 0.3·2.0 + 0.1) = σ(0.0) = 0.500": the unit's arithmetic with its actual numbers. */
export function unitFormula(u: UnitTrace, activation: ActivationName): string {
  const f = SYMBOL[activation];
  return `${u.name} = ${f}(${weightedSum(u.weights, u.inputs, u.bias)}) = ${f}(${fmt(u.z, 3)}) = ${u.a.toFixed(3)}`;
}
