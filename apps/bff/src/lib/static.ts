import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors';
import { acceptsGzip } from './http-headers';

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

    // Source maps (and with them the sources) are not served to the public.
    if (decoded.endsWith('.map')) return c.json(errorBody('NOT_FOUND', `No such file: ${decoded}`), 404);
    const hasExtension = extname(decoded) !== '';
    const target = hasExtension ? file : join(rootDir, 'index.html');
    const asset = await cached(target);
    if (!asset) {
      if (hasExtension) return c.json(errorBody('NOT_FOUND', `No such file: ${decoded}`), 404);
      return c.json(
        errorBody('WEB_NOT_BUILT', `The web app is not built: no index.html in ${rootDir}. Run pnpm build.`),
        404,
      );
    }
    const cacheControl = !hasExtension
      ? 'no-cache'
      : decoded.startsWith('/assets/')
        ? IMMUTABLE
        : 'public, max-age=300';
    const headers: Record<string, string> = { 'Content-Type': asset.type, 'Cache-Control': cacheControl };
    if (asset.gzipped && acceptsGzip(c.req.header('Accept-Encoding'))) {
      return c.body(asset.gzipped, 200, { ...headers, 'Content-Encoding': 'gzip' });
    }
    return c.body(asset.body, 200, headers);
  };
}

type Asset = { body: Uint8Array<ArrayBuffer>; gzipped: Uint8Array<ArrayBuffer> | undefined; type: string };
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|wasm)|image\/svg)/;
/** The built files never change while the server runs: read and gzip each once. */
const assets = new Map<string, Promise<Asset | undefined>>();

function cached(file: string): Promise<Asset | undefined> {
  let hit = assets.get(file);
  if (!hit) {
    hit = readIfFile(file).then((body) => {
      if (!body) {
        assets.delete(file);
        return undefined;
      }
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const gzipped =
        COMPRESSIBLE.test(type) && body.length > 1024 ? new Uint8Array(gzipSync(body)) : undefined;
      return { body, gzipped, type };
    });
    assets.set(file, hit);
  }
  return hit;
}

async function readIfFile(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? new Uint8Array(await readFile(file)) : undefined;
  } catch {
    return undefined;
  }
}
