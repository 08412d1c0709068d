import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './app/App';
import { syncRouteWithHash } from './app/navigation';
import { watchBackendParam } from './app/backendControl';

syncRouteWithHash();
watchBackendParam();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
