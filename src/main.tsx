import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './app/App';
import { syncRouteWithHash } from './app/navigation';
import { watchBackendParam } from './app/backendControl';

syncRouteWithHash();
watchBackendParam();
// Benchmark hooks for scripts/bench.mjs; a separate chunk that normal visits never load.
if (/[?&]bench=1(&|$)/.test(location.hash)) void import('./bench/benchHooks');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
