/**
 * Short-term prediction of a lot's free berths (+15 / +30 / +60 min, or any horizon).
 *
 * Model:  occupied(now + h) = P(now + h) + k(h) · D(now) + ε
 *
 * - P — a SEASONAL PROFILE: the mean occupancy by day kind (workday / weekend / holiday, from the caller's
 *   calendar) and 15-minute slot of the Beijing day, learnt from the lot's history (e.g. the last 30 days of
 *   5–15-min samples), read with linear interpolation between slot centres (across midnight too, using the
 *   next day's kind). A kind without history borrows another kind's profile: holiday → weekend → workday,
 *   weekend → holiday → workday, workday → weekend → holiday.
 * - D — the current DEVIATION from the profile: an exponentially weighted mean (time constant 10 min) of the
 *   residuals (observation − profile) of the recent samples (the last 2 h).
 * - k(h) = exp(−(h + lag) / τ) — the deviation decays toward the profile; `lag` is the age of the newest
 *   recent sample. τ is fitted on the history itself by least squares: for every sample as origin, the
 *   smoothed deviation D at that time against the residual actually seen 15/30/60/120 min later.
 * - ε — the band: the empirical RMS of (future residual − k·D) per horizon from the same backtest, made
 *   non-decreasing in h; lower/upper = point ± 1.645 σ (a nominal 90 % band), clamped to [0, capacity].
 *   The backtest is in-sample (the profile has seen those points), so the band is slightly optimistic
 *   with little history; with ≥ 2 weeks the effect is small (each slot mean averages dozens of samples).
 *
 * - Saturation: when the latest observation is full (free ≤ max(2, 3 % of capacity)) the occupancy is
 *   censored at capacity; the forecast then holds the lot full for as long as the profile does not expect
 *   demand to fall below its current level (instead of decaying back to the profile).
 *
 * Fallbacks: no recent samples → profile only (band from the unconditional residual spread); empty history →
 * persistence ("free stays as now", band widening as 4 % of capacity × √(h / 15 min), a heuristic); neither →
 * method 'none' with free 0 and the band [0, capacity] (an unknown lot is never advertised as free).
 */
import { beijingMinuteOfDay, type DayKind, type DayKindOf, MINUTE_MS } from './time';

export interface OccupancySample {
  /** Epoch ms. */
  at: number;
  /** Occupied berths at that instant. */
  occupied: number;
}

export interface DayProfile {
  /** Mean occupied berths per 15-min slot of the Beijing day (96 values, slot 0 = 00:00–00:15). */
  readonly mean: readonly number[];
  /** Number of history samples behind each slot of `mean` (0 where interpolated / borrowed). */
  readonly count: readonly number[];
  /** Whose history this profile is: its own kind, another kind (fallback), or null (no history at all). */
  readonly source: DayKind | null;
}

export interface HorizonStd {
  readonly horizonMin: number;
  readonly std: number;
}

/** A learnt profile: plain data (JSON-serialisable), cacheable per lot. */
export interface Profile {
  readonly slotMinutes: number;
  readonly days: Readonly<Record<DayKind, DayProfile>>;
  /** Valid history samples used. */
  readonly sampleCount: number;
  /** RMS of (observation − profile) over the history, berths. */
  readonly residualStd: number;
  /** e-folding time of a deviation from the profile, minutes. */
  readonly decayTauMin: number;
  /** Whether `decayTauMin` / `errorStd` were fitted (false: defaults, too little history). */
  readonly calibrated: boolean;
  /** Forecast error σ (berths) by horizon given the recent deviation, non-decreasing in the horizon. */
  readonly errorStd: readonly HorizonStd[];
}

export type PredictionMethod = 'profile+trend' | 'profile' | 'persistence' | 'none';

export interface FreePrediction {
  horizonMin: number;
  /** now + horizon, epoch ms. */
  atMs: number;
  /** Expected free berths (integer, 0..capacity). */
  free: number;
  /** Expected occupied berths = capacity − free. */
  occupied: number;
  /** Lower / upper bound of the free berths (nominal 90 % band), 0 ≤ lower ≤ free ≤ upper ≤ capacity. */
  lower: number;
  upper: number;
  method: PredictionMethod;
}

export type StandardHorizon = 15 | 30 | 60;
export const DEFAULT_HORIZONS: readonly StandardHorizon[] = [15, 30, 60];

export const SLOT_MINUTES = 15;
const SLOTS = (24 * 60) / SLOT_MINUTES;
const DAY_KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday'];
const FALLBACK: Readonly<Record<DayKind, readonly DayKind[]>> = {
  holiday: ['weekend', 'workday'],
  weekend: ['holiday', 'workday'],
  workday: ['weekend', 'holiday'],
};

/** Recent samples older than this (before now) are ignored. */
export const RECENT_WINDOW_MIN = 120;
/** Time constant of the exponential smoothing of the recent deviation. */
export const SMOOTHING_TAU_MIN = 10;
/** Used when the history is too short to fit τ. */
export const DEFAULT_DECAY_TAU_MIN = 60;
/** z of the band: 1.645 ↔ nominal 90 % two-sided for a normal error. */
export const BAND_Z = 1.645;
/** Persistence fallback: σ = this × capacity × √(h / 15 min). Heuristic. */
const PERSISTENCE_DRIFT = 0.04;

const FIT_HORIZONS = [15, 30, 60, 120] as const;
const STD_HORIZONS = [5, 15, 30, 60, 120, 240] as const;
const MIN_FIT_PAIRS = 50;
const MIN_STD_PAIRS = 20;
const MAX_ORIGINS = 6000;
/** A future sample must lie within this of origin + h to count as the truth at h. */
const MATCH_TOLERANCE_MIN = 7.5;

function validSamples(samples: readonly OccupancySample[]): OccupancySample[] {
  const out = samples.filter((s) => Number.isFinite(s.at) && Number.isFinite(s.occupied) && s.occupied >= 0);
  out.sort((a, b) => a.at - b.at);
  return out;
}

/** Fill empty slots (count 0) by circular linear interpolation between the nearest filled slots. */
function fillGaps(mean: number[], count: readonly number[]): void {
  const filled: number[] = [];
  for (let i = 0; i < SLOTS; i++) if ((count[i] ?? 0) > 0) filled.push(i);
  if (filled.length === 0 || filled.length === SLOTS) return;
  for (let f = 0; f < filled.length; f++) {
    const a = filled[f]!;
    const b = filled[(f + 1) % filled.length]!;
    const gap = (b - a + SLOTS) % SLOTS || SLOTS;
    const va = mean[a]!;
    const vb = mean[b]!;
    for (let d = 1; d < gap; d++) mean[(a + d) % SLOTS] = va + ((vb - va) * d) / gap;
  }
}

function emptyDays(): Record<DayKind, DayProfile> {
  const zero = (): number[] => new Array<number>(SLOTS).fill(0);
  return {
    workday: { mean: zero(), count: zero(), source: null },
    weekend: { mean: zero(), count: zero(), source: null },
    holiday: { mean: zero(), count: zero(), source: null },
  };
}

function slotValue(profile: Profile, ms: number, calendar: DayKindOf): number {
  const slot = Math.min(SLOTS - 1, Math.floor(beijingMinuteOfDay(ms) / SLOT_MINUTES));
  return profile.days[calendar(ms)].mean[slot] ?? 0;
}

/**
 * The profile's expected occupied berths at an instant: linear interpolation between the centres of the
 * 15-min slots (each centre read with the day kind of its own date). null for an empty profile.
 */
export function profileAt(profile: Profile, ms: number, calendar: DayKindOf): number | null {
  if (profile.sampleCount === 0) return null;
  const slotMs = SLOT_MINUTES * MINUTE_MS;
  const half = slotMs / 2;
  // Slot boundaries fall on whole quarter-hours of Beijing time, which coincide with UTC quarter-hours.
  const c0 = Math.floor((ms - half) / slotMs) * slotMs + half;
  const w = (ms - c0) / slotMs;
  const v0 = slotValue(profile, c0, calendar);
  if (w === 0) return v0;
  return v0 + (slotValue(profile, c0 + slotMs, calendar) - v0) * w;
}

/** Exponentially weighted mean of residuals, weights exp(−age / τs); null when none in the window. */
function smoothedDeviation(
  samples: readonly OccupancySample[],
  from: number,
  to: number,
  nowMs: number,
  residual: (index: number) => number,
): number | null {
  let sw = 0;
  let sr = 0;
  for (let i = from; i < to; i++) {
    const w = Math.exp(-(nowMs - samples[i]!.at) / (SMOOTHING_TAU_MIN * MINUTE_MS));
    sw += w;
    sr += w * residual(i);
  }
  return sw > 0 ? sr / sw : null;
}

/** Index of the sample nearest to `t` within the tolerance, or -1 (samples sorted by time). */
function nearestIndex(samples: readonly OccupancySample[], t: number, tolMs: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.at < t) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestD = tolMs;
  for (const i of [lo - 1, lo]) {
    const s = samples[i];
    if (!s) continue;
    const d = Math.abs(s.at - t);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

function interpStd(table: readonly HorizonStd[], h: number): number {
  const first = table[0];
  if (!first) return 0;
  if (h <= first.horizonMin) return first.std;
  for (let i = 1; i < table.length; i++) {
    const a = table[i - 1]!;
    const b = table[i]!;
    if (h <= b.horizonMin)
      return a.std + ((b.std - a.std) * (h - a.horizonMin)) / (b.horizonMin - a.horizonMin);
  }
  return table[table.length - 1]!.std;
}

/**
 * Learn the seasonal profile (and the decay / band calibration) from a lot's occupancy history.
 * Invalid samples (non-finite, negative) are ignored; the history needs no particular order.
 */
export function buildProfile(history: readonly OccupancySample[], calendar: DayKindOf): Profile {
  const samples = validSamples(history);
  const days = emptyDays();
  if (samples.length === 0) {
    return {
      slotMinutes: SLOT_MINUTES,
      days,
      sampleCount: 0,
      residualStd: 0,
      decayTauMin: DEFAULT_DECAY_TAU_MIN,
      calibrated: false,
      errorStd: [],
    };
  }

  // 1. Slot means per day kind.
  const sums: Record<DayKind, number[]> = { workday: [], weekend: [], holiday: [] };
  const counts: Record<DayKind, number[]> = { workday: [], weekend: [], holiday: [] };
  for (const k of DAY_KINDS) {
    sums[k] = new Array<number>(SLOTS).fill(0);
    counts[k] = new Array<number>(SLOTS).fill(0);
  }
  for (const s of samples) {
    const kind = calendar(s.at);
    const slot = Math.min(SLOTS - 1, Math.floor(beijingMinuteOfDay(s.at) / SLOT_MINUTES));
    sums[kind][slot]! += s.occupied;
    counts[kind][slot]! += 1;
  }
  const own: Partial<Record<DayKind, DayProfile>> = {};
  for (const k of DAY_KINDS) {
    const c = counts[k];
    if (!c.some((n) => n > 0)) continue;
    const mean = sums[k].map((v, i) => ((c[i] ?? 0) > 0 ? v / c[i]! : 0));
    fillGaps(mean, c);
    own[k] = { mean, count: c, source: k };
  }
  for (const k of DAY_KINDS) {
    const mine = own[k];
    if (mine) {
      days[k] = mine;
      continue;
    }
    const borrowed = FALLBACK[k].map((f) => own[f]).find((p) => p !== undefined);
    if (borrowed)
      days[k] = { mean: borrowed.mean, count: new Array<number>(SLOTS).fill(0), source: borrowed.source };
  }

  const draft: Profile = {
    slotMinutes: SLOT_MINUTES,
    days,
    sampleCount: samples.length,
    residualStd: 0,
    decayTauMin: DEFAULT_DECAY_TAU_MIN,
    calibrated: false,
    errorStd: [],
  };

  // 2. Residuals around the (interpolated) profile.
  const resid = samples.map((s) => s.occupied - (profileAt(draft, s.at, calendar) ?? 0));
  const residualStd = Math.sqrt(resid.reduce((a, r) => a + r * r, 0) / resid.length);
  const residual = (i: number): number => resid[i]!;

  // 3. Backtest pairs (D at the origin, residual at origin + h).
  const windowMs = RECENT_WINDOW_MIN * MINUTE_MS;
  const tolMs = MATCH_TOLERANCE_MIN * MINUTE_MS;
  const stride = Math.max(1, Math.ceil(samples.length / MAX_ORIGINS));
  const horizons = [...new Set<number>([...FIT_HORIZONS, ...STD_HORIZONS])];
  const pairs = new Map<number, { d: number; e: number }[]>(horizons.map((h) => [h, []]));
  let start = 0;
  for (let i = 0; i < samples.length; i += stride) {
    const t = samples[i]!.at;
    while (samples[start]!.at <= t - windowMs) start++;
    const d = smoothedDeviation(samples, start, i + 1, t, residual);
    if (d === null) continue;
    for (const h of horizons) {
      const j = nearestIndex(samples, t + h * MINUTE_MS, tolMs);
      if (j > i) pairs.get(h)!.push({ d, e: resid[j]! });
    }
  }

  // 4. Fit τ (grid search, log-spaced 5 min … 48 h) on the FIT_HORIZONS pairs.
  const stats = FIT_HORIZONS.map((h) => {
    let sdd = 0;
    let sde = 0;
    let n = 0;
    for (const { d, e } of pairs.get(h) ?? []) {
      sdd += d * d;
      sde += d * e;
      n++;
    }
    return { h, sdd, sde, n };
  });
  const nFit = stats.reduce((a, s) => a + s.n, 0);
  let tau = DEFAULT_DECAY_TAU_MIN;
  const calibrated = nFit >= MIN_FIT_PAIRS && stats.some((s) => s.sdd > 0);
  if (calibrated) {
    let best = Number.POSITIVE_INFINITY;
    for (let g = 0; g <= 160; g++) {
      const cand = 5 * (2880 / 5) ** (g / 160);
      let sse = 0;
      for (const s of stats) {
        const k = Math.exp(-s.h / cand);
        sse += -2 * k * s.sde + k * k * s.sdd;
      }
      if (sse < best) {
        best = sse;
        tau = cand;
      }
    }
  }

  // 5. Error σ per horizon (empirical where there are enough pairs, AR(1)-style otherwise), non-decreasing.
  const errorStd: HorizonStd[] = [];
  let running = 0;
  for (const h of STD_HORIZONS) {
    const k = Math.exp(-h / tau);
    const ps = pairs.get(h) ?? [];
    let std: number;
    if (ps.length >= MIN_STD_PAIRS) {
      let se = 0;
      for (const { d, e } of ps) se += (e - k * d) ** 2;
      std = Math.sqrt(se / ps.length);
    } else {
      std = residualStd * Math.sqrt(Math.max(0, 1 - k * k));
    }
    running = Math.max(running, std);
    errorStd.push({ horizonMin: h, std: running });
  }

  return { ...draft, residualStd, decayTauMin: tau, calibrated, errorStd };
}

function assertCapacity(capacity: number): void {
  if (!Number.isFinite(capacity) || capacity < 0)
    throw new RangeError(`capacity must be a finite number ≥ 0 (got ${capacity})`);
}

function finish(
  horizonMin: number,
  atMs: number,
  capacity: number,
  occupiedRaw: number,
  std: number,
  method: PredictionMethod,
): FreePrediction {
  const occ = Math.min(capacity, Math.max(0, occupiedRaw));
  const freeRaw = capacity - occ;
  const free = Math.round(freeRaw);
  const spread = BAND_Z * Math.max(0, std);
  const lower = Math.max(0, Math.min(free, Math.floor(freeRaw - spread)));
  const upper = Math.min(capacity, Math.max(free, Math.ceil(freeRaw + spread)));
  return { horizonMin, atMs, free, occupied: capacity - free, lower, upper, method };
}

/**
 * Predicted free berths `horizonMin` minutes after `nowMs` (any horizon ≥ 0, e.g. the drive time).
 * `recent` are the latest observations (samples after `nowMs` or older than 2 h are ignored).
 */
export function predictFreeAt(
  profile: Profile,
  recent: readonly OccupancySample[],
  nowMs: number,
  horizonMin: number,
  capacity: number,
  calendar: DayKindOf,
): FreePrediction {
  assertCapacity(capacity);
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be finite (got ${nowMs})`);
  if (!Number.isFinite(horizonMin) || horizonMin < 0)
    throw new RangeError(`horizonMin must be a finite number ≥ 0 (got ${horizonMin})`);
  const atMs = nowMs + horizonMin * MINUTE_MS;
  const windowMs = RECENT_WINDOW_MIN * MINUTE_MS;
  const obs = validSamples(recent).filter((s) => s.at <= nowMs && s.at > nowMs - windowMs);
  const last = obs[obs.length - 1];
  const lagMin = last ? (nowMs - last.at) / MINUTE_MS : 0;

  if (profile.sampleCount > 0) {
    const base = profileAt(profile, atMs, calendar) ?? 0;
    if (!last) return finish(horizonMin, atMs, capacity, base, profile.residualStd, 'profile');
    const residual = (i: number): number =>
      obs[i]!.occupied - (profileAt(profile, obs[i]!.at, calendar) ?? 0);
    const d = smoothedDeviation(obs, 0, obs.length, nowMs, residual) ?? 0;
    const effH = horizonMin + lagMin;
    const k = Math.exp(-effH / profile.decayTauMin);
    let occupied = base + k * d;
    // A saturated lot (free ≤ the full threshold): its occupancy is censored at capacity, so the deviation
    // under-states the demand and would decay back to the profile too fast. Hold it full while the profile
    // does not expect demand to fall (profile at the horizon ≥ profile now − the threshold).
    const th = fullThreshold(capacity);
    if (capacity - last.occupied <= th) {
      const profileNow = profileAt(profile, nowMs, calendar) ?? 0;
      if (base >= profileNow - th) occupied = Math.max(occupied, last.occupied);
    }
    return finish(horizonMin, atMs, capacity, occupied, interpStd(profile.errorStd, effH), 'profile+trend');
  }
  if (last) {
    const std = PERSISTENCE_DRIFT * capacity * Math.sqrt(Math.max(5, horizonMin + lagMin) / 15);
    return finish(horizonMin, atMs, capacity, last.occupied, std, 'persistence');
  }
  return { horizonMin, atMs, free: 0, occupied: capacity, lower: 0, upper: capacity, method: 'none' };
}

/** Predictions at several horizons (default +15, +30, +60 min). */
export function predictFree(
  profile: Profile,
  recent: readonly OccupancySample[],
  nowMs: number,
  horizonsMin: readonly number[] = DEFAULT_HORIZONS,
  capacity: number,
  calendar: DayKindOf,
): FreePrediction[] {
  return horizonsMin.map((h) => predictFreeAt(profile, recent, nowMs, h, capacity, calendar));
}

export interface PredictionPair {
  horizonMin: number;
  predictedFree: number;
  /** The actual free berths at now + horizon. */
  actualFree: number;
  capacity: number;
}

export interface PredictionEvaluation {
  /** Mean absolute error of the free berths per standard horizon; null when no pair has that horizon. */
  maeByHorizon: Record<StandardHorizon, number | null>;
  countByHorizon: Record<StandardHorizon, number>;
  /** Of the "will be full" calls, the share that were full; null when no call was made. */
  fullCallPrecision: number | null;
  /** Of the actually-full cases, the share that were called; null when none was full. */
  fullCallRecall: number | null;
}

/** A lot counts as full when its free berths ≤ max(2, 3 % of capacity). */
export function fullThreshold(capacity: number): number {
  return Math.max(2, 0.03 * capacity);
}

/**
 * Scores predictions against the truth. A "this lot will be full" call is predicted free ≤ max(2, 3 % of
 * capacity); it is right when the actual free at that horizon is ≤ the same threshold. MAE is per standard
 * horizon (+15/+30/+60); the full-call precision/recall use every pair. Non-finite pairs are skipped.
 */
export function evaluatePredictions(pairs: readonly PredictionPair[]): PredictionEvaluation {
  const sum: Record<StandardHorizon, number> = { 15: 0, 30: 0, 60: 0 };
  const countByHorizon: Record<StandardHorizon, number> = { 15: 0, 30: 0, 60: 0 };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    if (![p.horizonMin, p.predictedFree, p.actualFree, p.capacity].every(Number.isFinite)) continue;
    if (p.horizonMin === 15 || p.horizonMin === 30 || p.horizonMin === 60) {
      sum[p.horizonMin] += Math.abs(p.predictedFree - p.actualFree);
      countByHorizon[p.horizonMin]++;
    }
    const th = fullThreshold(p.capacity);
    const called = p.predictedFree <= th;
    const full = p.actualFree <= th;
    if (called && full) tp++;
    else if (called) fp++;
    else if (full) fn++;
  }
  const mae = (h: StandardHorizon): number | null =>
    countByHorizon[h] > 0 ? sum[h] / countByHorizon[h] : null;
  return {
    maeByHorizon: { 15: mae(15), 30: mae(30), 60: mae(60) },
    countByHorizon,
    fullCallPrecision: tp + fp > 0 ? tp / (tp + fp) : null,
    fullCallRecall: tp + fn > 0 ? tp / (tp + fn) : null,
  };
}
