/**
 * Daily air-quality statistics from hourly data, then the daily AQI (HJ 633-2012, period 'day').
 *
 * What is implemented (data-validity rules after GB 3095-2012 table 4 / HJ 663-2013):
 *
 * - The day is a Beijing calendar day, 00:00–24:00. Hour slot k (0..23) is the hour starting at
 *   00:00 + k h; a sample's `atMs` is the START of its averaging hour (CNEMC labels hourly values by
 *   their END: subtract one hour from such labels before calling).
 * - An hour flagged `valid: false` is excluded for every pollutant; a null / absent / NaN value is
 *   missing for that pollutant only.
 * - PM2.5, PM10, SO2, NO2, CO: 24-h mean = arithmetic mean of the valid hours, valid only with
 *   ≥ `minHours` (default 20) valid hours.
 * - O3 daily maximum 8-h average (MDA8): the 17 moving 8-h windows that lie inside the day, i.e.
 *   those ending at 08:00, 09:00, …, 24:00 (slots k..k+7 for k = 0..16). A window is valid with
 *   ≥ `minHoursPer8h` (default 6) valid hours and its mean is over the valid hours. MDA8 = max of the
 *   valid windows, valid with ≥ `minO3Windows` (default 14) valid windows; with fewer it still counts
 *   when it exceeds `o3ExceedanceUgM3` (default 160 μg/m³, the grade-II 8-h limit) — an exceedance
 *   cannot disappear by adding data. `o3ExceedanceUgM3: null` disables that exception.
 * - O3 daily maximum 1-h value: max of the valid hours, valid with ≥ `minHours` valid hours (this
 *   module's choice: the standard has no separate completeness rule for it that is applied here).
 * - Rounding before the IAQI (`round`, default true): statistics are rounded like published data —
 *   μg/m³ to integers, CO (mg/m³) to one decimal — with round-half-to-even (GB/T 8170 "四舍六入五成双").
 *   The unrounded statistics are returned in `raw`.
 * - The AQI is `computeAqi(stats, {period: 'day'})` over the valid statistics; `null` when none is
 *   valid. `incomplete` lists the statistics that failed validity (the AQI then covers the others).
 * - `complete`: every one of the six evaluation items of HJ 663-2013 (PM2.5, PM10, SO2, NO2, CO 24-h means
 *   and the O3 MDA8) is valid. A day that is not complete is not a valid evaluation day: its AQI covers
 *   only some pollutants, so it must be shown as incomplete and never counted as a good day (see
 *   `good-days.ts`, `complete: false`).
 */
import type { AqiOptions, AqiResult, AqiSample } from '../aqi';
import { computeAqi } from '../aqi';
import { beijingDateOf, beijingDayStart, HOUR_MS } from './time';

export type HourlyPollutant = 'pm25' | 'pm10' | 'so2' | 'no2' | 'co' | 'o3';
export type DailyStatistic = 'pm25' | 'pm10' | 'so2' | 'no2' | 'co' | 'o3_8h' | 'o3_1h';

export const HOURLY_POLLUTANTS: readonly HourlyPollutant[] = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'];
export const DAILY_STATISTICS: readonly DailyStatistic[] = [
  'pm25',
  'pm10',
  'so2',
  'no2',
  'co',
  'o3_8h',
  'o3_1h',
];

/** One hourly sample: μg/m³, CO in mg/m³. */
export interface HourlyAirSample {
  /** Start of the averaging hour, epoch ms. */
  atMs: number;
  /** `false`: the whole hour is invalid (instrument fault, calibration…). Default true. */
  valid?: boolean;
  pm25?: number | null;
  pm10?: number | null;
  so2?: number | null;
  no2?: number | null;
  co?: number | null;
  o3?: number | null;
}

export interface DailyAirOptions {
  /** Beijing date 'YYYY-MM-DD'; by default the date of the samples (all must share it). */
  date?: string;
  /** Default 20. */
  minHours?: number;
  /** Default 6. */
  minHoursPer8h?: number;
  /** Default 14. */
  minO3Windows?: number;
  /** Default 160; null disables the "exceedance stays valid" exception. */
  o3ExceedanceUgM3?: number | null;
  /** Default true. */
  round?: boolean;
  edition?: AqiOptions['edition'];
}

export interface DailyAirResult {
  date: string;
  dayStartMs: number;
  /** Valid statistics as used for the AQI (rounded unless `round: false`). */
  concentrations: AqiSample;
  /** Unrounded statistics (valid ones only). */
  raw: Partial<Record<DailyStatistic, number>>;
  /** Valid hours per pollutant. */
  validHours: Record<HourlyPollutant, number>;
  o3: {
    /** Mean of each of the 17 in-day windows (slots k..k+7), null when the window is invalid. */
    windows: (number | null)[];
    validWindows: number;
    /** The MDA8 was accepted with fewer than `minO3Windows` windows because it is an exceedance. */
    acceptedAsExceedance: boolean;
  };
  /** Statistics that failed the validity rules. */
  incomplete: DailyStatistic[];
  /** All six HJ 663 evaluation items valid (PM2.5, PM10, SO2, NO2, CO, O3 MDA8). */
  complete: boolean;
  aqi: AqiResult | null;
}

/** The six items a daily evaluation needs (HJ 663-2013); the O3 1-h maximum is not one of them. */
export const DAILY_EVALUATION_ITEMS: readonly DailyStatistic[] = [
  'pm25',
  'pm10',
  'so2',
  'no2',
  'co',
  'o3_8h',
];

/** Round half to even at `decimals`, ignoring float noise (e.g. 2.675 stored as 2.67499…). */
export function roundHalfEven(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  const v = Math.round(x * f * 1e9) / 1e9;
  const fl = Math.floor(v);
  const diff = v - fl;
  let r: number;
  if (diff > 0.5 + 1e-9) r = fl + 1;
  else if (diff < 0.5 - 1e-9) r = fl;
  else r = fl % 2 === 0 ? fl : fl + 1;
  return r / f;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Daily statistics and AQI of one station-day (rules in the module comment). Throws RangeError for a
 * sample outside the day, two samples in the same hour, a negative concentration, or an empty input
 * without `date`.
 */
export function dailyAirQuality(
  samples: readonly HourlyAirSample[],
  opts: DailyAirOptions = {},
): DailyAirResult {
  const fn = 'dailyAirQuality';
  const minHours = opts.minHours ?? 20;
  const minPer8h = opts.minHoursPer8h ?? 6;
  const minWindows = opts.minO3Windows ?? 14;
  const exceed = opts.o3ExceedanceUgM3 === undefined ? 160 : opts.o3ExceedanceUgM3;
  const round = opts.round ?? true;

  let date = opts.date;
  if (date === undefined) {
    const first = samples[0];
    if (!first) throw new RangeError(`${fn}: no samples and no date`);
    date = beijingDateOf(first.atMs);
  }
  const dayStartMs = beijingDayStart(date);

  // hours[p][k]: value of pollutant p in slot k, or null.
  const hours = {} as Record<HourlyPollutant, (number | null)[]>;
  for (const p of HOURLY_POLLUTANTS) hours[p] = new Array<number | null>(24).fill(null);
  const used = new Set<number>();
  for (const s of samples) {
    if (!Number.isFinite(s.atMs)) throw new RangeError(`${fn}: atMs must be finite, got ${s.atMs}`);
    const k = Math.floor((s.atMs - dayStartMs) / HOUR_MS);
    if (k < 0 || k > 23) {
      throw new RangeError(
        `${fn}: sample at ${new Date(s.atMs).toISOString()} is outside Beijing day ${date}`,
      );
    }
    if (used.has(k)) throw new RangeError(`${fn}: two samples in hour ${k} of ${date}`);
    used.add(k);
    if (s.valid === false) continue;
    for (const p of HOURLY_POLLUTANTS) {
      const v = s[p];
      if (v === null || v === undefined || Number.isNaN(v)) continue;
      if (!Number.isFinite(v) || v < 0) {
        throw new RangeError(`${fn}: ${p} must be a finite, non-negative concentration, got ${v}`);
      }
      hours[p][k] = v;
    }
  }

  const present = (xs: readonly (number | null)[]) => xs.filter((v): v is number => v !== null);
  const validHours = {} as Record<HourlyPollutant, number>;
  for (const p of HOURLY_POLLUTANTS) validHours[p] = present(hours[p]).length;

  const raw: Partial<Record<DailyStatistic, number>> = {};
  const incomplete: DailyStatistic[] = [];
  for (const p of ['pm25', 'pm10', 'so2', 'no2', 'co'] as const) {
    if (validHours[p] >= minHours) raw[p] = mean(present(hours[p]));
    else incomplete.push(p);
  }

  const windows: (number | null)[] = [];
  for (let k = 0; k <= 16; k++) {
    const w = present(hours.o3.slice(k, k + 8));
    windows.push(w.length >= minPer8h ? mean(w) : null);
  }
  const valid = present(windows);
  let acceptedAsExceedance = false;
  if (valid.length > 0) {
    const mda8 = Math.max(...valid);
    if (valid.length >= minWindows) raw.o3_8h = mda8;
    else if (exceed !== null && mda8 > exceed) {
      raw.o3_8h = mda8;
      acceptedAsExceedance = true;
    }
  }
  if (raw.o3_8h === undefined) incomplete.push('o3_8h');
  if (validHours.o3 >= minHours) raw.o3_1h = Math.max(...present(hours.o3));
  else incomplete.push('o3_1h');

  const concentrations: AqiSample = {};
  for (const stat of DAILY_STATISTICS) {
    const v = raw[stat];
    if (v === undefined) continue;
    concentrations[stat] = round ? roundHalfEven(v, stat === 'co' ? 1 : 0) : v;
  }
  const aqi =
    Object.keys(concentrations).length === 0
      ? null
      : computeAqi(concentrations, { period: 'day', edition: opts.edition });

  return {
    date,
    dayStartMs,
    concentrations,
    raw,
    validHours,
    o3: { windows, validWindows: valid.length, acceptedAsExceedance },
    incomplete,
    complete: DAILY_EVALUATION_ITEMS.every((item) => raw[item] !== undefined),
    aqi,
  };
}
