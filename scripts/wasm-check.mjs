// `node scripts/wasm-check.mjs [name filter]`: the kernel cases of src/bench/wasmGradientCases.ts (conv, pool,
// LRN forward and gradient kernels, a small CNN's and the CIFAR-10 net's weight gradients) on the WASM
// backend in plain Node, with the kernels of src/engine/wasmGradients.ts, against tfjs's CPU backend; then
// tensor counts across CIFAR-net training steps on WASM. The browser check (tests/e2e/wasmGradients.e2e.mjs)
// runs the same cases; this one needs no Chromium. Exits non-zero on any failure.
import { startNodeWasm } from './wasm-node.mjs';

/** Largest |wasm − cpu| allowed for each output, relative to that output's largest |cpu| value (as the e2e test). */
const TOLERANCE = 1e-4;
const DRIFT_STEPS = 3;

const only = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
const { tf, app } = await startNodeWasm({ modules: { cases: 'src/bench/wasmGradientCases.ts' } });
const { KERNEL_CASES, caseOutputs } = app.cases;

async function outputsOn(backend, c, seed) {
  await tf.setBackend(backend);
  const outputs = caseOutputs(c, seed);
  const values = await Promise.all(outputs.map(async (o) => ({ name: o.name, values: await o.tensor.data() })));
  tf.dispose(outputs.map((o) => o.tensor));
  return values;
}

let failures = 0;
for (const [i, c] of KERNEL_CASES.entries()) {
  if (only && !only.test(c.name)) continue;
  const seed = 1000 + 17 * i;
  try {
    const ref = await outputsOn('cpu', c, seed);
    const got = await outputsOn('wasm', c, seed);
    let worst = { relative: 0, name: '', maxAbsDiff: 0 };
    ref.forEach((r, k) => {
      let maxAbsDiff = 0;
      let maxAbsRef = 0;
      r.values.forEach((v, j) => {
        maxAbsRef = Math.max(maxAbsRef, Math.abs(v));
        const d = Math.abs(v - got[k].values[j]);
        maxAbsDiff = Math.max(maxAbsDiff, Number.isNaN(d) ? Infinity : d);
      });
      const relative = maxAbsDiff / Math.max(maxAbsRef, 1e-12);
      if (relative >= worst.relative) worst = { relative, name: r.name, maxAbsDiff };
    });
    const ok = worst.relative < TOLERANCE;
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${worst.relative.toExponential(2)} (|diff| ${worst.maxAbsDiff.toExponential(2)} ${worst.name})  ${c.name}`);
  } catch (err) {
    failures++;
    console.log(`FAIL ${err instanceof Error ? err.message : err}  ${c.name}`);
  }
}

if (!only) {
  await tf.setBackend('wasm');
  const drift = await app.cases.cifarStepTensorDrift(DRIFT_STEPS + 1, 1);
  if (drift !== 0) failures++;
  console.log(`${drift === 0 ? 'ok  ' : 'FAIL'} tf.memory().numTensors after ${DRIFT_STEPS} CIFAR steps on wasm: ${drift >= 0 ? '+' : ''}${drift}`);
}
console.log(failures ? `${failures} failed` : 'all passed');
process.exit(failures ? 1 : 0);
