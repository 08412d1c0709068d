// `vite build && node scripts/wasm-profile.mjs [--batches 64,128] [--kernels native,ours] [--steps 5] [--top 14]`:
// profiles one training step of the CIFAR-10 tutorial net on the WASM backend in headless Chromium, through
// the test-only hooks of src/bench/wasmGradientsCheck.ts. For each batch size and kernel set ('native':
// tfjs-backend-wasm's own kernels wherever it has one; 'ours': src/engine/wasmGradients.ts) it prints ms per
// step, examples/s, GFLOP/s and their share of WASM's own 1024×1024 matMul rate measured around the timed
// steps in the same page, and each kernel's self time (for composed kernels also the time with the kernels
// they run). Writes everything to bench-results/wasm-profile.json.
import { writeFileSync } from 'node:fs';
import { ensureDir, launchBrowser, openPage, startPreview } from '../tests/e2e/harness.mjs';

/** The project's target: CIFAR training at this share of WASM's own matMul GFLOP/s. */
const TARGET_SHARE_OF_MATMUL = 0.4;

function parseArgs(argv) {
  const opts = { batches: [64, 128], kernels: ['native', 'ours'], steps: 5, top: 14 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--batches') opts.batches = value.split(',').map(Number);
    else if (flag === '--kernels') opts.kernels = value.split(',');
    else if (flag === '--steps') opts.steps = Number(value);
    else if (flag === '--top') opts.top = Number(value);
    else throw new Error(`unknown option ${flag} (options: --batches, --kernels, --steps, --top)`);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const server = await startPreview();
const browser = await launchBrowser();
const results = { profiles: [], matMul: null };
try {
  const { page, context } = await openPage(browser, server.origin);
  page.setDefaultTimeout(600_000);
  await page.goto(`${server.origin}/#/?backend=cpu&wasmcheck=1`);
  await page.waitForFunction(() => typeof window.__wasmCifarProfile === 'function', null, { timeout: 30_000 });
  for (const batch of opts.batches) {
    for (const kernels of opts.kernels) {
      const p = await page.evaluate(([b, k, s]) => window.__wasmCifarProfile(b, k, s), [batch, kernels, opts.steps]);
      results.profiles.push(p);
      console.log(`\nbatch ${p.batch}, ${p.kernels} kernels, ${p.threads} thread(s): ${p.msPerStep.toFixed(0)} ms/step, `
        + `${p.examplesPerSecond.toFixed(1)} examples/s, ${p.gflopPerSecond.toFixed(2)} GFLOP/s = ${(100 * p.shareOfMatMul).toFixed(0)} % `
        + `of matMul's ${p.matMulGflopPerSecond.toFixed(1)} GFLOP/s meanwhile (target ${100 * TARGET_SHARE_OF_MATMUL} %); profiled step ${p.profiledMsPerStep.toFixed(0)} ms`);
      for (const k of p.profile.slice(0, opts.top)) {
        console.log(`  ${k.kernel.padEnd(22)} ${k.msPerStep.toFixed(1).padStart(8)} ms ${(100 * k.share).toFixed(1).padStart(5)} %  ${String(k.callsPerStep).padStart(4)} calls`);
      }
      const composed = p.profile.filter((k) => k.inclusiveMsPerStep > k.msPerStep + 0.05);
      if (composed.length) {
        console.log(`  composed, with the kernels they run: ${composed.map((k) => `${k.kernel} ${k.inclusiveMsPerStep.toFixed(1)} ms`).join(', ')}`);
      }
    }
  }
  results.matMul = await page.evaluate(() => window.__wasmMatMulRate(1024, 5));
  console.log(`\nmatMul 1024×1024 at the end: ${results.matMul.ms.toFixed(1)} ms, ${results.matMul.gflopPerSecond.toFixed(2)} GFLOP/s`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
writeFileSync(`${ensureDir('bench-results')}/wasm-profile.json`, JSON.stringify(results, null, 2));
