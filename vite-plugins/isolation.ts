import type { Connect, Plugin } from 'vite';

/**
 * The response headers that make a page cross-origin isolated (`self.crossOriginIsolated`), which browsers
 * require before they hand out SharedArrayBuffer, and so before tfjs's multi-threaded WASM binary can run.
 * `require-corp` suffices because everything the app loads comes from its own origin.
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Sets {@link CROSS_ORIGIN_ISOLATION_HEADERS} on a response before any later middleware writes it. */
export const isolationMiddleware: Connect.NextHandleFunction = (_req, res, next) => {
  for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION_HEADERS)) res.setHeader(name, value);
  next();
};

/**
 * Sends the cross-origin isolation headers on every response of `vite dev` and `vite preview` (so also of
 * `npm start`): pages, scripts, the `.wasm` binaries and the datasets the other plugins serve, and 404s.
 * Its middleware is installed first (`enforce: 'pre'`, and listed first in vite.config.ts), ahead of the
 * other plugins' middlewares, which answer their routes without calling `next()`.
 * A static host that does not send these headers still works: the page is then not isolated and tfjs loads
 * its single-threaded SIMD binary instead (see src/engine/backend.ts).
 */
export function crossOriginIsolation(): Plugin {
  return {
    name: 'cnnlab-cross-origin-isolation',
    enforce: 'pre',
    configureServer(server) {
      server.middlewares.use(isolationMiddleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(isolationMiddleware);
    },
  };
}
