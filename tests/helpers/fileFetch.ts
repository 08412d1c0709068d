import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/**
 * A `fetch` for Node tests that serves relative URLs (e.g. 'datasets/mnist/SHA256SUMS') from `rootDir`,
 * like a static file server: 200 with Content-Length and content-type application/octet-stream, or 404.
 * Paths that leave `rootDir` get 403. Honours an already-aborted `init.signal`.
 */
export function fileFetch(rootDir: string): typeof fetch {
  const root = resolve(rootDir);
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    init?.signal?.throwIfAborted();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const relative = decodeURIComponent(url.split(/[?#]/)[0]).replace(/^(\.\/|\/)+/, '');
    const path = resolve(root, relative);
    if (path !== root && !path.startsWith(root + sep)) {
      return new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
    }
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return new Response('Not Found', { status: 404, statusText: 'Not Found' });
    const bytes = new Uint8Array(await readFile(path));
    init?.signal?.throwIfAborted();
    return new Response(bytes, {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
    });
  };
}
