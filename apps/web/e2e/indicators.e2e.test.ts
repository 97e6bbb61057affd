import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watch } from './browser';
import { ADMIN_PASSWORD, api, apiLogin, type OwnBff, signInAs, startOwnBff } from './session';

// Its own BFF: this file changes indicator definitions, which must not touch the other files' screens.
const simUrl = inject('simUrl');
let bff: OwnBff;
let browser: Browser;
let adminToken: string;
const artifacts = new URL('./artifacts/', import.meta.url).pathname;

beforeAll(async () => {
  bff = await startOwnBff(simUrl);
  browser = await launch({ signedIn: false });
  adminToken = await apiLogin(bff.url, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await bff?.close();
});

type Definition = {
  id: string;
  version: number;
  thresholds: { warning: number | null; alarm: number | null };
};

describe('指标目录 (the indicator catalogue)', () => {
  it('lists, searches, filters, edits (errors by field, 409 as “reload”) and exports the indicators', async () => {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      acceptDownloads: true,
    });
    await signInAs(context, bff.url, 'admin', ADMIN_PASSWORD);
    const page = await context.newPage();
    const w = watch(page, bff.url);
    const notFound: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) notFound.push(new URL(r.url()).pathname);
    });
    // A screen has read the county systems (the overview), so their freshness is known.
    await api(bff.url, adminToken, 'GET', '/api/v1/cockpits/overview/331023/snapshot');
    await page.goto(`${bff.url}/indicators`);
    const table = page.getByTestId('indicator-table');
    await table.waitFor({ timeout: 60_000 });
    const row = table.locator('tr[data-key="urban.avgHandlingHours"]');
    await expect.poll(() => row.textContent()).toContain('城管案件平均处置时长');
    expect(await row.textContent()).toContain('自受理立案至结案归档的时长之和');
    expect(await row.textContent()).toContain('县、乡镇');
    // Freshness comes from the health of the source system once it has answered.
    await expect
      .poll(() => row.getByTestId('freshness').textContent(), { timeout: 60_000 })
      .toMatch(/^(正常|延迟) \d+ (秒|分钟)/);
    // The overview's urban panel shows it in every profile: once the layout service has answered, the column
    // names that layout (theme · level, * = the theme default), not "—".
    await expect
      .poll(() => row.locator('td').nth(9).textContent(), { timeout: 30_000 })
      .toContain('overview');

    await page.getByTestId('indicator-search').fill('处置时长');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('indicator-search').fill('');
    await page.getByTestId('indicator-field').selectOption('eco');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(3);
    const keys = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(keys.every((k) => k?.startsWith('eco.'))).toBe(true);
    await page.getByTestId('indicator-field').selectOption('');

    // Edit: a bad threshold is named by its field; a good one is saved as version 2.
    await row.getByRole('button', { name: '编辑' }).click();
    const editor = page.getByTestId('indicator-editor');
    await editor.locator('input[name="warning"]').fill('abc');
    await page.getByTestId('indicator-save').click();
    await expect.poll(() => page.getByTestId('form-errors').textContent()).toContain('预警阈值');
    await editor.locator('input[name="warning"]').fill('4');
    await page.getByTestId('indicator-save').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已保存为第 2 版');
    const saved = await api<Definition>(
      bff.url,
      adminToken,
      'GET',
      '/api/v1/indicators/urban.avgHandlingHours',
    );
    expect(saved).toMatchObject({ version: 2, thresholds: { warning: 4, alarm: null } });
    await page.screenshot({ path: `${artifacts}indicators-desk.png` });

    // Someone saves in between (over the API); saving the form read at version 2 gets 409 → "reload".
    await api(bff.url, adminToken, 'PUT', '/api/v1/indicators/urban.avgHandlingHours', {
      ...(({ updatedAt: _a, updatedBy: _b, ...rest }) => rest)(saved as never as Record<string, unknown>),
      thresholds: { warning: 5, alarm: 9 },
    });
    await row.getByRole('button', { name: '编辑' }).click();
    await editor.locator('input[name="alarm"]').fill('10');
    await page.getByTestId('indicator-save').click();
    const conflict = page.getByTestId('indicator-conflict');
    await expect.poll(() => conflict.textContent()).toContain('有人在此期间保存了该指标（当前为第 3 版）');
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => editor.locator('input[name="alarm"]').inputValue()).toBe('9');

    // CSV export of what is shown.
    await page.getByTestId('indicator-search').fill('城管');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('口径');
    expect(csv).toContain('urban.avgHandlingHours');
    expect(csv).not.toContain('eco.aqi');
    // Nothing is missing (the layout list feeds the "used in layouts" column); the 409 is the conflict above.
    expect([...new Set(notFound)]).toEqual([]);
    expect(w.consoleErrors.filter((e) => !/status of (404|409)/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);
});
