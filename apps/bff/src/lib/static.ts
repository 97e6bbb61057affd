import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite's hashed output lives in /assets/: it never changes under the same name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA. Files are served as they are; a path without a file extension that is not
 * under /api falls back to index.html (client-side routes). A missing asset (with an extension) is a 404,
 * never index.html with status 200.
 */
export function serveSpa(root: string): MiddlewareHandler {
  const rootDir = normalize(root + sep);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return c.json(errorBody('BAD_PATH', 'The path is not valid percent-encoding'), 400);
    }
    const file = normalize(join(rootDir, decoded));
    if (!file.startsWith(rootDir)) return c.json(errorBody('NOT_FOUND', 'Not found'), 404);

    const hasExtension = extname(decoded) !== '';
    if (hasExtension) {
      const body = await readIfFile(file);
      if (!body) return c.json(errorBody('NOT_FOUND', `No such file: ${decoded}`), 404);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const cache = decoded.startsWith('/assets/') ? IMMUTABLE : 'public, max-age=300';
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': cache });
    }
    const index = await readIfFile(join(rootDir, 'index.html'));
    if (!index) {
      return c.json(
        errorBody('WEB_NOT_BUILT', `The web app is not built: no index.html in ${rootDir}. Run pnpm build.`),
        404,
      );
    }
    return c.body(index, 200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' });
  };
}

async function readIfFile(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? new Uint8Array(await readFile(file)) : undefined;
  } catch {
    return undefined;
  }
}
