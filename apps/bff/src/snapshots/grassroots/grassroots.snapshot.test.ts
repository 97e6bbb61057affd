import { GrassrootsSnapshot, ParkingSnapshot } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, signIn } from '../../test/auth-fixtures';
import { createTestApp, testServices } from '../../test/create-test-app';
import { serveTestApp } from '../../test/real-server';

// Frozen simulator clock (speed 0): the values do not move, so "the last good value is kept" is exact.
let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-07-15T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});

type App = ReturnType<typeof createTestApp>;

/** Reads a live stream up to its first `snapshot` event. */
async function firstSnapshotEvent(res: Response): Promise<{ snapshot: unknown }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended before a snapshot');
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let sep = buffer.indexOf('\n\n'); sep >= 0; sep = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, sep);
        buffer = buffer.slice(sep + 2);
        if (!block.split('\n').includes('event: snapshot')) continue;
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('');
        return JSON.parse(data) as { snapshot: unknown };
      }
    }
  } finally {
    await reader.cancel();
  }
}
const COUNTY = '331023';
const PINGQIAO = '331023105';

async function snapshot(app: App, code: string, headers: Record<string, string> = {}) {
  const res = await app.request(`/api/v1/cockpits/grassroots/${code}/snapshot`, { headers });
  expect(res.status).toBe(200);
  return GrassrootsSnapshot.parse(await res.json());
}

/** Polls until the predicate holds (each poll is one more read, so refreshes happen). */
async function until(app: App, code: string, predicate: (s: GrassrootsSnapshot) => boolean, waitMs = 60_000) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const snap = await snapshot(app, code);
    if (predicate(snap)) return snap;
    if (Date.now() > deadline) throw new Error(`condition not reached: ${JSON.stringify(snap.sources)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const loaded = (s: GrassrootsSnapshot) =>
  s.sources.every((x) => x.status === 'ok') &&
  s.basics !== null &&
  s.devices !== null &&
  s.flood !== null &&
  s.homestays !== null &&
  s.servicePoints !== null &&
  s.indicators.length > 0 &&
  s.indicators.every((i) => i.status === 'ok');
const value = (s: GrassrootsSnapshot, id: string) => s.indicators.find((i) => i.indicatorId === id)?.value;

async function fault(mode: string) {
  // A connection the outage cut may sit in the shared pool: a reset is tried again on a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${sim.url}/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ system: 'grassroots', mode }),
      });
      expect(res.status).toBe(200);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

describe('grassroots snapshot against the simulator', () => {
  it('answers every section at county, township and village level, labelled simulated', {
    timeout: 120_000,
  }, async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const county = await until(app, COUNTY, loaded);
    expect(county.simulated).toBe(true);
    expect(county.sources.find((s) => s.system === 'grassroots')?.status).toBe('ok');
    expect(county.funnel.reduce((s, f) => s + f.count, 0)).toBe(
      value(county, 'grassroots.eventsReported30d'),
    );
    expect(county.eventsByType).toHaveLength(8);
    expect(county.eventsByType.every((t) => t.daily.length === 30)).toBe(true);
    expect(county.eventPoints.length).toBeGreaterThan(0);
    expect(county.overdue.length).toBeGreaterThan(0);
    expect(county.overdue.every((o) => o.overdueHours > 0 && o.ageHours > o.overdueHours)).toBe(true);
    expect(county.escalations.some((e) => e.to === 'county')).toBe(true);
    expect(county.basics!.incomeTrend).toHaveLength(5);
    expect(county.basics!.aged60Plus).toBeGreaterThan(county.basics!.elderlyLivingAlone);
    expect(county.farmCodes.map((f) => f.name.zh)).toContain('天台黄茶');
    expect(county.nearby).toEqual([]);
    expect(county.parentRanks).toEqual([]);
    // The county's children are ranked by on-time rate; a count is the sum of the townships'.
    const onTime = county.breakdowns.find((b) => b.indicatorId === 'grassroots.onTimeRate')!;
    expect(onTime.children).toHaveLength(15);
    const overdue = county.breakdowns.find((b) => b.indicatorId === 'grassroots.eventsOverdue')!;
    expect(overdue.children.reduce((s, c) => s + (c.value ?? 0), 0)).toBe(
      value(county, 'grassroots.eventsOverdue'),
    );

    const township = await until(app, PINGQIAO, loaded);
    expect(township.parentRanks.length).toBeGreaterThan(0);
    expect(township.parentRanks.every((r) => r.parentCode === COUNTY && r.of === 15)).toBe(true);
    expect(township.eventPoints.every((p) => p.villageCode.startsWith(PINGQIAO))).toBe(true);

    const villageCode = township.breakdowns[0]!.children[0]!.regionCode;
    const village = await until(app, villageCode, loaded);
    expect(new Set(village.nearby.map((n) => n.kind))).toEqual(
      new Set(['parkingLot', 'ambulanceStation', 'hospital']),
    );
    expect(village.nearby.every((n) => n.distanceKm >= 0)).toBe(true);
    expect(village.farmCodes.every((f) => f.regionCode === PINGQIAO)).toBe(true);
    // A village is ranked among its township's villages, labelled as the township's.
    expect(village.breakdowns.every((b) => b.regionCode === PINGQIAO)).toBe(true);
    expect(village.parentRanks.every((r) => r.parentCode === PINGQIAO)).toBe(true);
    // Only figures it has are ranked, among the siblings that have one (a village without homestays is not "last").
    expect(village.parentRanks.every((r) => r.value !== null && r.rank >= 1 && r.rank <= r.of)).toBe(true);
    const occupancy =
      village.indicators.find((i) => i.indicatorId === 'grassroots.homestayOccupancy')?.value ?? null;
    expect(village.parentRanks.some((r) => r.indicatorId === 'grassroots.homestayOccupancy')).toBe(
      occupancy !== null,
    );
    expect(village.gridWorkers.length).toBeGreaterThanOrEqual(1);
    expect(village.gridWorkers.length).toBeLessThanOrEqual(6);
  });

  it('浙农码 scans and convenience service points: the indicators are the platform’s own rows summed up', {
    timeout: 120_000,
  }, async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const county = await until(app, COUNTY, loaded);
    const township = await until(app, PINGQIAO, loaded);
    const villageCode = township.breakdowns[0]!.children[0]!.regionCode;
    const village = await until(app, villageCode, loaded);
    // The platform's raw rows (its pinyin format), read here without the BFF's adapter.
    const raw = async <T>(path: string) =>
      ((await (await fetch(`${sim.url}/grassroots/api/v1/${path}`)).json()) as { shuju: { jilu: T[] } }).shuju
        .jilu;
    const scans = await raw<{ xzdm: string; smcs: number }>('nongma/saoma'); // today (Beijing)
    const points = await raw<{ xzqhdm: string; yyzt: string }>('bianmin');
    const scansIn = (code: string) =>
      scans.filter((r) => r.xzdm.startsWith(code)).reduce((sum, r) => sum + r.smcs, 0);
    const pointsIn = (code: string) => points.filter((p) => p.xzqhdm.startsWith(code));
    const openIn = (code: string) => pointsIn(code).filter((p) => p.yyzt === '营业中').length;

    expect(scansIn(COUNTY)).toBeGreaterThan(0);
    expect(value(county, 'grassroots.farmScansToday')).toBe(scansIn(COUNTY));
    expect(value(township, 'grassroots.farmScansToday')).toBe(scansIn(PINGQIAO));
    // The platform keeps scans per township: a village has no such indicator, and is shown its township's.
    expect(value(village, 'grassroots.farmScansToday')).toBeUndefined();
    expect(village.farmCodes.reduce((sum, f) => sum + f.scansToday, 0)).toBe(scansIn(PINGQIAO));
    // The products carry their own figures: today's within the 30 days'.
    expect(township.farmCodes.every((f) => f.scansToday <= f.scans30d)).toBe(true);

    for (const [snap, code] of [
      [county, COUNTY],
      [township, PINGQIAO],
      [village, villageCode],
    ] as const) {
      // 12:00 on a workday: points are open, so the rate is a real ratio, not a trivial 0 or a default.
      expect(openIn(code), code).toBeGreaterThan(0);
      expect(value(snap, 'grassroots.servicePoints'), code).toBe(pointsIn(code).length);
      expect(value(snap, 'grassroots.servicePointsOpen'), code).toBe(openIn(code));
      expect(value(snap, 'grassroots.servicePointOpenRate'), code).toBeCloseTo(
        openIn(code) / pointsIn(code).length,
        4,
      );
      expect(snap.servicePoints, code).toEqual({ total: pointsIn(code).length, open: openIn(code) });
    }
    // Each figure carries its unit.
    const units = (s: GrassrootsSnapshot) =>
      ['grassroots.servicePoints', 'grassroots.servicePointsOpen', 'grassroots.servicePointOpenRate'].map(
        (id) => s.indicators.find((i) => i.indicatorId === id)!.unit,
      );
    expect(units(county)).toEqual(['个', '个', '%']);
    expect(county.indicators.find((i) => i.indicatorId === 'grassroots.farmScansToday')?.unit).toBe('次');
  });

  it('masks residents always, and grid workers unless the caller holds personal:view (hot path too)', {
    timeout: 120_000,
  }, async () => {
    const services = testServices(sim.url);
    const server = await serveTestApp(services);
    try {
      const app = server.app;
      await addUser(app, { username: 'viewer-pq', roles: ['viewer'], scope: PINGQIAO });
      await addUser(app, { username: 'operator-pq', roles: ['operator'], scope: PINGQIAO });
      const viewer = bearer((await signIn(app, 'viewer-pq')).token);
      const operator = bearer((await signIn(app, 'operator-pq')).token);
      await until(app, PINGQIAO, loaded);
      // Over the real server, twice each: the second request of a cached session may take the hot path.
      const get = async (headers: Record<string, string>) => {
        const res = await fetch(`${server.url}/api/v1/cockpits/grassroots/${PINGQIAO}/snapshot`, { headers });
        expect(res.status).toBe(200);
        return GrassrootsSnapshot.parse(await res.json());
      };
      const asViewer = [await get(viewer), await get(viewer)];
      const asOperator = [await get(operator), await get(operator)];
      const grids = (await (await fetch(`${sim.url}/grassroots/api/v1/wangge`)).json()) as {
        shuju: { jilu: { wgbh: string; wgyxm: string; wgydh: string }[] };
      };
      const realName = new Map(grids.shuju.jilu.map((g) => [g.wgbh, g.wgyxm]));
      for (const snap of asViewer) {
        expect(snap.gridWorkers.length).toBeGreaterThan(0);
        for (const w of snap.gridWorkers) {
          expect(w.workerName).toContain('*');
          expect(w.workerName).not.toBe(realName.get(w.gridId));
        }
      }
      for (const snap of asOperator)
        for (const w of snap.gridWorkers) expect(w.workerName).toBe(realName.get(w.gridId));
      // Residents: names masked for both, phones nowhere.
      const raw = (await (
        await fetch(`${sim.url}/grassroots/api/v1/shijian?kssj=20260615130000&jssj=20260715120000&meiye=2000`)
      ).json()) as { shuju: { jilu: { sjbh: string; sbrxm: string; sbrdh: string }[] } };
      const byId = new Map(raw.shuju.jilu.map((r) => [r.sjbh, r]));
      for (const snap of [...asViewer, ...asOperator]) {
        const text = JSON.stringify(snap);
        expect(snap.overdue.length).toBeGreaterThan(0);
        for (const o of snap.overdue) {
          const r = byId.get(o.id);
          if (!r) continue;
          expect(o.reporterMasked).not.toBe(r.sbrxm);
          expect(o.reporterMasked).toContain('*');
          expect(text).not.toContain(r.sbrdh);
        }
        for (const g of grids.shuju.jilu) expect(text).not.toContain(g.wgydh);
      }
      // Scope is enforced like the other cockpits.
      const outside = await fetch(`${server.url}/api/v1/cockpits/grassroots/331023101/snapshot`, {
        headers: viewer,
      });
      expect(outside.status).toBe(403);
      // The live topic carries the same (masked) snapshot.
      const live = await fetch(`${server.url}/api/v1/live?topics=snapshot:grassroots:${PINGQIAO}`, {
        headers: viewer,
      });
      expect(live.status).toBe(200);
      const first = await firstSnapshotEvent(live);
      const liveSnap = GrassrootsSnapshot.parse(first.snapshot);
      expect(liveSnap.regionCode).toBe(PINGQIAO);
      expect(liveSnap.gridWorkers.every((w) => w.workerName.includes('*'))).toBe(true);
    } finally {
      server.close();
    }
  });

  it('a platform down since start: its parts are named unavailable (never an empty "none"), until it answers', {
    timeout: 180_000,
  }, async () => {
    const village = '331023105200';
    await fault('outage');
    const app = createTestApp({ services: testServices(sim.url) });
    try {
      const down = await until(
        app,
        village,
        (s) =>
          s.sources.find((x) => x.system === 'grassroots')?.status === 'error' &&
          s.sources.filter((x) => x.system !== 'grassroots').every((x) => x.status === 'ok'),
      );
      expect(down.basics).toBeNull();
      expect(down.overdue).toEqual([]);
      expect(down.unavailable).toEqual(
        expect.arrayContaining(['events', 'grids', 'patrols', 'basics', 'homestays', 'devices', 'flood']),
      );
      // The other systems answered: the village's nearest places are known.
      expect(down.unavailable.filter((p) => p.startsWith('nearby.'))).toEqual([]);
      expect(down.nearby.length).toBeGreaterThan(0);
    } finally {
      await fault('none');
    }
    const up = await until(app, village, loaded);
    expect(up.unavailable).toEqual([]);
  });

  it('an outage of the platform turns its figures stale with their last values; other themes are untouched', {
    timeout: 180_000,
  }, async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const before = await until(app, PINGQIAO, loaded);
    const parkingOk = async () => {
      const res = await app.request(`/api/v1/cockpits/parking/${PINGQIAO}/snapshot`);
      return ParkingSnapshot.parse(await res.json());
    };
    try {
      await fault('outage');
      const stale = await until(
        app,
        PINGQIAO,
        (s) =>
          s.indicators.every((i) => i.status !== 'ok') &&
          s.sources.find((x) => x.system === 'grassroots')?.status !== 'ok',
      );
      for (const i of before.indicators)
        expect(stale.indicators.find((x) => x.indicatorId === i.indicatorId)?.value, i.indicatorId).toBe(
          i.value,
        );
      expect(stale.basics).toEqual(before.basics);
      const parking = await parkingOk();
      expect(parking.sources.every((s) => s.status === 'ok')).toBe(true);
    } finally {
      await fault('none');
    }
    await until(app, PINGQIAO, loaded);
  });
});
