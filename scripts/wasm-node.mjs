// The WASM backend in plain Node, with the kernels of src/engine/wasmGradients.ts, for offline scripts
// (training a CIFAR-10 checkpoint, benchmarks).
//
//   import { startNodeWasm } from './wasm-node.mjs';
//   const { tf, app } = await startNodeWasm();   // wasm is the active backend; app.CifarNet, ...
//
// Run directly (`node scripts/wasm-node.mjs [--batch 64] [--steps 5] [--backends wasm,cpu] [--cpu-batch 8]`), it
// trains the CIFAR-10 tutorial net on a fixed random batch for a few steps on each backend and prints
// examples/s (the CPU backend, at seconds per example, on a smaller batch for one timed step).
//
// One tfjs-core: Node resolves `@tensorflow/tfjs` and `@tensorflow/tfjs-backend-wasm` to their CommonJS Node
// entries, which both require the one hoisted `@tensorflow/tfjs-core`, so the WASM backend and its kernels
// land in the registry `tf` uses. (vitest's alias of `@tensorflow/tfjs` to its ESM bundle would give a second
// core, with no WASM backend in it.) The app's TypeScript modules are bundled for Node by Vite's own build
// API, with every `@tensorflow/*` import left to Node, so they share that same core.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WASM_DIR = join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
/** Where the Node bundles of app modules are written (ignored by git with node_modules). */
const BUNDLE_ROOT = join(ROOT, 'node_modules/.cache/cnn-lab-node');

/** App modules offline scripts use (scripts/train-cifar.mjs among them), by the name their bundle gets. */
const APP_MODULES = {
  wasmGradients: 'src/engine/wasmGradients.ts',
  cifar10Net: 'src/model/cifar10Net.ts',
  cifarTask: 'src/model/cifarTask.ts',
  cifar10: 'src/data/cifar10.ts',
  png: 'src/data/png.ts',
};

/**
 * Bundles app modules for Node with Vite's build API (TypeScript compiled, `@tensorflow/*` left as imports)
 * and imports them. `modules` maps names to paths under the repository root (default {@link APP_MODULES});
 * the result maps the same names to each module's exports. The bundle goes to a folder of this process's
 * own, removed once imported, so that scripts running side by side do not overwrite each other's.
 */
export async function loadAppModules(modules = APP_MODULES) {
  const { build } = await import('vite');
  const outDir = join(BUNDLE_ROOT, String(process.pid));
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: {
        input: Object.fromEntries(Object.entries(modules).map(([name, path]) => [name, join(ROOT, path)])),
        external: [/^@tensorflow\//],
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const loaded = {};
  try {
    for (const name of Object.keys(modules)) loaded[name] = await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return loaded;
}

/**
 * Starts tfjs's WASM backend in Node with the app's gradient kernels registered, and makes it the active
 * backend. Returns `tf` (the `@tensorflow/tfjs` every app module shares), the app modules of
 * {@link loadAppModules} (plus `modules`, name → path), the kernels registered, and the WASM thread count.
 */
export async function startNodeWasm({ modules = {} } = {}) {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!existsSync(join(WASM_DIR, 'tfjs-backend-wasm-simd.wasm'))) throw new Error(`no WASM binaries in ${WASM_DIR}`);
  // A directory path: in Node the backend reads the binary from the file system.
  wasm.setWasmPaths(`${WASM_DIR}/`);
  const app = await loadAppModules({ ...APP_MODULES, ...modules });
  // Before the backend starts, as the app does (src/engine/backend.ts).
  const registered = app.wasmGradients.registerWasmGradientKernels();
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await tf.ready();
  const missing = app.wasmGradients.missingWasmGradientKernels();
  if (missing.length) throw new Error(`gradient kernels missing on wasm: ${missing.join(', ')}`);
  return { tf, app, registered, threads: wasm.getThreadsCount() };
}

/** The CPU backend takes seconds per example on this net, so it gets a smaller batch and one timed step. */
const CPU_DEFAULTS = { batch: 8, steps: 1 };

function parseArgs(argv) {
  const opts = { batch: 64, steps: 5, backends: ['wasm', 'cpu'], cpuBatch: CPU_DEFAULTS.batch };
  const names = { '--batch': 'batch', '--steps': 'steps', '--backends': 'backends', '--cpu-batch': 'cpuBatch' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || argv[i + 1] === undefined) throw new Error(`bad option ${argv[i]} (options: ${Object.keys(names).join(', ')})`);
    opts[key] = key === 'backends' ? argv[i + 1].split(',') : Number(argv[i + 1]);
  }
  return opts;
}

/** Deterministic values in [-1, 1) (a 32-bit LCG), so every backend trains on the same batch. */
function fixedValues(n, seed) {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Median ms of CIFAR-net SGD steps on one fixed batch (after one warm-up step), on the active backend. */
async function timeCifarSteps(tf, { CifarNet, CIFAR_INPUT_SIZE: size, CIFAR_CLASSES: classes }, batch, steps) {
  const net = new CifarNet(1);
  const x = tf.tensor4d(fixedValues(batch * size * size * 3, 1), [batch, size, size, 3]);
  const labels = tf.tensor1d(Array.from(fixedValues(batch, 2), (v) => Math.floor((v + 1) / 2 * classes)), 'int32');
  const times = [];
  const losses = [];
  for (let i = 0; i <= steps; i++) {
    const t0 = performance.now();
    const r = net.trainStep(x, labels, 0.05);
    losses.push((await r.total.data())[0]);
    tf.dispose([r.total, r.crossEntropy, r.weightDecay]);
    if (i > 0) times.push(performance.now() - t0);
  }
  tf.dispose([x, labels]);
  net.dispose();
  times.sort((a, b) => a - b);
  return { msPerStep: times[Math.floor(times.length / 2)], losses };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { tf, app, registered, threads } = await startNodeWasm();
  console.log(`tfjs ${tf.version.tfjs}, wasm with ${threads} thread(s); kernels registered: ${registered.join(', ')}`);
  for (const backend of opts.backends) {
    await tf.setBackend(backend);
    const [batch, steps] = backend === 'cpu' ? [opts.cpuBatch, CPU_DEFAULTS.steps] : [opts.batch, opts.steps];
    const { msPerStep, losses } = await timeCifarSteps(tf, app.cifar10Net, batch, steps);
    console.log(`${backend.padEnd(5)} batch ${batch}: ${msPerStep.toFixed(0)} ms/step, ${(batch * 1000 / msPerStep).toFixed(1)} examples/s `
      + `(median of ${steps}); loss ${losses[0].toFixed(3)} → ${losses.at(-1).toFixed(3)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
