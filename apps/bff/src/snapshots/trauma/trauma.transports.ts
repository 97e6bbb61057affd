import type { ActiveTransport, ChosenHospital, GreenChannelSignal } from '@cockpit/contracts';
import { advanceProgress, type Coord, type RouteTrack, routeTrack } from '@cockpit/domain/routing';
import {
  chooseHospital,
  createPreemption,
  DEFAULT_PREEMPTION_CONFIG,
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
export type Plan = {
  key: string;
  origin: Coord;
  destination: Coord;
  route: PlannedRoute | null;
  /** The route polyline with cumulative distances (for projecting fixes). */
  track: RouteTrack | null;
  preemption: PreemptionState | null;
  /** Monotonic progress along the route, metres, and the time of the fix it came from. */
  progressM: number | null;
  progressAtMs: number | null;
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

/** Fastest plausible ambulance speed, m/s (160 km/h), bounding how far one fix can advance progress. */
const TOP_SPEED_MPS = 45;

/**
 * Distance covered along the route: the fix projected onto the route polyline, monotonic from one fix to
 * the next (domain `advanceProgress`). The search ahead is bounded by the time since the last fix at top
 * speed (+ 200 m for GPS error), so a road passing near a later part of the route cannot pull progress
 * ahead; a fix more than 100 m off the route does not advance it.
 */
export function progressOnRoute(
  plan: Pick<Plan, 'track' | 'progressM' | 'progressAtMs'>,
  at: Coord,
  fixAtMs: number,
): number {
  if (!plan.track) return 0;
  const dtS = plan.progressAtMs === null ? null : Math.max(0, (fixAtMs - plan.progressAtMs) / 1000);
  return advanceProgress(plan.track, plan.progressM, at, {
    maxAdvanceM: dtS === null ? Number.POSITIVE_INFINITY : dtS * TOP_SPEED_MPS + 200,
  });
}

/** A new leg plan: the route (fixed for the leg), its track, and every signal pending. */
export function newPlan(
  network: RoadNetwork,
  key: string,
  origin: Coord,
  destination: Coord,
  atMs: number,
): Plan {
  const route = planRoute(network, origin, destination, 'live', atMs);
  return {
    key,
    origin,
    destination,
    route,
    track: route ? routeTrack(route.path) : null,
    preemption: route ? createPreemption(key, route.signals) : null,
    progressM: null,
    progressAtMs: null,
  };
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
    plan = newPlan(network, key, origin, destination, atMs);
    store.set(key, plan);
  }
  return plan;
}

/**
 * One GPS fix applied to a leg: progress projected onto the route (monotonic; an older fix changes
 * nothing), then the signals' pre-emption at that progress. `onRun` is false when the ambulance is not
 * on its run (on scene, at hospital): it then never requests or holds a green. Mutates `plan`.
 */
export function applyFix(
  plan: Plan,
  position: Coord,
  fix: { atMs: number; speedMps: number; onRun: boolean },
  asOfMs: number,
): void {
  if (plan.progressAtMs === null || fix.atMs >= plan.progressAtMs) {
    plan.progressM = progressOnRoute(plan, position, fix.atMs);
    plan.progressAtMs = fix.atMs;
  }
  if (!plan.preemption) return;
  let state = stepPreemption(plan.preemption, {
    type: 'position',
    distanceAlongM: plan.progressM ?? 0,
    speedMps: fix.onRun ? fix.speedMps : 0,
    atMs: fix.atMs,
    active: fix.onRun,
  });
  state = stepPreemption(state, { type: 'tick', atMs: Math.max(fix.atMs, asOfMs) });
  plan.preemption = state;
}

type TransportInput = {
  network: RoadNetwork;
  incidents: readonly Incident[];
  ambulances: readonly Ambulance[];
  hospitals: readonly EmergencyHospital[];
  /** Time of the dispatch data (simulated or real), epoch ms. */
  asOfMs: number;
};

type Leg = {
  incident: Incident;
  phase: ActiveTransport['phase'];
  hospital: ChosenHospital | null;
  ambulance: Ambulance | undefined;
  /** The leg's plan key, origin and destination (none while awaiting dispatch or without a destination). */
  plan: { key: string; origin: Coord; destination: Coord } | null;
  position: Coord | null;
  fix: { atMs: number; speedMps: number; onRun: boolean };
};

/** Where each active case stands: its phase, destination, the leg being driven, and the latest fix. */
function legsOf(input: TransportInput, view = true): Leg[] {
  const { network, hospitals, asOfMs } = input;
  const byAmbulance = new Map(input.ambulances.map((a) => [a.ambulanceId, a]));
  return input.incidents.filter(isActive).map((incident): Leg => {
    const scene: Coord = [incident.lon, incident.lat];
    // The choice (its ETAs to every hospital) is for the view; observing needs it only to know the destination.
    const hospital =
      view || incident.hospitalId === null ? chooseFor(network, incident, hospitals, asOfMs) : null;
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
    let plan: Leg['plan'] = null;
    let position: Coord | null = null;
    if (phase === 'to_scene' && ambulance) {
      plan = {
        key: `${incident.incidentId}:scene`,
        origin: [ambulance.lon, ambulance.lat],
        destination: scene,
      };
      position = [ambulance.lon, ambulance.lat];
    } else if ((phase === 'on_scene' || phase === 'to_hospital') && destHospital) {
      const key = `${incident.incidentId}:hospital:${destHospital.hospitalId}`;
      plan = { key, origin: scene, destination: [destHospital.lon, destHospital.lat] };
      position = phase === 'to_hospital' && ambulance ? [ambulance.lon, ambulance.lat] : scene;
    }
    // Greens only for a moving ambulance on its run (to the scene, or to hospital with the patient).
    const onRun =
      (phase === 'to_scene' && ambulance?.status === 'dispatched') ||
      (phase === 'to_hospital' && ambulance?.status === 'transporting');
    const fix = {
      atMs: phase === 'on_scene' ? asOfMs : (ambulance?.fixAt ?? asOfMs),
      speedMps: (ambulance?.speedKmh ?? 0) / 3.6,
      onRun,
    };
    return { incident, phase, hospital, ambulance, plan, position, fix };
  });
}

/**
 * Observation, run at each refresh of the dispatch data (never while building a snapshot): every active leg
 * of the county gets its plan (the route is fixed when the leg is first seen), the latest fix moves its
 * progress and its signals' pre-emption on, and the plans of legs that ended are dropped. Mutates `store`.
 */
export function observeTransports(input: TransportInput & { store: PlanStore }): void {
  const { network, store, asOfMs } = input;
  const activeKeys = new Set<string>();
  for (const leg of legsOf(input, false)) {
    if (!leg.plan) continue;
    const plan = planFor(store, network, leg.plan.key, leg.plan.origin, leg.plan.destination, asOfMs);
    if (plan.route && leg.position) {
      activeKeys.add(plan.key);
      applyFix(plan, leg.position, leg.fix, asOfMs);
    }
  }
  // Drop the plans of legs that ended (only keys of the county's active incidents survive).
  const active = input.incidents.filter(isActive);
  const live = new Set(active.map((i) => i.incidentId));
  for (const key of store.keys()) {
    const id = key.split(':')[0]!;
    if (!live.has(id)) store.delete(key);
    else if (
      !activeKeys.has(key) &&
      key.endsWith(':scene') &&
      !active.some((i) => i.incidentId === id && i.status === 'dispatched')
    ) {
      store.delete(key);
    }
  }
}

/**
 * Active cases with their green channel, read from the plans (pure: `store` is only read). A leg that has no
 * plan yet (its refresh has not been observed) is shown from a fresh plan made for this view and not kept.
 */
export function viewTransports(
  input: TransportInput & { store: ReadonlyMap<string, Plan> },
): ActiveTransport[] {
  const { network, store, asOfMs } = input;
  const signalName = new Map(network.signals.map((s) => [s.id, s.name]));
  const transports = legsOf(input).map(
    ({ incident, phase, hospital, plan: leg, position, fix }): ActiveTransport => {
      const scene: Coord = [incident.lon, incident.lat];
      let plan: Plan | null = null;
      if (leg) {
        plan = store.get(leg.key) ?? null;
        if (!plan) {
          plan = newPlan(network, leg.key, leg.origin, leg.destination, asOfMs);
          if (plan.route && position) applyFix(plan, position, fix, asOfMs);
        }
      }

      let progressM = 0;
      let eta: ActiveTransport['eta'] = null;
      let signals: GreenChannelSignal[] = [];
      if (plan?.route && position) {
        const route = plan.route;
        progressM = plan.progressM ?? 0;
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
        const maxHoldMs = plan.preemption?.config.maxHoldMs ?? DEFAULT_PREEMPTION_CONFIG.maxHoldMs;
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
            holds: st?.holds ?? 0,
            holdEndsAt:
              st?.state === 'green_held' && st.greenAtMs !== null ? iso(st.greenAtMs + maxHoldMs) : null,
            holdEndedAt: st?.state === 'hold_ended' ? iso(st.holdEndedAtMs) : null,
            holdEndReason: st?.state === 'hold_ended' ? st.holdEndReason : null,
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
    },
  );
  return transports.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.calledAt.localeCompare(a.calledAt),
  );
}

/**
 * Observation and view in one step, for tests that drive a sequence of fixes: `observeTransports` then
 * `viewTransports`. Snapshot building uses `viewTransports` only.
 */
export function buildTransports(
  input: TransportInput & { store: PlanStore; allActive?: readonly Incident[] },
) {
  observeTransports({ ...input, incidents: input.allActive ?? input.incidents });
  return viewTransports(input);
}

/** 0.001° ≈ 111 m of latitude and ≈ 97 m of longitude at Tiantai's 29°N. */
export function roundTo100m(degrees: number): number {
  return Math.round(degrees * 1000) / 1000;
}
