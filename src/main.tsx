import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './app/App';
import { syncRouteWithHash } from './app/navigation';
import { watchBackendParam } from './app/backendControl';

syncRouteWithHash();
// The speaker-notes window trains nothing: it starts no TensorFlow.js backend.
if (!/^#\/speaker-notes(\/|\?|$)/.test(location.hash)) watchBackendParam();
// Benchmark hooks for scripts/bench.mjs; a separate chunk that normal visits never load.
if (/[?&]bench=1(&|$)/.test(location.hash)) void import('./bench/benchHooks');
// WASM gradient-kernel check for tests/e2e/wasmGradients.e2e.mjs; likewise a separate chunk.
if (/[?&]wasmcheck=1(&|$)/.test(location.hash)) void import('./bench/wasmGradientsCheck');
// WASM threads check for tests/e2e/isolation.e2e.mjs (restarts WASM with a thread count, times training); likewise.
if (/[?&]threadscheck=1(&|$)/.test(location.hash)) void import('./bench/threadsCheck');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
