import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serveDatasets } from './vite-plugins/datasets.ts';
import { serveWasmBinaries } from './vite-plugins/wasm.ts';
import { crossOriginIsolation } from './vite-plugins/isolation.ts';
import { keepThreadedWasmLoaderIntact } from './vite-plugins/wasmThreadedLoader.ts';
import { serveLanAddresses } from './vite-plugins/lan.ts';

export default defineConfig({
  base: './',
  plugins: [crossOriginIsolation(), react(), serveDatasets(), serveWasmBinaries(), keepThreadedWasmLoaderIntact(), serveLanAddresses()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // The training worker (src/engine/trainer.worker.ts) bundles its own copy of the WASM backend: same fix.
  worker: { format: 'es', plugins: () => [keepThreadedWasmLoaderIntact()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
