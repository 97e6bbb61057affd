import { EcoSnapshot } from '@cockpit/contracts';
import { AQI_LEVELS, computeAqi, WATER_CLASSES } from '@cockpit/domain/eco';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';

// Frozen simulator clock: values do not move between reads.
let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});

async function snapshot(app: ReturnType<typeof createTestApp>, code = '331023') {
  const res = await app.request(`/api/v1/cockpits/eco/${code}/snapshot`);
  expect(res.status).toBe(200);
  return EcoSnapshot.parse(await res.json());
}

async function upstreamAir(): Promise<Record<string, string>[]> {
  const res = await fetch(`${sim.url}/env-monitor/air/realtime`);
  return ((await res.json()) as { result: Record<string, string>[] }).result;
}

describe('eco snapshot against the simulator', () => {
  it('rates every station with HJ 633 from its concentrations', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const snap = await snapshot(app);
    expect(snap.air.stations).toHaveLength(6);
    const rows = await upstreamAir();
    for (const s of snap.air.stations) {
      const row = rows.find((r) => r.StationCode === s.code)!;
      const num = (v: string, f: string) => (f === '' && v !== '—' ? Number(v) : undefined);
      const sample = Object.fromEntries(
        Object.entries({
          pm25: num(row.PM2_5!, row.PM2_5_Flag!),
          pm10: num(row.PM10!, row.PM10_Flag!),
          so2: num(row.SO2!, row.SO2_Flag!),
          no2: num(row.NO2!, row.NO2_Flag!),
          co: num(row.CO!, row.CO_Flag!),
          o3_1h: num(row.O3!, row.O3_Flag!),
        }).filter(([, v]) => v !== undefined),
      );
      const expected = computeAqi(sample, { period: 'hour' });
      expect(s.reading?.aqi, s.code).toBe(expected.aqi);
      expect(s.reading?.color).toBe(AQI_LEVELS[expected.level - 1]!.color);
      expect(s.reading?.primary).toEqual(expected.primary);
    }
  });

  it('gives the county AQI from the mean concentrations, with daily AQI, good days and a ranking', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const snap = await snapshot(app);
    expect(snap.air.stationCount).toBe(6);
    const pm25 = snap.air.stations.map((s) => s.concentrations.pm25).filter((v): v is number => v !== null);
    expect(snap.air.concentrations.pm25).toBe(Math.round(pm25.reduce((a, b) => a + b, 0) / pm25.length));
    expect(snap.air.reading).not.toBeNull();
    const aqi = snap.indicators.find((i) => i.indicatorId === 'eco.aqi')!;
    expect(aqi.value).toBe(snap.air.reading!.aqi);
    expect(aqi.status).toBe('ok');
    // 30 days of history: about 30 daily values, all but the partial first/last days rated.
    expect(snap.air.daily.length).toBeGreaterThanOrEqual(30);
    expect(snap.air.daily.filter((d) => d.aqi !== null).length).toBeGreaterThanOrEqual(28);
    const good = snap.air.goodDays!;
    expect(good.target).toBe(0.95);
    const octoberDays = snap.air.daily.filter((d) => d.date.startsWith('2026-10') && d.aqi !== null);
    expect(good.month.validDays).toBe(octoberDays.length);
    expect(good.month.goodDays).toBe(octoberDays.filter((d) => d.aqi! <= 100).length);
    expect(good.historyFrom).toBe(snap.air.daily[0]!.date);
    // 15 townships ranked; those without a station come last with a null AQI.
    expect(snap.air.townships).toHaveLength(15);
    const rated = snap.air.townships.filter((t) => t.aqi !== null);
    expect(rated.length).toBeGreaterThan(0);
    expect(snap.air.townships.slice(0, rated.length)).toEqual(rated);
    expect(rated.map((t) => t.aqi)).toEqual([...rated.map((t) => t.aqi)].sort((a, b) => a! - b!));
    // 24 h series and more.
    const series = snap.series.find((s) => s.indicatorId === 'eco.aqi')!;
    expect(series.points.length).toBeGreaterThanOrEqual(24 * 30);
    expect(series.points.at(-1)!.value).toBe(snap.air.reading!.aqi);
  });

  it('interpolates PM2.5 by IDW and keeps the station values at the stations', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const { air } = await snapshot(app);
    const surface = air.surface!;
    expect(surface.method).toBe('IDW p=2');
    expect(surface.values).toHaveLength(surface.cols * surface.rows);
    const pm = air.stations.map((s) => s.concentrations.pm25!).filter(Number.isFinite);
    const inside = surface.values.filter((v): v is number => v !== null);
    expect(inside.length).toBeGreaterThan(surface.values.length / 4);
    expect(inside.length).toBeLessThan(surface.values.length);
    for (const v of inside) {
      expect(v).toBeGreaterThanOrEqual(Math.min(...pm) - 0.05);
      expect(v).toBeLessThanOrEqual(Math.max(...pm) + 0.05);
    }
  });

  it('classifies water sections by GB 3838 against their target, and assesses noise by GB 3096', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const snap = await snapshot(app);
    expect(snap.water.sections).toHaveLength(8);
    for (const s of snap.water.sections) {
      expect(s.class).not.toBeNull();
      expect(s.color).toBe(WATER_CLASSES[s.class! - 1]!.color);
      expect(s.samples).toBeGreaterThan(150); // 30 days every 4 h
      const target = WATER_CLASSES.findIndex((c) => c.label === s.targetClass) + 1;
      expect(s.compliant).toBe(s.class! <= target);
      expect(s.failing.length > 0).toBe(!s.compliant);
    }
    expect(snap.water.classCounts.reduce((a, c) => a + c.count, 0)).toBe(8);
    const belowTarget = snap.water.sections.filter((s) => !s.compliant).map((s) => s.code);
    expect(snap.alarms.filter((a) => a.kind === 'WATER_BELOW_TARGET').map((a) => a.entityId)).toEqual(
      belowTarget,
    );
    expect(snap.noise.points).toHaveLength(9);
    for (const p of snap.noise.points) {
      expect(p.night).not.toBeNull();
      expect(p.night!.compliant).toBe(p.night!.leq <= p.limits.night);
      expect(p.day!.limit).toBe(p.limits.day);
    }
    const roadside = snap.noise.points.find((p) => p.code === 'N007')!;
    expect(roadside.zone).toBe('4a');
    expect(roadside.limits).toEqual({ day: 70, night: 55 });
    expect(snap.noise.zones.map((z) => z.zone)).toEqual(['0', '1', '2', '3', '4a', '4b']);
    const noisyNights = snap.noise.points.filter((p) => p.night?.compliant === false).map((p) => p.code);
    expect(snap.alarms.filter((a) => a.kind === 'NOISE_NIGHT').map((a) => a.entityId)).toEqual(noisyNights);
    for (const p of snap.noise.points) {
      expect(p.night!.exceedanceDb > 0).toBe(!p.night!.compliant);
    }
    // A section below target says since when (the first sample of the current run), before its latest sample.
    for (const a of snap.alarms.filter((x) => x.kind === 'WATER_BELOW_TARGET')) {
      const section = snap.water.sections.find((s) => s.code === a.entityId)!;
      expect(a.since).not.toBeNull();
      expect(a.since! <= section.at!).toBe(true);
    }
  });

  it('gives reservoirs the official class (TN out), with TN status and TLI beside it', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const snap = await snapshot(app);
    const res = await fetch(`${sim.url}/env-monitor/water/data`);
    const rows = ((await res.json()) as { result: Record<string, string>[] }).result;
    for (const code of ['LSM01', 'TBS01']) {
      const s = snap.water.sections.find((x) => x.code === code)!;
      const latest = rows
        .filter((r) => r.SectionCode === code)
        .sort((a, b) => (a.TimePoint! < b.TimePoint! ? 1 : -1))[0]!;
      const tn = Number(latest.TN);
      // TN alone (class III at 0.5–1.0 mg/L) no longer puts a class II reservoir below target.
      expect(s.waterbody).toBe('lake');
      expect(s.compliant).toBe(true);
      expect(s.failing.map((f) => f.parameter)).not.toContain('tn');
      expect(s.tn).toMatchObject({ value: tn, label: tn <= 0.5 ? 'II' : tn <= 1 ? 'III' : 'IV' });
      expect(s.tn!.meetsTarget).toBe(tn <= 0.5);
      expect(s.trophic?.level).toBe('中营养');
      expect(s.trophic!.tli).toBeGreaterThan(30);
    }
    expect(snap.alarms.filter((a) => a.kind === 'WATER_BELOW_TARGET').map((a) => a.entityId)).not.toContain(
      'LSM01',
    );
    // Rivers carry neither.
    const river = snap.water.sections.find((x) => x.waterbody === 'river')!;
    expect(river.tn ?? null).toBeNull();
    expect(river.trophic ?? null).toBeNull();
  });

  it('works at township and village level, and says when a region has no air station', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const county = await snapshot(app);
    const withStation = county.air.townships.find((t) => t.stations > 0)!;
    const town = await snapshot(app, withStation.regionCode);
    expect(town.level).toBe('township');
    expect(town.air.stationCount).toBe(withStation.stations);
    expect(town.air.reading?.aqi).toBe(withStation.aqi);
    const without = county.air.townships.find((t) => t.stations === 0)!;
    const empty = await snapshot(app, without.regionCode);
    expect(empty.air.stationCount).toBe(0);
    expect(empty.air.reading).toBeNull();
    expect(empty.indicators.find((i) => i.indicatorId === 'eco.aqi')!.value).toBeNull();
    // Instead it names the nearest stations, nearest first, with their AQI; a region with a station does not.
    const near = empty.air.nearestStations!;
    expect(near).toHaveLength(3);
    expect(near.map((n) => n.distanceM)).toEqual([...near.map((n) => n.distanceM)].sort((a, b) => a - b));
    for (const n of near)
      expect(n.aqi).toBe(county.air.stations.find((st) => st.code === n.code)!.reading?.aqi ?? null);
    expect(town.air.nearestStations).toBeUndefined();
    const village = county.air.stations[0]!.villageCode;
    const v = await snapshot(app, village);
    expect(v.level).toBe('village');
    expect(v.air.stationCount).toBeGreaterThanOrEqual(1);
    expect(v.air.reading).not.toBeNull();
  });

  it('keeps the last good values, marked stale, when the monitoring system fails', {
    timeout: 60_000,
  }, async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const good = await snapshot(app);
    const setFault = (mode: string) =>
      fetch(`${sim.url}/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ system: 'env-monitor', mode }),
      });
    await setFault('outage');
    try {
      const deadline = Date.now() + 45_000; // a bound for a busy machine, not an expected time
      let snap = good;
      while (snap.sources[0]!.status !== 'stale') {
        if (Date.now() > deadline) throw new Error('never became stale');
        await new Promise((r) => setTimeout(r, 100));
        snap = await snapshot(app);
      }
      expect(snap.air.reading?.aqi).toBe(good.air.reading?.aqi);
      expect(snap.indicators.find((i) => i.indicatorId === 'eco.aqi')!.status).toBe('stale');
      expect(snap.water.sections).toEqual(good.water.sections);
    } finally {
      await setFault('none');
    }
  });
});
