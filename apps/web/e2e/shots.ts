// Before/after screenshots of cockpits at one frozen simulator state, and their pixel difference.
//   shoot:   apps/bff/node_modules/.bin/tsx apps/web/e2e/shots.ts shoot <dir-name>   (after `pnpm build`)
//   compare: apps/bff/node_modules/.bin/tsx apps/web/e2e/shots.ts compare <dir-a> <dir-b>
// The simulator runs at speed 0 from a fixed start time and the page's clock is fixed, so two builds shot
// this way see the same data; the PNGs go to apps/web/e2e/artifacts/<dir-name>/ (git-ignored).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startSimulator } from '../../../mock-data/upstreams/server';
import { SPAWNED_ADMIN_PASSWORD, spawnBuiltBff } from '../../bff/scripts/spawn-built.mjs';
import { CHROMIUM_FLAGS as FLAGS, findChromium } from './chromium-path.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const SIM_START = new Date('2026-12-01T02:00:00.000Z');
/** `theme/region` or `theme/region@WxH` (a wall canvas; default 3840x2160), or `…@tablet`/`@desk`. */
const SCREENS = (process.env.SHOTS ?? 'overview/331023,parking/331023').split(',');
const VIEWS: Record<string, { width: number; height: number; query: string; touch?: boolean }> = {
  tablet: { width: 1024, height: 1366, query: 'screen=tablet', touch: true },
  'tablet-landscape': { width: 1366, height: 1024, query: 'screen=tablet', touch: true },
  desk: { width: 1920, height: 1080, query: 'screen=desk' },
};
function viewOf(suffix: string | undefined) {
  if (!suffix) return { width: 3840, height: 2160, query: 'screen=wall' };
  const named = VIEWS[suffix];
  if (named) return named;
  const [w, h] = suffix.split('x').map(Number);
  // The window keeps 16:9 pixels for the screenshot; the canvas is letterboxed into it.
  return { width: w ?? 3840, height: h ?? 2160, query: `screen=wall&canvas=${suffix}` };
}

async function shoot(name: string) {
  const out = `${ARTIFACTS}${name}/`;
  mkdirSync(out, { recursive: true });
  const sim = await startSimulator({ port: 0, speed: 0, startAt: SIM_START });
  const server = (await spawnBuiltBff({
    ...(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {}),
    UPSTREAM_PARKING_URL: sim.url,
    UPSTREAM_EMERGENCY_URL: sim.url,
    UPSTREAM_ENV_URL: sim.url,
    UPSTREAM_COUNTY_URL: sim.url,
    UPSTREAM_GRASSROOTS_URL: sim.url,
    UPSTREAM_SIMULATED: 'all',
  })) as { url: string; stop: () => Promise<void> };
  const browser = await chromium.launch({ executablePath: findChromium(), args: FLAGS, headless: true });
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: SPAWNED_ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    for (const entry of SCREENS) {
      const [screen = '', suffix] = entry.split('@');
      const view = viewOf(suffix);
      const file = `${screen.replace('/', '-')}-${suffix ?? 'wall'}`;
      const context = await browser.newContext({
        viewport: { width: view.width, height: view.height },
        ...(view.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
      });
      await context.addCookies([{ name: 'cockpit_session', value: token, url: server.url }]);
      await context.clock.setFixedTime(new Date('2026-12-01T02:05:00.000Z'));
      const page = await context.newPage();
      await page.goto(`${server.url}/${screen}?${view.query}`);
      const code = screen.split('/')[1];
      await page.locator(`[data-testid="map"][data-ready-region="${code}"]`).waitFor({
        state: 'attached',
        timeout: 120_000,
      });
      await page.waitForFunction(
        () => {
          const map = (window as unknown as { __cockpitMap?: { loaded(): boolean; isMoving(): boolean } })
            .__cockpitMap;
          return (
            Boolean(map?.loaded() && !map.isMoving()) &&
            document.querySelectorAll('[data-testid="loading"]').length === 0 &&
            document.querySelectorAll('.panel').length > 3
          );
        },
        undefined,
        { timeout: 120_000, polling: 250 },
      );
      // Charts draw on their next frame; two animation frames settle them.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
      );
      await page.screenshot({
        path: `${out}${file}.png`,
        fullPage: Boolean(view.touch) || suffix === 'desk',
      });
      // Where each panel and the map sit (canvas pixels), to compare arrangements.
      const rects = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.panel, .map-stage, .header')].map((el) => {
          const r = el.getBoundingClientRect();
          const name = el.getAttribute('aria-label') ?? el.className;
          // Content cut off: the panel or its body holds more than it shows.
          const body = el.querySelector<HTMLElement>('.panel__body');
          const cut = [el, body].some((x) => x && x.scrollHeight > x.clientHeight + 1);
          const by = body ? body.scrollHeight - body.clientHeight : 0;
          return `${name}: x ${Math.round(r.x)} y ${Math.round(r.y)} w ${Math.round(r.width)} h ${Math.round(r.height)}${cut ? ` OVERFLOW body+${by}` : ''}`;
        }),
      );
      writeFileSync(`${out}${file}.rects.txt`, `${rects.join('\n')}\n`);
      console.log(`shot ${out}${file}.png`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    await sim.close();
  }
}

/** Share of pixels that differ (any channel by more than 16) between same-named PNGs of two folders. */
async function compare(a: string, b: string) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: FLAGS, headless: true });
  const page = await browser.newPage();
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  for (const file of readdirSync(`${ARTIFACTS}${a}`).filter((f) => f.endsWith('.png'))) {
    const load = (dir: string) =>
      `data:image/png;base64,${readFileSync(`${ARTIFACTS}${dir}/${file}`).toString('base64')}`;
    const result = await page.evaluate(
      async ([x, y]) => {
        const pixels = async (src: string) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d') as CanvasRenderingContext2D;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, img.width, img.height);
        };
        const [p, q] = [await pixels(x as string), await pixels(y as string)];
        if (p.width !== q.width || p.height !== q.height) return { differing: -1, total: 0 };
        let differing = 0;
        for (let i = 0; i < p.data.length; i += 4) {
          if (
            Math.abs((p.data[i] ?? 0) - (q.data[i] ?? 0)) > 16 ||
            Math.abs((p.data[i + 1] ?? 0) - (q.data[i + 1] ?? 0)) > 16 ||
            Math.abs((p.data[i + 2] ?? 0) - (q.data[i + 2] ?? 0)) > 16
          )
            differing++;
        }
        return { differing, total: p.width * p.height };
      },
      [load(a), load(b)],
    );
    console.log(
      `${file}: ${result.differing} of ${result.total} pixels differ (${((100 * result.differing) / result.total).toFixed(2)} %)`,
    );
  }
  await browser.close();
}

const [cmd, a, b] = process.argv.slice(2);
if (cmd === 'shoot' && a) await shoot(a);
else if (cmd === 'compare' && a && b) await compare(a, b);
else console.error('usage: shots.ts shoot <name> | compare <a> <b>');
