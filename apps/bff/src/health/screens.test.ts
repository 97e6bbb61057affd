import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger';
import { addUser, bearer, signIn } from '../test/auth-fixtures';
import { createTestApp, testServices } from '../test/create-test-app';
import { SCREEN_SILENT_RULE, type ScreenObservation, ScreenWatch } from './screens';

const anon = { headers: { authorization: 'none' } };

/** Pairs a wall screen through the real pairing routes; returns its id and bearer credential. */
async function pairScreen(app: ReturnType<typeof createTestApp>, name: string, scope: string) {
  const started = (await (
    await app.request('/api/v1/devices/pairings', { method: 'POST', ...anon })
  ).json()) as {
    pairingId: string;
    code: string;
    secret: string;
  };
  const approved = await app.request('/api/v1/devices', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: started.code, name, scope }),
  });
  const device = (await approved.json()) as { id: string };
  const polled = await app.request(
    `/api/v1/devices/pairings/${started.pairingId}?secret=${started.secret}`,
    anon,
  );
  return { id: device.id, token: ((await polled.json()) as { token: string }).token };
}

describe('screen heartbeats', () => {
  it('stores heartbeats; a wall silent for more than 90 s is reported to the alarm engine, and clears', async () => {
    const services = testServices();
    const app = createTestApp({ services });
    await app.ready;
    await services.alarms.bind(app.auth.store);
    let nowMs = Date.now();
    const reported: ScreenObservation[][] = [];
    // The real alarm engine behind the check, as setUpNotifications wires it.
    const watch = new ScreenWatch({
      store: app.auth.store,
      logger: createLogger('silent'),
      now: () => new Date(nowMs),
      report: async (o) => {
        reported.push(o);
        return services.alarms.pass(new Set([SCREEN_SILENT_RULE]), o);
      },
    });
    // The duty operator subscribed to this check gets the notification.
    await addUser(app, { username: 'wall-op', roles: ['operator'], scope: '331023' });
    const op = (await signIn(app, 'wall-op')).token;
    const sub = await app.request('/api/v1/me/alert-policies', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(op) },
      body: JSON.stringify({ name: '大屏失联', subscription: { kind: 'rule', ref: SCREEN_SILENT_RULE } }),
    });
    expect(sub.status).toBe(201);
    const alarmsOf = async (state: string) =>
      (
        (await (await app.request(`/api/v1/alarms?state=${state}&source=screen`)).json()) as {
          items: { ruleId: string; state: string; summary: string; regionCode: string }[];
        }
      ).items;
    const wall = await pairScreen(app, '指挥中心大屏', '331023');
    const beat = (token: string, body: unknown) =>
      app.request('/api/v1/devices/heartbeat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify(body),
      });
    // Through the route (the app's own watch stores it in the same store).
    const res = await beat(wall.token, {
      version: '1.4.0',
      heapUsedBytes: 52_000_000,
      framesPerSecond: 58.5,
      errorCount: 0,
      path: '/wall',
    });
    expect(res.status).toBe(204);
    // Malformed heartbeat: 400 naming the field; a person is not a screen.
    const bad = await beat(wall.token, { version: '', framesPerSecond: -1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('framesPerSecond');
    await addUser(app, { username: 'person', roles: ['viewer'], scope: '331023' });
    const person = (await signIn(app, 'person')).token;
    expect((await beat(person, { version: 'x' })).status).toBe(403);

    nowMs = Date.now() + 10_000;
    let obs = await watch.check();
    expect(obs).toEqual([
      expect.objectContaining({
        ruleId: SCREEN_SILENT_RULE,
        entityId: wall.id,
        regionCode: '331023',
        active: false,
      }),
    ]);
    const screens = (await (await app.request('/api/v1/admin/screens')).json()) as {
      items: { deviceId: string; version: string; framesPerSecond: number; silent: boolean }[];
    };
    expect(screens.items[0]).toMatchObject({
      deviceId: wall.id,
      version: '1.4.0',
      framesPerSecond: 58.5,
      silent: false,
    });

    // 91 s without a heartbeat: silent.
    nowMs = Date.now() + 91_000 + 1000;
    obs = await watch.check();
    expect(obs[0]).toMatchObject({ active: true, source: 'screen' });
    expect(obs[0]!.summary).toContain('指挥中心大屏');
    expect(reported.map((r) => r.length)).toEqual([0, 1]);
    const firing = await alarmsOf('firing');
    expect(firing).toEqual([
      expect.objectContaining({ ruleId: SCREEN_SILENT_RULE, regionCode: '331023', state: 'firing' }),
    ]);
    expect(firing[0]!.summary).toContain('指挥中心大屏');
    await services.notifications!.idle();
    const inbox = (await (await app.request('/api/v1/me/notifications', { headers: bearer(op) })).json()) as {
      items: { title: string }[];
      unread: number;
    };
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]!.title).toContain('指挥中心大屏');

    // It beats again: clear.
    await watch.beat(wall.id, {
      version: '1.4.0',
      heapUsedBytes: null,
      framesPerSecond: null,
      errorCount: 0,
      lastError: null,
      path: null,
    });
    expect((await watch.check())[0]).toMatchObject({ active: false });
    // Beating again clears it (the rule's clear period is 0).
    expect(await alarmsOf('firing')).toEqual([]);
    expect((await alarmsOf('resolved')).map((a) => a.ruleId)).toEqual([SCREEN_SILENT_RULE]);
  });
});
