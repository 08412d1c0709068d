import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { CIFAR_CLASSES, CIFAR_LRN, CIFAR_VARIABLES } from '../../../src/model/cifar10Net';
import { BACKEND_NAMES } from '../../../src/engine/backend';
import { CIFAR_NET_SOURCE } from '../../../src/lessons/libraries/cifarSource';
import { LIBRARIES } from '../../../src/lessons/libraries/libraries';
import { TFJS_BACKENDS } from '../../../src/lessons/libraries/TfjsPanel';
import { alignCode, CALL_MAPPINGS, extractDeclaration, FORWARD_START, type CodeRow } from '../../../src/lessons/libraries/tutorialCode';

const aligned = alignCode(CIFAR_NET_SOURCE);
const row = (id: string): CodeRow => aligned.rows.find((r) => r.id === id)!;
const pythonText = (r: CodeRow) => r.python.map((l) => l.text).join('\n');
const tsText = (r: CodeRow) => r.typescript.join('\n');

/** A Python number as the tutorial writes it: 5e-2, 0.04, 1/192.0. */
function pyNumber(s: string): number {
  const [num, den] = s.trim().split('/');
  return den === undefined ? Number(num) : Number(num) / Number(den);
}

describe('the libraries lesson: the code beside the code', () => {
  it('reads the real cifar10Net.ts, not a copy', () => {
    expect(CIFAR_NET_SOURCE).toBe(readFileSync('src/model/cifar10Net.ts', 'utf8'));
  });

  it('shows every line of cifarForward in exactly one row, none unclaimed', () => {
    expect(aligned.unclaimed).toEqual([]);
    expect(aligned.forward[0].startsWith(FORWARD_START)).toBe(true);
    const shown = aligned.rows.flatMap((r) => r.forwardLines);
    for (const r of aligned.rows.filter((x) => x.forwardLines.length)) expect(r.typescript.slice(-r.forwardLines.length)).toEqual(r.forwardLines);
    for (const line of aligned.forward.filter((l) => l.trim())) {
      expect(shown.filter((s) => s === line), line).toHaveLength(1);
    }
    // Each layer's row holds the line that computes it.
    for (const id of ['conv1', 'pool1', 'norm1', 'conv2', 'norm2', 'pool2', 'local3', 'local4']) {
      expect(tsText(row(id))).toContain(`const ${id} =`);
    }
    expect(tsText(row('softmax_linear'))).toContain('const logits =');
    expect(tsText(row('variables'))).toContain('export const CIFAR_VARIABLES');
    expect(tsText(row('norm1'))).toContain('export const CIFAR_LRN');
  });

  it('every call the mapping names is in both columns of the rows it claims', () => {
    for (const m of CALL_MAPPINGS) {
      for (const id of m.rows) {
        expect(pythonText(row(id)), `${m.tf} in the Python of ${id}`).toContain(m.tf);
        expect(tsText(row(id)), `${m.tfjs} in the TypeScript of ${id}`).toContain(m.tfjs);
      }
    }
    // The headline pair the page promises.
    expect(tsText(row('norm1'))).toContain('tf.localResponseNormalization(pool1, depthRadius, bias, alpha, beta)');
    expect(tsText(row('norm2'))).toContain('tf.localResponseNormalization(conv2, depthRadius, bias, alpha, beta)');
    expect(tsText(row('pool1'))).toContain("tf.maxPool(conv1, 3, 2, 'same')");
  });

  it('the Python hyper-parameters are the ones the app runs', () => {
    const python = aligned.rows.map(pythonText).join('\n');
    const weights = [...python.matchAll(/_variable_with_weight_decay\('weights',\s*(?:shape=)?\[([^\]]+)\],\s*stddev=([^,]+),\s*wd=([^)]+)\)/g)];
    const biases = [...python.matchAll(/_variable_on_cpu\('biases', \[([^\]]+)\],\s*tf\.constant_initializer\(([^)]+)\)\)/g)];
    expect(weights).toHaveLength(5);
    expect(biases).toHaveLength(5);
    // pool2 is 6×6×64 (24 → 12 → 6), so local3's `dim` is 2304; NUM_CLASSES is CIFAR-10's 10.
    const resolve = (d: string) => (d.trim() === 'dim' ? 6 * 6 * 64 : d.trim() === 'NUM_CLASSES' ? CIFAR_CLASSES : Number(d));
    weights.forEach((m, i) => {
      const spec = CIFAR_VARIABLES[2 * i];
      expect(m[1].split(',').map(resolve), spec.name).toEqual(spec.shape);
      expect(pyNumber(m[2])).toBeCloseTo(spec.stddev!, 12);
      expect(pyNumber(m[3])).toBe(spec.weightDecay);
    });
    biases.forEach((m, i) => {
      const spec = CIFAR_VARIABLES[2 * i + 1];
      expect(m[1].split(',').map(resolve), spec.name).toEqual(spec.shape);
      expect(spec.stddev).toBeNull();
      expect(pyNumber(m[2])).toBe(spec.constant);
    });
    const lrn = [...python.matchAll(/tf\.nn\.lrn\(\w+, (\d+), bias=([^,]+), alpha=([^,]+), beta=([^,]+),/g)];
    expect(lrn).toHaveLength(2);
    for (const m of lrn) {
      expect(Number(m[1])).toBe(CIFAR_LRN.depthRadius);
      expect(pyNumber(m[2])).toBe(CIFAR_LRN.bias);
      expect(pyNumber(m[3])).toBeCloseTo(CIFAR_LRN.alpha, 15);
      expect(pyNumber(m[4])).toBe(CIFAR_LRN.beta);
    }
    expect(python.match(/tf\.nn\.max_pool\([^)]*ksize=\[1, 3, 3, 1\],\s*strides=\[1, 2, 2, 1\],\s*padding='SAME'/g)).toHaveLength(2);
  });

  it('marks the Python lines the slide text leaves out', () => {
    const restored = aligned.rows.flatMap((r) => r.python.filter((l) => l.restored).map((l) => l.text.trim()));
    expect(restored).toContain("norm1 = tf.nn.lrn(pool1, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75,");
    expect(restored).toContain('softmax_linear = tf.add(tf.matmul(local4, weights), biases, name=scope.name)');
    expect(row('conv1').python.every((l) => !l.restored)).toBe(true);
  });

  it('fails loudly when the source no longer has what the page cuts out', () => {
    expect(() => alignCode('export const nothing = 1;')).toThrow(/cifarForward/);
    expect(() => extractDeclaration('export function cifarForward() {\n  return 1;\n', FORWARD_START)).toThrow(/never closed/);
  });
});

describe('the libraries lesson: facts', () => {
  it('names the lecture’s six libraries in its order, each with its sources', () => {
    expect(LIBRARIES.map((l) => l.name)).toEqual(['Theano', 'DeepLearnToolbox', 'MatConvNet', 'Caffe', 'TensorFlow', 'Keras']);
    for (const lib of LIBRARIES) {
      expect(lib.lecturePros.length, lib.name).toBeGreaterThan(0);
      expect(lib.sources.length, lib.name).toBeGreaterThan(0);
      for (const s of lib.sources) expect(s.href, s.label).toMatch(/^https?:\/\//);
    }
  });

  it('shows the tfjs the app pins, and every backend the app can start', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(tf.version.tfjs).toBe(pkg.dependencies['@tensorflow/tfjs']);
    expect(TFJS_BACKENDS.map((b) => b.name).sort()).toEqual([...BACKEND_NAMES].sort());
  });
});
