/**
 * 120 dispatch model.
 *
 * Incidents: a Poisson process in 10-minute buckets, pure in (seed, bucket): traffic injuries follow road
 * traffic (rush-hour peaks, more on holidays), other calls a daily shape. Each incident's place, severity,
 * type and (synthetic) patient come from the same hash.
 *
 * Ambulances: a greedy dispatcher (the ambulance with the earliest arrival at the scene wins; ambulances
 * driving back to their station may be re-tasked) plays each "dispatch day" (04:00–04:00 Beijing, the
 * quietest hour) forward from a 3-hour warm-up that starts with every ambulance at its station. Day
 * simulations are deterministic and cached, so any instant of the last 30 days can be replayed.
 * Missions: idle → dispatched (drive to scene) → on_scene → transporting → at_hospital → idle (drive back to
 * the station). Movement lives in ./movement; legs follow the road route (./road-route).
 */
import {
  BEIJING_OFFSET_MS,
  beijingDate,
  beijingParts,
  compactBeijing,
  DAY,
  dayInfo,
  HOUR,
  MINUTE,
} from '../calendar';
import { distanceKm, type Geo, type LonLat, offsetKm, round6, type Village } from '../geo';
import { type DailyCurve, dailyCurve, edLoadShape, trafficIntensity } from '../profiles';
import { clamp, hash32, mulberry32, pickWeighted, poisson, unit, valueNoise } from '../random';
import type { Ambulance, Hospital, Station } from './facilities';
import { type Fix, type Leg, makeLeg, positionOnLeg, type RouteProvider, straightLine } from './movement';
import { fakeIdNumber, fakeMobile, fakeName } from './people';

export type Severity = 'minor' | 'moderate' | 'severe' | 'critical';
export type InjuryType = 'traffic' | 'fall' | 'burn' | 'cardiac' | 'stroke' | 'other';
export type AmbulanceStatus = 'idle' | 'dispatched' | 'on_scene' | 'transporting' | 'at_hospital';
export type IncidentStatus =
  | 'pending'
  | 'dispatched'
  | 'on_scene'
  | 'transporting'
  | 'completed'
  | 'treated_on_scene';

export const SEVERITIES: readonly Severity[] = ['minor', 'moderate', 'severe', 'critical'];
export const INJURY_TYPES: readonly InjuryType[] = ['traffic', 'fall', 'burn', 'cardiac', 'stroke', 'other'];

export interface Patient {
  name: string;
  phone: string;
  idNo: string;
  age: number;
  sex: 'M' | 'F';
}

/** An incident as called in (before dispatch). */
export interface IncidentCall {
  id: string;
  callTime: number;
  lon: number;
  lat: number;
  villageCode: string;
  townCode: string;
  severity: Severity;
  injuryType: InjuryType;
  patient: Patient;
  injected: boolean;
}

/** An incident with its planned mission (all times known to the simulation, revealed as they pass). */
export interface PlannedIncident extends IncidentCall {
  ambulanceId: string;
  dispatchTime: number;
  arriveSceneTime: number;
  departSceneTime: number;
  /** null: treated on scene, not transported */
  arriveHospitalTime: number | null;
  hospitalId: string | null;
}

export const INCIDENT_BUCKET_MS = 10 * MINUTE;
const BUCKETS_PER_DAY = DAY / INCIDENT_BUCKET_MS;
/** Mean calls per day: traffic injuries and everything else. */
export const TRAFFIC_CALLS_PER_DAY = 8;
export const OTHER_CALLS_PER_DAY = 22;

const OTHER_SHAPE: DailyCurve = [
  [0, 0.5],
  [4, 0.35],
  [6.5, 0.8],
  [8.5, 1.3],
  [11, 1.2],
  [14, 1],
  [18, 1.15],
  [21, 1],
  [23, 0.7],
];

function curveMean(f: (h: number) => number): number {
  let s = 0;
  for (let i = 0; i < 288; i++) s += f(i / 12);
  return s / 288;
}
const OTHER_MEAN = curveMean((h) => dailyCurve(OTHER_SHAPE, h));
// mean traffic intensity of a workday (the reference day for the traffic rate)
const TRAFFIC_MEAN = curveMean((h) => trafficIntensity(beijingDate(2026, 1, 7) + h * HOUR));

/** Expected calls per 10-minute bucket at t. */
export function callRates(t: number): { traffic: number; other: number } {
  const info = dayInfo(t);
  const { hourFrac, month } = beijingParts(t);
  const holiday = info.kind === 'holiday' ? 1.25 : 1;
  const winter = month === 12 || month <= 2 ? 1.12 : 1;
  return {
    traffic: ((TRAFFIC_CALLS_PER_DAY * trafficIntensity(t)) / TRAFFIC_MEAN / BUCKETS_PER_DAY) * holiday,
    other:
      ((OTHER_CALLS_PER_DAY * dailyCurve(OTHER_SHAPE, hourFrac)) / OTHER_MEAN / BUCKETS_PER_DAY) * winter,
  };
}

/** Approximate main roads (for placing traffic injuries). */
const ROADS: readonly (readonly LonLat[])[] = [
  [
    [120.77, 29.092],
    [120.83, 29.13],
    [120.877, 29.16],
    [120.92, 29.148],
    [120.962, 29.139],
    [121.005, 29.143],
    [121.03, 29.14],
    [121.08, 29.143],
    [121.132, 29.146],
    [121.2083, 29.1695],
  ],
  [
    [121.03, 29.14],
    [121.04, 29.1],
    [121.1, 29.09],
    [121.161, 29.083],
    [121.206, 29.0695],
  ],
  [
    [121.03, 29.145],
    [121.04, 29.17],
    [121.05, 29.18],
    [121.07, 29.22],
    [121.09, 29.26],
    [121.1, 29.267],
    [121.168, 29.247],
  ],
  [
    [120.962, 29.139],
    [120.96, 29.2],
    [120.958, 29.25],
  ],
];
const ROAD_SEGMENTS: { a: LonLat; b: LonLat; km: number }[] = ROADS.flatMap((r) =>
  r.slice(1).map((b, i) => {
    const a = r[i] ?? b;
    return { a, b, km: distanceKm(a, b) };
  }),
);

const OTHER_TYPES: readonly (readonly [InjuryType, number])[] = [
  ['fall', 0.32],
  ['cardiac', 0.2],
  ['stroke', 0.16],
  ['burn', 0.04],
  ['other', 0.28],
];
const SEVERITY_BY_TYPE: Record<InjuryType, readonly (readonly [Severity, number])[]> = {
  traffic: [
    ['minor', 0.4],
    ['moderate', 0.33],
    ['severe', 0.19],
    ['critical', 0.08],
  ],
  fall: [
    ['minor', 0.5],
    ['moderate', 0.32],
    ['severe', 0.14],
    ['critical', 0.04],
  ],
  burn: [
    ['minor', 0.45],
    ['moderate', 0.35],
    ['severe', 0.15],
    ['critical', 0.05],
  ],
  cardiac: [
    ['minor', 0.15],
    ['moderate', 0.35],
    ['severe', 0.3],
    ['critical', 0.2],
  ],
  stroke: [
    ['minor', 0.05],
    ['moderate', 0.3],
    ['severe', 0.45],
    ['critical', 0.2],
  ],
  other: [
    ['minor', 0.6],
    ['moderate', 0.3],
    ['severe', 0.08],
    ['critical', 0.02],
  ],
};

function ageFor(type: InjuryType, u: number, v: number): number {
  const range = (lo: number, hi: number) => lo + Math.floor(u * (hi - lo + 1));
  switch (type) {
    case 'traffic':
      return range(16, 76);
    case 'fall':
      return v < 0.5 ? range(65, 93) : v < 0.7 ? range(3, 12) : range(20, 64);
    case 'cardiac':
      return range(45, 90);
    case 'stroke':
      return range(50, 92);
    case 'burn':
      return range(2, 70);
    default:
      return range(1, 90);
  }
}

export function makePatient(next: () => number, type: InjuryType, year: number): Patient {
  const sex: 'M' | 'F' = next() < (type === 'traffic' ? 0.65 : 0.5) ? 'M' : 'F';
  const age = ageFor(type, next(), next());
  return {
    name: fakeName(next, sex),
    phone: fakeMobile(next),
    idNo: fakeIdNumber(next, year - age, sex),
    age,
    sex,
  };
}

function villagePoint(geo: Geo, next: () => number): LonLat {
  const weighted = geo.villages.map((v) => [v, /(001|002|003)$/.test(v.townCode) ? 3 : 1] as const);
  const v = pickWeighted(weighted, next());
  return offsetKm([v.lon, v.lat], (next() - 0.5) * 0.8, (next() - 0.5) * 0.8);
}

function roadPoint(next: () => number): LonLat {
  const seg = pickWeighted(
    ROAD_SEGMENTS.map((s) => [s, s.km] as const),
    next(),
  );
  const f = next();
  return offsetKm(
    [seg.a[0] + (seg.b[0] - seg.a[0]) * f, seg.a[1] + (seg.b[1] - seg.a[1]) * f],
    (next() - 0.5) * 0.3,
    (next() - 0.5) * 0.3,
  );
}

/** The calls arriving in one 10-minute bucket — pure in (seed, bucket). */
export function callsInBucket(seed: number, geo: Geo, bucket: number): IncidentCall[] {
  const t0 = bucket * INCIDENT_BUCKET_MS;
  const rates = callRates(t0 + INCIDENT_BUCKET_MS / 2);
  const next = mulberry32(hash32(seed, '120-calls', bucket));
  const types: InjuryType[] = [];
  const nTraffic = poisson(rates.traffic, next);
  const nOther = poisson(rates.other, next);
  for (let i = 0; i < nTraffic; i++) types.push('traffic');
  for (let i = 0; i < nOther; i++) types.push(pickWeighted(OTHER_TYPES, next()));
  const calls = types.map((injuryType) => {
    const callTime = t0 + Math.floor(next() * (INCIDENT_BUCKET_MS / 1000)) * 1000;
    const [lon, lat] = injuryType === 'traffic' ? roadPoint(next) : villagePoint(geo, next);
    const severity = pickWeighted(SEVERITY_BY_TYPE[injuryType], next());
    const patient = makePatient(next, injuryType, beijingParts(callTime).year);
    return { callTime, lon, lat, severity, injuryType, patient };
  });
  calls.sort((a, b) => a.callTime - b.callTime);
  const stamp = compactBeijing(t0);
  return calls.map((c, i) => ({
    id: `JZ${stamp}${i}`,
    ...c,
    ...geo.place(c.lon, c.lat),
    injected: false,
  }));
}

export function callsBetween(seed: number, geo: Geo, from: number, to: number): IncidentCall[] {
  const out: IncidentCall[] = [];
  for (let b = Math.floor(from / INCIDENT_BUCKET_MS); b * INCIDENT_BUCKET_MS < to; b++) {
    for (const c of callsInBucket(seed, geo, b)) if (c.callTime >= from && c.callTime < to) out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------- dispatch simulation

/** Dispatch days run 04:00–04:00 Beijing time. */
const DAY_SHIFT_MS = 4 * HOUR - BEIJING_OFFSET_MS;
const WARM_UP_MS = 3 * HOUR;

export function dispatchDayOf(t: number): number {
  return Math.floor((t - DAY_SHIFT_MS) / DAY);
}
export function dispatchDayStart(dd: number): number {
  return dd * DAY + DAY_SHIFT_MS;
}

export interface Segment {
  from: number;
  to: number;
  status: AmbulanceStatus;
  incidentId: string | null;
  /** moving: the leg; stationary: pos */
  leg?: Leg;
  pos?: LonLat;
  /** the incident belongs to the day being simulated (not the warm-up) */
  owned: boolean;
}

interface DaySim {
  incidents: PlannedIncident[];
  segments: Map<string, Segment[]>;
}

const speedFor = (km: number, urgent: boolean) => {
  const s = Math.min(70, 28 + km * 3);
  return urgent ? s : s * 0.8;
};

const rank: Record<Severity, number> = { minor: 0, moderate: 1, severe: 2, critical: 3 };

export function chooseHospital(call: IncidentCall, hospitals: readonly Hospital[]): Hospital {
  const serious = rank[call.severity] >= 2;
  const county = hospitals.filter((h) => h.receiving && h.tier === 'county');
  // light cases go to the nearest receiving hospital; anything serious, cardiac or stroke to a county hospital
  const receiving =
    serious || call.injuryType === 'cardiac' || call.injuryType === 'stroke' || call.injuryType === 'burn'
      ? county
      : hospitals.filter((h) => h.receiving);
  const nearest = (list: readonly Hospital[]) => {
    let best = list[0];
    let bestD = Number.POSITIVE_INFINITY;
    for (const h of list) {
      const d = distanceKm([call.lon, call.lat], [h.lon, h.lat]);
      if (d < bestD) {
        bestD = d;
        best = h;
      }
    }
    if (!best) throw new Error('no receiving hospital');
    return best;
  };
  const injury = call.injuryType === 'traffic' || call.injuryType === 'fall';
  if (serious && injury) return nearest(receiving.filter((h) => h.capabilities.trauma_center));
  if (call.injuryType === 'burn' && rank[call.severity] >= 1) {
    return nearest(receiving.filter((h) => h.capabilities.burn_unit));
  }
  if (call.injuryType === 'cardiac' && rank[call.severity] >= 1) {
    return nearest(receiving.filter((h) => h.capabilities.cath_lab));
  }
  if (call.injuryType === 'stroke') return nearest(receiving.filter((h) => h.capabilities.ct));
  if (serious) return nearest(receiving.filter((h) => h.capabilities.ct));
  return nearest(receiving);
}

export interface EmergencyModelOptions {
  seed: number;
  geo: Geo;
  hospitals: readonly Hospital[];
  stations: readonly Station[];
  fleet: readonly Ambulance[];
  route?: RouteProvider;
}

export class EmergencyModel {
  readonly seed: number;
  private readonly geo: Geo;
  readonly hospitals: readonly Hospital[];
  readonly stations: readonly Station[];
  readonly fleet: readonly Ambulance[];
  private readonly route: RouteProvider;
  private readonly stationPos = new Map<string, LonLat>();
  private readonly cache = new Map<number, DaySim>();
  private readonly injected: IncidentCall[] = [];

  constructor(o: EmergencyModelOptions) {
    this.seed = o.seed;
    this.geo = o.geo;
    this.hospitals = o.hospitals;
    this.stations = o.stations;
    this.fleet = o.fleet;
    this.route = o.route ?? straightLine;
    for (const a of o.fleet) {
      const st = o.stations.find((s) => s.id === a.stationId);
      if (st) this.stationPos.set(a.id, [st.lon, st.lat]);
    }
  }

  private home(ambId: string): LonLat {
    return this.stationPos.get(ambId) ?? [121.028, 29.143];
  }

  /** Simulates one dispatch day (cached). */
  simulateDay(dd: number): DaySim {
    const cached = this.cache.get(dd);
    if (cached) return cached;
    const dayStart = dispatchDayStart(dd);
    const dayEnd = dayStart + DAY;
    const calls = [
      ...callsBetween(this.seed, this.geo, dayStart - WARM_UP_MS, dayEnd),
      ...this.injected.filter((c) => c.callTime >= dayStart - WARM_UP_MS && c.callTime < dayEnd),
    ].sort((a, b) => a.callTime - b.callTime || a.id.localeCompare(b.id));

    const segments = new Map<string, Segment[]>(this.fleet.map((a) => [a.id, []]));
    const availableFrom = new Map<string, number>(this.fleet.map((a) => [a.id, Number.NEGATIVE_INFINITY]));
    const returnLegs = new Map<string, Leg>();
    const incidents: PlannedIncident[] = [];

    for (const call of calls) {
      const owned = call.callTime >= dayStart;
      const u = (k: string) => unit(this.seed, '120-mission', call.id, k);
      const proc = call.injected
        ? 20_000
        : call.severity === 'critical'
          ? 40_000 + u('proc') * 40_000
          : 60_000 + u('proc') * 90_000;
      const earliest = call.callTime + Math.round(proc / 1000) * 1000;
      const scene: LonLat = [call.lon, call.lat];
      const urgent = rank[call.severity] >= 1;

      // The dispatcher picks by a straight-line estimate of the arrival (cheap, as a dispatcher's rule of
      // thumb); the chosen ambulance then drives the road route.
      let pick:
        | { amb: Ambulance; dispatch: number; from: LonLat; speed: number; estimate: number }
        | undefined;
      for (const amb of this.fleet) {
        const dispatch = Math.max(earliest, availableFrom.get(amb.id) ?? 0);
        const ret = returnLegs.get(amb.id);
        const from: LonLat =
          ret && dispatch < ret.arrive ? fixToLonLat(positionOnLeg(ret, dispatch)) : this.home(amb.id);
        const speed = speedFor(distanceKm(from, scene), urgent);
        const estimate = makeLeg(from, scene, dispatch, speed).arrive;
        if (!pick || estimate < pick.estimate) pick = { amb, dispatch, from, speed, estimate };
      }
      const best = pick && {
        amb: pick.amb,
        dispatch: pick.dispatch,
        leg: makeLeg(pick.from, scene, pick.dispatch, pick.speed, this.route),
      };
      if (!best) continue;
      const { amb, leg, dispatch } = best;
      const segs = segments.get(amb.id) ?? [];
      const last = segs[segs.length - 1];
      if (last && last.status === 'idle' && last.to > dispatch) last.to = dispatch; // re-tasked on the way home

      const onSceneMin = [8, 10, 12, 15][rank[call.severity]] ?? 10;
      const departScene = leg.arrive + Math.round((onSceneMin + u('scene') * 10) * 60) * 1000;
      const transport = !(
        (call.severity === 'minor' && u('no-transport') < 0.25) ||
        (call.severity === 'moderate' && u('no-transport') < 0.05)
      );
      segs.push({ from: dispatch, to: leg.arrive, status: 'dispatched', incidentId: call.id, leg, owned });
      segs.push({
        from: leg.arrive,
        to: departScene,
        status: 'on_scene',
        incidentId: call.id,
        pos: scene,
        owned,
      });

      let freeAt = departScene;
      let freeFrom: LonLat = scene;
      let hospital: Hospital | null = null;
      let arriveHospital: number | null = null;
      if (transport) {
        hospital = chooseHospital(call, this.hospitals);
        const hPos: LonLat = [hospital.lon, hospital.lat];
        const tLeg = makeLeg(
          scene,
          hPos,
          departScene,
          speedFor(distanceKm(scene, hPos), urgent) * 0.95,
          this.route,
        );
        arriveHospital = tLeg.arrive;
        const handover = tLeg.arrive + Math.round((12 + u('handover') * 13) * 60) * 1000;
        segs.push({
          from: departScene,
          to: tLeg.arrive,
          status: 'transporting',
          incidentId: call.id,
          leg: tLeg,
          owned,
        });
        segs.push({
          from: tLeg.arrive,
          to: handover,
          status: 'at_hospital',
          incidentId: call.id,
          pos: hPos,
          owned,
        });
        freeAt = handover;
        freeFrom = hPos;
      }
      const home = this.home(amb.id);
      const back = makeLeg(freeFrom, home, freeAt, speedFor(distanceKm(freeFrom, home), false), this.route);
      segs.push({ from: freeAt, to: back.arrive, status: 'idle', incidentId: null, leg: back, owned });
      segments.set(amb.id, segs);
      availableFrom.set(amb.id, freeAt);
      returnLegs.set(amb.id, back);

      if (owned) {
        incidents.push({
          ...call,
          ambulanceId: amb.id,
          dispatchTime: dispatch,
          arriveSceneTime: leg.arrive,
          departSceneTime: departScene,
          arriveHospitalTime: arriveHospital,
          hospitalId: hospital?.id ?? null,
        });
      }
    }
    const sim = { incidents, segments };
    if (this.cache.size > 80) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(dd, sim);
    return sim;
  }

  /** Planned incidents whose call time lies in [from, to). */
  incidentsCalledBetween(from: number, to: number): PlannedIncident[] {
    const out: PlannedIncident[] = [];
    for (let dd = dispatchDayOf(from); dispatchDayStart(dd) < to; dd++) {
      for (const inc of this.simulateDay(dd).incidents)
        if (inc.callTime >= from && inc.callTime < to) out.push(inc);
    }
    return out.sort((a, b) => a.callTime - b.callTime || a.id.localeCompare(b.id));
  }

  /** The segment an ambulance is in at t, if on a mission or driving home. */
  segmentAt(ambId: string, t: number): Segment | undefined {
    const dd = dispatchDayOf(t);
    for (const d of [dd, dd - 1]) {
      const segs = this.simulateDay(d).segments.get(ambId) ?? [];
      for (const s of segs) if (s.owned && s.from <= t && t < s.to) return s;
    }
    return undefined;
  }

  /** Ambulance state at t (GPS fix). */
  ambulanceAt(ambId: string, t: number): { status: AmbulanceStatus; incidentId: string | null; fix: Fix } {
    const seg = this.segmentAt(ambId, t);
    if (!seg) {
      const [lon, lat] = this.home(ambId);
      return { status: 'idle', incidentId: null, fix: { lon, lat, headingDeg: 0, speedKmh: 0 } };
    }
    let fix: Fix;
    if (seg.leg) fix = positionOnLeg(seg.leg, t);
    else {
      const [lon, lat] = seg.pos ?? this.home(ambId);
      fix = { lon, lat, headingDeg: 0, speedKmh: 0 };
    }
    return { status: seg.status, incidentId: seg.incidentId, fix };
  }

  /** Adds an incident at `now` (POST /admin/incidents). */
  raise(
    now: number,
    where: LonLat,
    severity: Severity,
    injuryType: InjuryType,
    village?: Village,
  ): IncidentCall {
    const n = this.injected.length + 1;
    const next = mulberry32(hash32(this.seed, '120-injected', n, now));
    const placed = village
      ? {
          lon: round6(where[0]),
          lat: round6(where[1]),
          villageCode: village.code,
          townCode: village.townCode,
        }
      : this.geo.place(where[0], where[1]);
    const call: IncidentCall = {
      id: `JZ${compactBeijing(now)}X${n}`,
      callTime: now,
      ...placed,
      severity,
      injuryType,
      patient: makePatient(next, injuryType, beijingParts(now).year),
      injected: true,
    };
    this.injected.push(call);
    const dd = dispatchDayOf(now);
    this.cache.delete(dd);
    this.cache.delete(dd + 1);
    return call;
  }
}

function fixToLonLat(f: Fix): LonLat {
  return [f.lon, f.lat];
}

/** What is known about an incident at time t. */
export function incidentStatusAt(inc: PlannedIncident, t: number): IncidentStatus {
  if (t < inc.dispatchTime) return 'pending';
  if (t < inc.arriveSceneTime) return 'dispatched';
  if (t < inc.departSceneTime) return 'on_scene';
  if (inc.arriveHospitalTime === null) return 'treated_on_scene';
  if (t < inc.arriveHospitalTime) return 'transporting';
  return 'completed';
}

/** Latest event time of the incident that is known at t (for "changed since" queries). */
export function lastEventAt(inc: PlannedIncident, t: number): number {
  const times = [
    inc.callTime,
    inc.dispatchTime,
    inc.arriveSceneTime,
    inc.departSceneTime,
    inc.arriveHospitalTime,
  ];
  let last = inc.callTime;
  for (const x of times) if (x !== null && x <= t && x > last) last = x;
  return last;
}

// ---------------------------------------------------------------- hospitals (live state)

export interface HospitalLive {
  ed_load: number;
  ct_available: boolean;
  trauma_team_ready: boolean;
  door_to_ct_min?: number;
}

/** Emergency-department load 0..1 at t (pure). */
export function edLoadAt(seed: number, h: Hospital, t: number): number {
  const n =
    valueNoise(seed, `ed:${h.id}`, t, 2 * HOUR) * 0.08 + valueNoise(seed, `ed-day:${h.id}`, t, DAY) * 0.06;
  return clamp(edLoadShape(t) * h.edBase + n, 0.03, 0.99);
}

export function hospitalLiveAt(seed: number, h: Hospital, t: number): HospitalLive {
  const load = edLoadAt(seed, h, t);
  const half = Math.floor(t / (30 * MINUTE));
  const ct = h.capabilities.ct && unit(seed, 'ct-busy', h.id, half) >= 0.06 + 0.1 * Math.max(0, load - 0.7);
  const trauma = h.capabilities.trauma_center && unit(seed, 'trauma-ready', h.id, half) >= 0.05;
  const live: HospitalLive = {
    ed_load: Math.round(load * 100) / 100,
    ct_available: ct,
    trauma_team_ready: trauma,
  };
  if (h.capabilities.ct) {
    live.door_to_ct_min = Math.round(
      16 + 28 * load + 4 * valueNoise(seed, `d2ct:${h.id}`, t, HOUR) + (ct ? 0 : 15),
    );
  }
  return live;
}
