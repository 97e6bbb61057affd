/**
 * Ambient air quality index tables, kept as data so that a later edition of the standard can be
 * added next to the current one without touching the computation.
 *
 * Source: HJ 633-2012 《环境空气质量指数（AQI）技术规定（试行）》, table 1 (IAQI breakpoints)
 * and table 2 (levels, categories, colours).
 *
 * Only HJ 633-2012 is present. The 2026 revision changes the PM breakpoints; it will be added as a
 * second edition once its official table is at hand. Do NOT invent it.
 */

/** Editions of the AQI technical regulation known to this module. */
export type AqiEdition = 'HJ633-2012';

export const DEFAULT_AQI_EDITION: AqiEdition = 'HJ633-2012';

/** Pollutant keys used in `iaqi`, `primary` and `exceeding`. */
export type Pollutant = 'pm25' | 'pm10' | 'so2' | 'no2' | 'co' | 'o3_1h' | 'o3_8h';

/** Canonical order in which pollutants are listed (primary / exceeding / iaqi). */
export const POLLUTANTS: readonly Pollutant[] = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_1h', 'o3_8h'];

/** Identifiers of the breakpoint rows of table 1. */
export type AqiRowId =
  | 'so2_24h'
  | 'so2_1h'
  | 'no2_24h'
  | 'no2_1h'
  | 'pm10_24h'
  | 'co_24h'
  | 'co_1h'
  | 'o3_1h'
  | 'o3_8h'
  | 'pm25_24h';

export interface AqiRow {
  readonly id: AqiRowId;
  readonly averaging: '1h' | '8h' | '24h';
  readonly unit: 'μg/m³' | 'mg/m³';
  /**
   * Concentration breakpoints BP, aligned index by index with `AqiTable.iaqi`.
   * A row may stop early (SO2 1 h stops at IAQI 200, O3 8 h at IAQI 300): above its last
   * breakpoint that row yields no sub-index and another row takes over (see `beyondTop`).
   */
  readonly breakpoints: readonly number[];
  /**
   * What happens above the last breakpoint:
   *  - 'cap': the IAQI is the top of the scale (500);
   *  - 'so2_24h': no 1 h sub-index; the SO2 sub-index comes from the 24 h mean;
   *  - 'o3_1h': no 8 h sub-index; the O3 sub-index comes from the 1 h value.
   */
  readonly beyondTop: 'cap' | 'so2_24h' | 'o3_1h';
}

export interface AqiTable {
  readonly edition: AqiEdition;
  /** IAQI values at the breakpoints: 0, 50, 100, 150, 200, 300, 400, 500. */
  readonly iaqi: readonly number[];
  readonly rows: Readonly<Record<AqiRowId, AqiRow>>;
}

const HJ633_2012: AqiTable = {
  edition: 'HJ633-2012',
  iaqi: [0, 50, 100, 150, 200, 300, 400, 500],
  rows: {
    so2_24h: {
      id: 'so2_24h',
      averaging: '24h',
      unit: 'μg/m³',
      breakpoints: [0, 50, 150, 475, 800, 1600, 2100, 2620],
      beyondTop: 'cap',
    },
    so2_1h: {
      id: 'so2_1h',
      averaging: '1h',
      unit: 'μg/m³',
      breakpoints: [0, 150, 500, 650, 800],
      beyondTop: 'so2_24h',
    },
    no2_24h: {
      id: 'no2_24h',
      averaging: '24h',
      unit: 'μg/m³',
      breakpoints: [0, 40, 80, 180, 280, 565, 750, 940],
      beyondTop: 'cap',
    },
    no2_1h: {
      id: 'no2_1h',
      averaging: '1h',
      unit: 'μg/m³',
      breakpoints: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
      beyondTop: 'cap',
    },
    pm10_24h: {
      id: 'pm10_24h',
      averaging: '24h',
      unit: 'μg/m³',
      breakpoints: [0, 50, 150, 250, 350, 420, 500, 600],
      beyondTop: 'cap',
    },
    co_24h: {
      id: 'co_24h',
      averaging: '24h',
      unit: 'mg/m³',
      breakpoints: [0, 2, 4, 14, 24, 36, 48, 60],
      beyondTop: 'cap',
    },
    co_1h: {
      id: 'co_1h',
      averaging: '1h',
      unit: 'mg/m³',
      breakpoints: [0, 5, 10, 35, 60, 90, 120, 150],
      beyondTop: 'cap',
    },
    o3_1h: {
      id: 'o3_1h',
      averaging: '1h',
      unit: 'μg/m³',
      breakpoints: [0, 160, 200, 300, 400, 800, 1000, 1200],
      beyondTop: 'cap',
    },
    o3_8h: {
      id: 'o3_8h',
      averaging: '8h',
      unit: 'μg/m³',
      breakpoints: [0, 100, 160, 215, 265, 800],
      beyondTop: 'o3_1h',
    },
    pm25_24h: {
      id: 'pm25_24h',
      averaging: '24h',
      unit: 'μg/m³',
      breakpoints: [0, 35, 75, 115, 150, 250, 350, 500],
      beyondTop: 'cap',
    },
  },
};

export const AQI_TABLES: Readonly<Record<AqiEdition, AqiTable>> = {
  'HJ633-2012': HJ633_2012,
};

export type AqiLevelNumber = 1 | 2 | 3 | 4 | 5 | 6;
export type AqiCategory = '优' | '良' | '轻度污染' | '中度污染' | '重度污染' | '严重污染';
export type AqiCategoryEn =
  | 'Excellent'
  | 'Good'
  | 'Lightly Polluted'
  | 'Moderately Polluted'
  | 'Heavily Polluted'
  | 'Severely Polluted';

export interface AqiLevel {
  readonly level: AqiLevelNumber;
  /** 空气质量指数级别, e.g. 一级. */
  readonly grade: '一级' | '二级' | '三级' | '四级' | '五级' | '六级';
  /** Lowest AQI of the level (inclusive). */
  readonly min: number;
  /** Highest AQI of the level (inclusive); null for the open-ended 六级 (">300"). */
  readonly max: number | null;
  readonly category: AqiCategory;
  /** Official MEE English name of the category. */
  readonly categoryEn: AqiCategoryEn;
  /** Display colour of HJ 633-2012 table 2 (RGB given there: e.g. 0,228,0 = #00E400). */
  readonly color: string;
}

/** HJ 633-2012 table 2, in ascending order. Shared by every edition so far. */
export const AQI_LEVELS: readonly AqiLevel[] = [
  { level: 1, grade: '一级', min: 0, max: 50, category: '优', categoryEn: 'Excellent', color: '#00E400' },
  { level: 2, grade: '二级', min: 51, max: 100, category: '良', categoryEn: 'Good', color: '#FFFF00' },
  {
    level: 3,
    grade: '三级',
    min: 101,
    max: 150,
    category: '轻度污染',
    categoryEn: 'Lightly Polluted',
    color: '#FF7E00',
  },
  {
    level: 4,
    grade: '四级',
    min: 151,
    max: 200,
    category: '中度污染',
    categoryEn: 'Moderately Polluted',
    color: '#FF0000',
  },
  {
    level: 5,
    grade: '五级',
    min: 201,
    max: 300,
    category: '重度污染',
    categoryEn: 'Heavily Polluted',
    color: '#99004C',
  },
  {
    level: 6,
    grade: '六级',
    min: 301,
    max: null,
    category: '严重污染',
    categoryEn: 'Severely Polluted',
    color: '#7E0023',
  },
];
