import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, mapDrawnShare, waitForRegion, watch } from './browser';

const baseUrl = inject('baseUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('wall profile at 3840×2160', () => {
  it('loads cleanly, draws Tiantai on the map, and fits with no scrollbars', async () => {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/?screen=wall`);
    await page.waitForURL(/\/overview\/331023\?screen=wall$/);
    await waitForRegion(page, '331023');
    await page.getByTestId('scope-name').waitFor();
    expect(await page.getByTestId('scope-name').textContent()).toBe('天台县');
    // The map draws after the camera arrives: wait until it shows, not for a fixed time.
    await expect.poll(() => mapDrawnShare(page), { timeout: 30_000 }).toBeGreaterThan(0.05);
    const overflow = await page.evaluate(() => ({
      scrollW: document.documentElement.scrollWidth,
      scrollH: document.documentElement.scrollHeight,
      w: window.innerWidth,
      h: window.innerHeight,
    }));
    expect(overflow.scrollW).toBeLessThanOrEqual(overflow.w);
    expect(overflow.scrollH).toBeLessThanOrEqual(overflow.h);

    // The map is the stage: at least 45% of the canvas width.
    const mapBox = await page.locator('.map-stage').boundingBox();
    expect(mapBox?.width ?? 0).toBeGreaterThanOrEqual(3840 * 0.45);

    await page.screenshot({ path: `${artifacts}wall-3840x2160.png` });
    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  });

  it('scales a 3840×2160 canvas uniformly into a 1920×1080 window', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${baseUrl}/overview/331023?screen=wall`);
    const box = await page.getByTestId('wall-canvas').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    await page.close();
  });

  it('letterboxes an ultra-wide canvas (?canvas=5760x1080)', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${baseUrl}/overview/331023?screen=wall&canvas=5760x1080`);
    const box = await page.getByTestId('wall-canvas').boundingBox();
    expect(box?.width).toBeCloseTo(1920, 0);
    expect(box?.height).toBeCloseTo(360, 0);
    expect(box?.y).toBeCloseTo(360, 0);
    await page.close();
  });
});

describe('tablet profile at 1024×1366', () => {
  it('lays out the header, the map and the panels without horizontal overflow', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 1366 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/overview/331023`);
    // The profile attribute is set by an effect after the first render: wait for it.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.profile), { timeout: 30_000 })
      .toBe('tablet');
    await waitForRegion(page, '331023');
    await page.getByTestId('scope-name').waitFor();

    const map = await page.locator('.map-stage').boundingBox();
    expect(map?.width ?? 0).toBeGreaterThan(900);
    expect(map?.height ?? 0).toBeGreaterThan(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    // Touch targets: every tab and button is at least 44 px tall.
    const heights = await page
      .locator('.tabs__tab, .header .button')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await expect.poll(() => mapDrawnShare(page), { timeout: 30_000 }).toBeGreaterThan(0.05);

    await page.screenshot({ path: `${artifacts}tablet-1024x1366.png`, fullPage: true });
    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('map loading', () => {
  it('says the map is loading until the region is drawn, never shows an empty map as a fact', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Hold the township's boundary until the test has seen the loading state, then let it through.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/api/v1/regions/331023101/boundary.geojson', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}/overview/331023101?screen=desk`);
    const loading = page.getByTestId('map-loading');
    await loading.waitFor();
    expect(await page.locator('.map-stage').getAttribute('aria-busy')).toBe('true');
    release();
    await waitForRegion(page, '331023101');
    await loading.waitFor({ state: 'detached' });
    expect(await page.locator('.map-stage').getAttribute('aria-busy')).toBe('false');
    await page.close();
  });
});

describe('routing', () => {
  it('shows a proper not-found screen for an unknown route or region', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const path of ['/nope/331023', '/overview/999999', '/overview/331023999', '/a/b/c']) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId('not-found').waitFor();
    }
    await page.close();
  });
});
