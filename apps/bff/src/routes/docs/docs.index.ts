import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { guard } from '../../auth/access';
import type { AppEnv } from '../../lib/create-router';
import { errorBody } from '../../lib/errors';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>天台县数字驾驶舱 API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  <link rel="icon" href="/api/docs/assets/favicon-32x32.png" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

// Kept out of the page so a strict Content-Security-Policy (no inline script) can apply.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** API docs page served entirely from local assets (swagger-ui-dist): no CDN. */
export function docsRouter() {
  const open = guard({ public: true, why: 'the API documentation is public' });
  return new Hono<AppEnv>()
    .get('/api/openapi.json', open)
    .get('/api/docs', open, (c) => c.html(PAGE))
    .get('/api/docs/init.js', open, (c) =>
      c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
    )
    .get('/api/docs/assets/:file', open, async (c) => {
      const file = c.req.param('file');
      const type = ASSETS[file];
      if (!type) return c.json(errorBody('NOT_FOUND', `No docs asset ${file}`), 404);
      const body = new Uint8Array(await readFile(join(swaggerDir, file)));
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
    });
}
