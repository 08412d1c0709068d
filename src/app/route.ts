/** A parsed hash route: `#/<slug>/<step>?<query>`; query parameters live inside the hash. */
export interface Route {
  slug: string;
  /** 1-based step number within the lesson. */
  step: number;
  params: Record<string, string>;
}

/** Parses `#/autoencoder/3?seed=7&backend=wasm`. Missing or invalid parts fall back to home / step 1. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '');
  const q = body.indexOf('?');
  const path = q >= 0 ? body.slice(0, q) : body;
  const query = q >= 0 ? body.slice(q + 1) : '';
  const parts = path.split('/').filter(Boolean);
  const slug = parts[0] ?? '';
  const stepNumber = Number(parts[1]);
  const step = Number.isInteger(stepNumber) && stepNumber >= 1 ? stepNumber : 1;
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { slug, step, params };
}

/** The hash for a route; step 1 is written out only when `explicitStep` is set. */
export function formatHash(route: Route, explicitStep = route.step > 1): string {
  const path = route.slug ? `/${route.slug}${explicitStep ? `/${route.step}` : ''}` : '/';
  const query = new URLSearchParams(route.params).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

/** Reads an integer parameter, or null when absent or malformed. */
export function intParam(params: Record<string, string>, name: string): number | null {
  const raw = params[name];
  if (raw === undefined || !/^-?\d+$/.test(raw)) return null;
  return Number(raw);
}

/** Reads a finite number parameter within [min, max], or the fallback. */
export function numberParam(params: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = params[name];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}
