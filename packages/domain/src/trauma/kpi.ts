/**
 * Pre-hospital trauma KPIs (院前急救时间指标) by region, and patient masking for the web.
 *
 * Counting rule: an interval counts only for incidents that have BOTH of its timestamps
 * (non-null, finite). An interval whose end is before its start (clock or data-entry error) is left
 * out and counted in `invalid`. Zero-length intervals count. Durations are in seconds.
 *
 * Statistics: median and 90th percentile by linear interpolation between order statistics
 * (the "type 7" definition of R / NumPy / Excel PERCENTILE.INC): for sorted x[0..n-1] the p-quantile
 * is at position p·(n−1). The median of an even count is the mean of the two middle values.
 */

export interface TraumaIncident {
  incidentId: string;
  regionCode: string;
  /** 120 call received. */
  callAtMs: number | null;
  /** Ambulance dispatched. */
  dispatchAtMs: number | null;
  sceneArrivalAtMs: number | null;
  sceneDepartureAtMs: number | null;
  hospitalArrivalAtMs: number | null;
  /** First CT scan started at the hospital (door-to-CT), where reported. */
  ctAtMs?: number | null;
}

export interface DurationStats {
  /** Incidents with both timestamps and a non-negative interval. */
  count: number;
  /** Incidents with both timestamps but the end before the start (excluded). */
  invalid: number;
  medianS: number | null;
  p90S: number | null;
}

export interface GoldenHourStats {
  /** Completed cases: call and hospital arrival both known (and in order). */
  completed: number;
  /** Completed cases with call → hospital arrival ≤ the golden hour. */
  within: number;
  share: number | null;
}

export interface TraumaKpis {
  incidents: number;
  callToDispatch: DurationStats;
  /** Dispatch → scene arrival. */
  response: DurationStats;
  /** Scene arrival → scene departure. */
  onScene: DurationStats;
  /** Scene departure → hospital arrival. */
  transport: DurationStats;
  /** Call → hospital arrival. */
  totalPreHospital: DurationStats;
  /** Hospital arrival → CT. */
  doorToCt: DurationStats;
  goldenHour: GoldenHourStats;
}

export interface RegionTraumaKpis extends TraumaKpis {
  regionCode: string;
}

export interface TraumaKpiOptions {
  /** Golden hour threshold in seconds (total ≤ this counts as within). Default 3600. */
  goldenHourS?: number;
}

/** Linear-interpolation quantile (type 7) of an ascending array; null when empty. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be within 0..1, got ${p}`);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function durations(
  incidents: readonly TraumaIncident[],
  from: (i: TraumaIncident) => number | null | undefined,
  to: (i: TraumaIncident) => number | null | undefined,
): { values: number[]; invalid: number } {
  const values: number[] = [];
  let invalid = 0;
  for (const i of incidents) {
    const a = from(i);
    const b = to(i);
    if (!present(a) || !present(b)) continue;
    if (b < a) invalid++;
    else values.push((b - a) / 1000);
  }
  values.sort((x, y) => x - y);
  return { values, invalid };
}

function stats(d: { values: number[]; invalid: number }): DurationStats {
  return {
    count: d.values.length,
    invalid: d.invalid,
    medianS: quantileSorted(d.values, 0.5),
    p90S: quantileSorted(d.values, 0.9),
  };
}

/** KPIs over a set of incidents (counting rule in the module comment). */
export function traumaKpis(incidents: readonly TraumaIncident[], opts: TraumaKpiOptions = {}): TraumaKpis {
  const golden = opts.goldenHourS ?? 3600;
  if (!(golden > 0)) throw new RangeError(`traumaKpis: goldenHourS must be > 0, got ${golden}`);
  const total = durations(
    incidents,
    (i) => i.callAtMs,
    (i) => i.hospitalArrivalAtMs,
  );
  const within = total.values.filter((s) => s <= golden).length;
  return {
    incidents: incidents.length,
    callToDispatch: stats(
      durations(
        incidents,
        (i) => i.callAtMs,
        (i) => i.dispatchAtMs,
      ),
    ),
    response: stats(
      durations(
        incidents,
        (i) => i.dispatchAtMs,
        (i) => i.sceneArrivalAtMs,
      ),
    ),
    onScene: stats(
      durations(
        incidents,
        (i) => i.sceneArrivalAtMs,
        (i) => i.sceneDepartureAtMs,
      ),
    ),
    transport: stats(
      durations(
        incidents,
        (i) => i.sceneDepartureAtMs,
        (i) => i.hospitalArrivalAtMs,
      ),
    ),
    totalPreHospital: stats(total),
    doorToCt: stats(
      durations(
        incidents,
        (i) => i.hospitalArrivalAtMs,
        (i) => i.ctAtMs,
      ),
    ),
    goldenHour: {
      completed: total.values.length,
      within,
      share: total.values.length === 0 ? null : within / total.values.length,
    },
  };
}

/**
 * KPIs per region, sorted by region code. `regionOf` maps an incident to its region (default
 * `incident.regionCode`; e.g. pass `(i) => i.regionCode.slice(0, 9)` to group villages by township).
 */
export function traumaKpisByRegion(
  incidents: readonly TraumaIncident[],
  opts: TraumaKpiOptions & { regionOf?: (i: TraumaIncident) => string } = {},
): RegionTraumaKpis[] {
  const regionOf = opts.regionOf ?? ((i: TraumaIncident) => i.regionCode);
  const groups = new Map<string, TraumaIncident[]>();
  for (const i of incidents) {
    const code = regionOf(i);
    let g = groups.get(code);
    if (!g) {
      g = [];
      groups.set(code, g);
    }
    g.push(i);
  }
  return [...groups.keys()]
    .sort()
    .map((regionCode) => ({ regionCode, ...traumaKpis(groups.get(regionCode)!, opts) }));
}

export type AgeBand = '0-14' | '15-44' | '45-64' | '65+';

export const AGE_BANDS: readonly AgeBand[] = ['0-14', '15-44', '45-64', '65+'];

/**
 * Age band of an age in years. Fractional ages count in completed years (14.9 → '0-14').
 * Throws RangeError for a negative, non-finite or implausible (> 150) age.
 */
export function ageBand(age: number): AgeBand {
  if (typeof age !== 'number' || !Number.isFinite(age) || age < 0 || age > 150) {
    throw new RangeError('ageBand: age must be a number of years within 0..150');
  }
  const years = Math.floor(age);
  if (years <= 14) return '0-14';
  if (years <= 44) return '15-44';
  if (years <= 64) return '45-64';
  return '65+';
}

/** A patient record as held by the emergency system. Only `age` and `sex` are ever read. */
export interface PatientRecord {
  name?: string | null;
  phone?: string | null;
  idNo?: string | null;
  age?: number | null;
  sex?: string | null;
  [key: string]: unknown;
}

export type PublicSex = 'M' | 'F' | 'unknown';

/** All that may reach the web about a patient. */
export interface PublicPatient {
  ageBand: AgeBand | 'unknown';
  sex: PublicSex;
}

const MALE = new Set(['m', 'male', '男']);
const FEMALE = new Set(['f', 'female', '女']);

/**
 * The public view of a patient: `{ageBand, sex}` and nothing else. Identity (name, phone, ID number,
 * address…) never reaches the web: the output is built from scratch, `sex` is normalised to
 * 'M' | 'F' | 'unknown' (so free text in that field cannot leak), and an absent or invalid age gives
 * 'unknown' instead of throwing (an error message must not carry patient data either). The ID number
 * is not read at all, not even to derive an age.
 */
export function toPublicPatient(p: PatientRecord): PublicPatient {
  const age = p?.age;
  const band =
    typeof age === 'number' && Number.isFinite(age) && age >= 0 && age <= 150 ? ageBand(age) : 'unknown';
  const rawSex = typeof p?.sex === 'string' ? p.sex.trim().toLowerCase() : '';
  const sex: PublicSex = MALE.has(rawSex) ? 'M' : FEMALE.has(rawSex) ? 'F' : 'unknown';
  return { ageBand: band, sex };
}
