import { AQI_LEVELS } from '@cockpit/domain/eco';
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

type Station = { code: string; lon: number; lat: number; reading: { aqi: number; color: string } | null };

async function countyStations(): Promise<Station[]> {
  const res = await apiFetch('/api/v1/cockpits/eco/331023/snapshot');
  expect(res.status).toBe(200);
  return ((await res.json()) as { air: { stations: Station[] } }).air.stations;
}

/** The background colour of an element as #RRGGBB. */
const bgHex = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const m = getComputedStyle(el).backgroundColor.match(/\d+/g) ?? [];
      return `#${m
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`.toUpperCase();
    });

describe('eco cockpit', () => {
  it('loads at county level with the AQI gauge and the legend in the official colours; a station click shows its detail', async () => {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/eco/331023?screen=wall`);
    await waitForRegion(page, '331023');
    const gauge = page.locator('[data-testid="eco-aqi"]');
    await expect.poll(() => gauge.getAttribute('data-aqi'), { timeout: 30_000 }).toMatch(/^\d+$/);
    await expect
      .poll(() => page.locator('[data-indicator="eco.pm25"]').getAttribute('data-status'))
      .toBe('ok');
    // The category chip carries the official colour of the AQI shown.
    const aqi = Number(await gauge.getAttribute('data-aqi'));
    const level = AQI_LEVELS.find((l) => aqi >= l.min && (l.max === null || aqi <= l.max))!;
    expect(await bgHex(page, '.eco-category')).toBe(level.color.toUpperCase());
    // Legend: six AQI levels in the HJ 633 colours, and the IDW method named.
    const legend = page.locator('[data-testid="eco-legend"] .eco-chip');
    expect(await legend.count()).toBe(6);
    for (let i = 0; i < 6; i++) {
      expect(await bgHex(page, `[data-testid="eco-legend"] li:nth-child(${i + 1}) .eco-chip`)).toBe(
        AQI_LEVELS[i]!.color.toUpperCase(),
      );
    }
    expect(await page.locator('.eco-note').allTextContents()).toContainEqual(
      expect.stringContaining('IDW p=2'),
    );

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}eco-wall.png` });

    // Click the county administrative centre station on the map. (On a mouse screen the shared map also drills
    // into the township under the click; the station detail stays open across that.)
    const station = (await countyStations()).find((s) => s.code === '5101A')!;
    const at = await projectToPage(page, [station.lon, station.lat]);
    await page.mouse.click(at.x, at.y);
    const detail = page.locator('[data-testid="eco-station"]');
    await detail.waitFor({ timeout: 15_000 });
    expect(await detail.getAttribute('data-code')).toBe('5101A');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('air');
    await expect.poll(() => detail.locator('canvas').count()).toBeGreaterThan(0);
    // Another parameter of the same station.
    await page.locator('.eco-station .eco-tab', { hasText: 'PM2.5' }).first().click();
    await expect
      .poll(() => page.locator('.eco-station .chart-caption').first().textContent())
      .toContain('PM2.5');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}eco-wall-station.png` });

    // The window tab switches the detail to 7 days.
    await page.locator('.eco-station .eco-tab', { hasText: '7' }).first().click();
    await expect
      .poll(() => page.locator('.eco-station .eco-tab[aria-selected="true"]').first().textContent())
      .toContain('7');

    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  });

  it('works on a tablet, and switches the map to water classes', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1366 }, hasTouch: true });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/eco/331023?screen=tablet`);
    await waitForRegion(page, '331023');
    await expect
      .poll(() => page.locator('[data-testid="eco-aqi"]').getAttribute('data-aqi'), { timeout: 30_000 })
      .toMatch(/^\d+$/);
    const tab = page.locator('[data-testid="eco-legend"]').locator('xpath=..').locator('.eco-tab').nth(1);
    const box = await tab.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await tab.tap();
    await expect
      .poll(() => page.locator('[data-testid="eco-legend"]').getAttribute('data-mode'))
      .toBe('water');
    expect(await page.locator('[data-testid="eco-legend"] li').count()).toBe(6);
    await page.screenshot({ path: `${artifacts}eco-tablet.png`, fullPage: true });
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  });

  it('says so for a township without an air station', async () => {
    const res = await apiFetch('/api/v1/cockpits/eco/331023/snapshot');
    const towns = ((await res.json()) as { air: { townships: { regionCode: string; stations: number }[] } })
      .air.townships;
    const without = towns.find((t) => t.stations === 0)!;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/eco/${without.regionCode}?screen=desk`);
    await page.locator('[data-testid="eco-no-station"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="eco-legend"]').waitFor();
    expect(w.consoleErrors).toEqual([]);
    await page.close();
  });
});
