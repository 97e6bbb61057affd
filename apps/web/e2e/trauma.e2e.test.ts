import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, waitForMapIdle, waitForRegion, watch } from './browser';

const baseUrl = inject('baseUrl');
const simUrl = inject('simUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function raise(villageCode: string) {
  const res = await fetch(`${simUrl}/admin/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ villageCode, severity: 'severe', injury_type: 'traffic' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { incident: Record<string, string> }).incident;
}

describe('trauma cockpit: the green channel of a severe case', () => {
  it('brings a new severe case to the front with its ambulance, hospital, reasons, route and a counting-down ETA', async () => {
    // The wall's 3840×2160 CSS-pixel layout at half the pixel density: a quarter of the pixels for software GL.
    // With motion, as on the wall: the running light along the route and the gliding ambulances.
    const page = await browser.newPage({
      viewport: { width: 3840, height: 2160 },
      deviceScaleFactor: 0.5,
      reducedMotion: 'no-preference',
    });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/trauma/331023?screen=wall`);
    await waitForRegion(page, '331023');
    await expect
      .poll(() => page.getByTestId('hospital-board').locator('tr[data-hospital]').count())
      .toBeGreaterThan(0);

    const incident = await raise('331023105200');
    const channel = page.getByTestId('green-channel');
    await expect.poll(() => channel.getAttribute('data-incident'), { timeout: 20_000 }).toBe(incident.id);
    await expect.poll(() => page.locator('.trauma-channel--new').count()).toBe(1);

    // The dispatched ambulance and the chosen hospital with its reasons.
    await expect
      .poll(() => page.getByTestId('channel-ambulance').textContent(), { timeout: 20_000 })
      .toMatch(/A\d+/);
    await expect
      .poll(() => page.getByTestId('channel-hospital').getAttribute('data-hospital'))
      .toMatch(/^H\d+$/);
    expect(await page.getByTestId('channel-reasons').locator('.chip').count()).toBeGreaterThan(1);
    const reasons = await page.getByTestId('channel-reasons').textContent();
    expect(reasons).toContain('CT');

    // The transport leg: the route to the hospital with its intersections, in order.
    await expect.poll(() => channel.getAttribute('data-phase'), { timeout: 60_000 }).toBe('to_hospital');
    await expect.poll(() => page.getByTestId('channel-signals').locator('li').count()).toBeGreaterThan(0);

    // Intersections change state ahead of the ambulance as it moves (requested → green held → released).
    await expect
      .poll(() => page.getByTestId('channel-signals').locator('li:not([data-state="pending"])').count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    // The ETA counts down.
    const countdown = channel.getByTestId('eta-countdown');
    const first = Number(await countdown.getAttribute('data-seconds'));
    await expect
      .poll(async () => Number(await countdown.getAttribute('data-seconds')), { timeout: 60_000 })
      .toBeLessThan(first);
    await page.screenshot({ path: `${artifacts}trauma-wall.png` });

    // The isochrone toggle.
    await page.getByTestId('coverage-toggle').click();
    await expect.poll(() => page.getByTestId('coverage-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('coverage-gaps').locator('tbody tr').count()).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await page.screenshot({ path: `${artifacts}trauma-wall-coverage.png` });

    // No patient identity anywhere on the page.
    const text = (await page.textContent('body')) ?? '';
    for (const key of ['patient_name', 'patient_phone', 'patient_id_no'])
      expect(text).not.toContain(incident[key]);

    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  }, 120_000);

  it('lays out on a tablet with touch-sized controls', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1366 }, hasTouch: true });
    const w = watch(page, baseUrl);
    await page.goto(`${baseUrl}/trauma/331023?screen=tablet`);
    await waitForRegion(page, '331023');
    await expect
      .poll(() => page.getByTestId('hospital-board').locator('tr[data-hospital]').count())
      .toBeGreaterThan(0);
    const toggle = await page.getByTestId('coverage-toggle').boundingBox();
    expect(toggle?.height ?? 0).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${artifacts}trauma-tablet.png` });
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await page.close();
  }, 60_000);
});
