import { appStore } from '../state/store';
import { formatHash, parseHash, type Route } from './route';

/** Keeps the store's route in step with `location.hash`. Returns a function that stops listening. */
export function syncRouteWithHash(win: Window = window): () => void {
  const read = () => {
    const route = parseHash(win.location.hash);
    // Parameters written before the hash (`/?backend=wasm#/autoencoder`) count too; the hash's own win.
    for (const [k, v] of new URLSearchParams(win.location.search)) if (!(k in route.params)) route.params[k] = v;
    appStore.getState().setRoute(route);
  };
  read();
  win.addEventListener('hashchange', read);
  return () => win.removeEventListener('hashchange', read);
}

/** Navigates to a lesson step, keeping the query parameters (seed, backend, settings) unless replaced. */
export function navigate(patch: Partial<Route>, win: Window = window): void {
  const current = appStore.getState().route;
  const next: Route = { ...current, ...patch, params: patch.params ?? current.params };
  win.location.hash = formatHash(next, next.step > 1 || (!!next.slug && patch.step !== undefined));
}

/**
 * Changes query parameters in place (history.replaceState: a slider drag adds no history entries),
 * and updates the store. A value of null removes the parameter.
 */
export function updateParams(patch: Record<string, string | null>, win: Window = window): void {
  const current = appStore.getState().route;
  const params = { ...current.params };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete params[k];
    else params[k] = v;
  }
  const next = { ...current, params };
  const hash = formatHash(next, next.step > 1);
  win.history.replaceState(win.history.state, '', hash);
  appStore.getState().setRoute(next);
}
