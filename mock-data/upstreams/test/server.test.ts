import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGeo } from '../geo';
import type { RunningSimulator } from '../server';
import { startSimulator } from '../server';
import {
  frozen,
  GOLDEN_WEEK_NOON,
  getJson,
  getText,
  type LotRow,
  postJson,
  q,
  type VendorPage,
  WEDNESDAY_NOON,
} from './helpers';

const DETERMINISM_PATHS = [
  '/parking-platform/api/v2/parks?pageSize=200',
  '/parking-platform/api/v2/guide-screens',
  `/parking-platform/api/v2/records?startTime=${q('2026-10-03 10:00:00')}&endTime=${q('2026-10-03 11:00:00')}&pageSize=200`,
  `/parking-platform/api/v2/parks/PK0001/history?startTime=${q('2026-10-01 00:00:00')}&endTime=${q('2026-10-03 12:00:00')}&interval=60`,
  '/emergency-120/ambulances',
  '/emergency-120/incidents',
  '/emergency-120/hospitals',
  '/env-monitor/air/realtime',
  `/env-monitor/air/hourly?start=${q('2026-10-01 00:00:00')}&end=${q('2026-10-03 12:00:00')}`,
  `/env-monitor/water/data?start=${q('2026-10-01 00:00:00')}&end=${q('2026-10-03 12:00:00')}`,
  `/env-monitor/noise/hourly?start=${q('2026-10-02 00:00:00')}&end=${q('2026-10-03 12:00:00')}`,
  '/env-monitor/wind/hourly',
  '/county-services/overview',
  '/county-services/tourism/realtime',
  '/county-services/urban-management/cases',
  '/county-services/health/realtime',
  '/county-services/traffic/congestion',
  '/county-services/indicators/traffic.congestionIndex/history?region=331023001&from=2026-10-01T00:00:00Z',
];

describe('simulator over HTTP', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await frozen();
  });
  afterAll(() => sim.close());

  it('exposes the simulated clock', async () => {
    const { body } = await getJson<{ simNow: string; speed: number; seed: number }>(sim, '/admin/clock');
    expect(body).toMatchObject({ simNow: '2026-10-03T04:00:00.000Z', speed: 0, seed: 20211 });
  });

  it('freezes and restarts its clock on request, never jumping or running back', async () => {
    let real = 1_000_000;
    const sim2 = await startSimulator({ port: 0, speed: 60, startAt: GOLDEN_WEEK_NOON, realNow: () => real });
    try {
      const simNow = async () =>
        Date.parse((await getJson<{ simNow: string }>(sim2, '/admin/clock')).body.simNow);
      real += 1000; // one real second at 60× is a simulated minute
      expect(await simNow()).toBe(GOLDEN_WEEK_NOON.getTime() + 60_000);
      const frozenAt = await postJson<{ simNow: string; speed: number }>(sim2, '/admin/clock', { speed: 0 });
      expect(frozenAt).toEqual({ status: 200, body: { simNow: '2026-10-03T04:01:00.000Z', speed: 0 } });
      real += 5000;
      expect(await simNow()).toBe(GOLDEN_WEEK_NOON.getTime() + 60_000);
      await postJson(sim2, '/admin/clock', { speed: 60 });
      real += 1000;
      expect(await simNow()).toBe(GOLDEN_WEEK_NOON.getTime() + 120_000);
      for (const bad of [{ speed: -1 }, { speed: 'fast' }, {}, 'not json'])
        expect(await postJson(sim2, '/admin/clock', bad)).toMatchObject({
          status: 400,
          body: { error: { code: 'VALIDATION' } },
        });
      expect((await getJson<{ speed: number }>(sim2, '/admin/clock')).body.speed).toBe(60);
    } finally {
      await sim2.close();
    }
  });

  it('is deterministic: same seed and startAt give identical payloads; another seed differs', async () => {
    const twin = await frozen();
    const other = await frozen(GOLDEN_WEEK_NOON, 7);
    try {
      for (const path of DETERMINISM_PATHS) {
        const a = await getText(sim, path);
        const b = await getText(twin, path);
        expect(a.status, path).toBe(200);
        expect(b.text, path).toBe(a.text);
      }
      for (const path of DETERMINISM_PATHS.slice(0, 3)) {
        expect((await getText(other, path)).text, path).not.toBe((await getText(sim, path)).text);
      }
      expect((await getText(other, '/env-monitor/air/realtime')).text).not.toBe(
        (await getText(sim, '/env-monitor/air/realtime')).text,
      );
    } finally {
      await twin.close();
      await other.close();
    }
  }, 30_000); // simulates 30 days of 120 dispatch on the road network twice

  it('pages the parking platform (pageNo / pageSize, max 200)', async () => {
    const ids: string[] = [];
    let total = 0;
    for (let pageNo = 1; pageNo <= 6; pageNo++) {
      const { body } = await getJson<VendorPage<LotRow>>(
        sim,
        `/parking-platform/api/v2/parks?pageNo=${pageNo}&pageSize=10`,
      );
      expect(body.code).toBe(0);
      expect(body.msg).toBe('success');
      expect(body.data.pageNo).toBe(pageNo);
      expect(body.data.pageSize).toBe(10);
      total = body.data.total;
      ids.push(...body.data.list.map((l) => l.parkId));
    }
    expect(total).toBeGreaterThanOrEqual(40);
    expect(total).toBeLessThanOrEqual(60);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);

    const dflt = await getJson<VendorPage<LotRow>>(sim, '/parking-platform/api/v2/parks');
    expect(dflt.body.data).toMatchObject({ pageNo: 1, pageSize: 50 });
    const big = await getJson<VendorPage<LotRow>>(sim, '/parking-platform/api/v2/parks?pageSize=500');
    expect(big.body.data.pageSize).toBe(200);
    const bad = await getJson<{ code: number; data: null }>(sim, '/parking-platform/api/v2/parks?pageNo=0');
    expect(bad.status).toBe(200);
    expect(bad.body.code).toBe(4001);
    expect(bad.body.data).toBeNull();
  });

  it('uses vendor time format in Beijing time', async () => {
    const { body } = await getJson<VendorPage<LotRow>>(sim, '/parking-platform/api/v2/parks?pageSize=200');
    const times = body.data.list.map((l) => l.updateTime);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // simNow is 04:00Z = 12:00 Beijing; live lots report at it, silent sensors earlier
    expect(times.sort().at(-1)).toBe('2026-10-03 12:00:00');
    const records = await getJson<
      VendorPage<{ inTime: string; outTime: string | null; plateNo: string; parkId: string }>
    >(
      sim,
      `/parking-platform/api/v2/records?startTime=${q('2026-10-03 11:00:00')}&endTime=${q('2026-10-03 12:00:00')}&pageSize=200`,
    );
    expect(records.body.data.total).toBeGreaterThan(records.body.data.list.length - 1);
    for (const r of records.body.data.list) {
      expect(r.inTime >= '2026-10-03 11:00:00' && r.inTime < '2026-10-03 12:00:00').toBe(true);
      expect(r.plateNo).toMatch(/·/);
      if (r.outTime !== null) expect(r.outTime <= '2026-10-03 12:00:00').toBe(true);
    }
    const wrong = await getJson<{ code: number }>(
      sim,
      '/parking-platform/api/v2/records?startTime=2026/10/03',
    );
    expect(wrong.body.code).toBe(4001);
    const air = await getJson<{ success: boolean; result: Record<string, string>[] }>(
      sim,
      '/env-monitor/air/realtime',
    );
    expect(air.body.result[0]?.TimePoint).toBe('2026-10-03 12:00:00');
    expect(typeof air.body.result[0]?.PM2_5).toBe('string');
  });

  it('serves 30 days of history in every system', async () => {
    const park = await getJson<{ code: number; data: { list: { time: string }[] } }>(
      sim,
      `/parking-platform/api/v2/parks/PK0005/history?startTime=${q('2026-09-03 12:00:00')}&endTime=${q('2026-10-03 12:00:00')}&interval=60`,
    );
    expect(park.body.code).toBe(0);
    expect(park.body.data.list).toHaveLength(30 * 24 + 1);
    expect(park.body.data.list[0]?.time).toBe('2026-09-03 12:00:00');

    const air = await getJson<{ result: unknown[] }>(
      sim,
      `/env-monitor/air/hourly?stationCode=5101A&start=${q('2026-09-03 12:00:00')}&end=${q('2026-10-03 12:00:00')}`,
    );
    expect(air.body.result).toHaveLength(30 * 24 + 1);

    const since = Date.parse('2026-09-03T04:00:00Z');
    const inc = await getJson<{ result: string; rows: { call_time: number }[] }>(
      sim,
      `/emergency-120/incidents?since=${since}`,
    );
    expect(inc.body.result).toBe('OK');
    expect(inc.body.rows.length).toBeGreaterThan(30 * 15);
    expect(Math.min(...inc.body.rows.map((r) => r.call_time))).toBeLessThan(since + 86_400_000);

    const county = await getJson<{ status: number; payload: { points: { at: string; value: number }[] } }>(
      sim,
      '/county-services/indicators/tourism.visitorsToday/history?from=2026-09-03T04:00:00Z&to=2026-10-03T04:00:00Z',
    );
    expect(county.body.status).toBe(200);
    expect(county.body.payload.points).toHaveLength(30 * 24 + 1);

    const tooOld = await getJson<{ code: number }>(
      sim,
      `/parking-platform/api/v2/parks/PK0005/history?startTime=${q('2026-08-01 00:00:00')}&endTime=${q('2026-08-02 00:00:00')}`,
    );
    expect(tooOld.body.code).toBe(4005);
  }, 30_000); // simulates 30 days of 120 dispatch on the road network

  it('shows the Golden-Week peak at scenic lots over HTTP', async () => {
    const weekday = await startSimulator({ port: 0, speed: 0, startAt: WEDNESDAY_NOON });
    try {
      const occ = async (s: RunningSimulator) => {
        const { body } = await getJson<VendorPage<LotRow>>(
          s,
          '/parking-platform/api/v2/parks?category=scenic&pageSize=200',
        );
        return body.data.list.reduce((n, l) => n + l.berthOccupied, 0);
      };
      expect(await occ(sim)).toBeGreaterThan((await occ(weekday)) * 1.5);
    } finally {
      await weekday.close();
    }
  });

  it('gives every entity coordinates, a 12-digit village code and its township code', async () => {
    const geo = loadGeo();
    const villages = new Set(geo.villages.map((v) => v.code));
    const check = (what: string, village: unknown, town: unknown, lon: unknown, lat: unknown) => {
      expect(village, what).toMatch(/^\d{12}$/);
      expect(town, what).toMatch(/^331023\d{3}$/);
      expect(String(village).startsWith(String(town)), what).toBe(true);
      expect(villages.has(String(village)), what).toBe(true);
      expect(Number(lon), what).toBeGreaterThan(120.6);
      expect(Number(lon), what).toBeLessThan(121.3);
      expect(Number(lat), what).toBeGreaterThan(28.9);
      expect(Number(lat), what).toBeLessThan(29.4);
    };
    type Row = Record<string, unknown>;
    const vendor = async (p: string) => (await getJson<{ data: { list: Row[] } }>(sim, p)).body.data.list;
    for (const r of await vendor('/parking-platform/api/v2/parks?pageSize=200'))
      check(`lot ${r.parkId}`, r.villageCode, r.townCode, r.longitude, r.latitude);
    for (const r of await vendor('/parking-platform/api/v2/guide-screens'))
      check(`screen ${r.screenId}`, r.villageCode, r.townCode, r.longitude, r.latitude);
    for (const p of [
      '/emergency-120/stations',
      '/emergency-120/ambulances',
      '/emergency-120/hospitals',
      '/emergency-120/incidents',
    ]) {
      const rows = (await getJson<{ rows: Row[] }>(sim, p)).body.rows;
      expect(rows.length, p).toBeGreaterThan(0);
      for (const r of rows) check(`${p} ${r.id}`, r.village_code, r.town_code, r.lon, r.lat);
    }
    for (const p of [
      '/env-monitor/air/stations',
      '/env-monitor/water/stations',
      '/env-monitor/noise/points',
      '/env-monitor/air/realtime',
    ]) {
      for (const r of (await getJson<{ result: Row[] }>(sim, p)).body.result)
        check(p, r.VillageCode, r.TownCode, r.Longitude, r.Latitude);
    }
    const tourism = (await getJson<{ payload: { spots: Row[] } }>(sim, '/county-services/tourism/realtime'))
      .body.payload;
    for (const r of tourism.spots)
      check(`spot ${r.spotId}`, r.villageCode, r.townCode, r.longitude, r.latitude);
    const health = (await getJson<{ payload: { hospitals: Row[] } }>(sim, '/county-services/health/realtime'))
      .body.payload;
    for (const r of health.hospitals)
      check(`hospital ${r.hospitalId}`, r.villageCode, r.townCode, r.longitude, r.latitude);
  });

  it('raises an incident through /admin/incidents that shows up in /emergency-120/incidents', async () => {
    const geo = loadGeo();
    const village = geo.villages.find((v) => v.townCode === '331023105');
    if (!village) throw new Error('no village');
    const { status, body } = await postJson<{ incident: Record<string, unknown> }>(sim, '/admin/incidents', {
      villageCode: village.code,
      severity: 'severe',
      injury_type: 'traffic',
    });
    expect(status).toBe(201);
    expect(body.incident).toMatchObject({
      village_code: village.code,
      town_code: '331023105',
      severity: 'severe',
      injury_type: 'traffic',
      status: 'pending',
      call_time: GOLDEN_WEEK_NOON.getTime(),
    });
    const list = await getJson<{ rows: Record<string, unknown>[] }>(
      sim,
      `/emergency-120/incidents?since=${GOLDEN_WEEK_NOON.getTime() - 1000}`,
    );
    expect(list.body.rows.map((r) => r.id)).toContain(body.incident.id);
    const one = await getJson<{ rows: Record<string, unknown>[] }>(
      sim,
      `/emergency-120/incidents/${body.incident.id}`,
    );
    expect(one.body.rows[0]?.patient_name).toBe(body.incident.patient_name);

    const byPoint = await postJson<{ incident: Record<string, unknown> }>(sim, '/admin/incidents', {
      lon: 121.03,
      lat: 29.14,
      severity: 'critical',
      injury_type: 'cardiac',
    });
    expect(byPoint.status).toBe(201);
    expect(byPoint.body.incident.village_code).toMatch(/^331023\d{6}$/);
    const bad = await postJson<{ error: { code: string } }>(sim, '/admin/incidents', { severity: 'awful' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
  });

  it('moves an ambulance to a raised incident as simulated time passes', async () => {
    // Simulated time moves only when the test moves it: exactly 4 minutes, however busy the machine is.
    let realMs = 0;
    const fast = await startSimulator({ port: 0, speed: 1, startAt: WEDNESDAY_NOON, realNow: () => realMs });
    try {
      const { body } = await postJson<{ incident: { id: string } }>(fast, '/admin/incidents', {
        lon: 121.0,
        lat: 29.2,
        severity: 'severe',
        injury_type: 'fall',
      });
      realMs += 4 * 60_000;
      const inc = await getJson<{
        rows: { status: string; ambulance_id: string | null; dispatch_time: number | null }[];
      }>(fast, `/emergency-120/incidents/${body.incident.id}`);
      const row = inc.body.rows[0];
      expect(row?.status).not.toBe('pending');
      expect(row?.ambulance_id).toMatch(/^A\d\d$/);
      const ambs = await getJson<{ rows: { id: string; status: string; incident_id: string | null }[] }>(
        fast,
        '/emergency-120/ambulances',
      );
      const amb = ambs.body.rows.find((a) => a.id === row?.ambulance_id);
      expect(amb?.incident_id).toBe(body.incident.id);
      expect(['dispatched', 'on_scene']).toContain(amb?.status);
    } finally {
      await fast.close();
    }
  });

  it('answers unknown paths in each system’s own style', async () => {
    expect((await getJson<{ code: number }>(sim, '/parking-platform/nope')).body.code).toBe(404);
    expect((await getJson<{ result: string }>(sim, '/emergency-120/nope')).body.result).toBe('ERROR');
    expect((await getJson<{ success: boolean }>(sim, '/env-monitor/nope')).body.success).toBe(false);
    expect((await getJson<{ status: number }>(sim, '/county-services/nope')).body.status).toBe(404);
  });
});
