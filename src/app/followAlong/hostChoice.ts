import { checkHost } from './followLink';

/** Where the instructor's last chosen host is kept (this browser only). */
export const HOST_STORAGE_KEY = 'cnnlab.followAlong.host';

/** What `/__cnnlab/lan.json` says (vite-plugins/lan.ts): the server's LAN IPv4 addresses and its port. */
export interface LanInfo {
  addresses: string[];
  port: number;
}

/** The origins a LAN answer offers (`http://192.168.1.20:4173`), or none for anything that is not one. */
export function lanOrigins(info: unknown, protocol = 'http:'): string[] {
  if (!info || typeof info !== 'object') return [];
  const { addresses, port } = info as Partial<LanInfo>;
  if (!Array.isArray(addresses) || typeof port !== 'number' || !Number.isInteger(port)) return [];
  const origins: string[] = [];
  for (const a of addresses) {
    if (typeof a !== 'string') continue;
    const check = checkHost(`${protocol}//${a}:${port}`);
    if (check.ok && !origins.includes(check.host)) origins.push(check.host);
  }
  return origins;
}

/**
 * Asks the server that served the page for its LAN addresses. `vite preview`/`vite dev` answer (with an empty
 * list unless started with `--host`); a static host answers 404 or its index page, which count as none.
 */
export async function fetchLanOrigins(baseUrl: string, protocol: string): Promise<string[]> {
  try {
    const res = await fetch(new URL('__cnnlab/lan.json', baseUrl), { cache: 'no-store' });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return [];
    return lanOrigins(await res.json(), protocol);
  } catch {
    return [];
  }
}

/** The remembered host, if any and still valid. */
export function rememberedHost(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    const saved = storage?.getItem(HOST_STORAGE_KEY);
    if (!saved) return null;
    const check = checkHost(saved);
    return check.ok ? check.host : null;
  } catch {
    return null;
  }
}

/** Remembers the host (null: back to the page's own origin). Storage can be off (private mode): then it is not kept. */
export function rememberHost(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, host: string | null): void {
  try {
    if (host) storage?.setItem(HOST_STORAGE_KEY, host);
    else storage?.removeItem(HOST_STORAGE_KEY);
  } catch {
    /* not kept; the choice still applies to this page */
  }
}
