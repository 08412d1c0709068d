import type { Plugin } from 'vite';
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';

export const DATASETS_DIR = 'datasets';
export const DATASETS_URL_PREFIX = 'datasets/';

/**
 * Serves the repository's top-level `datasets/` folder (the only copy of the shipped data) at
 * `<base>datasets/<relative path>` in `vite dev`, emits every file of it into the build under the same
 * path, and has `vite preview` serve those built copies the same way, so dev, build and preview fetch
 * the same bytes. Files go out as stored: a `.gz` carries no Content-Encoding, because the app
 * decompresses and checksums the compressed bytes itself.
 */
export function serveDatasets(): Plugin {
  let root = resolve(DATASETS_DIR);
  return {
    name: 'cnnlab-serve-datasets',
    configResolved(config) {
      root = resolve(config.root, DATASETS_DIR);
    },
    configureServer(server) {
      server.middlewares.use(datasetsMiddleware(root, server.config.base));
    },
    // `vite preview` serves dist/ through sirv, which sends a .gz with Content-Encoding: gzip (the browser then
    // hands the app decompressed bytes) and an empty Content-Type. Serve the built copies as dev does instead.
    configurePreviewServer(server) {
      const built = resolve(server.config.root, server.config.build.outDir, DATASETS_DIR);
      server.middlewares.use(datasetsMiddleware(built, server.config.base));
    },
    generateBundle() {
      for (const relative of listDatasetFiles(root)) {
        this.emitFile({
          type: 'asset',
          fileName: DATASETS_URL_PREFIX + relative,
          source: readFileSync(join(root, ...relative.split('/'))),
        });
      }
    },
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Answers every request under `<base>datasets/` from `root` (404 when missing, never the SPA's index.html). */
function datasetsMiddleware(root: string, base: string): Middleware {
  const prefix = (base.startsWith('/') ? base : '/') + DATASETS_URL_PREFIX;
  return (req, res, next) => {
    const pathname = (req.url ?? '').split(/[?#]/)[0];
    if (!pathname.startsWith(prefix)) return next();
    serveDatasetFile(root, pathname.slice(prefix.length), req, res);
  };
}

/**
 * Every file under `root`, recursively, as sorted forward-slash paths relative to `root`; names starting
 * with a dot (and everything inside such folders) are skipped. A missing `root` lists nothing.
 */
export function listDatasetFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path, prefix + name + '/');
      else if (info.isFile()) found.push(prefix + name);
    }
  };
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root, '');
  return found.sort();
}

/** Content-Type by name: binary by default, text for checksums and notes, images and JSON as themselves. */
export function datasetContentType(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (/SUMS$/i.test(base)) return 'text/plain; charset=utf-8';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

function serveDatasetFile(root: string, encoded: string, req: IncomingMessage, res: ServerResponse): void {
  let relative: string;
  try {
    relative = decodeURIComponent(encoded);
  } catch {
    return reply(res, 400, 'Bad Request: malformed URL');
  }
  const segments = relative.split(/[/\\]/);
  const path = resolve(root, ...segments);
  if (segments.includes('..') || relative.includes('\0') || (path !== root && !path.startsWith(root + sep))) {
    return reply(res, 400, 'Bad Request: path outside datasets/');
  }
  // Dotfiles are not part of the build either, so dev must not serve them.
  const info = segments.some((s) => s.startsWith('.')) ? undefined : statSync(path, { throwIfNoEntry: false });
  if (!info?.isFile()) return reply(res, 404, `Not Found: datasets/${relative}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method Not Allowed');
  res.statusCode = 200;
  res.setHeader('Content-Type', datasetContentType(relative));
  res.setHeader('Content-Length', String(info.size));
  res.setHeader('Cache-Control', 'no-cache');
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}
