import {
  ParkingGuidanceResponse as GuidanceSchema,
  type ParkingGuidanceResponse,
  ParkingLotDetail,
  ParkingSnapshot,
} from '@cockpit/contracts';
import { POI_PRESETS } from '@cockpit/domain/parking';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';

// Golden Week day 3, 12:00 Beijing, frozen clock: the 国清寺 lots at the gate overflow.
let sim: Awaited<ReturnType<typeof startSimulator>>;
let app: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
  app = createTestApp({
    services: testServices(sim.url, { tuning: { timeoutMs: 3000, retries: 1, backoffMs: 20, openMs: 300 } }),
  });
}, 30_000);
afterAll(async () => {
  await setFault('none');
  await sim?.close();
});

async function setFault(mode: string) {
  const res = await fetch(`${sim.url}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system: 'parking-platform', mode }),
  });
  expect(res.status).toBe(200);
}

async function snapshot(code = '331023') {
  const res = await app.request(`/api/v1/cockpits/parking/${code}/snapshot`);
  expect(res.status).toBe(200);
  return ParkingSnapshot.parse(await res.json());
}

const temple = POI_PRESETS.find((p) => p.id === 'guoqing-temple')!;

async function guide(query: string): Promise<{ status: number; body: unknown }> {
  const res = await app.request(`/api/v1/parking/guidance?${query}`);
  return { status: res.status, body: await res.json() };
}

describe('parking snapshot', () => {
  it('carries the lots with live state, prediction and occupancy class, KPIs, curve, screens and alarms', async () => {
    const snap = await snapshot();
    expect(snap.lots.length).toBe(48);
    const gate = snap.lots.find((l) => l.lotId === 'PK0001')!;
    expect(gate.berthFree + gate.berthOccupied).toBe(gate.berthTotal);
    expect(gate.prediction.map((p) => p.horizonMin)).toEqual([15, 30, 60]);
    for (const p of gate.prediction) {
      expect(p.method).toBe('profile+trend');
      expect(p.lower).toBeLessThanOrEqual(p.free);
      expect(p.upper).toBeGreaterThanOrEqual(p.free);
    }
    for (const l of snap.lots) {
      const rate = l.occupancyRate ?? 0;
      expect(l.level).toBe(rate >= 0.95 ? 'full' : rate >= 0.85 ? 'busy' : 'ok');
    }
    const value = (id: string) => snap.indicators.find((i) => i.indicatorId === id)?.value;
    const total = snap.lots.reduce((a, l) => a + l.berthTotal, 0);
    const free = snap.lots.reduce((a, l) => a + l.berthFree, 0);
    expect(value('parking.berthTotal')).toBe(total);
    expect(value('parking.freeBerths')).toBe(free);
    expect(value('parking.occupancyRate')).toBeCloseTo((total - free) / total, 3);
    expect(value('parking.turnoverRate')).toBeGreaterThan(0);
    expect(value('parking.averageDwellMinutes')).toBeGreaterThan(0);
    expect(value('parking.inflowPerHour')).toBeGreaterThan(0);
    // 24 h curve (15-min steps) and a three-point forecast with a band around it.
    expect(snap.occupancy.points.length).toBeGreaterThanOrEqual(90);
    expect(snap.occupancy.forecast).toHaveLength(3);
    for (const f of snap.occupancy.forecast) {
      expect(f.lower).toBeLessThanOrEqual(f.rate);
      expect(f.upper).toBeGreaterThanOrEqual(f.rate);
    }
    // top lots busiest first; scenic lots only scenic ones
    const rate = (id: string) => snap.lots.find((l) => l.lotId === id)?.occupancyRate ?? 0;
    expect(snap.topLotIds.length).toBe(10);
    expect(rate(snap.topLotIds[0]!)).toBeGreaterThanOrEqual(rate(snap.topLotIds[9]!));
    expect(snap.scenicLotIds.length).toBe(14);
    // 14 screens; GS005 shows 25 more than the lot has → mismatch issue somewhere, alarms for full lots
    expect(snap.screens).toHaveLength(14);
    expect(snap.screens.find((s) => s.screenId === 'GS005')!.issues.map((i) => i.code)).toContain('MISMATCH');
    const fullIds = snap.lots.filter((l) => (l.occupancyRate ?? 0) >= 0.95).map((l) => l.lotId);
    expect(fullIds.length).toBeGreaterThan(0);
    for (const id of fullIds) expect(snap.alarms.map((a) => a.id)).toContain(`LOT_NEARLY_FULL:${id}`);
    expect(snap.sources[0]).toMatchObject({ system: 'parking-platform', status: 'ok' });
  }, 30_000);

  it('scopes to a township and a village', async () => {
    const county = await snapshot();
    const town = await snapshot('331023001');
    expect(town.level).toBe('township');
    expect(town.lots.length).toBeGreaterThan(0);
    expect(town.lots.length).toBeLessThan(county.lots.length);
    expect(town.lots.every((l) => l.villageCode.startsWith('331023001'))).toBe(true);
    const village = town.lots[0]!.villageCode;
    const v = await snapshot(village);
    expect(v.level).toBe('village');
    expect(v.lots.every((l) => l.villageCode === village)).toBe(true);
    expect(v.indicators.find((i) => i.indicatorId === 'parking.berthTotal')?.value).toBe(
      v.lots.reduce((a, l) => a + l.berthTotal, 0),
    );
  }, 30_000);
});

describe('guidance', () => {
  it('ranks three lots near 国清寺 with reasons and a road path', async () => {
    const { status, body } = await guide(`to=${temple.lon},${temple.lat}`);
    expect(status).toBe(200);
    const g: ParkingGuidanceResponse = GuidanceSchema.parse(body);
    expect(g.recommendations).toHaveLength(3);
    expect(g.estimated).toBe(false);
    expect(g.fromDefault).toBe(true);
    for (const r of g.recommendations) {
      expect(r.freeOnArrival).toBeGreaterThanOrEqual(1);
      expect(r.walkMeters).toBeLessThanOrEqual(2500);
      expect(r.reasons.map((x) => x.code)).toContain('FREE_ON_ARRIVAL');
      expect(r.reasons.every((x) => x.text.zh.length > 0)).toBe(true);
      expect(r.path.length).toBeGreaterThan(5);
      expect(r.path[0]).toEqual(g.from);
      expect(r.driveSeconds).toBeGreaterThan(60);
    }
    expect(g.recommendations.map((r) => r.rank)).toEqual([1, 2, 3]);
    // The gate lots overflow at a Golden Week noon (the simulator's truth: full for the next 90 min): guidance
    // steers away from them to the lots a few hundred metres off.
    const ids = g.recommendations.map((r) => r.lotId);
    expect(ids).not.toContain('PK0001');
    expect(ids).not.toContain('PK0002');
    for (const r of g.recommendations)
      expect(r.freeOnArrivalExpected).toBeGreaterThanOrEqual(r.freeOnArrival);
  }, 30_000);

  it('uses the given origin', async () => {
    const { status, body } = await guide(`to=${temple.lon},${temple.lat}&from=121.03,29.145`);
    expect(status).toBe(200);
    const g = GuidanceSchema.parse(body);
    expect(g.fromDefault).toBe(false);
    expect(g.recommendations[0]!.path[0]).toEqual([121.03, 29.145]);
  });

  it('answers 400 for missing, malformed and out-of-county points', async () => {
    for (const q of [
      '',
      'to=abc',
      'to=121.04',
      'to=121.04,29.17&from=x,y',
      'to=116.4,39.9',
      'to=121.04,29.17&from=120.1,30.2',
    ]) {
      const { status, body } = await guide(q);
      expect(status, q).toBe(400);
      expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});

describe('lot detail', () => {
  it('gives history, prediction, the screens pointing to it and masked plates', async () => {
    const res = await app.request('/api/v1/parking/lots/PK0001');
    expect(res.status).toBe(200);
    const d = ParkingLotDetail.parse(await res.json());
    expect(d.lot.lotId).toBe('PK0001');
    expect(d.history.length).toBeGreaterThanOrEqual(90);
    expect(d.forecast.map((p) => p.horizonMin)).toEqual([15, 30, 45, 60, 90, 120]);
    expect(d.screens.length).toBeGreaterThan(0);
    expect(d.screens.every((s) => s.directions.some((x) => x.lotIds.includes('PK0001')))).toBe(true);
    expect(d.recentRecords.length).toBeGreaterThan(0);
    for (const r of d.recentRecords) expect(r.plate).toMatch(/^[\u4e00-\u9fa5][A-Z]·\*\*\*[A-Z0-9]{2}$/u);
  });

  it('404 for an unknown lot, 400 for a malformed id', async () => {
    expect((await app.request('/api/v1/parking/lots/PK9999')).status).toBe(404);
    expect((await app.request('/api/v1/parking/lots/bad%20id!')).status).toBe(400);
  });
});

describe('upstream fault', () => {
  it('keeps the last good data as stale, never a 5xx', async () => {
    await snapshot();
    await setFault('outage');
    const deadline = Date.now() + 45_000; // a bound for a busy machine, not an expected time
    let snap = await snapshot();
    while (snap.sources[0]!.status === 'ok' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 150));
      snap = await snapshot();
    }
    expect(snap.sources[0]!.status).toBe('stale');
    expect(snap.lots.length).toBe(48);
    const { status, body } = await guide(`to=${temple.lon},${temple.lat}`);
    expect(status).toBe(200);
    expect(GuidanceSchema.parse(body).recommendations).toHaveLength(3);
    expect((await app.request('/api/v1/parking/lots/PK0001')).status).toBe(200);
    await setFault('none');
  }, 60_000);
});
