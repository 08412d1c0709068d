import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// In Node, tfjs's ESM bundle trains ~2.5x faster than its default CommonJS entry (tf.node.js).
const TFJS_ESM = fileURLToPath(new URL('./node_modules/@tensorflow/tfjs/dist/tf.fesm.js', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^@tensorflow\/tfjs$/, replacement: TFJS_ESM }] },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    server: { deps: { inline: [/@tensorflow\/tfjs/] } },
  },
});
