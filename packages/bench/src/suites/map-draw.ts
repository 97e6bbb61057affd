import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { alternate, type Row } from '../harness';

const maplibreDist = fileURLToPath(
  new URL('../../../../apps/web/node_modules/maplibre-gl/dist/', import.meta.url),
);

/**
 * Baseline page: bare MapLibre (no React, no deck.gl, no app) drawing the same county boundary and the
 * same 15 township polygons, fitted the same way. The app's time over this is its own overhead.
 */
function barePage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/ml/maplibre-gl.css">
<style>html,body,#m{margin:0;width:100%;height:100%;background:#06101f}</style></head><body><div id="m"></div>
<script type="module">
import { Map, setWorkerUrl } from '/ml/maplibre-gl.mjs';
setWorkerUrl(new URL('/ml/maplibre-gl-worker.mjs', location.href).href);
const [b, c] = await Promise.all(['/geo/boundary', '/geo/children'].map((u) => fetch(u).then((r) => r.json())));
const map = new Map({ container: 'm', style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#06101f' } }] },
  bounds: [120.69, 28.952, 121.265, 29.345], fitBoundsOptions: { padding: 40 }, canvasContextAttributes: { preserveDrawingBuffer: true } });
window.__cockpitMap = map;
map.on('load', () => {
  map.addSource('b', { type: 'geojson', data: b });
  map.addSource('c', { type: 'geojson', data: c });
  map.addLayer({ id: 'bf', type: 'fill', source: 'b', paint: { 'fill-color': '#0c2340' } });
  map.addLayer({ id: 'cf', type: 'fill', source: 'c', paint: { 'fill-color': '#11345a', 'fill-opacity': 0.55 } });
  map.addLayer({ id: 'cl', type: 'line', source: 'c', paint: { 'line-color': '#5b8fc7' } });
  map.addLayer({ id: 'bl', type: 'line', source: 'b', paint: { 'line-color': '#7fd3ff', 'line-width': 4 } });
  document.body.dataset.ready = '1';
});
</script></body></html>`;
}

async function serveBare(bffUrl: string): Promise<Server> {
  const [boundary, children] = await Promise.all(
    ['boundary', 'children'].map((k) =>
      fetch(`${bffUrl}/api/v1/regions/331023/${k}.geojson`).then((r) => r.text()),
    ),
  );
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(barePage());
    if (url === '/geo/boundary')
      return res.writeHead(200, { 'content-type': 'application/json' }).end(boundary);
    if (url === '/geo/children')
      return res.writeHead(200, { 'content-type': 'application/json' }).end(children);
    if (url.startsWith('/ml/')) {
      const file = join(maplibreDist, url.slice(4).replace(/\.\./g, ''));
      const type = extname(file) === '.css' ? 'text/css' : 'text/javascript';
      return readFile(file).then(
        (body) => res.writeHead(200, { 'content-type': type }).end(body),
        () => res.writeHead(404).end(),
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Milliseconds from navigation start until the map shows the county and is idle. */
async function timeToIdle(browser: Browser, url: string, readySelector: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
  try {
    await page.goto(url);
    await page.waitForSelector(readySelector, { state: 'attached', timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const map = (window as unknown as { __cockpitMap?: { loaded(): boolean; isMoving(): boolean } })
          .__cockpitMap;
        return Boolean(map?.loaded() && !map.isMoving());
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

export async function mapDrawSuite(ctx: { browser: Browser; bffUrl: string; runs: number }): Promise<Row[]> {
  const bare = await serveBare(ctx.bffUrl);
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  try {
    const result = await alternate(
      ctx.runs,
      () =>
        timeToIdle(ctx.browser, `${ctx.bffUrl}/overview/331023?screen=wall`, '[data-ready-region="331023"]'),
      () => timeToIdle(ctx.browser, bareUrl, 'body[data-ready="1"]'),
    );
    return [
      {
        suite: 'map',
        figure: 'county level: navigation → map idle (3840×2160)',
        unit: 'ms',
        subject: result.subject,
        baseline: result.baseline,
        ratio: result.subject / result.baseline,
        note: `median of ${ctx.runs}; baseline = bare MapLibre page with the same polygons`,
      },
    ];
  } finally {
    bare.close();
  }
}
