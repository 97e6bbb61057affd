import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, waitForRegion } from './browser';
import { ADMIN_PASSWORD, type OwnBff, signInAs, startOwnBff } from './session';

/**
 * A wall pairs with a code and survives a BFF restart without signing in. This file runs its own BFF on a
 * fixed DATA_DIR (the shared one of the other tests is never restarted), against the shared simulator.
 */
const simUrl = inject('simUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
let bff: OwnBff;
let browser: Browser;

beforeAll(async () => {
  bff = await startOwnBff(simUrl);
  browser = await launch({ signedIn: false });
});
afterAll(async () => {
  await browser?.close();
  await bff?.close();
});
describe('wall pairing', () => {
  it('a wall shows a code, an admin approves it with a name and a scope, and the wall keeps it after a BFF restart', async () => {
    const baseUrl = bff.url;
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await wall.newPage();
    await page.goto(`${baseUrl}/overview/331023?screen=wall&canvas=1920x1080`);
    const codeBox = page.getByTestId('pairing-code');
    await expect.poll(() => codeBox.textContent(), { timeout: 30_000 }).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    const code = (await codeBox.textContent()) ?? '';
    await page.screenshot({ path: `${artifacts}pairing-wall.png` });
    // Nothing of the cockpit before there is a session.
    expect(await page.locator('.maplibregl-canvas').count()).toBe(0);

    // The administrator approves the code on the devices page, naming the wall and choosing 平桥镇.
    const admin = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signInAs(admin, baseUrl, 'admin', ADMIN_PASSWORD);
    const adminPage = await admin.newPage();
    await adminPage.goto(`${baseUrl}/admin/devices`);
    const pending = adminPage.locator(`[data-testid="pending-codes"] li[data-code="${code}"]`);
    await pending.waitFor({ timeout: 30_000 });
    await pending.getByRole('button').click();
    const form = adminPage.getByTestId('device-form');
    await form.locator('input[name="name"]').fill('平桥镇指挥中心大屏');
    await form.getByTestId('scope-picker').locator('input[type="search"]').fill('平桥');
    await form.locator('.search__results button').first().click();
    await expect.poll(() => form.getByTestId('scope-value').getAttribute('data-code')).toBe('331023105');
    await adminPage.screenshot({ path: `${artifacts}admin-devices-desk.png`, fullPage: true });
    const approved = page.waitForResponse(
      async (r) => r.url().includes('/api/v1/devices/pairings/') && (await r.text()).includes('"approved"'),
      { timeout: 30_000 },
    );
    await adminPage.getByTestId('device-save').click();
    await approved;

    // The wall shows its scope, signed in as the device.
    await page.waitForURL(/\/overview\/331023105\?screen=wall&canvas=1920x1080$/, { timeout: 30_000 });
    await waitForRegion(page, '331023105');
    expect(await page.getByTestId('user-name').textContent()).toContain('平桥镇指挥中心大屏');
    const cookies = await wall.cookies();
    expect(cookies.find((c) => c.name === 'cockpit_device')?.httpOnly).toBe(true);
    expect(cookies.some((c) => c.name === 'cockpit_session')).toBe(false);

    // Power cut at the BFF: restart it on the same port and data directory; the wall reloads and needs no one.
    await bff.restart();
    await page.reload();
    await waitForRegion(page, '331023105');
    expect(await page.getByTestId('pairing').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/overview/331023105');
    await page.screenshot({ path: `${artifacts}paired-wall-after-restart.png` });

    await admin.close();
    await wall.close();
  }, 240_000);
});
