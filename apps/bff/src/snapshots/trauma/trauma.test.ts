import { type ActiveTransport, TraumaRoute, TraumaSnapshot } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';

// Simulated time is under the test's control: the simulator's clock moves only when the test advances it,
// so a raised incident goes from call to hospital at whatever pace this machine manages, never racing past a
// phase while a busy machine is slow to look.
let sim: Awaited<ReturnType<typeof startSimulator>>;
let app: ReturnType<typeof createTestApp>;
let simElapsedMs = 0;
const advance = (simSeconds: number) => {
  simElapsedMs += simSeconds * 1000;
};
const seen: string[] = [];
beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    seed: 20211,
    speed: 1,
    startAt: new Date('2026-10-03T04:00:00Z'),
    realNow: () => simElapsedMs,
  });
  app = createTestApp({ services: testServices(sim.url) });
});
afterAll(async () => {
  await sim?.close();
});

async function snapshot(code = '331023') {
  const res = await app.request(`/api/v1/cockpits/trauma/${code}/snapshot`);
  expect(res.status).toBe(200);
  const text = await res.text();
  seen.push(text);
  return TraumaSnapshot.parse(JSON.parse(text));
}

/**
 * Probes until the condition holds. Each unmet probe advances simulated time by `stepS` (0: time stands
 * still, for waiting on the BFF's own refreshes). Bounded by simulated time covered and by a generous count
 * of probes, not by a span of real time.
 */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { stepS = 0, maxSimS = 3 * 3600, maxProbes = 2000 } = {},
): Promise<T> {
  for (let probes = 0, simS = 0; ; probes++) {
    const v = await probe();
    if (v !== undefined) return v;
    if (probes >= maxProbes || simS > maxSimS) throw new Error(`not reached: ${what}`);
    advance(stepS);
    simS += stepS;
    // Give the BFF's refresh (150 ms in tests) a chance to run before the next look.
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function fault(mode: string) {
  const res = await fetch(`${sim.url}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system: 'emergency-120', mode }),
  });
  expect(res.status).toBe(200);
}

const RANK = { released: 2, hold_ended: 1, green_held: 1, requested: 1, pending: 0 } as const;

describe('trauma snapshot against the simulator', () => {
  it('follows a severe incident raised in a village: ambulance, hospital with reasons, route, green channel, ETA; no identity', async () => {
    // The simulator plays 30 days of dispatch on the road network on its first call: wait for the data.
    const first = await until('hospitals loaded', async () => {
      const s = await snapshot();
      return s.hospitals.length > 0 ? s : undefined;
    });
    expect(first.hospitals.length).toBeGreaterThanOrEqual(17);
    expect(first.ambulances).toHaveLength(15);
    expect(first.stations).toHaveLength(8);

    const res = await fetch(`${sim.url}/admin/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ villageCode: '331023105200', severity: 'severe', injury_type: 'traffic' }),
    });
    expect(res.status).toBe(201);
    const raw = ((await res.json()) as { incident: Record<string, string> }).incident;
    const id = raw.id!;

    // Dispatched: the ambulance is on its way to the scene, the hospital is already chosen.
    const toScene = await until(
      'dispatched',
      async () => {
        const s = await snapshot();
        const t = s.transports.find((x) => x.incidentId === id);
        return t?.phase === 'to_scene' && t.route ? { s, t } : undefined;
      },
      { stepS: 5 },
    );
    expect(toScene.t.severity).toBe('severe');
    // The scene leaves the BFF rounded to about 100 m (3 decimals), never the exact patient location.
    for (const v of toScene.t.scene) expect(Math.round(v * 1000) / 1000).toBe(v);
    expect(toScene.t.ambulanceId).toMatch(/^A\d+$/);
    // Incidents and ambulances are two datasets, refreshed separately: with time standing still, the
    // ambulance's own record catches up with the incident's.
    const amb = await until('the ambulance record shows its incident', async () => {
      const s = await snapshot();
      const a = s.ambulances.find((x) => x.ambulanceId === toScene.t.ambulanceId);
      return a?.incidentId === id ? a : undefined;
    });
    expect(amb.incidentId).toBe(id);
    expect(toScene.s.transports[0]!.severity).toMatch(/severe|critical/);
    const hospital = toScene.t.hospital!;
    expect(hospital.rule).toBe('trauma');
    const codes = hospital.reasons.map((r) => r.code);
    const h = toScene.s.hospitals.find((x) => x.hospitalId === hospital.hospitalId)!;
    expect(h.capabilities.ct).toBe(true);
    if (!hospital.fallback)
      expect(codes).toEqual(expect.arrayContaining(['trauma_center', 'ct_available', 'eta']));
    expect(hospital.rejected.length).toBeGreaterThan(0);
    expect(toScene.t.eta!.withPreemptionS).toBeGreaterThan(0);

    // Transporting: route from the scene to the hospital, signals ahead in order, states derived from progress.
    const stateSets = new Set<string>();
    let last: ActiveTransport | undefined;
    const done = await until(
      'arrived at hospital',
      async () => {
        const s = await snapshot();
        const t = s.transports.find((x) => x.incidentId === id);
        if (t?.phase === 'to_hospital') {
          last = t;
          const ranks = t.signals.map((g) => RANK[g.state]);
          for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeLessThanOrEqual(ranks[i - 1]!);
          for (let i = 1; i < t.signals.length; i++)
            expect(t.signals[i]!.distanceM).toBeGreaterThanOrEqual(t.signals[i - 1]!.distanceM);
          for (const g of t.signals) stateSets.add(g.state);
          const e = t.eta!;
          expect(e.savedS).toBeCloseTo(e.withoutPreemptionS - e.withPreemptionS, 0);
          const ahead = t.signals.filter((g) => g.state !== 'released').length;
          expect(e.savedS > 0).toBe(ahead > 0);
        }
        return last && !t ? true : undefined;
      },
      { stepS: 15 },
    );
    expect(done).toBe(true);
    expect(last!.route!.path.length).toBeGreaterThan(2);
    expect(last!.signals.length).toBeGreaterThan(0);
    expect(last!.dispatchHospitalId).toMatch(/^H\d+$/);
    // Signals turned from pending through to released as the ambulance moved.
    expect(stateSets.has('pending') || stateSets.has('requested')).toBe(true);
    expect(stateSets.has('released')).toBe(true);

    // Masking: no name, phone or ID number anywhere in any response.
    const all = seen.join('\n');
    for (const key of ['patient_name', 'patient_phone', 'patient_id_no']) {
      expect(raw[key]).toBeTruthy();
      expect(all).not.toContain(raw[key]);
    }
  }, 180_000);

  it('works at township and village level; coverage flags villages beyond 15 minutes', async () => {
    const county = await snapshot();
    const town = await snapshot('331023105');
    const village = await snapshot('331023105200');
    expect(town.level).toBe('township');
    expect(village.level).toBe('village');
    expect(county.coverage.villages).toHaveLength(395);
    expect(town.coverage.villages.every((v) => v.villageCode.startsWith('331023105'))).toBe(true);
    expect(village.coverage.villages).toHaveLength(1);
    // A village has no station or hospital of its own: it is shown what serves it, nearest first.
    expect(county.nearest).toBeUndefined();
    expect(town.nearest).toBeUndefined();
    const nearest = village.nearest!;
    expect(nearest.stations).toHaveLength(3);
    expect(nearest.hospitals.length).toBeGreaterThan(0);
    for (const list of [nearest.stations, nearest.hospitals]) {
      const minutes = list.map((f) => f.driveMinutes ?? Number.POSITIVE_INFINITY);
      expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    }
    expect(nearest.stations.every((f) => f.kind === 'ambulance_station')).toBe(true);
    const receiving = new Set(village.hospitals.filter((h) => h.receivesAmbulances).map((h) => h.hospitalId));
    expect(nearest.hospitals.every((f) => receiving.has(f.id))).toBe(true);
    // The nearest station's drive agrees with the coverage layer's (station → village) within a minute.
    expect(
      Math.abs(nearest.stations[0]!.driveMinutes! - village.coverage.villages[0]!.minutes!),
    ).toBeLessThanOrEqual(1);
    for (const v of county.coverage.villages) {
      if (v.gap) expect(v.minutes === null || v.minutes >= 15).toBe(true);
      else expect(v.minutes).toBeLessThanOrEqual(15);
    }
    expect(county.coverage.gaps).toBeGreaterThan(0);
    expect(county.coverage.gaps).toBeLessThan(395);
    const gaps = county.coverage.townships.reduce((s, t) => s + t.gaps, 0);
    expect(county.coverage.gaps).toBe(gaps);
    const gapIndicator = county.indicators.find((i) => i.indicatorId === 'trauma.coverageGapVillages')!;
    expect(gapIndicator.value).toBe(gaps);
    for (const t of town.transports) expect(t.villageCode.startsWith('331023105')).toBe(true);
    expect(county.breakdowns.find((b) => b.indicatorId === 'trauma.activeCases')!.children).toHaveLength(15);
    const active = county.indicators.find((i) => i.indicatorId === 'trauma.activeCases')!;
    expect(active.value).toBe(county.transports.length);
  });

  it('an upstream fault leaves the snapshot 200 and stale, never 5xx', async () => {
    await snapshot();
    await fault('outage');
    try {
      const s = await until('stale', async () => {
        const snap = await snapshot();
        return snap.sources[0]!.status === 'stale' ? snap : undefined;
      });
      expect(s.hospitals.length).toBeGreaterThan(0);
      expect(s.indicators.find((i) => i.indicatorId === 'trauma.medianResponseMinutes')!.status).toBe(
        'stale',
      );
    } finally {
      await fault('none');
    }
  });
});

describe('GET /api/v1/trauma/route', () => {
  const get = (q: string) => app.request(`/api/v1/trauma/route?${q}`);
  const H09 = '120.878034,29.164777';
  const H01 = '121.028,29.143';

  it('routes between two points, free flow with traffic=none, with the intersections on the way', async () => {
    const res = await get(`from=${H09}&to=${H01}&traffic=none`);
    expect(res.status).toBe(200);
    const r = TraumaRoute.parse(await res.json());
    expect(r.distanceM).toBeGreaterThan(15_000);
    expect(r.durationS).toBeGreaterThan(r.distanceM / (100 / 3.6));
    expect(r.path[0]![0]).toBeCloseTo(120.878034, 3);
    expect(r.path.at(-1)![0]).toBeCloseTo(121.028, 3);
    for (let i = 1; i < r.intersections.length; i++)
      expect(r.intersections[i]!.etaSeconds).toBeGreaterThanOrEqual(r.intersections[i - 1]!.etaSeconds);
    expect(r.intersections.every((s) => s.etaSeconds <= r.durationS + 1e-6)).toBe(true);
    const live = TraumaRoute.parse(await (await get(`from=${H09}&to=${H01}`)).json());
    expect(live.durationS).toBeGreaterThanOrEqual(r.durationS - 1e-6);
  });

  it('400s malformed input and points outside the county', async () => {
    for (const q of [
      `from=abc&to=${H01}`,
      `from=${H09}`,
      `from=${H09}&to=${H01}&traffic=fast`,
      `from=121.0;29.1&to=${H01}`,
      `from=120.0,29.1&to=${H01}`,
      `from=${H09}&to=121.5,29.1`,
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code, q).toBeTruthy();
    }
  });
});
