import type { Plugin } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const WASM_DIR = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
export const WASM_URL_PREFIX = 'tfjs-wasm/';

/**
 * Serves tfjs's WASM binaries from node_modules under `tfjs-wasm/` in dev and emits them into the build,
 * so the WASM backend loads them from this origin (never from a CDN).
 */
export function serveWasmBinaries(): Plugin {
  const files = () => readdirSync(WASM_DIR).filter((f) => f.endsWith('.wasm'));
  return {
    name: 'cnnlab-serve-wasm',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        const at = url.indexOf('/' + WASM_URL_PREFIX);
        if (at < 0) return next();
        const name = url.slice(at + WASM_URL_PREFIX.length + 1);
        if (!files().includes(name)) return next();
        res.setHeader('Content-Type', 'application/wasm');
        res.end(readFileSync(join(WASM_DIR, name)));
      });
    },
    generateBundle() {
      for (const f of files()) {
        this.emitFile({ type: 'asset', fileName: WASM_URL_PREFIX + f, source: readFileSync(join(WASM_DIR, f)) });
      }
    },
  };
}
