import { formatHash, type Route } from '../route';

/** The seed a lesson is actually using, under the URL parameter that would pin it (`seed`, `doseed`). */
export interface SeedInUse {
  slug: string;
  param: string;
  seed: number;
}

export type HostCheck = { ok: true; host: string } | { ok: false; message: string };

/**
 * Checks an address the instructor typed for the follow-along link: `http(s)://host[:port]`, nothing after it
 * but an optional `/`. Returns the normalised origin (`http://192.168.1.20:4173`), or a message saying what to fix.
 */
export function checkHost(text: string): HostCheck {
  const raw = text.trim();
  if (!raw) return { ok: false, message: 'Type an address such as http://192.168.1.20:4173.' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
  if (!scheme) return { ok: false, message: `“${raw}” needs to start with http:// or https:// (for example http://192.168.1.20:4173).` };
  if (!/^https?$/i.test(scheme[1])) return { ok: false, message: `Only http:// or https:// addresses work in a browser, not ${scheme[1]}://.` };
  const rest = raw.slice(scheme[0].length).replace(/\/$/, '');
  if (!rest) return { ok: false, message: 'The address has no host after ://.' };
  if (/[/?#]/.test(rest)) return { ok: false, message: 'Give only the host and port (http://host:port): no path, ? or # after it. The link adds the lesson itself.' };
  if (rest.includes('@')) return { ok: false, message: 'Leave out any user name or password (the part before @).' };
  if (/\s/.test(rest)) return { ok: false, message: 'The host cannot contain spaces.' };
  const port = /:(\d*)$/.exec(rest.replace(/^\[[^\]]*\]/, ''));
  if (port && (port[1] === '' || Number(port[1]) < 1 || Number(port[1]) > 65535)) {
    return { ok: false, message: `The port must be a number from 1 to 65535, not “${port[1]}”.` };
  }
  let url: URL;
  try {
    url = new URL(`${scheme[1].toLowerCase()}://${rest}/`);
  } catch {
    return { ok: false, message: `“${rest}” is not a host name or IP address a browser can open.` };
  }
  if (!url.hostname) return { ok: false, message: 'The address has no host after ://.' };
  return { ok: true, host: url.origin };
}

/** The route a student should open: the current one, plus the seed in use when the URL does not name it. */
export function routeToShare(route: Route, seed: SeedInUse | null): Route {
  if (!seed || seed.slug !== route.slug || seed.param in route.params) return route;
  return { ...route, params: { ...route.params, [seed.param]: String(seed.seed) } };
}

/**
 * The follow-along link: `host` (an origin), the path the app is served from (`/` or `/cnn-lab/`), and the
 * whole `#/<slug>/<step>?<params>` route with the step always written, so the link names exactly this view.
 */
export function followLink(host: string, pathname: string, route: Route, seed: SeedInUse | null): string {
  const path = pathname.startsWith('/') ? pathname : `/${pathname}`;
  const shared = routeToShare(route, seed);
  return `${host.replace(/\/+$/, '')}${path}${formatHash(shared, !!shared.slug)}`;
}
