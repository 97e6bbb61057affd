/**
 * Environmental noise per GB 3096-2008 《声环境质量标准》, table 1 (equivalent continuous A-weighted
 * sound level Leq, dB(A)). Day is 06:00–22:00 and night 22:00–06:00, Beijing time.
 */
import { beijingParts } from '../time/beijing';

export type NoiseZone = '0' | '1' | '2' | '3' | '4a' | '4b';
export type NoisePeriod = 'day' | 'night';

export interface NoiseZoneInfo {
  readonly zone: NoiseZone;
  /** 声环境功能区类别. */
  readonly name: string;
  readonly nameEn: string;
  readonly day: number;
  readonly night: number;
}

/** GB 3096-2008 table 1, in zone order, with the functional-area description for legends. */
export const NOISE_ZONES: readonly NoiseZoneInfo[] = [
  { zone: '0', name: '0类（康复疗养区）', nameEn: 'Class 0 (convalescent areas)', day: 50, night: 40 },
  {
    zone: '1',
    name: '1类（居住、文教、机关）',
    nameEn: 'Class 1 (residential, cultural, educational)',
    day: 55,
    night: 45,
  },
  {
    zone: '2',
    name: '2类（商住混杂）',
    nameEn: 'Class 2 (mixed commercial and residential)',
    day: 60,
    night: 50,
  },
  {
    zone: '3',
    name: '3类（工业、仓储物流）',
    nameEn: 'Class 3 (industrial, warehousing, logistics)',
    day: 65,
    night: 55,
  },
  {
    zone: '4a',
    name: '4a类（交通干线两侧）',
    nameEn: 'Class 4a (both sides of traffic arteries)',
    day: 70,
    night: 55,
  },
  {
    zone: '4b',
    name: '4b类（铁路干线两侧）',
    nameEn: 'Class 4b (both sides of railway main lines)',
    day: 70,
    night: 60,
  },
];

/** Leq limits in dB(A) by zone and period (same data as NOISE_ZONES, keyed for lookups). */
export const NOISE_LIMITS: Readonly<Record<NoiseZone, Readonly<Record<NoisePeriod, number>>>> = {
  '0': { day: 50, night: 40 },
  '1': { day: 55, night: 45 },
  '2': { day: 60, night: 50 },
  '3': { day: 65, night: 55 },
  '4a': { day: 70, night: 55 },
  '4b': { day: 70, night: 60 },
};

/** At night the maximum level of a sudden noise may exceed the night limit by at most this many dB(A). */
export const NIGHT_MAX_ALLOWANCE_DB = 15;

export interface NoiseAssessment {
  limit: number;
  /** leq − limit rounded to 0.1 dB, or 0 when compliant. */
  exceedance: number;
  compliant: boolean;
}

function zoneLimits(fn: string, zone: unknown): Readonly<Record<NoisePeriod, number>> {
  if (typeof zone !== 'string' || !Object.hasOwn(NOISE_LIMITS, zone)) {
    throw new RangeError(
      `${fn}: unknown zone ${JSON.stringify(zone)} (expected one of ${Object.keys(NOISE_LIMITS).join(', ')})`,
    );
  }
  return NOISE_LIMITS[zone as NoiseZone];
}

function checkLevel(fn: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(
      `${fn}: ${field} must be a finite sound level in dB(A) (got ${typeof value === 'number' ? String(value) : JSON.stringify(value)})`,
    );
  }
  return value;
}

/**
 * Round a positive excess to 0.1 dB, half up. Float noise is dropped first so that e.g. 60.15 − 60
 * (= 0.14999999999999858 in floating point) rounds like the decimal 0.15 it stands for, i.e. to 0.2.
 */
function roundTenth(x: number): number {
  const tenths = Math.round(x * 10 * 1e9) / 1e9;
  return Math.round(tenths) / 10;
}

function assess(level: number, limit: number): NoiseAssessment {
  const compliant = level <= limit;
  return { limit, exceedance: compliant ? 0 : roundTenth(level - limit), compliant };
}

/**
 * Compliance of an equivalent level Leq with its zone limit. leq ≤ limit is compliant.
 * Note: compliance is judged on the unrounded leq, so e.g. 60.04 in a 60 dB zone is not compliant
 * while its rounded exceedance is 0 (0.04 → 0.0).
 */
export function assessNoise(m: { zone: NoiseZone; period: NoisePeriod; leq: number }): NoiseAssessment {
  const limits = zoneLimits('assessNoise', m?.zone);
  const period: unknown = m.period;
  if (period !== 'day' && period !== 'night') {
    throw new RangeError(`assessNoise: period must be 'day' or 'night' (got ${JSON.stringify(period)})`);
  }
  const leq = checkLevel('assessNoise', 'leq', m.leq);
  return assess(leq, limits[period]);
}

/** Night-time sudden noise: Lmax may exceed the night limit by at most 15 dB(A). */
export function assessNightMaxNoise(m: { zone: NoiseZone; lmax: number }): NoiseAssessment {
  const limits = zoneLimits('assessNightMaxNoise', m?.zone);
  const lmax = checkLevel('assessNightMaxNoise', 'lmax', m.lmax);
  return assess(lmax, limits.night + NIGHT_MAX_ALLOWANCE_DB);
}

/**
 * 'day' (06:00 ≤ t < 22:00) or 'night' (22:00 ≤ t < 06:00) at an instant, in Asia/Shanghai local time.
 * Uses a fixed UTC+8 offset (China has no DST), independent of the machine's time zone.
 */
export function noisePeriodAt(date: Date): NoisePeriod {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('noisePeriodAt: date must be a valid Date');
  }
  const hour = beijingParts(date.getTime()).hour;
  return hour >= 6 && hour < 22 ? 'day' : 'night';
}
