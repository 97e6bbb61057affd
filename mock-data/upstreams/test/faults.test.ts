import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../server';
import { frozen, getJson, getText, postJson } from './helpers';

const PARKS = '/parking-platform/api/v2/parks';

describe('fault injection over real HTTP', () => {
  let sim: RunningSimulator;
  const setFault = (body: Record<string, unknown>) =>
    postJson<{ fault: { mode: string } }>(sim, '/admin/faults', body);

  beforeAll(async () => {
    sim = await frozen();
  });
  afterAll(() => sim.close());

  it('validates the fault request', async () => {
    const bad = await postJson<{ error: { code: string; message: string } }>(sim, '/admin/faults', {
      system: 'parking',
      mode: 'boom',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
    const notJson = await postJson<{ error: { code: string } }>(sim, '/admin/faults', '{nope');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION');
    const rate = await postJson<{ error: { code: string } }>(sim, '/admin/faults', {
      system: 'env-monitor',
      mode: 'errors',
      errorRate: 2,
    });
    expect(rate.status).toBe(400);
  });

  it('outage: the connection is reset', async () => {
    await setFault({ system: 'parking-platform', mode: 'outage' });
    await expect(fetch(sim.url + PARKS)).rejects.toThrow();
    // other systems and /admin are unaffected
    expect((await getText(sim, '/env-monitor/air/realtime')).status).toBe(200);
    const faults = await getJson<{ faults: Record<string, { mode: string }> }>(sim, '/admin/faults');
    expect(faults.body.faults['parking-platform']?.mode).toBe('outage');
    expect(faults.body.faults['env-monitor']?.mode).toBe('none');
    await setFault({ system: 'parking-platform', mode: 'none' });
    expect((await getText(sim, PARKS)).status).toBe(200);
  });

  it('malformed: 200 with a body that is not JSON', async () => {
    await setFault({ system: 'env-monitor', mode: 'malformed' });
    const { status, text } = await getText(sim, '/env-monitor/air/realtime');
    expect(status).toBe(200);
    expect(() => JSON.parse(text)).toThrow();
    await setFault({ system: 'env-monitor', mode: 'none' });
    expect(() => JSON.parse(text)).toThrow();
    expect(JSON.parse((await getText(sim, '/env-monitor/air/realtime')).text)).toHaveProperty(
      'success',
      true,
    );
  });

  it('drift: a field is renamed in each system', async () => {
    for (const system of ['parking-platform', 'emergency-120', 'env-monitor', 'county-services']) {
      await setFault({ system, mode: 'drift' });
    }
    const park = await getJson<{ data: { list: Record<string, unknown>[] } }>(sim, PARKS);
    expect(park.body.data.list[0]).toHaveProperty('freeBerth');
    expect(park.body.data.list[0]).not.toHaveProperty('berthFree');
    const amb = await getJson<{ rows: Record<string, unknown>[] }>(sim, '/emergency-120/ambulances');
    expect(amb.body.rows[0]).toHaveProperty('state');
    expect(amb.body.rows[0]).not.toHaveProperty('status');
    const air = await getJson<{ result: Record<string, unknown>[] }>(sim, '/env-monitor/air/realtime');
    expect(air.body.result[0]).toHaveProperty('PM25');
    expect(air.body.result[0]).not.toHaveProperty('PM2_5');
    const county = await getJson<{ payload: { indicators: Record<string, unknown>[] } }>(
      sim,
      '/county-services/overview',
    );
    expect(county.body.payload.indicators[0]).toHaveProperty('val');
    expect(county.body.payload.indicators[0]).not.toHaveProperty('value');
    for (const system of ['parking-platform', 'emergency-120', 'env-monitor', 'county-services']) {
      await setFault({ system, mode: 'none' });
    }
    expect(
      (await getJson<{ data: { list: Record<string, unknown>[] } }>(sim, PARKS)).body.data.list[0],
    ).toHaveProperty('berthFree');
  });

  it('screens-full: the parking platform’s guide screens show 满 while the lots answer as usual', async () => {
    const SCREENS = '/parking-platform/api/v2/guide-screens';
    type Screens = { data: { list: { online: number; targets: { displayFree: number }[] }[] } };
    const shown = async () =>
      (await getJson<Screens>(sim, SCREENS)).body.data.list.flatMap((s) =>
        s.targets.map((t) => t.displayFree),
      );
    expect((await shown()).some((n) => n > 0)).toBe(true);
    await setFault({ system: 'parking-platform', mode: 'screens-full' });
    expect(await shown()).toEqual((await shown()).map(() => 0));
    const park = await getJson<{ data: { list: { berthFree: number }[] } }>(sim, PARKS);
    expect(park.body.data.list.some((l) => l.berthFree > 0)).toBe(true);
    // Only the parking platform has guide screens.
    const other = await postJson<{ error: { message: string } }>(sim, '/admin/faults', {
      system: 'env-monitor',
      mode: 'screens-full',
    });
    expect(other.status).toBe(400);
    await setFault({ system: 'parking-platform', mode: 'none' });
    expect((await shown()).some((n) => n > 0)).toBe(true);
  });

  it('errors: errorRate 1 answers 5xx in the system’s own style', async () => {
    await setFault({ system: 'emergency-120', mode: 'errors', errorRate: 1 });
    for (let i = 0; i < 5; i++) {
      const { status, body } = await getJson<{ result: string }>(sim, '/emergency-120/ambulances');
      expect(status).toBeGreaterThanOrEqual(500);
      expect(body.result).toBe('ERROR');
    }
    expect((await getText(sim, '/admin/clock')).status).toBe(200);
    await setFault({ system: 'emergency-120', mode: 'none' });
    expect((await getText(sim, '/emergency-120/ambulances')).status).toBe(200);
  });

  it('latency: answers after the configured delay', async () => {
    await setFault({ system: 'county-services', mode: 'latency', latencyMs: 300 });
    const t0 = performance.now();
    expect((await getText(sim, '/county-services/overview')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    await setFault({ system: 'county-services', mode: 'none' });
    const t1 = performance.now();
    await getText(sim, '/county-services/overview');
    expect(performance.now() - t1).toBeLessThan(250);
  });

  it('timeout: never answers until the client gives up, and close() still works', async () => {
    await setFault({ system: 'parking-platform', mode: 'timeout' });
    await expect(fetch(sim.url + PARKS, { signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /abort|timeout/i,
    );
    await setFault({ system: 'parking-platform', mode: 'none' });
    expect((await getText(sim, PARKS)).status).toBe(200);

    // a simulator with a hanging request and a latency sleeper closes promptly
    const other = await frozen();
    await postJson(other, '/admin/faults', { system: 'parking-platform', mode: 'timeout' });
    const hanging = fetch(other.url + PARKS).catch((e: unknown) => e);
    await postJson(other, '/admin/faults', { system: 'env-monitor', mode: 'latency', latencyMs: 60_000 });
    const sleeping = fetch(`${other.url}/env-monitor/air/realtime`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await other.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(await hanging).toBeInstanceOf(Error);
    expect(await sleeping).toBeInstanceOf(Error);
  });
});
