import { describe, expect, it } from 'vitest';
import { loadRoadNetwork } from '../../geo/roads';
import type { Ambulance, EmergencyHospital, Incident } from '../../upstreams/emergency-120/adapter';
import { readinessOf } from './trauma.builder';
import { buildTransports, type PlanStore, progressAlong } from './trauma.transports';

const network = loadRoadNetwork();
const H01: EmergencyHospital = {
  hospitalId: 'H01',
  name: '天台县人民医院',
  lon: 121.028,
  lat: 29.143,
  villageCode: '331023001256',
  capabilities: { traumaCenter: true, ct: true, cathLab: true, burnUnit: true, pediatrics: true },
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
  capabilities: { traumaCenter: false, ct: true, cathLab: false, burnUnit: false, pediatrics: false },
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

const RANK = { released: 3, green_held: 2, requested: 1, pending: 0 } as const;

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

  it('turns the signals ahead requested → green held → released in route order, and the ETA falls', () => {
    const store: PlanStore = new Map();
    const inc = incident();
    const seen = new Set<string>();
    let lastEta = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= 100; i++) {
      const at = T0 + i * 5000;
      const [t] = buildTransports({
        network,
        store,
        incidents: [inc],
        ambulances: [ambulanceAt(i / 100, at)],
        hospitals: [H01, H09],
        asOfMs: at,
        allActive: [inc],
      });
      expect(t!.signals.length).toBeGreaterThan(0);
      const ranks = t!.signals.map((s) => RANK[s.state]);
      for (let k = 1; k < ranks.length; k++) expect(ranks[k]).toBeLessThanOrEqual(ranks[k - 1]!);
      for (const s of t!.signals) seen.add(s.state);
      expect(t!.eta!.withPreemptionS).toBeLessThanOrEqual(lastEta + 1e-6);
      expect(t!.eta!.withoutPreemptionS).toBeGreaterThanOrEqual(t!.eta!.withPreemptionS);
      lastEta = t!.eta!.withPreemptionS;
    }
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

  it('progress is the closed share of the straight line, clamped to the route', () => {
    const plan = { origin: [121, 29] as [number, number], destination: [121.1, 29] as [number, number] };
    expect(progressAlong(plan, 12_000, [121, 29])).toBe(0);
    expect(progressAlong(plan, 12_000, [121.05, 29])).toBeCloseTo(6000, -1);
    expect(progressAlong(plan, 12_000, [121.1, 29])).toBe(12_000);
    expect(progressAlong(plan, 12_000, [120.9, 29])).toBe(0);
  });

  it('readiness: overloaded at 95 % ED load, limited at 85 % or with CT / trauma team down', () => {
    expect(readinessOf(H01)).toBe('ready');
    expect(readinessOf({ ...H01, edLoad: 0.86 })).toBe('limited');
    expect(readinessOf({ ...H01, edLoad: 0.95 })).toBe('overloaded');
    expect(readinessOf({ ...H01, traumaTeamReady: false })).toBe('limited');
    expect(readinessOf({ ...H09, ctAvailable: false })).toBe('limited');
  });
});
