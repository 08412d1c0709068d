import type { Plugin } from 'vite';

/** tfjs-backend-wasm's Emscripten loader for its threaded SIMD binary (a CommonJS/UMD script). */
const THREADED_LOADER = /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const DECLARATION = 'var WasmBackendModuleThreadedSimd =';

/**
 * The code to append to the threaded loader's source so that `WasmBackendModuleThreadedSimd.toString()` returns
 * the loader's own, unminified text (everything after `var WasmBackendModuleThreadedSimd =`). Throws when the
 * source does not start with that declaration (a tfjs upgrade changed the loader: check the threaded backend).
 */
export function pristineToStringPatch(source: string): string {
  const start = source.indexOf(DECLARATION);
  if (start < 0 || source.slice(0, start).trim() !== '') {
    throw new Error(`tfjs-backend-wasm-threaded-simd.js no longer starts with "${DECLARATION}": check the threaded WASM backend still starts`);
  }
  const expression = source.slice(start + DECLARATION.length);
  return `\n;WasmBackendModuleThreadedSimd.toString = function () { return ${JSON.stringify(expression)}; };\n`;
}

/**
 * Keeps tfjs's threaded WASM backend working in the minified build.
 *
 * tfjs starts each pthread worker from a Blob holding `'var WasmBackendModuleThreadedSimd = ' + factory.toString()`,
 * so the factory must not refer to anything outside its own text. The minifier's compressor breaks that: it
 * turns the loader's guarded `typeof _scriptDir !== "undefined" && _scriptDir` into a bare reference to the
 * enclosing (renamed) variable, which does not exist in the worker, so every worker throws a ReferenceError and
 * the backend never finishes starting (renaming alone is harmless; compression alone breaks it). Instead of
 * leaving the whole bundle uncompressed, this gives the factory a `toString` that returns the loader's original
 * source, so the workers run exactly what tfjs ships while the page runs the minified copy.
 * Costs the loader's text once more in the lazily loaded WASM chunk (about 55 kB, 14 kB gzipped).
 */
export function keepThreadedWasmLoaderIntact(): Plugin {
  return {
    name: 'cnnlab-threaded-wasm-loader',
    apply: 'build',
    transform: {
      filter: { id: THREADED_LOADER },
      handler(code) {
        return { code: code + pristineToStringPatch(code), map: null };
      },
    },
  };
}
