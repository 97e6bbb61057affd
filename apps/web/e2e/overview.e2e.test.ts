import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch, launch, waitForRegion, watch } from './browser';

const baseUrl = inject('baseUrl');
const simUrl = inject('simUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await fault('county-services', 'none');
  await browser?.close();
});

async function fault(system: string, mode: string) {
  const res = await fetch(`${simUrl}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system, mode }),
  });
  expect(res.status).toBe(200);
}

const kpi = (page: Page, id: string) => page.locator(`[data-indicator="${id}"]`).first();

describe('overview cockpit, live', () => {
  it('shows the four fields and the department tiles, and the data moves without a reload', async () => {
    // The wall's 3840×2160 CSS-pixel layout at half the pixel density: a quarter of the pixels for software GL.
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 }, deviceScaleFactor: 0.5 });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/overview/331023?screen=wall`);
    await waitForRegion(page, '331023');
    for (const id of [
      'traffic.congestionIndex',
      'urban.casesReported',
      'health.outpatientVisits',
      'tourism.visitorsToday',
    ]) {
      await expect.poll(() => kpi(page, id).getAttribute('data-status')).toBe('ok');
    }
    // The department tiles are a lazily loaded panel type: wait for them rather than count at once.
    await expect.poll(() => page.locator('.department').count()).toBe(3);
    await page.screenshot({ path: `${artifacts}overview-wall.png` });

    // The simulator runs 60× faster than real time: visitor counts must change on screen by themselves.
    const first = await kpi(page, 'tourism.spotFlow').locator('.kpi__value').textContent();
    await expect
      .poll(() => kpi(page, 'tourism.spotFlow').locator('.kpi__value').textContent(), { timeout: 30_000 })
      .not.toBe(first);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  });

  it('turns a failing system stale with its last values kept, and recovers without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${baseUrl}/overview/331023?screen=desk`);
    await expect.poll(() => kpi(page, 'urban.casesReported').getAttribute('data-status')).toBe('ok');

    await fault('county-services', 'outage');
    try {
      await expect
        .poll(() => kpi(page, 'urban.casesReported').getAttribute('data-status'), { timeout: 30_000 })
        .toBe('stale');
      // The last good value stays on screen, with the stale badge and the time of the last good value.
      const text = await kpi(page, 'urban.casesReported').locator('.kpi__value').textContent();
      expect(text).toMatch(/^\d/);
      await expect.poll(() => kpi(page, 'urban.casesReported').locator('.kpi__stale').isVisible()).toBe(true);
      // Other systems stay fresh.
      expect(await kpi(page, 'parking.freeBerths').getAttribute('data-status')).toBe('ok');
      expect(
        await page
          .locator('[data-testid="sources"] [data-system="county-services"]')
          .getAttribute('data-status'),
      ).toBe('stale');
      // Every panel fed by the failing system says so (中断), its alarm shows on the overview.
      await expect
        .poll(() => page.locator('[aria-label="城市管理"] .panel__footer .badge').getAttribute('data-down'))
        .toBe('true');
      await expect
        .poll(() => page.locator('[data-testid="alarms"] [data-kind="SOURCE_DOWN"]').count(), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      await page.screenshot({ path: `${artifacts}overview-stale.png` });
    } finally {
      await fault('county-services', 'none');
    }
    await expect
      .poll(() => kpi(page, 'urban.casesReported').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('ok');
    await page.close();
  });

  it('says the data is simulated: 演示数据 in the header, 模拟数据 in the footers, sources simulated', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${baseUrl}/overview/331023?screen=desk`);
    await page.locator('[data-testid="demo-data"]').waitFor();
    expect(await page.locator('[data-testid="demo-data"]').textContent()).toBe('演示数据');
    // Panels load lazily from the layout: wait for their footers, not for a span of time.
    await expect
      .poll(() => page.locator('[data-testid="simulated"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(3);
    const snap = (await (await apiFetch('/api/v1/cockpits/overview/331023/snapshot')).json()) as {
      sources: { simulated?: boolean }[];
    };
    expect(snap.sources.every((s) => s.simulated === true)).toBe(true);
    await page.close();
  });

  it('rolls every cockpit’s alarms up into the overview, with their source', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${baseUrl}/overview/331023?screen=desk`);
    // The simulated county always has reservoirs below target in the eco cockpit.
    await page.locator('[data-testid="alarms"] [data-theme="eco"]').first().waitFor({ timeout: 60_000 });
    const meta = await page
      .locator('[data-testid="alarms"] [data-theme="eco"] .alarm__meta')
      .first()
      .textContent();
    expect(meta).toContain('生态环保');
    await page.close();
  });
});
