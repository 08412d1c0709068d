// WASM gradient kernels (src/engine/wasmGradients.ts): tf.grads on WASM against the CPU backend, through the
// test-only hook src/bench/wasmGradientsCheck.ts (loaded by `#/?wasmcheck=1`). Also times one training step.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

/** Largest |wasm − cpu| allowed, relative to the largest |cpu| gradient of the case. */
const TOLERANCE = 1e-4;

export const wasmGradientTests = [
  {
    name: 'wasm: conv/pool gradients match the cpu backend; a small CNN trains',
    async run({ page, origin, out }) {
      await page.goto(`${origin}/#/?backend=cpu&wasmcheck=1`);
      await page.waitForFunction(() => typeof window.__wasmGradientCheck === 'function', null, { timeout: 30_000 });
      const result = await page.evaluate(() => window.__wasmGradientCheck());
      writeFileSync(`${out}/wasm-gradients.json`, JSON.stringify(result, null, 2));
      for (const c of result.comparisons) {
        console.log(`    ${c.error ? 'ERROR' : c.relative.toExponential(2)}  ${c.name}${c.error ? `: ${c.error}` : ` (max |diff| ${c.maxAbsDiff.toExponential(2)})`}`);
      }
      for (const t of result.timings) console.log(`    ${t.backend}: ${t.error ?? `${t.msPerStep.toFixed(1)} ms/step`}`);
      assert.deepEqual(result.missingAfter, [], 'every CNN gradient kernel exists on wasm');
      assert.deepEqual(result.registered, ['Conv2DBackpropFilter', 'MaxPoolGrad'], 'added the filter gradient, replaced the native MaxPoolGrad');
      assert.deepEqual(result.registeredAgain, [], 'registering twice adds nothing');
      for (const c of result.comparisons) {
        assert.equal(c.error, undefined, `${c.name}: ${c.error}`);
        assert.ok(c.relative < TOLERANCE, `${c.name}: relative diff ${c.relative}`);
      }
      const wasm = result.timings.find((t) => t.backend === 'wasm');
      assert.ok(Number.isFinite(wasm.msPerStep), `wasm training step: ${wasm.error}`);
    },
  },
];
