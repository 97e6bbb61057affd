import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_FLAGS as FLAGS, findChromium } from './chromium-path.mjs';

const DEVICE_SCALE = Number(process.env.E2E_DEVICE_SCALE ?? 0.5);
if (!(DEVICE_SCALE > 0 && DEVICE_SCALE <= 4))
  throw new Error(`E2E_DEVICE_SCALE must be a number in (0, 4], not ${process.env.E2E_DEVICE_SCALE}`);

/** Calls the BFF's API signed in (the shared admin session of global-setup.ts, as a bearer token). */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${inject('sessionToken')}`);
  return fetch(`${inject('baseUrl')}${path}`, { ...init, headers });
}

/** Puts the shared session cookie into a browser context, so pages open signed in. */
export async function signInContext(context: BrowserContext): Promise<BrowserContext> {
  await context.addCookies([
    {
      name: 'cockpit_session',
      value: inject('sessionToken'),
      url: inject('baseUrl'),
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  return context;
}

/**
 * Chromium, with every page and context it opens signed in as the shared admin session (county scope).
 * Pass `{ signedIn: false }` for a browser whose pages start signed out.
 */
export async function launch(opts: { signedIn?: boolean } = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run e2e/ensure-chromium.mjs or set CHROME_PATH');
  const browser = await chromium.launch({ executablePath, args: FLAGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  // Pages ask for reduced motion unless a test says otherwise (`reducedMotion: 'no-preference'`): the app then
  // skips chart transitions and the trauma map's running light, which in software GL cost more than a core.
  //
  // Pages render at half density unless a test says otherwise (E2E_DEVICE_SCALE, default 0.5): layout, text
  // sizes and map label boxes are in CSS pixels and do not change, but software GL draws a quarter of the
  // pixels (the browser tests took 440-460 s at density 1 on two quiet cores, 379 s at 0.5). Screenshots are
  // then half size, and map labels in them are blurred: E2E_DEVICE_SCALE=1 takes them at full density.
  const withDefaults = (options?: Parameters<Browser['newContext']>[0]) =>
    newContext({ reducedMotion: 'reduce', deviceScaleFactor: DEVICE_SCALE, ...options });
  if (opts.signedIn === false) {
    browser.newContext = withDefaults;
  } else {
    browser.newContext = async (options) => signInContext(await withDefaults(options));
  }
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // The page's own context goes with it. The browser may already be closing (afterAll), in which case the
    // context is gone with it: that is not an error of the test.
    page.once('close', () => {
      context.close().catch(() => undefined);
    });
    return page;
  };
  return browser;
}

export type PageWatch = { consoleErrors: string[]; failedRequests: string[]; foreignRequests: string[] };

/** Records console errors, failed requests and any request that leaves the BFF's origin. */
export function watch(page: Page, baseUrl: string): PageWatch {
  const w: PageWatch = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') w.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => w.consoleErrors.push(String(err)));
  page.on('requestfailed', (req) => {
    // Aborted fetches of superseded queries are not failures of the app.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED')
      w.failedRequests.push(`${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) w.failedRequests.push(`${res.status()} ${res.url()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
      w.foreignRequests.push(url);
  });
  return w;
}

/** Waits until the app's map has loaded its sources and stopped moving. */
export async function waitForMapIdle(page: Page) {
  await page.waitForFunction(
    () => {
      const map = (window as unknown as { __cockpitMap?: { loaded(): boolean; isMoving(): boolean } })
        .__cockpitMap;
      return Boolean(map?.loaded() && !map.isMoving());
    },
    undefined,
    { timeout: 120_000, polling: 100 },
  );
}

/** Waits until the map shows the region (geometry drawn, camera arrived) and is idle. */
export async function waitForRegion(page: Page, code: string) {
  await page
    .locator(`[data-testid="map"][data-ready-region="${code}"]`)
    // A bound that stops a hang, not a timing: a 4K wall's first map took over 60 s once on two cores busy
    // with two busy loops and a second test run.
    .waitFor({ state: 'attached', timeout: 120_000 });
  await waitForMapIdle(page);
}

/** Share of map pixels that differ from the plain background: > 0 means something was drawn. */
export async function mapDrawnShare(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
    if (!canvas) return 0;
    const img = new Image();
    img.src = canvas.toDataURL('image/png');
    await img.decode();
    const probe = document.createElement('canvas');
    probe.width = 200;
    probe.height = 120;
    const ctx = probe.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0, probe.width, probe.height);
    const { data } = ctx.getImageData(0, 0, probe.width, probe.height);
    const [r0, g0, b0] = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
    let differing = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d =
        Math.abs((data[i] ?? 0) - r0) + Math.abs((data[i + 1] ?? 0) - g0) + Math.abs((data[i + 2] ?? 0) - b0);
      if (d > 24) differing++;
    }
    return differing / (data.length / 4);
  });
}

/** Screen position of a lon/lat on the app's map, in page coordinates (accounts for the wall's scaling). */
export async function projectToPage(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (
      window as unknown as {
        __cockpitMap: {
          project(p: [number, number]): { x: number; y: number };
          getCanvas(): HTMLCanvasElement;
        };
      }
    ).__cockpitMap;
    const p = map.project(ll);
    const canvas = map.getCanvas();
    const rect = canvas.getBoundingClientRect();
    const scale = rect.width / canvas.offsetWidth || 1;
    return { x: rect.left + p.x * scale, y: rect.top + p.y * scale };
  }, lonLat);
}
