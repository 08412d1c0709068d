// WASM kernels (src/engine/wasmGradients.ts) against the CPU backend, through the test-only hook
// src/bench/wasmGradientsCheck.ts (loaded by `#/?wasmcheck=1`): conv/pool/LRN forward and gradient kernels on
// random shapes, a small CNN's and the CIFAR-10 tutorial net's weight gradients. Each case also runs with
// tfjs-backend-wasm's native kernels, to show what the replacements fix. Also times one small-CNN training step
// per backend and checks that CIFAR-net training steps on wasm leave tf.memory().numTensors unchanged.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

/**
 * Largest |wasm − cpu| allowed for each output of a case, relative to that output's largest |cpu| value.
 * Both backends compute in float32 and sum in different orders; rounding gives ~1e-7 to 1e-6 relative.
 */
const TOLERANCE = 1e-4;

/** The kernel engine/wasmGradients.ts adds (missing in tfjs-backend-wasm 4.22), then those it replaces. */
const REGISTERED = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'BatchMatMul', 'LRN', 'LRNGrad'];

const worstOutput = (c) => c.outputs.reduce((a, b) => (b.relative > a.relative ? b : a)).name;
const fmt = (c) => (c.error ? `ERROR ${c.error}` : `${c.relative.toExponential(2)} (|diff| ${c.maxAbsDiff.toExponential(2)} ${worstOutput(c)})`);

export const wasmGradientTests = [
  {
    name: 'wasmGradients: conv/pool/LRN kernels and CIFAR-net gradients on wasm match the cpu backend; a small CNN trains',
    async run({ page, origin, out }) {
      await page.goto(`${origin}/#/?backend=cpu&wasmcheck=1`);
      await page.waitForFunction(() => typeof window.__wasmGradientCheck === 'function', null, { timeout: 30_000 });
      const result = await page.evaluate(() => window.__wasmGradientCheck());
      writeFileSync(`${out}/wasm-gradients.json`, JSON.stringify(result, null, 2));
      console.log(`    wasm threads: ${result.threads}; relative |wasm − cpu|: ours | native`);
      result.comparisons.forEach((c, i) => {
        console.log(`    ${fmt(c)} | ${fmt(result.nativeComparisons[i])}  ${c.name}`);
      });
      for (const t of result.timings) console.log(`    ${t.backend}: ${t.error ?? `${t.msPerStep.toFixed(1)} ms/step`}`);
      console.log(`    tf.memory().numTensors drift over CIFAR steps on wasm: ${result.cifarTensorDrift}`);
      assert.deepEqual(result.missingAfter, [], 'every CNN gradient kernel exists on wasm');
      assert.deepEqual(result.registered, REGISTERED, 'added the filter gradient, replaced the slow or wrong native kernels');
      assert.deepEqual(result.registeredAgain, [], 'registering twice adds nothing');
      for (const c of result.comparisons) {
        assert.equal(c.error, undefined, `${c.name}: ${c.error}`);
        for (const o of c.outputs) assert.ok(o.relative < TOLERANCE, `${c.name}, ${o.name}: relative diff ${o.relative}`);
      }
      assert.equal(result.cifarTensorDrift, 0, 'CIFAR training steps on wasm leave no tensors behind');
      const wasm = result.timings.find((t) => t.backend === 'wasm');
      assert.ok(Number.isFinite(wasm.msPerStep), `wasm training step: ${wasm.error}`);
    },
  },
];
