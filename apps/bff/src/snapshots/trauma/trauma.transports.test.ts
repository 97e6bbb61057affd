import { haversineM } from '@cockpit/domain/routing';
import { describe, expect, it } from 'vitest';
import { loadRoadNetwork } from '../../geo/roads';
import type { Ambulance, EmergencyHospital, Incident } from '../../upstreams/emergency-120/adapter';
import { readinessOf } from './trauma.builder';
import { buildTransports, observeTransports, type PlanStore, viewTransports } from './trauma.transports';

const network = loadRoadNetwork();
const H01: EmergencyHospital = {
  hospitalId: 'H01',
  name: '天台县人民医院',
  lon: 121.028,
  lat: 29.143,
  villageCode: '331023001256',
  capabilities: {
    traumaCenter: true,
    ct: true,
    cathLab: true,
    burnUnit: true,
    pediatrics: true,
    surgery: true,
    grade: 3,
  },
  receivesAmbulances: true,
  edLoad: 0.5,
  ctAvailable: true,
  traumaTeamReady: true,
  doorToCtMinutes: 30,
  updatedAt: 0,
};
const H09: EmergencyHospital = {
  ...H01,
  hospitalId: 'H09',
  name: '平桥镇中心卫生院',
  lon: 120.878034,
  lat: 29.164777,
  villageCode: '331023105350',
  capabilities: {
    traumaCenter: false,
    ct: true,
    cathLab: false,
    burnUnit: false,
    pediatrics: false,
    surgery: false,
    grade: 1,
  },
  doorToCtMinutes: 40,
};
const scene: [number, number] = [120.852688, 29.160063];
const T0 = Date.parse('2026-10-03T04:00:00Z');

const incident = (over: Partial<Incident> = {}): Incident => ({
  incidentId: 'JZ1',
  calledAt: T0 - 30 * 60_000,
  dispatchedAt: T0 - 29 * 60_000,
  arrivedSceneAt: T0 - 20 * 60_000,
  departedSceneAt: T0,
  arrivedHospitalAt: null,
  lon: scene[0],
  lat: scene[1],
  villageCode: '331023105200',
  townshipCode: '331023105',
  severity: 'severe',
  injuryType: 'traffic',
  ageBand: '45-64',
  sex: 'F',
  ambulanceId: 'A09',
  hospitalId: 'H01',
  status: 'transporting',
  ...over,
});

const ambulanceAt = (share: number, atMs: number): Ambulance => ({
  ambulanceId: 'A09',
  plate: '浙J·E0009',
  stationId: 'S03',
  status: 'transporting',
  incidentId: 'JZ1',
  lon: scene[0] + (H01.lon - scene[0]) * share,
  lat: scene[1] + (H01.lat - scene[1]) * share,
  headingDeg: 80,
  speedKmh: 60,
  fixAt: atMs,
  villageCode: '331023105200',
});

function pathLength(path: readonly [number, number][]): number {
  let d = 0;
  for (let i = 1; i < path.length; i++)
    d += haversineM(path[i - 1]![0], path[i - 1]![1], path[i]![0], path[i]![1]);
  return d;
}

/** The point `m` metres along a polyline. */
function pointAlong(path: readonly [number, number][], m: number): [number, number] {
  let left = m;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const d = haversineM(a[0], a[1], b[0], b[1]);
    if (left <= d) {
      const f = d === 0 ? 0 : left / d;
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    left -= d;
  }
  return path[path.length - 1]!;
}

const RANK = { released: 2, hold_ended: 1, green_held: 1, requested: 1, pending: 0 } as const;

describe('green channel from the ambulance progress', () => {
  it('chooses the trauma centre over the nearer health centre, with reasons', () => {
    const [t] = buildTransports({
      network,
      store: new Map(),
      incidents: [incident({ status: 'on_scene', hospitalId: null, departedSceneAt: null })],
      ambulances: [ambulanceAt(0, T0)],
      hospitals: [H01, H09],
      asOfMs: T0,
      allActive: [],
    });
    expect(t!.hospital!.hospitalId).toBe('H01');
    expect(t!.hospital!.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['trauma_center', 'ct_available', 'trauma_team_ready', 'eta']),
    );
    const h09 = t!.hospital!.rejected.find((r) => r.hospitalId === 'H09')!;
    expect(h09.etaSeconds!).toBeLessThan(t!.hospital!.etaSeconds);
    expect(t!.phase).toBe('on_scene');
    expect(t!.signals.every((s) => s.state === 'pending')).toBe(true);
  });

  it('turns the signals ahead requested → green held → released in route order, never before passing them', () => {
    const store: PlanStore = new Map();
    const inc = incident();
    const first = buildTransports({
      network,
      store,
      incidents: [inc],
      ambulances: [{ ...ambulanceAt(0, T0), speedKmh: 0 }],
      hospitals: [H01, H09],
      asOfMs: T0,
      allActive: [inc],
    })[0]!;
    const path = first.route!.path as [number, number][];
    const lengthM = pathLength(path);
    const seen = new Set<string>();
    let lastEta = Number.POSITIVE_INFINITY;
    const early: string[] = [];
    // 54 km/h along the road, a fix every 5 s (75 m).
    const steps = Math.ceil(lengthM / 75) + 2;
    for (let i = 1; i <= steps; i++) {
      const at = T0 + i * 5000;
      const along = Math.min(lengthM, i * 75);
      const [lon, lat] = pointAlong(path, along);
      const [t] = buildTransports({
        network,
        store,
        incidents: [inc],
        ambulances: [{ ...ambulanceAt(0, at), lon, lat, speedKmh: along < lengthM ? 54 : 0 }],
        hospitals: [H01, H09],
        asOfMs: at,
        allActive: [inc],
      });
      expect(t!.signals.length).toBeGreaterThan(0);
      const ranks = t!.signals.map((s) => RANK[s.state]);
      for (let k = 1; k < ranks.length; k++) expect(ranks[k]).toBeLessThanOrEqual(ranks[k - 1]!);
      for (const s of t!.signals) {
        seen.add(s.state);
        if (s.state === 'released' && along < s.distanceM + 20) early.push(`${s.id} at ${along} m`);
      }
      expect(t!.progressM).toBeCloseTo(along, -1);
      expect(t!.eta!.withPreemptionS).toBeLessThanOrEqual(lastEta + 1e-6);
      expect(t!.eta!.withoutPreemptionS).toBeGreaterThanOrEqual(t!.eta!.withPreemptionS);
      lastEta = t!.eta!.withPreemptionS;
    }
    expect(early).toEqual([]);
    expect([...seen].sort()).toEqual(['green_held', 'pending', 'released', 'requested']);
    expect(lastEta).toBe(0);
    // The plan is dropped once the incident is no longer active.
    buildTransports({
      network,
      store,
      incidents: [],
      ambulances: [],
      hospitals: [],
      asOfMs: T0,
      allActive: [],
    });
    expect(store.size).toBe(0);
  });

  it('a straight-line fix off the road does not release signals ahead (the old share-of-distance rule did)', () => {
    const store: PlanStore = new Map();
    const inc = incident();
    const run = (share: number, at: number) =>
      buildTransports({
        network,
        store,
        incidents: [inc],
        ambulances: [ambulanceAt(share, at)],
        hospitals: [H01, H09],
        asOfMs: at,
        allActive: [inc],
      })[0]!;
    const path = run(0, T0).route!.path as [number, number][];
    // Half-way along the straight line to the hospital: usually off the road route.
    const fix = ambulanceAt(0.5, T0 + 5000);
    const t = run(0.5, T0 + 5000);
    // Where that fix really is along the road: brute force over 5 m samples (0 if > 100 m from the road).
    let best = { d: Number.POSITIVE_INFINITY, along: 0 };
    for (let m = 0; m <= pathLength(path); m += 5) {
      const [lon, lat] = pointAlong(path, m);
      const d = haversineM(lon, lat, fix.lon, fix.lat);
      if (d < best.d) best = { d, along: m };
    }
    const trulyAlong = best.d <= 100 ? best.along : 0;
    const released = t.signals.filter((s) => s.state === 'released');
    for (const s of released) expect(s.distanceM + 20).toBeLessThan(trulyAlong + 10);
    expect(t.progressM).toBeLessThanOrEqual(trulyAlong + 10);
  });

  it('a parked or stopped ambulance never requests a green', () => {
    const store: PlanStore = new Map();
    // On scene: the hospital leg is planned from the scene, and nothing is requested however long it stays.
    const onScene = incident({ status: 'on_scene', departedSceneAt: null });
    for (let i = 0; i < 5; i++) {
      const [t] = buildTransports({
        network,
        store,
        incidents: [onScene],
        ambulances: [{ ...ambulanceAt(0, T0 + i * 60_000), status: 'on_scene', speedKmh: 0 }],
        hospitals: [H01, H09],
        asOfMs: T0 + i * 60_000,
        allActive: [onScene],
      });
      expect(t!.signals.every((s) => s.state === 'pending')).toBe(true);
    }
    // Transporting but standing still 30 m before the first signal: not requested.
    const inc = incident();
    const first = buildTransports({
      network,
      store: new Map(),
      incidents: [inc],
      ambulances: [{ ...ambulanceAt(0, T0), speedKmh: 0 }],
      hospitals: [H01, H09],
      asOfMs: T0,
      allActive: [inc],
    })[0]!;
    const sig = first.signals[0]!;
    const [lon, lat] = pointAlong(first.route!.path as [number, number][], Math.max(0, sig.distanceM - 30));
    const still = new Map() as PlanStore;
    let t = first;
    for (let i = 0; i < 3; i++) {
      t = buildTransports({
        network,
        store: still,
        incidents: [inc],
        ambulances: [{ ...ambulanceAt(0, T0 + i * 10_000), lon, lat, speedKmh: 0 }],
        hospitals: [H01, H09],
        asOfMs: T0 + i * 10_000,
        allActive: [inc],
      })[0]!;
    }
    expect(t.signals[0]!.state).toBe('pending');
  });

  it('readiness: overloaded at 95 % ED load, limited at 85 % or with CT / trauma team down', () => {
    expect(readinessOf(H01)).toBe('ready');
    expect(readinessOf({ ...H01, edLoad: 0.86 })).toBe('limited');
    expect(readinessOf({ ...H01, edLoad: 0.95 })).toBe('overloaded');
    expect(readinessOf({ ...H01, traumaTeamReady: false })).toBe('limited');
    expect(readinessOf({ ...H09, ctAvailable: false })).toBe('limited');
  });
});

describe('building is pure: the plans move on refresh (observeTransports), a view only reads them', () => {
  it('gives equal views from the same data, twice, and leaves the plans as they were', () => {
    const store: PlanStore = new Map();
    const inc = incident();
    const data = {
      network,
      incidents: [inc],
      ambulances: [{ ...ambulanceAt(0, T0), speedKmh: 54 }],
      hospitals: [H01, H09],
      asOfMs: T0,
    };
    observeTransports({ ...data, store });
    expect(store.size).toBe(1);
    const before = structuredClone([...store.entries()]);

    // A later fix the refresh has not brought yet: viewing with it changes no plan.
    const moved = {
      ...data,
      ambulances: [{ ...ambulanceAt(0.05, T0 + 30_000), speedKmh: 54 }],
      asOfMs: T0 + 30_000,
    };
    const once = viewTransports({ ...moved, store });
    const twice = viewTransports({ ...moved, store });
    expect(twice).toEqual(once);
    expect([...store.entries()]).toEqual(before);

    // A leg without a plan is shown from a fresh one, which is not kept.
    const other = incident({ incidentId: 'JZ-other' });
    const view = viewTransports({ ...data, incidents: [inc, other], store });
    expect(view.map((t) => t.incidentId).sort()).toEqual([inc.incidentId, 'JZ-other'].sort());
    expect(view.find((t) => t.incidentId === 'JZ-other')!.route).not.toBeNull();
    expect([...store.keys()]).toEqual(before.map(([k]) => k));

    // The refresh that brings the later fix is what moves the plan on.
    observeTransports({ ...moved, store });
    expect(store.get(before[0]![0])!.progressAtMs).toBe(T0 + 30_000);
  });
});
