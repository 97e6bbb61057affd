/**
 * Air quality index (AQI) per HJ 633-2012.
 *
 * IAQI_P = (IAQI_Hi − IAQI_Lo) / (BP_Hi − BP_Lo) × (C_P − BP_Lo) + IAQI_Lo, rounded UP to an integer
 * (进位取整); the AQI is the largest IAQI. Concentrations in μg/m³, CO in mg/m³.
 */
import type {
  AqiCategory,
  AqiCategoryEn,
  AqiEdition,
  AqiLevel,
  AqiLevelNumber,
  AqiRowId,
  AqiTable,
  Pollutant,
} from './aqi-tables';
import { AQI_LEVELS, AQI_TABLES, DEFAULT_AQI_EDITION, POLLUTANTS } from './aqi-tables';

/** Concentrations in μg/m³, except `co` in mg/m³. Absent (undefined) fields are not measured. */
export interface AqiSample {
  pm25?: number;
  pm10?: number;
  /** Hourly sample: 1 h mean. Daily sample: 24 h mean. */
  so2?: number;
  /** 24 h mean of SO2. Hourly sample: only used when `so2` > 800. Daily sample: alias of `so2`. */
  so2_24h?: number;
  no2?: number;
  co?: number;
  /** Hourly sample: the 1 h value. Daily sample: the day's maximum 1 h value. */
  o3_1h?: number;
  /** Daily sample: the day's maximum 8 h moving average. Not used for hourly samples. */
  o3_8h?: number;
}

export type AqiSampleField = keyof AqiSample;

export type AqiPeriod = 'hour' | 'day';

export interface AqiOptions {
  period: AqiPeriod;
  /** Defaults to 'HJ633-2012'. */
  edition?: AqiEdition;
}

export interface AqiResult {
  aqi: number;
  level: AqiLevelNumber;
  category: AqiCategory;
  color: string;
  /** Pollutant(s) with the largest IAQI, only when the AQI is over 50 (ties give several). */
  primary: Pollutant[];
  /** Pollutants whose IAQI is over 100. */
  exceeding: Pollutant[];
  iaqi: Partial<Record<Pollutant, number>>;
  // --- extra fields ---
  categoryEn: AqiCategoryEn;
  grade: AqiLevel['grade'];
  edition: AqiEdition;
  period: AqiPeriod;
  /** Sample fields that were valid but do not enter an AQI of this period (e.g. o3_8h hourly). */
  ignored: AqiSampleField[];
}

const SAMPLE_FIELDS: readonly AqiSampleField[] = [
  'pm25',
  'pm10',
  'so2',
  'so2_24h',
  'no2',
  'co',
  'o3_1h',
  'o3_8h',
];

/**
 * Float noise below this many IAQI units is discarded before rounding up, so that an IAQI that is
 * mathematically an integer (e.g. PM2.5 4.9 → exactly 7, which naive float arithmetic gives as
 * 7.000000000000001) is not pushed to the next integer. Any real excess from concentrations reported
 * to 3 decimals is several orders of magnitude larger than this.
 */
const SNAP = 1e9;

function getTable(edition: unknown): AqiTable {
  if (typeof edition !== 'string' || !Object.hasOwn(AQI_TABLES, edition)) {
    throw new RangeError(
      `AQI: unknown edition ${JSON.stringify(edition)} (known: ${Object.keys(AQI_TABLES).join(', ')})`,
    );
  }
  return AQI_TABLES[edition as AqiEdition];
}

function checkConcentration(fn: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `${fn}: ${field} must be a finite, non-negative concentration (got ${typeof value === 'number' ? String(value) : JSON.stringify(value)})`,
    );
  }
  return value;
}

/**
 * IAQI of one concentration on one breakpoint row, or `null` when the concentration is above the
 * last breakpoint of a row that stops early (SO2 1 h above 800, O3 8 h above 800): that row then
 * yields no sub-index and the caller must use the other row. Above the top of a full row: 500.
 */
export function computeIaqi(
  row: AqiRowId,
  concentration: number,
  edition: AqiEdition = DEFAULT_AQI_EDITION,
): number | null {
  const table = getTable(edition);
  if (!Object.hasOwn(table.rows, row)) {
    throw new RangeError(`computeIaqi: unknown row ${JSON.stringify(row)}`);
  }
  const c = checkConcentration('computeIaqi', row, concentration);
  return iaqiOnRow(table, row, c);
}

function iaqiOnRow(table: AqiTable, rowId: AqiRowId, c: number): number | null {
  const row = table.rows[rowId];
  const bp = row.breakpoints;
  for (let i = 1; i < bp.length; i++) {
    const bHi = bp[i]!;
    if (c <= bHi) {
      const bLo = bp[i - 1]!;
      const iLo = table.iaqi[i - 1]!;
      const iHi = table.iaqi[i]!;
      const raw = iLo + ((iHi - iLo) * (c - bLo)) / (bHi - bLo);
      return Math.ceil(Math.round(raw * SNAP) / SNAP);
    }
  }
  if (row.beyondTop === 'cap') return table.iaqi[table.iaqi.length - 1]!;
  return null;
}

/** The level (category, colour…) of an AQI value. */
export function aqiLevelOf(aqi: number): AqiLevel {
  if (typeof aqi !== 'number' || !Number.isFinite(aqi) || aqi < 0) {
    throw new RangeError(`aqiLevelOf: aqi must be a finite, non-negative number (got ${String(aqi)})`);
  }
  const found = AQI_LEVELS.find((l) => l.max === null || aqi <= l.max);
  // Unreachable: the last level is open-ended.
  if (!found) throw new RangeError(`aqiLevelOf: no level for ${aqi}`);
  return found;
}

/**
 * AQI of one sample.
 *
 * - period 'hour' (real-time release): 1 h rows for so2, no2, co, o3_1h; 24 h rows for pm25, pm10.
 *   so2 > 800 has no 1 h sub-index: the SO2 sub-index is computed from `so2_24h` on the 24 h row
 *   (RangeError naming so2_24h when it is absent). `o3_8h` is not used (listed in `ignored`).
 * - period 'day': 24 h rows for pm25, pm10, so2, no2, co; O3 from o3_8h (8 h row) and o3_1h (1 h row),
 *   both kept as separate sub-indices so the AQI takes the larger. o3_8h > 800 has no 8 h sub-index:
 *   the O3 sub-index is the o3_1h one (RangeError naming o3_1h when it is absent).
 *   `so2` is the 24 h mean; `so2_24h` serves as the same value when `so2` is absent; if both are given
 *   they must be equal (RangeError naming so2_24h otherwise).
 *
 * Throws RangeError for a negative / non-finite / non-number field (naming it), for a sample with no
 * usable concentration, for an unknown period or edition.
 */
export function computeAqi(sample: AqiSample, opts: AqiOptions): AqiResult {
  if (typeof sample !== 'object' || sample === null) {
    throw new RangeError('computeAqi: sample must be an object of concentrations');
  }
  const period = opts?.period;
  if (period !== 'hour' && period !== 'day') {
    throw new RangeError(`computeAqi: period must be 'hour' or 'day' (got ${JSON.stringify(period)})`);
  }
  const edition = opts.edition ?? DEFAULT_AQI_EDITION;
  const table = getTable(edition);

  // Validate every provided field, including those this period will not use.
  const v: Partial<Record<AqiSampleField, number>> = {};
  for (const field of SAMPLE_FIELDS) {
    const raw: unknown = sample[field];
    if (raw !== undefined) v[field] = checkConcentration('computeAqi', field, raw);
  }

  const iaqi: Partial<Record<Pollutant, number>> = {};
  const ignored: AqiSampleField[] = [];
  const on = (row: AqiRowId, c: number) => iaqiOnRow(table, row, c);

  if (v.pm25 !== undefined) iaqi.pm25 = on('pm25_24h', v.pm25)!;
  if (v.pm10 !== undefined) iaqi.pm10 = on('pm10_24h', v.pm10)!;

  if (period === 'hour') {
    if (v.so2 !== undefined) {
      let s = on('so2_1h', v.so2);
      if (s === null) {
        if (v.so2_24h === undefined) {
          throw new RangeError(
            `computeAqi: so2_24h is required when the hourly so2 is above 800 μg/m³ (got so2 = ${v.so2}): HJ 633-2012 reports the SO2 sub-index from the 24 h mean then`,
          );
        }
        s = on('so2_24h', v.so2_24h)!;
      } else if (v.so2_24h !== undefined) {
        ignored.push('so2_24h');
      }
      iaqi.so2 = s;
    } else if (v.so2_24h !== undefined) {
      ignored.push('so2_24h');
    }
    if (v.no2 !== undefined) iaqi.no2 = on('no2_1h', v.no2)!;
    if (v.co !== undefined) iaqi.co = on('co_1h', v.co)!;
    if (v.o3_1h !== undefined) iaqi.o3_1h = on('o3_1h', v.o3_1h)!;
    if (v.o3_8h !== undefined) ignored.push('o3_8h');
  } else {
    if (v.so2 !== undefined && v.so2_24h !== undefined && v.so2 !== v.so2_24h) {
      throw new RangeError(
        `computeAqi: so2_24h (${v.so2_24h}) contradicts so2 (${v.so2}); in a daily sample both mean the 24 h SO2 average`,
      );
    }
    const so2Day = v.so2 ?? v.so2_24h;
    if (so2Day !== undefined) iaqi.so2 = on('so2_24h', so2Day)!;
    if (v.no2 !== undefined) iaqi.no2 = on('no2_24h', v.no2)!;
    if (v.co !== undefined) iaqi.co = on('co_24h', v.co)!;
    if (v.o3_8h !== undefined) {
      const s = on('o3_8h', v.o3_8h);
      if (s === null) {
        if (v.o3_1h === undefined) {
          throw new RangeError(
            `computeAqi: o3_1h is required when the daily o3_8h is above 800 μg/m³ (got o3_8h = ${v.o3_8h}): HJ 633-2012 reports the O3 sub-index from the 1 h value then`,
          );
        }
      } else {
        iaqi.o3_8h = s;
      }
    }
    if (v.o3_1h !== undefined) iaqi.o3_1h = on('o3_1h', v.o3_1h)!;
  }

  const present = POLLUTANTS.filter((p) => iaqi[p] !== undefined);
  if (present.length === 0) {
    const expected =
      period === 'hour'
        ? 'pm25, pm10, so2, no2, co, o3_1h'
        : 'pm25, pm10, so2 (or so2_24h), no2, co, o3_8h, o3_1h';
    throw new RangeError(
      `computeAqi: the sample has no concentration usable for a ${period} AQI (expected at least one of ${expected})`,
    );
  }

  const aqi = Math.max(...present.map((p) => iaqi[p]!));
  const lvl = aqiLevelOf(aqi);
  return {
    aqi,
    level: lvl.level,
    category: lvl.category,
    color: lvl.color,
    primary: aqi > 50 ? present.filter((p) => iaqi[p] === aqi) : [],
    exceeding: present.filter((p) => iaqi[p]! > 100),
    iaqi,
    categoryEn: lvl.categoryEn,
    grade: lvl.grade,
    edition,
    period,
    ignored,
  };
}
