/**
 * Environment ground truth, pure in (seed, site, t):
 *
 * - wind: a seasonal prevailing direction plus slow seeded drift; speed with an afternoon maximum;
 * - rain: seeded rain events (2-day blocks, more in the plum-rain / typhoon months);
 * - air: regional background × season × diurnal shape × dilution, plus **pollution episodes**: a source placed
 *   upwind of the urban core emits for a few hours, and its plume reaches each station downwind after a lag
 *   of (along-wind distance / wind speed), spread cross-wind — so an episode shows first at the upwind
 *   stations and drifts downwind;
 * - water: upstream-to-downstream gradient, diurnal DO/pH, and a rain-runoff pulse that reaches downstream
 *   sections later (TP / NH3-N can slip to class IV after heavy rain);
 * - noise: zone levels with day/night shape; roadside (4a) points exceed the night limit on some nights.
 */
import { beijingParts, DAY, dayInfo, HOUR } from '../calendar';
import { displacementKm, type Geo, type LonLat, offsetKm, type Placed, placeAnchor } from '../geo';
import { type DailyCurve, dailyCurve, scenicDemand, trafficIntensity } from '../profiles';
import { clamp, fbm, unit, valueNoise } from '../random';
import {
  AIR_STATIONS,
  type AirStationSpec,
  type FunctionalZone,
  NOISE_LIMITS,
  NOISE_POINTS,
  type NoisePointSpec,
  WATER_SECTIONS,
  type WaterSectionSpec,
} from './stations';

export type AirStation = AirStationSpec & Placed;
export type WaterSection = WaterSectionSpec & Placed;
export type NoisePoint = NoisePointSpec & Placed;

export function buildEnvSites(geo: Geo): { air: AirStation[]; water: WaterSection[]; noise: NoisePoint[] } {
  return {
    air: AIR_STATIONS.map((s) => ({ ...s, ...placeAnchor(geo, s.anchor) })),
    water: WATER_SECTIONS.map((s) => ({ ...s, ...placeAnchor(geo, s.anchor) })),
    noise: NOISE_POINTS.map((s) => ({ ...s, ...placeAnchor(geo, s.anchor) })),
  };
}

// ---------------------------------------------------------------- wind

/** Prevailing direction the wind blows FROM, by month (degrees). */
const PREVAILING_FROM = [340, 350, 20, 90, 120, 160, 180, 150, 60, 30, 10, 345];

export interface Wind {
  /** direction the wind blows from, degrees clockwise from north */
  dirDeg: number;
  speedMs: number;
}

const WIND_SPEED_HOURS: DailyCurve = [
  [0, 0.75],
  [6, 0.7],
  [10, 1],
  [14.5, 1.45],
  [18, 1.05],
  [21, 0.8],
];

/** County-scale wind at t. */
export function windAt(seed: number, t: number): Wind {
  const { month, hourFrac } = beijingParts(t);
  const base = PREVAILING_FROM[month - 1] ?? 0;
  const dir = base + 75 * fbm(seed, 'wind-dir', t, 20 * HOUR, 2);
  const gust = 1 + 0.5 * fbm(seed, 'wind-speed', t, 10 * HOUR, 2);
  const rain = rainAt(seed, t);
  const speed = clamp(1.6 * dailyCurve(WIND_SPEED_HOURS, hourFrac) * gust + 0.15 * rain, 0.2, 12);
  return { dirDeg: ((dir % 360) + 360) % 360, speedMs: speed };
}

export function stationWindAt(seed: number, s: AirStation, t: number): Wind {
  const w = windAt(seed, t);
  const dir = w.dirDeg + 12 * valueNoise(seed, `wdir:${s.code}`, t, 3 * HOUR);
  return {
    dirDeg: ((dir % 360) + 360) % 360,
    speedMs: clamp(
      w.speedMs * s.windFactor * (1 + 0.12 * valueNoise(seed, `wspd:${s.code}`, t, 2 * HOUR)),
      0.1,
      15,
    ),
  };
}

// ---------------------------------------------------------------- rain

const RAIN_BLOCK_MS = 2 * DAY;
/** Chance of a rain event per 2-day block, by month (plum rains in June, typhoons Aug–Sep). */
const RAIN_CHANCE = [0.35, 0.45, 0.55, 0.55, 0.55, 0.8, 0.45, 0.55, 0.5, 0.3, 0.3, 0.3];

interface RainEvent {
  from: number;
  to: number;
  mmPerHour: number;
}

function rainEvent(seed: number, block: number): RainEvent | undefined {
  const start = block * RAIN_BLOCK_MS;
  const { month } = beijingParts(start);
  if (unit(seed, 'rain', block) >= (RAIN_CHANCE[month - 1] ?? 0.4)) return undefined;
  const from = start + Math.floor(unit(seed, 'rain-at', block) * 36) * HOUR;
  const hours = 3 + Math.floor(unit(seed, 'rain-len', block) * 16);
  const heavy = unit(seed, 'rain-heavy', block);
  const mmPerHour =
    heavy < 0.15 ? 5 + 5 * unit(seed, 'rain-mm', block) : 0.5 + 3 * unit(seed, 'rain-mm', block);
  return { from, to: from + hours * HOUR, mmPerHour };
}

/** Rain intensity at t, mm/h. */
export function rainAt(seed: number, t: number): number {
  const block = Math.floor(t / RAIN_BLOCK_MS);
  let mm = 0;
  for (const b of [block - 1, block]) {
    const e = rainEvent(seed, b);
    if (e && t >= e.from && t < e.to) {
      const f = (t - e.from) / (e.to - e.from);
      mm +=
        e.mmPerHour * (0.6 + 0.8 * Math.sin(Math.PI * f)) * (1 + 0.3 * valueNoise(seed, 'rain-var', t, HOUR));
    }
  }
  return Math.max(0, mm);
}

/** Rain-runoff index at t: recent rain, exponentially forgotten (≈ mm), seen `lagHours` later. */
export function runoffIndex(seed: number, t: number, lagHours: number, memoryHours = 10): number {
  let s = 0;
  for (let k = 0; k < 48; k++) s += rainAt(seed, t - (lagHours + k) * HOUR) * Math.exp(-k / memoryHours);
  return s;
}

// ---------------------------------------------------------------- pollution episodes

const URBAN_CORE: LonLat = [121.03, 29.14];
const EPISODE_BLOCK_MS = 3 * DAY;

export interface Episode {
  id: string;
  source: LonLat;
  from: number;
  to: number;
  /** PM2.5 increment at the plume core near the source, μg/m³ */
  intensity: number;
}

/** The pollution episode of a 3-day block, if any. */
export function episodeOfBlock(seed: number, block: number): Episode | undefined {
  if (unit(seed, 'episode', block) >= 0.3) return undefined;
  const from = block * EPISODE_BLOCK_MS + Math.floor(unit(seed, 'episode-at', block) * 60) * HOUR;
  const hours = 4 + Math.floor(unit(seed, 'episode-len', block) * 7);
  // the source lies upwind of the urban core (given the wind at the start), 9–16 km away
  const w = windAt(seed, from);
  const dist = 9 + 7 * unit(seed, 'episode-dist', block);
  const lateral = (unit(seed, 'episode-lat', block) - 0.5) * 6;
  const rad = (w.dirDeg * Math.PI) / 180;
  const ux = Math.sin(rad);
  const uy = Math.cos(rad);
  const source = offsetKm(URBAN_CORE, ux * dist - uy * lateral, uy * dist + ux * lateral);
  return {
    id: `EP${block}`,
    source,
    from,
    to: from + hours * HOUR,
    intensity: 75 + 65 * unit(seed, 'episode-int', block),
  };
}

function emission(e: Episode, t: number): number {
  if (t <= e.from - HOUR || t >= e.to + HOUR) return 0;
  if (t < e.from) return (t - (e.from - HOUR)) / HOUR;
  if (t > e.to) return (e.to + HOUR - t) / HOUR;
  return 1;
}

/**
 * PM2.5 increment at a place and time from active episodes: the plume travels downwind with the wind speed,
 * so a station x km downwind sees what the source emitted x / speed hours earlier.
 */
export function plumeAt(seed: number, p: LonLat, t: number): number {
  let total = 0;
  const block = Math.floor(t / EPISODE_BLOCK_MS);
  for (const b of [block - 1, block]) {
    const e = episodeOfBlock(seed, b);
    if (!e || t < e.from - HOUR || t > e.to + 12 * HOUR) continue;
    const w = windAt(seed, t);
    const rad = ((w.dirDeg + 180) * Math.PI) / 180; // downwind unit vector
    const dx = Math.sin(rad);
    const dy = Math.cos(rad);
    const d = displacementKm(e.source, p);
    const along = d.east * dx + d.north * dy;
    const cross = -d.east * dy + d.north * dx;
    if (along < -2) continue;
    const x = Math.max(0, along);
    const lagMs = (x / (Math.max(0.8, w.speedMs) * 3.6)) * HOUR;
    const sigma = 2.5 + 0.28 * x;
    total +=
      e.intensity *
      emission(e, t - lagMs) *
      Math.exp(-(cross * cross) / (2 * sigma * sigma)) *
      Math.exp(-x / 45);
  }
  return total;
}

// ---------------------------------------------------------------- air quality

const PM25_BY_MONTH = [46, 42, 35, 30, 26, 20, 16, 17, 20, 26, 34, 42];
const O3_BY_MONTH = [40, 50, 70, 95, 115, 110, 100, 100, 105, 85, 60, 45];
const PM_HOURS: DailyCurve = [
  [0, 1.05],
  [3, 1],
  [6, 1.05],
  [8.5, 1.18],
  [11, 1],
  [14.5, 0.8],
  [17, 0.9],
  [20, 1.12],
  [22.5, 1.12],
];
const O3_HOURS: DailyCurve = [
  [0, 0.35],
  [6, 0.25],
  [9, 0.45],
  [12, 0.85],
  [15, 1],
  [17, 0.8],
  [20, 0.5],
];

export interface AirValues {
  PM2_5: number;
  PM10: number;
  SO2: number;
  NO2: number;
  /** mg/m³ */
  CO: number;
  O3: number;
}

/** Instantaneous concentrations (μg/m³; CO mg/m³) at a station. */
export function airAt(seed: number, s: AirStation, t: number): AirValues {
  const { month, hourFrac } = beijingParts(t);
  const wind = stationWindAt(seed, s, t);
  const rain = rainAt(seed, t);
  const dilution = clamp(1.28 - 0.13 * wind.speedMs, 0.55, 1.3);
  const washout = 1 / (1 + 0.25 * rain);
  const synoptic = Math.exp(0.38 * fbm(seed, 'pm-synoptic', t, 2.5 * DAY, 2));
  const local = Math.exp(0.1 * valueNoise(seed, `pm-local:${s.code}`, t, 5 * HOUR));
  const base =
    (PM25_BY_MONTH[month - 1] ?? 25) * s.pmFactor * dailyCurve(PM_HOURS, hourFrac) * synoptic * local;
  const plume = plumeAt(seed, [s.lon, s.lat], t);
  const pm25 = Math.max(3, base * dilution * washout + plume * washout);
  const ratio = 1.55 + 0.25 * valueNoise(seed, `pm-ratio:${s.code}`, t, 8 * HOUR);
  const pm10 = Math.max(pm25 * 1.1, pm25 * ratio + 8 * Math.max(0, 1 - rain));
  const traffic = trafficIntensity(t);
  const winter = month === 12 || month <= 2 ? 1.3 : month >= 6 && month <= 8 ? 0.7 : 1;
  const no2 = Math.max(
    2,
    s.no2Base *
      (0.55 + 0.85 * traffic) *
      winter *
      dilution *
      (1 + 0.15 * valueNoise(seed, `no2:${s.code}`, t, 4 * HOUR)) +
      0.25 * plume,
  );
  const so2 = Math.max(
    2,
    5 + (winter > 1 ? 2 : 0) + 2.5 * valueNoise(seed, `so2:${s.code}`, t, 6 * HOUR) + 0.05 * plume,
  );
  const co = Math.max(
    0.2,
    0.42 + 0.22 * traffic + 0.004 * pm25 + 0.06 * valueNoise(seed, `co:${s.code}`, t, 6 * HOUR),
  );
  const o3amp = (O3_BY_MONTH[month - 1] ?? 70) * (1 - 0.5 * Math.min(1, rain / 3));
  const o3 = Math.max(
    4,
    18 +
      o3amp * dailyCurve(O3_HOURS, hourFrac) * (1 + 0.18 * fbm(seed, `o3:${s.code}`, t, DAY, 2)) -
      0.45 * no2,
  );
  return { PM2_5: pm25, PM10: pm10, SO2: so2, NO2: no2, CO: co, O3: o3 };
}

/** Hourly values reported for TimePoint T (the hour ending at T). */
export function airHourly(seed: number, s: AirStation, timePoint: number): AirValues & { O3_8h: number } {
  const v = airAt(seed, s, timePoint - HOUR / 2);
  let o3sum = 0;
  for (let k = 0; k < 8; k++) o3sum += airAt(seed, s, timePoint - k * HOUR - HOUR / 2).O3;
  return { ...v, O3_8h: o3sum / 8 };
}

// HJ 633-2012 breakpoints (hourly AQI; PM uses the 24-h table, as the real-time release does)
const IAQI = [0, 50, 100, 150, 200, 300, 400, 500];
const BREAKPOINTS: Record<'SO2' | 'NO2' | 'PM10' | 'CO' | 'O3' | 'PM2_5', readonly number[]> = {
  SO2: [0, 150, 500, 650, 800, 1600, 2100, 2620],
  NO2: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  CO: [0, 5, 10, 35, 60, 90, 120, 150],
  O3: [0, 160, 200, 300, 400, 800, 1000, 1200],
  PM2_5: [0, 35, 75, 115, 150, 250, 350, 500],
};

export function iaqi(pollutant: keyof typeof BREAKPOINTS, c: number): number {
  const bp = BREAKPOINTS[pollutant];
  for (let i = 1; i < bp.length; i++) {
    const hi = bp[i] ?? 0;
    const lo = bp[i - 1] ?? 0;
    if (c <= hi) {
      const ih = IAQI[i] ?? 500;
      const il = IAQI[i - 1] ?? 0;
      return Math.ceil(((ih - il) / (hi - lo)) * (c - lo) + il);
    }
  }
  return 500;
}

export const POLLUTANT_LABEL: Record<keyof typeof BREAKPOINTS, string> = {
  SO2: 'SO2',
  NO2: 'NO2',
  PM10: 'PM10',
  CO: 'CO',
  O3: 'O3',
  PM2_5: 'PM2.5',
};

/** AQI, primary pollutant and quality class from (possibly partial) hourly values. */
export function aqiOf(v: Partial<AirValues>): { aqi: number; primary: string; quality: string } {
  let aqi = 0;
  let primary: string[] = [];
  for (const k of Object.keys(BREAKPOINTS) as (keyof typeof BREAKPOINTS)[]) {
    const c = v[k];
    if (c === undefined) continue;
    const i = iaqi(k, c);
    if (i > aqi) {
      aqi = i;
      primary = [POLLUTANT_LABEL[k]];
    } else if (i === aqi) primary.push(POLLUTANT_LABEL[k]);
  }
  const quality =
    aqi <= 50
      ? '优'
      : aqi <= 100
        ? '良'
        : aqi <= 150
          ? '轻度污染'
          : aqi <= 200
            ? '中度污染'
            : aqi <= 300
              ? '重度污染'
              : '严重污染';
  return { aqi, primary: aqi > 50 ? primary.join(',') : '—', quality };
}

export type AirFlag = '' | 'H' | '—';

/** Data flags for a station-hour: weekly calibration hour ('H'), rare missing values ('—'). */
export function airFlag(seed: number, s: AirStation, timePoint: number, pollutant: string): AirFlag {
  const { weekday, hour } = beijingParts(timePoint);
  const idx = AIR_STATIONS.findIndex((a) => a.code === s.code);
  if (weekday === (idx + 1) % 7 && hour === 3) return 'H';
  const hourIdx = Math.floor(timePoint / HOUR);
  if (unit(seed, 'air-down', s.code, hourIdx) < 0.004) return '—';
  if (unit(seed, 'air-miss', s.code, hourIdx, pollutant) < 0.008) return '—';
  return '';
}

// ---------------------------------------------------------------- water quality

export interface WaterValues {
  pH: number;
  DO: number;
  CODMn: number;
  NH3N: number;
  TP: number;
  TN: number;
  /** Chlorophyll a, mg/m³ (reservoirs only; rivers report none). */
  Chla?: number;
  /** Transparency (Secchi depth), m (reservoirs only). */
  SD?: number;
}

const DO_BY_MONTH = [10.2, 10, 9.3, 8.6, 7.9, 7.3, 6.9, 6.8, 7.3, 8.1, 8.9, 9.7];

/** Water quality at a section at t. */
export function waterAt(seed: number, s: WaterSection, t: number): WaterValues {
  const { month, hourFrac } = beijingParts(t);
  const n = (k: string, period: number) => valueNoise(seed, `water-${k}:${s.code}`, t, period);
  const photo = Math.sin(((hourFrac - 8) / 24) * 2 * Math.PI); // afternoon maximum
  if (s.waterBody === 'reservoir') {
    const r = runoffIndex(seed, t, 6, 24) * 0.15;
    return {
      pH: 7.45 + 0.2 * photo + 0.1 * n('ph', DAY),
      DO: (DO_BY_MONTH[month - 1] ?? 8) + 0.5 + 0.5 * photo + 0.3 * n('do', DAY),
      CODMn: Math.max(0.8, 1.6 + 0.25 * n('cod', 3 * DAY) + 0.01 * r),
      NH3N: Math.max(0.03, 0.1 + 0.03 * n('nh3', 2 * DAY) + 0.004 * r),
      TP: Math.max(0.005, 0.017 + 0.004 * n('tp', 2 * DAY) + 0.0008 * r),
      TN: Math.max(0.2, 0.72 + 0.1 * n('tn', 3 * DAY) + 0.006 * r),
      // a clean mountain reservoir: a little algae in the warm months, clear water
      Chla: Math.max(0.5, 2.2 + 1.2 * Math.sin(((month - 4) / 12) * 2 * Math.PI) + 0.5 * n('chla', 3 * DAY)),
      SD: Math.max(0.8, 2.4 + 0.3 * n('sd', 3 * DAY) - 0.01 * r),
    };
  }
  const f = s.downstream;
  const r = runoffIndex(seed, t, 2 + 10 * f);
  // the first flush carries most of the load: the pulse saturates for long, heavy rain
  const pulse = (0.5 + 0.8 * f) * 35 * (1 - Math.exp(-r / 35));
  return {
    pH: 7.3 + 0.18 * photo + 0.12 * n('ph', DAY) - 0.004 * r,
    DO: Math.max(
      3,
      (DO_BY_MONTH[month - 1] ?? 8) - 1.1 * f + 0.6 * photo + 0.35 * n('do', DAY) - 0.02 * pulse,
    ),
    CODMn: Math.max(0.8, 1.8 + 1.4 * f + 0.35 * n('cod', 2 * DAY) + 0.03 * pulse),
    NH3N: Math.max(0.03, 0.12 + 0.24 * f + 0.06 * n('nh3', DAY) + 0.02 * pulse),
    TP: Math.max(0.01, 0.04 + 0.06 * f + 0.012 * n('tp', DAY) + 0.0038 * pulse),
    TN: Math.max(0.3, 0.9 + 0.8 * f + 0.15 * n('tn', 2 * DAY) + 0.02 * pulse),
  };
}

const CLASSES = ['I', 'II', 'III', 'IV', 'V'] as const;
export type WaterClass = (typeof CLASSES)[number] | '劣V';

/** GB 3838-2002 class (pH, DO, CODMn, NH3-N, TP; TN is reported but not assessed, as is common practice). */
export function waterClassOf(v: Partial<WaterValues>, waterBody: 'river' | 'reservoir'): WaterClass {
  const le = (x: number | undefined, limits: readonly number[]) => {
    if (x === undefined) return 0;
    const i = limits.findIndex((l) => x <= l);
    return i === -1 ? 5 : i;
  };
  const ge = (x: number | undefined, limits: readonly number[]) => {
    if (x === undefined) return 0;
    const i = limits.findIndex((l) => x >= l);
    return i === -1 ? 5 : i;
  };
  const tp = waterBody === 'river' ? [0.02, 0.1, 0.2, 0.3, 0.4] : [0.01, 0.025, 0.05, 0.1, 0.2];
  const worst = Math.max(
    v.pH === undefined || (v.pH >= 6 && v.pH <= 9) ? 0 : 5,
    ge(v.DO, [7.5, 6, 5, 3, 2]),
    le(v.CODMn, [2, 4, 6, 10, 15]),
    le(v.NH3N, [0.15, 0.5, 1, 1.5, 2]),
    le(v.TP, tp),
  );
  return worst >= 5 ? '劣V' : (CLASSES[worst] ?? 'V');
}

// ---------------------------------------------------------------- noise

const NOISE_BASE: Record<FunctionalZone, readonly [number, number]> = {
  '0': [45.5, 36.5],
  '1': [51.5, 41.5],
  '2': [56.5, 45.5],
  '3': [60.5, 51],
  '4a': [66.5, 50.5],
  '4b': [63.5, 55],
};
const NOISE_HOURS: DailyCurve = [
  [0, 0.12],
  [4, 0],
  [6.5, 0.6],
  [8, 1],
  [12, 0.82],
  [17.5, 1],
  [20.5, 0.7],
  [22.5, 0.22],
];

export function isNight(t: number): boolean {
  const { hour } = beijingParts(t);
  return hour >= 22 || hour < 6;
}

/** Equivalent continuous sound level for the hour ending at `timePoint`, dB(A). */
export function noiseLeq(seed: number, p: NoisePoint, timePoint: number): number {
  const t = timePoint - HOUR / 2;
  const { hourFrac } = beijingParts(t);
  const [day, night] = NOISE_BASE[p.zone];
  const info = dayInfo(t);
  const dayScale = info.kind === 'workday' ? 1 : 0.88;
  let leq = night + (day - night) * dailyCurve(NOISE_HOURS, hourFrac) * dayScale;
  leq +=
    1.6 * valueNoise(seed, `noise:${p.code}`, t, 2 * HOUR) +
    0.6 * valueNoise(seed, `noise-f:${p.code}`, t, HOUR / 2);
  if (p.scenic) leq += 7 * scenicDemand(t);
  if (isNight(t) && (p.zone === '4a' || p.zone === '4b')) {
    // heavy lorries (4a) / night trains (4b): some nights are loud
    const nightIdx = Math.floor((t + 2 * HOUR) / DAY);
    const loudNight = unit(seed, 'loud-night', p.code, nightIdx) < 0.25;
    if (loudNight) leq += 3.5 + 2.5 * Math.max(0, valueNoise(seed, `noise-night:${p.code}`, t, 2 * HOUR));
  }
  return leq;
}

export function noiseLimit(p: NoisePoint, timePoint: number): number {
  const [day, night] = NOISE_LIMITS[p.zone];
  return isNight(timePoint - HOUR / 2) ? night : day;
}
