import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch, launch, projectToPage, waitForRegion, watch } from './browser';

const baseUrl = inject('baseUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Child = { code: string; name: string; labelPoint: [number, number] };

async function childrenOf(code: string): Promise<Child[]> {
  const res = await apiFetch(`/api/v1/regions/${code}/children.geojson`);
  const fc = (await res.json()) as { features: { properties: Child }[] };
  return fc.features.map((f) => f.properties);
}

async function clickOnMap(page: Page, lonLat: [number, number]) {
  const { x, y } = await projectToPage(page, lonLat);
  await page.mouse.click(x, y);
}

describe('three-level drill-down', () => {
  it('goes county → township → village by clicks, back by the breadcrumb, and survives reload', async () => {
    // The scope's name is read from the breadcrumb: township and village overviews have their own layouts
    // (without the county's 当前区域 panel).
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/overview/331023?screen=desk`);
    await waitForRegion(page, '331023');

    const township = (await childrenOf('331023')).find((c) => c.code === '331023105');
    expect(township?.name).toBe('平桥镇');
    await clickOnMap(page, township!.labelPoint);
    await page.waitForURL(/\/overview\/331023105\?screen=desk$/);
    await waitForRegion(page, '331023105');
    await expect
      .poll(() => page.locator('[data-testid="breadcrumb"] [aria-current="page"]').textContent())
      .toBe('平桥镇');

    const village = (await childrenOf('331023105'))[0]!;
    await clickOnMap(page, village.labelPoint);
    await page.waitForURL(new RegExp(`/overview/${village.code}\\?screen=desk$`));
    await waitForRegion(page, village.code);
    await expect
      .poll(() => page.locator('[data-testid="breadcrumb"] [aria-current="page"]').textContent())
      .toBe(village.name);
    const crumbs = await page.getByTestId('breadcrumb').textContent();
    expect(crumbs).toContain('天台县');
    expect(crumbs).toContain('平桥镇');
    expect(crumbs).toContain(village.name);
    await page.screenshot({ path: `${artifacts}drill-village.png` });

    // Reload at the village URL brings the village back.
    await page.reload();
    await waitForRegion(page, village.code);
    await expect
      .poll(() => page.locator('[data-testid="breadcrumb"] [aria-current="page"]').textContent())
      .toBe(village.name);

    // Browser back returns to the township; forward to the village again.
    await page.goBack();
    await page.waitForURL(/\/overview\/331023105\?/);
    await page.goForward();
    await page.waitForURL(new RegExp(`/overview/${village.code}\\?`));

    // Esc goes up one level.
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/overview\/331023105\?/);

    // The breadcrumb returns to the county.
    await page.getByTestId('breadcrumb').getByText('天台县').click();
    await page.waitForURL(/\/overview\/331023\?screen=desk$/);
    await expect
      .poll(() => page.locator('[data-testid="breadcrumb"] [aria-current="page"]').textContent())
      .toBe('天台县');

    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  });

  it('finds a region by search and goes there', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${baseUrl}/eco/331023?screen=desk`);
    await page.locator('.search__input').fill('pqz');
    await page.locator('.search__results button').first().click();
    await page.waitForURL(/\/eco\/331023105\?screen=desk$/);
    await page.close();
  });
});

const COUNTY = '331023';
const TOWNSHIP = '331023105'; // 平桥镇

describe('tablet drilling', () => {
  it('a tap selects a township and shows 进入; the button opens it; the hint never mentions Esc', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 1024 }, hasTouch: true });
    try {
      await page.goto(`${baseUrl}/overview/${COUNTY}?screen=tablet`);
      await waitForRegion(page, COUNTY);
      await expect.poll(() => page.locator('.scope__hover').textContent()).not.toBe('');
      expect(await page.locator('.scope__hover').textContent()).not.toContain('Esc');
      const res = await apiFetch(`/api/v1/regions/${COUNTY}/children.geojson`);
      const fc = (await res.json()) as {
        features: { properties: { code: string; labelPoint: [number, number] } }[];
      };
      const township = fc.features.find((f) => f.properties.code === TOWNSHIP)!.properties;
      const at = await projectToPage(page, township.labelPoint);
      await page.touchscreen.tap(at.x, at.y);
      const enter = page.getByTestId('map-enter');
      await enter.waitFor({ state: 'visible' });
      expect(await enter.textContent()).toContain('平桥镇');
      // A tap only selects: still at the county.
      expect(page.url()).toContain(`/overview/${COUNTY}?`);
      await enter.click();
      await page.waitForURL(new RegExp(`/overview/${TOWNSHIP}\\?screen=tablet$`));
      await waitForRegion(page, TOWNSHIP);
    } finally {
      await page.close();
    }
  });
});
