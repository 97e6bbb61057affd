import { type IndicatorValue, OverviewSnapshot } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_UPSTREAM_TIMEOUT_MS,
  testGeography,
  testServices,
} from '../test/create-test-app';
import type { SystemId } from '../upstreams/systems';

// A frozen simulator clock (speed 0): values do not move, so "the last good value is kept" is exact.
let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});

async function snapshot(app: ReturnType<typeof createTestApp>, code = '331023') {
  const res = await app.request(`/api/v1/cockpits/overview/${code}/snapshot`);
  expect(res.status).toBe(200);
  return OverviewSnapshot.parse(await res.json());
}

const indicator = (snap: OverviewSnapshot, id: string): IndicatorValue => {
  const v =
    snap.indicators.find((i) => i.indicatorId === id) ??
    snap.summaries.flatMap((s) => [s.headline, ...s.secondary]).find((i) => i.indicatorId === id);
  if (!v) throw new Error(`no ${id}`);
  return v;
};

async function setFault(system: SystemId | 'all', mode: string, extra: Record<string, number> = {}) {
  const systems: SystemId[] =
    system === 'all' ? ['parking-platform', 'emergency-120', 'env-monitor', 'county-services'] : [system];
  for (const s of systems) {
    const res = await fetch(`${sim.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: s, mode, ...extra }),
    });
    expect(res.status).toBe(200);
  }
}

/** Polls the snapshot until the predicate holds (each poll is one more read, so refreshes happen). */
async function until(
  app: ReturnType<typeof createTestApp>,
  predicate: (s: OverviewSnapshot) => boolean,
  code = '331023',
  waitMs = 45_000, // a bound for a busy machine, not an expected time
) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const snap = await snapshot(app, code);
    if (predicate(snap)) return snap;
    if (Date.now() > deadline)
      throw new Error(`condition not reached; last snapshot: ${JSON.stringify(snap.sources)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const BY_SYSTEM: Record<SystemId, string[]> = {
  'parking-platform': ['parking.freeBerths', 'parking.occupancyRate'],
  'emergency-120': ['trauma.activeCases'],
  'env-monitor': ['eco.aqi'],
  'county-services': [
    'traffic.congestionIndex',
    'urban.casesReported',
    'tourism.visitorsToday',
    'health.outpatientVisits',
  ],
  // The grassroots platform feeds its own theme, not the overview's department indicators.
  grassroots: [],
};
const ALL_IDS = Object.values(BY_SYSTEM).flat();

describe('overview snapshot against the simulator', () => {
  it('answers with every indicator fresh, and the county equals the sum of its townships', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const snap = await snapshot(app);
    for (const id of ALL_IDS) expect(indicator(snap, id).status, id).toBe('ok');
    expect(snap.sources.every((s) => s.status === 'ok')).toBe(true);
    for (const id of [
      'parking.freeBerths',
      'urban.casesReported',
      'tourism.visitorsToday',
      'health.outpatientVisits',
    ]) {
      const breakdown = snap.breakdowns.find((b) => b.indicatorId === id)!;
      expect(breakdown.children).toHaveLength(15);
      const sum = breakdown.children.reduce((s, c) => s + (c.value ?? 0), 0);
      expect(indicator(snap, id).value, id).toBeCloseTo(sum, 6);
    }
    // And a township equals the sum of its villages.
    const township = await snapshot(app, '331023001');
    const villages = township.breakdowns.find((b) => b.indicatorId === 'parking.freeBerths')!;
    expect(indicator(township, 'parking.freeBerths').value).toBe(
      villages.children.reduce((s, c) => s + (c.value ?? 0), 0),
    );
  });

  it('has an ETag and answers 304 when nothing changed', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const first = await app.request('/api/v1/cockpits/overview/331023/snapshot');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/api/v1/cockpits/overview/331023/snapshot', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('400s a malformed scope and 404s an unknown one, never 5xx', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    expect((await app.request('/api/v1/cockpits/weather/331023/snapshot')).status).toBe(400);
    expect((await app.request('/api/v1/cockpits/overview/12/snapshot')).status).toBe(400);
    expect((await app.request('/api/v1/cockpits/overview/331023999/snapshot')).status).toBe(404);
  });

  it('coalesces: concurrent snapshot requests make one upstream call per dataset', async () => {
    const services = testServices(sim.url);
    const app = createTestApp({ services });
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => app.request('/api/v1/cockpits/overview/331023/snapshot')),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    // tourism, cases, health, congestion, and two history series (the other systems are also read in the
    // background by the department cockpits whose alarms the overview rolls up)
    expect(services.upstreams['county-services'].calls).toBe(6);
  });
});

describe.each([
  ['outage', {}],
  ['errors', { errorRate: 1 }],
  ['timeout', {}],
  ['latency', { latencyMs: TEST_UPSTREAM_TIMEOUT_MS + 2000 }],
  ['malformed', {}],
  ['drift', {}],
])('under the %s fault', (mode, extra) => {
  it('still answers 200 with the last good values marked stale, and recovers once the fault clears', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const good = await snapshot(app);
    await setFault('all', mode, extra);
    try {
      // Indicators turn stale by age before a hanging call has timed out, so wait for both.
      const degraded = await until(
        app,
        (s) =>
          ALL_IDS.every((id) => indicator(s, id).status === 'stale') &&
          s.sources.every((source) => source.status === 'stale' && source.error),
      );
      for (const id of ALL_IDS) {
        expect(indicator(degraded, id).value, id).toBe(indicator(good, id).value);
        expect(indicator(degraded, id).lastGoodAt, id).toBeDefined();
      }
      expect(degraded.sources.every((s) => s.status === 'stale' && s.error)).toBe(true);
      // Every system that is down is an alarm on the overview.
      for (const s of degraded.sources)
        expect(
          degraded.alarms.some((a) => a.id === `SOURCE_DOWN:${s.system}`),
          s.system,
        ).toBe(true);
    } finally {
      await setFault('all', 'none');
    }
    const recovered = await until(app, (s) => ALL_IDS.every((id) => indicator(s, id).status === 'ok'));
    expect(indicator(recovered, 'parking.freeBerths').value).toBe(
      indicator(good, 'parking.freeBerths').value,
    );
  });
});

describe('fault isolation and schema drift', () => {
  it('an outage of one system leaves the others fresh', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    await snapshot(app);
    await setFault('parking-platform', 'outage');
    try {
      const snap = await until(app, (s) => indicator(s, 'parking.freeBerths').status === 'stale');
      for (const id of [
        ...BY_SYSTEM['county-services'],
        ...BY_SYSTEM['env-monitor'],
        ...BY_SYSTEM['emergency-120'],
      ]) {
        expect(indicator(snap, id).status, id).toBe('ok');
      }
    } finally {
      await setFault('parking-platform', 'none');
    }
  });

  it('counts and drops drifted records, and reports it in health', async () => {
    const services = testServices(sim.url);
    const app = createTestApp({ services });
    await snapshot(app);
    await setFault('county-services', 'drift');
    try {
      await until(app, (s) => indicator(s, 'urban.casesReported').status === 'stale');
      const health = (await (await app.request('/api/v1/health')).json()) as {
        upstreams: { system: string; droppedRecords: number }[];
      };
      expect(health.upstreams.find((u) => u.system === 'county-services')!.droppedRecords).toBeGreaterThan(0);
      expect(health.upstreams.find((u) => u.system === 'parking-platform')!.droppedRecords).toBe(0);
    } finally {
      await setFault('county-services', 'none');
    }
  });

  it('a first read during an outage answers 200 with status error and no values', async () => {
    await setFault('env-monitor', 'outage');
    try {
      const app = createTestApp({ services: testServices(sim.url) });
      const snap = await snapshot(app);
      expect(indicator(snap, 'eco.aqi')).toMatchObject({ status: 'error', value: null });
      expect(snap.sources.find((s) => s.system === 'env-monitor')?.status).toBe('error');
    } finally {
      await setFault('env-monitor', 'none');
    }
  });
});

describe('villages', () => {
  it('serves a village snapshot without township-only indicators', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const village = [...testGeography().regions.values()].find((r) => r.level === 'village')!;
    const snap = await snapshot(app, village.code);
    expect(snap.level).toBe('village');
    expect(snap.indicators.some((i) => i.indicatorId === 'urban.casesReported')).toBe(false);
    // It is ranked among its township's villages, and the breakdown says whose ranking that is.
    const township = testGeography().get(village.parentCode!)!;
    expect(snap.breakdowns.length).toBeGreaterThan(0);
    for (const b of snap.breakdowns) {
      expect(b).toMatchObject({ regionCode: township.code, regionName: township.name });
      expect(b.children.map((c) => c.regionCode)).toEqual(township.childCodes);
      expect(b.indicatorId.startsWith('urban.')).toBe(false);
    }
  });

  it('never shows its township’s series as its own: each series names the region it belongs to', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const village = [...testGeography().regions.values()].find((r) => r.level === 'village')!;
    const township = testGeography().get(village.parentCode!)!;
    const snap = await snapshot(app, village.code);
    expect(snap.series.length).toBeGreaterThan(0);
    for (const s of snap.series) {
      expect(s.regionCode, s.indicatorId).toBe(township.code);
      expect(s.regionName, s.indicatorId).toBe(township.name);
    }
    // A township's own series carry no such label.
    const own = await snapshot(app, township.code);
    expect(own.series.every((s) => s.regionCode === undefined)).toBe(true);
  });

  it('says why a village’s department tiles have no figure of its own, from the systems’ own lists', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const village = testGeography().get('331023105200')!; // 八角亭村, 平桥镇
    const snap = await snapshot(app, village.code);
    const tile = (theme: string) => snap.summaries.find((s) => s.theme === theme)!;
    // The systems' own lists, read raw: which villages have a car park, which an air station.
    const lots = (
      (await (await fetch(`${sim.url}/parking-platform/api/v2/parks?pageSize=200`)).json()) as {
        data: { total: number; list: { villageCode: string }[] };
      }
    ).data;
    expect(lots.list).toHaveLength(lots.total);
    const stations = (
      (await (await fetch(`${sim.url}/env-monitor/air/stations`)).json()) as {
        result: { VillageCode: string }[];
      }
    ).result;
    const has = (codes: string[], region: string) => codes.some((c) => c.startsWith(region));
    const parking = tile('parking');
    if (
      has(
        lots.list.map((l) => l.villageCode),
        village.code,
      )
    )
      expect(parking.reason).toBeNull();
    else {
      expect(parking.headline.value).toBeNull();
      expect(parking.reason?.zh).toMatch(/^本村无停车场 · 最近：.+ \d+\.\d 公里$/);
    }
    const eco = tile('eco');
    const stationVillages = stations.map((s) => s.VillageCode);
    if (has(stationVillages, village.code)) expect(eco.reason).toBeNull();
    else if (has(stationVillages, village.parentCode!)) {
      // Shown its township's air, named as the township's: the same figure as the township's own tile.
      expect(eco.reason?.zh).toBe('本村无空气监测站，显示所属乡镇（平桥镇）');
      const town = await snapshot(app, village.parentCode!);
      expect(eco.headline.value).toBe(town.summaries.find((s) => s.theme === 'eco')!.headline.value);
      expect(eco.headline.value).toEqual(expect.any(Number));
    } else expect(eco.reason?.zh).toMatch(/^本村无空气监测站/);
    // Every tile of a region with figures of its own (the county) carries none.
    const county = await snapshot(app);
    expect(county.summaries.map((s) => s.reason ?? null)).toEqual([null, null, null]);
  });
});

// These build the department cockpits too (the heaviest reads), so they run last.
describe('the overview with its department cockpits', () => {
  it('rolls up every department cockpit’s alarms for the region, tagged with cockpit and system', async () => {
    const app = createTestApp({ services: testServices(sim.url, { rollupAlarms: true }) });
    const first = await snapshot(app);
    // Until a department cockpit has its first data, the overview says its alarms are pending.
    expect(first.alarmsPending).toEqual(['parking', 'trauma', 'eco', 'grassroots']);
    const overview = await until(app, (s) => s.alarmsPending?.length === 0, '331023', 100_000);
    let rolled = 0;
    for (const [theme, system] of [
      ['parking', 'parking-platform'],
      ['trauma', 'emergency-120'],
      ['eco', 'env-monitor'],
      ['grassroots', 'grassroots'],
    ] as const) {
      const res = await app.request(`/api/v1/cockpits/${theme}/331023/snapshot`);
      const dept = (await res.json()) as { alarms: { id: string }[] };
      for (const a of dept.alarms) {
        expect(
          overview.alarms.find((o) => o.id === a.id),
          a.id,
        ).toMatchObject({ theme, system });
        rolled++;
      }
    }
    expect(rolled).toBeGreaterThan(0);
  }, 150_000);

  it('marks the sources of simulated systems, in snapshots and in health', async () => {
    const app = createTestApp({ services: testServices(sim.url, { simulated: ['parking-platform'] }) });
    const snap = await snapshot(app);
    expect(Object.fromEntries(snap.sources.map((s) => [s.system, s.simulated]))).toEqual({
      'county-services': false,
      'parking-platform': true,
      'emergency-120': false,
      'env-monitor': false,
    });
    const parking = (await (await app.request('/api/v1/cockpits/parking/331023/snapshot')).json()) as {
      sources: { simulated: boolean }[];
    };
    expect(parking.sources.every((s) => s.simulated)).toBe(true);
    const health = (await (await app.request('/api/v1/health')).json()) as {
      upstreams: { system: string; simulated: boolean }[];
    };
    expect(health.upstreams.filter((u) => u.simulated).map((u) => u.system)).toEqual(['parking-platform']);
  }, 60_000);
});
