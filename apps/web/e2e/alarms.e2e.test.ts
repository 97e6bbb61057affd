import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';
import { api, apiLogin, ensureUser, signInAs } from './session';

/**
 * Inspection alarms end to end (#16): a fault injected into the simulator raises a stored alarm that the wall
 * shows; an operator acknowledges it on a tablet and dispatches it to 县交通运输局 with a note; it resolves
 * by itself once the fault is healed (the rule's clear period); the daily report lists it.
 */

const baseUrl = inject('baseUrl');
const simUrl = inject('simUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
const run = Date.now().toString(36);
const OPERATOR = {
  username: `duty.op.${run}`,
  displayName: '县值班员',
  roles: ['operator'],
  scope: '331023',
  password: 'duty-operator-2026',
};
const TABLET = {
  viewport: { width: 1024, height: 1366 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 1,
};
const SYSTEM = 'county-services';

let browser: Browser;
/** The outage rule's clear period as seeded (60 s), restored after the drill. */
let seededClearSeconds: number | null = null;
const RULE = '/api/v1/alarm-rules/platform.upstream-down';

/** The rule's owner (an admin here) shortens or restores its clear period, as on the 告警规则 page. */
async function setClearSeconds(clearSeconds: number): Promise<number> {
  const token = inject('sessionToken');
  const rule = await api<{ version: number; clearSeconds: number }>(baseUrl, token, 'GET', RULE);
  await api(baseUrl, token, 'PUT', RULE, { version: rule.version, clearSeconds });
  return rule.clearSeconds;
}

async function fault(system: string, mode: string) {
  const res = await fetch(`${simUrl}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system, mode }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  browser = await launch({ signedIn: false });
  await ensureUser(baseUrl, inject('sessionToken'), OPERATOR);
});
afterAll(async () => {
  await fault(SYSTEM, 'none');
  if (seededClearSeconds !== null) await setClearSeconds(seededClearSeconds);
  await browser?.close();
});

describe('inspection alarms: wall → tablet → dispatch → resolve → daily report', () => {
  it('an operator sees a new alarm on the wall, acknowledges and dispatches it on a tablet; it resolves; the report shows it', {
    timeout: 900_000,
  }, async () => {
    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await signInAs(wallContext, baseUrl, OPERATOR.username, OPERATOR.password);
    const wall = await wallContext.newPage();
    await wall.goto(`${baseUrl}/overview/331023?screen=wall`);
    // The wall's alarm panel has loaded its stored alarms before anything is judged absent.
    await wall.locator('[data-testid="stored-alarms"]').first().waitFor({ timeout: 180_000 });

    // The operator's own alert policy: critical platform outages, in-app (pushed to the notification centre).
    const operatorToken = await apiLogin(baseUrl, OPERATOR.username, OPERATOR.password);
    await api(baseUrl, operatorToken, 'POST', '/api/v1/me/alert-policies', {
      name: '上游系统不可用',
      subscription: { kind: 'rule', ref: 'platform.upstream-down' },
      minSeverity: 'critical',
    });

    await fault(SYSTEM, 'outage');
    // This system's outage: an earlier file's outage of another system may still be firing (it clears a
    // minute after its fault healed), and that alarm resolves by itself under the operator's hands.
    const row = wall.locator(
      `[data-testid="stored-alarms"] [data-rule="platform.upstream-down"][data-source="${SYSTEM}"][data-state="firing"]`,
    );
    await row.first().waitFor({ timeout: 180_000 });
    const alarmId = await row.first().getAttribute('data-alarm-id');
    expect(alarmId).toBeTruthy();
    // The notification reaches the operator's notification centre over their own live topic.
    await expect
      .poll(async () => Number((await wall.getByTestId('notification-badge').textContent()) ?? 0), {
        timeout: 90_000,
      })
      .toBeGreaterThan(0);
    await wall.getByTestId('notification-bell').click();
    await expect.poll(() => wall.getByTestId('notification-list').textContent()).toContain(SYSTEM);
    await wall.screenshot({ path: `${artifacts}alarm-wall.png` });
    await wall.getByTestId('notification-bell').click();

    // The tablet: acknowledge, then dispatch to 县交通运输局 with a note.
    const tabletContext = await browser.newContext(TABLET);
    await signInAs(tabletContext, baseUrl, OPERATOR.username, OPERATOR.password);
    const tablet = await tabletContext.newPage();
    await tablet.goto(`${baseUrl}/ops/alarms?screen=tablet`);
    const listed = tablet.locator(`[data-testid="ops-alarm-list"] tr[data-alarm-id="${alarmId}"] button`);
    await listed.waitFor({ timeout: 120_000 });
    await listed.tap();
    const detail = tablet.locator('[data-testid="alarm-detail"]');
    await detail.waitFor();
    await tablet.getByTestId('alarm-ack').tap();
    await expect.poll(() => detail.getAttribute('data-state')).toBe('acknowledged');
    await tablet.getByTestId('dispatch-department').selectOption({ label: '县交通运输局' });
    await tablet.getByTestId('dispatch-note').fill('请核查政务服务接口');
    await tablet.getByTestId('alarm-dispatch').tap();
    await expect.poll(() => detail.getAttribute('data-state')).toBe('dispatched');
    expect(await detail.textContent()).toContain('县交通运输局');
    await tablet.screenshot({ path: `${artifacts}alarm-tablet.png` });

    // The wall shows its new state over the live topic alarms:all:<region> (its HTTP poll is only a 60 s
    // fallback, longer than this wait), then the fault clears and the alarm resolves by itself.
    await expect
      .poll(() =>
        wall.locator(`[data-testid="stored-alarms"] [data-alarm-id="${alarmId}"]`).getAttribute('data-state'),
      )
      .toBe('dispatched');
    // A drill: once the alarm is handled, the rule's owner shortens its clear period (seeded: a minute), so it
    // resolves 5 s after the fault heals. Set only now: while the fault lasts, a short clear period would let a
    // momentary recovery resolve the alarm under the operator's hands.
    seededClearSeconds = await setClearSeconds(5);
    await fault(SYSTEM, 'none');
    await expect.poll(() => detail.getAttribute('data-state'), { timeout: 300_000 }).toBe('resolved');
    await expect
      .poll(() => wall.locator(`[data-testid="stored-alarms"] [data-alarm-id="${alarmId}"]`).count(), {
        timeout: 60_000,
      })
      .toBe(0);
    const timeline = await tablet
      .locator('[data-testid="alarm-timeline"] li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(timeline).toEqual(expect.arrayContaining(['fire', 'ack', 'dispatch', 'auto-resolve']));

    // The daily report (巡检日报) lists it, with CSV and HTML exports.
    await tablet.getByTestId('ops-tab-report').tap();
    await tablet
      .locator(`[data-testid="report-alarms"] [data-alarm-id="${alarmId}"]`)
      .waitFor({ timeout: 120_000 });
    const csv = await tabletContext.request.get(
      `${baseUrl}${await tablet.getByTestId('report-csv').getAttribute('href')}`,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(alarmId!);
    await tablet.screenshot({ path: `${artifacts}alarm-report.png` });
    await wallContext.close();
    await tabletContext.close();
  });
});
