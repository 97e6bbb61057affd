import type { ActiveTransport, ChosenHospital, GreenChannelSignal } from '@cockpit/contracts';
import { type Coord, haversineM } from '@cockpit/domain/routing';
import {
  chooseHospital,
  createPreemption,
  etaWithAndWithoutPreemption,
  type HospitalCandidate,
  type InjuryType,
  type PreemptionState,
  stepPreemption,
} from '@cockpit/domain/trauma';
import type { RoadNetwork } from '../../geo/roads';
import type { Ambulance, EmergencyHospital, Incident } from '../../upstreams/emergency-120/adapter';
import { etasFrom, type PlannedRoute, planRoute } from './trauma.routing';

/** A leg's plan, kept across snapshots: the route is fixed when the leg is first seen, the signals move on. */
type Plan = {
  key: string;
  origin: Coord;
  destination: Coord;
  route: PlannedRoute | null;
  preemption: PreemptionState | null;
};

/** Plans by leg key; one store per builder context (so per process), pruned to the active legs. */
export type PlanStore = Map<string, Plan>;

const INJURY: Record<Incident['injuryType'], InjuryType> = {
  traffic: 'blunt',
  fall: 'blunt',
  burn: 'burn',
  cardiac: 'cardiac',
  stroke: 'stroke',
  other: 'other',
};

const SEVERITY_RANK: Record<Incident['severity'], number> = { critical: 0, severe: 1, moderate: 2, minor: 3 };
const ACTIVE = new Set<Incident['status']>(['pending', 'dispatched', 'on_scene', 'transporting']);
export const isActive = (i: Incident) => ACTIVE.has(i.status);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Destination by ETA and capability among the hospitals that receive ambulances. */
export function chooseFor(
  network: RoadNetwork,
  incident: Incident,
  hospitals: readonly EmergencyHospital[],
  atMs: number,
): ChosenHospital | null {
  const receiving = hospitals.filter((h) => h.receivesAmbulances);
  if (receiving.length === 0) return null;
  const etas = etasFrom(
    network,
    [incident.lon, incident.lat],
    receiving.map((h) => [h.lon, h.lat]),
    atMs,
  );
  const candidates: HospitalCandidate[] = receiving.map((h, i) => ({
    hospitalId: h.hospitalId,
    name: h.name,
    etaSeconds: etas[i]!,
    capabilities: h.capabilities,
    live: { edLoad: h.edLoad, ctAvailable: h.ctAvailable, traumaTeamReady: h.traumaTeamReady },
  }));
  const choice = chooseHospital(
    {
      severity: incident.severity,
      injuryType: INJURY[incident.injuryType],
      pediatric: incident.ageBand === '0-14',
    },
    candidates,
  );
  if (!choice) return null;
  return {
    hospitalId: choice.hospitalId,
    name: choice.name,
    etaSeconds: r1(choice.etaSeconds),
    rule: choice.rule,
    fallback: choice.fallback,
    reasons: choice.reasons.map((r) => ({ code: r.code, text: r.text })),
    summary: choice.summary,
    rejected: choice.rejected.map((r) => ({
      hospitalId: r.hospitalId,
      name: r.name,
      etaSeconds: Number.isFinite(r.etaSeconds) ? r1(r.etaSeconds) : null,
      summary: r.summary,
    })),
  };
}

/**
 * Distance covered along the route. The ambulance's progress is the share of the straight-line distance
 * from the leg's origin to its destination already closed (robust to GPS fixes off the drawn road), applied
 * to the road length. Never negative, never past the end.
 */
export function progressAlong(plan: Pick<Plan, 'origin' | 'destination'>, routeM: number, at: Coord): number {
  const total = haversineM(plan.origin[0], plan.origin[1], plan.destination[0], plan.destination[1]);
  if (total < 1) return routeM;
  const left = haversineM(at[0], at[1], plan.destination[0], plan.destination[1]);
  const share = Math.min(1, Math.max(0, 1 - left / total));
  return share * routeM;
}

function planFor(
  store: PlanStore,
  network: RoadNetwork,
  key: string,
  origin: Coord,
  destination: Coord,
  atMs: number,
): Plan {
  let plan = store.get(key);
  if (!plan) {
    const route = planRoute(network, origin, destination, 'live', atMs);
    plan = {
      key,
      origin,
      destination,
      route,
      preemption: route ? createPreemption(key, route.signals) : null,
    };
    store.set(key, plan);
  }
  return plan;
}

/**
 * Active cases with their green channel. `store` carries each leg's route and pre-emption state from one
 * snapshot to the next; legs no longer active are dropped from it.
 */
export function buildTransports(input: {
  network: RoadNetwork;
  store: PlanStore;
  incidents: readonly Incident[];
  ambulances: readonly Ambulance[];
  hospitals: readonly EmergencyHospital[];
  /** Time of the dispatch data (simulated or real), epoch ms. */
  asOfMs: number;
  /** Every active incident of the county (to prune the store), not only the region's. */
  allActive: readonly Incident[];
}): ActiveTransport[] {
  const { network, store, ambulances, hospitals, asOfMs } = input;
  const byAmbulance = new Map(ambulances.map((a) => [a.ambulanceId, a]));
  const signalName = new Map(network.signals.map((s) => [s.id, s.name]));
  const activeKeys = new Set<string>();
  const transports = input.incidents.filter(isActive).map((incident): ActiveTransport => {
    const scene: Coord = [incident.lon, incident.lat];
    const hospital = chooseFor(network, incident, hospitals, asOfMs);
    const ambulance = incident.ambulanceId ? byAmbulance.get(incident.ambulanceId) : undefined;
    const destHospitalId = incident.hospitalId ?? hospital?.hospitalId ?? null;
    const destHospital = hospitals.find((h) => h.hospitalId === destHospitalId);
    const phase: ActiveTransport['phase'] =
      incident.status === 'pending'
        ? 'awaiting_dispatch'
        : incident.status === 'dispatched'
          ? 'to_scene'
          : incident.status === 'on_scene'
            ? 'on_scene'
            : 'to_hospital';

    let plan: Plan | null = null;
    let position: Coord | null = null;
    if (phase === 'to_scene' && ambulance) {
      plan = planFor(
        store,
        network,
        `${incident.incidentId}:scene`,
        [ambulance.lon, ambulance.lat],
        scene,
        asOfMs,
      );
      position = [ambulance.lon, ambulance.lat];
    } else if ((phase === 'on_scene' || phase === 'to_hospital') && destHospital) {
      const key = `${incident.incidentId}:hospital:${destHospital.hospitalId}`;
      plan = planFor(store, network, key, scene, [destHospital.lon, destHospital.lat], asOfMs);
      position = phase === 'to_hospital' && ambulance ? [ambulance.lon, ambulance.lat] : scene;
    }

    let progressM = 0;
    let eta: ActiveTransport['eta'] = null;
    let signals: GreenChannelSignal[] = [];
    if (plan?.route && position) {
      activeKeys.add(plan.key);
      const route = plan.route;
      progressM = progressAlong(plan, route.distanceM, position);
      const fixAt = phase === 'on_scene' ? asOfMs : (ambulance?.fixAt ?? asOfMs);
      if (plan.preemption) {
        let state = stepPreemption(plan.preemption, {
          type: 'position',
          distanceAlongM: progressM,
          speedMps: phase === 'on_scene' ? 0 : (ambulance?.speedKmh ?? 0) / 3.6,
          atMs: fixAt,
        });
        state = stepPreemption(state, { type: 'tick', atMs: Math.max(fixAt, asOfMs) });
        plan.preemption = state;
      }
      const remainingShare = route.distanceM > 0 ? Math.max(0, 1 - progressM / route.distanceM) : 0;
      const remainingS = route.durationS * remainingShare;
      const states = new Map((plan.preemption?.signals ?? []).map((s) => [s.signalId, s]));
      const ahead = route.signals.filter((s) => states.get(s.id)?.state !== 'released');
      const e = etaWithAndWithoutPreemption(
        { durationS: remainingS },
        ahead.map(() => ({})),
      );
      eta = {
        withPreemptionS: r1(e.etaWithS),
        withoutPreemptionS: r1(e.etaWithoutS),
        savedS: r1(e.savedS),
        arrivalAt: new Date(asOfMs + e.etaWithS * 1000).toISOString(),
      };
      const secondsPerM = route.distanceM > 0 ? route.durationS / route.distanceM : 0;
      signals = route.signals.map((s) => {
        const st = states.get(s.id);
        return {
          id: s.id,
          name: signalName.get(s.id) ?? s.id,
          lon: s.lon,
          lat: s.lat,
          distanceM: r1(s.distanceM),
          etaSeconds: r1(Math.max(0, (s.distanceM - progressM) * secondsPerM)),
          state: st?.state ?? 'pending',
          requestedAt: iso(st?.requestedAtMs ?? null),
          greenAt: iso(st?.greenAtMs ?? null),
          releasedAt: iso(st?.releasedAtMs ?? null),
        };
      });
    }
    return {
      incidentId: incident.incidentId,
      status: incident.status as ActiveTransport['status'],
      phase,
      severity: incident.severity,
      injuryType: incident.injuryType,
      ageBand: incident.ageBand ?? 'unknown',
      sex: incident.sex ?? 'unknown',
      villageCode: incident.villageCode,
      townshipCode: incident.townshipCode,
      // A patient's scene, with age band, sex, village and call time, can identify a person: the snapshot
      // (shared by every role) carries it rounded to 0.001° (about 100 m); routing above used the exact point.
      scene: [roundTo100m(scene[0]), roundTo100m(scene[1])],
      calledAt: new Date(incident.calledAt).toISOString(),
      dispatchedAt: iso(incident.dispatchedAt),
      ambulanceId: incident.ambulanceId,
      hospital,
      dispatchHospitalId: incident.hospitalId,
      route: plan?.route
        ? {
            distanceM: r1(plan.route.distanceM),
            durationS: r1(plan.route.durationS),
            path: plan.route.path.map((p) => [p[0], p[1]]),
          }
        : null,
      progressM: r1(progressM),
      eta,
      signals,
    };
  });
  // Drop the plans of legs that ended (only keys of the county's active incidents survive).
  const live = new Set(input.allActive.map((i) => i.incidentId));
  for (const key of store.keys()) {
    const id = key.split(':')[0]!;
    if (!live.has(id)) store.delete(key);
    else if (
      !activeKeys.has(key) &&
      key.endsWith(':scene') &&
      !input.allActive.some((i) => i.incidentId === id && i.status === 'dispatched')
    ) {
      store.delete(key);
    }
  }
  return transports.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.calledAt.localeCompare(a.calledAt),
  );
}

/** 0.001° ≈ 111 m of latitude and ≈ 97 m of longitude at Tiantai's 29°N. */
export function roundTo100m(degrees: number): number {
  return Math.round(degrees * 1000) / 1000;
}
