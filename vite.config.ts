import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serveDatasets } from './vite-plugins/datasets.ts';
import { serveWasmBinaries } from './vite-plugins/wasm.ts';

export default defineConfig({
  base: './',
  plugins: [react(), serveDatasets(), serveWasmBinaries()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
