import { describe, expect, it } from 'vitest';
import type { AqiPeriod, AqiSample, AqiSampleField } from './aqi';
import { aqiLevelOf, computeAqi, computeIaqi } from './aqi';
import type { Pollutant } from './aqi-tables';
import { AQI_LEVELS, AQI_TABLES, DEFAULT_AQI_EDITION } from './aqi-tables';

// The spec tables, typed out again here from the acceptance spec (HJ 633-2012 table 1) rather than
// imported, so that a typo in aqi-tables.ts makes these tests fail.
const IAQI = [0, 50, 100, 150, 200, 300, 400, 500];

interface RowSpec {
  name: string;
  periods: AqiPeriod[];
  field: AqiSampleField & Pollutant;
  bps: number[];
  /** true when above the last breakpoint the IAQI is 500 (false: the row stops early). */
  capped: boolean;
}

const ROWS: RowSpec[] = [
  {
    name: 'SO2 24 h',
    periods: ['day'],
    field: 'so2',
    bps: [0, 50, 150, 475, 800, 1600, 2100, 2620],
    capped: true,
  },
  { name: 'SO2 1 h', periods: ['hour'], field: 'so2', bps: [0, 150, 500, 650, 800], capped: false },
  {
    name: 'NO2 24 h',
    periods: ['day'],
    field: 'no2',
    bps: [0, 40, 80, 180, 280, 565, 750, 940],
    capped: true,
  },
  {
    name: 'NO2 1 h',
    periods: ['hour'],
    field: 'no2',
    bps: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    capped: true,
  },
  {
    name: 'PM10 24 h',
    periods: ['day', 'hour'],
    field: 'pm10',
    bps: [0, 50, 150, 250, 350, 420, 500, 600],
    capped: true,
  },
  { name: 'CO 24 h', periods: ['day'], field: 'co', bps: [0, 2, 4, 14, 24, 36, 48, 60], capped: true },
  { name: 'CO 1 h', periods: ['hour'], field: 'co', bps: [0, 5, 10, 35, 60, 90, 120, 150], capped: true },
  {
    name: 'O3 1 h',
    periods: ['hour', 'day'],
    field: 'o3_1h',
    bps: [0, 160, 200, 300, 400, 800, 1000, 1200],
    capped: true,
  },
  { name: 'O3 8 h', periods: ['day'], field: 'o3_8h', bps: [0, 100, 160, 215, 265, 800], capped: false },
  {
    name: 'PM2.5 24 h',
    periods: ['day', 'hour'],
    field: 'pm25',
    bps: [0, 35, 75, 115, 150, 250, 350, 500],
    capped: true,
  },
];

type Case = [name: string, period: AqiPeriod, field: AqiSampleField & Pollutant, c: number, expected: number];

const EPS = 0.001;

const exactCases: Case[] = [];
const justAboveCases: Case[] = [];
const justBelowCases: Case[] = [];
const aboveTopCases: Case[] = [];
for (const row of ROWS) {
  for (const period of row.periods) {
    row.bps.forEach((bp, i) => {
      const iaqi = IAQI[i]!;
      exactCases.push([row.name, period, row.field, bp, iaqi]);
      if (i < row.bps.length - 1) justAboveCases.push([row.name, period, row.field, bp + EPS, iaqi + 1]);
      if (i > 0) justBelowCases.push([row.name, period, row.field, bp - EPS, iaqi]);
    });
    if (row.capped) {
      const top = row.bps[row.bps.length - 1]!;
      aboveTopCases.push([row.name, period, row.field, top + EPS, 500]);
      aboveTopCases.push([row.name, period, row.field, top * 3, 500]);
    }
  }
}

function run(period: AqiPeriod, field: AqiSampleField, c: number) {
  const sample: AqiSample = { [field]: c };
  return computeAqi(sample, { period });
}

describe('HJ 633-2012 breakpoint table (data)', () => {
  const table = AQI_TABLES['HJ633-2012'];
  it('has the IAQI scale 0…500', () => {
    expect(table.iaqi).toEqual([0, 50, 100, 150, 200, 300, 400, 500]);
  });
  it.each([
    ['so2_24h', [0, 50, 150, 475, 800, 1600, 2100, 2620]],
    ['so2_1h', [0, 150, 500, 650, 800]],
    ['no2_24h', [0, 40, 80, 180, 280, 565, 750, 940]],
    ['no2_1h', [0, 100, 200, 700, 1200, 2340, 3090, 3840]],
    ['pm10_24h', [0, 50, 150, 250, 350, 420, 500, 600]],
    ['co_24h', [0, 2, 4, 14, 24, 36, 48, 60]],
    ['co_1h', [0, 5, 10, 35, 60, 90, 120, 150]],
    ['o3_1h', [0, 160, 200, 300, 400, 800, 1000, 1200]],
    ['o3_8h', [0, 100, 160, 215, 265, 800]],
    ['pm25_24h', [0, 35, 75, 115, 150, 250, 350, 500]],
  ] as const)('row %s matches the spec', (id, bps) => {
    expect(table.rows[id].breakpoints).toEqual(bps);
  });
  it('has only the 2012 edition (the 2026 PM breakpoints are not invented)', () => {
    expect(Object.keys(AQI_TABLES)).toEqual(['HJ633-2012']);
    expect(DEFAULT_AQI_EDITION).toBe('HJ633-2012');
  });
});

describe('IAQI at every breakpoint of every row', () => {
  it.each(exactCases)('%s (%s): %s = %d → IAQI %d exactly', (_n, period, field, c, expected) => {
    const r = run(period, field, c);
    expect(r.iaqi[field]).toBe(expected);
    expect(r.aqi).toBe(expected);
  });

  it.each(justAboveCases)('%s (%s): %s = %d → IAQI %d (rounded up)', (_n, period, field, c, expected) => {
    expect(run(period, field, c).iaqi[field]).toBe(expected);
  });

  it.each(justBelowCases)('%s (%s): %s = %d → IAQI %d (rounded up)', (_n, period, field, c, expected) => {
    expect(run(period, field, c).iaqi[field]).toBe(expected);
  });

  it.each(aboveTopCases)('%s (%s): %s = %d above the top → 500', (_n, period, field, c, expected) => {
    expect(run(period, field, c).iaqi[field]).toBe(expected);
  });
});

describe('IAQI inside every segment (hand-computed, rounded up)', () => {
  // IAQI = IAQI_Lo + (IAQI_Hi − IAQI_Lo) × (C − BP_Lo) / (BP_Hi − BP_Lo), then 进位取整.
  // Values worked out with exact rational arithmetic; the arithmetic is in each comment.
  const mid: Case[] = [
    ['SO2 24 h', 'day', 'so2', 18, 18], // 0 + 50×(18−0)/(50−0) = 18 → 18
    ['SO2 24 h', 'day', 'so2', 87, 69], // 50 + 50×(87−50)/(150−50) = 68.5 → 69
    ['SO2 24 h', 'day', 'so2', 270, 119], // 100 + 50×(270−150)/(475−150) = 118.4615… → 119
    ['SO2 24 h', 'day', 'so2', 595, 169], // 150 + 50×(595−475)/(800−475) = 168.4615… → 169
    ['SO2 24 h', 'day', 'so2', 1096, 237], // 200 + 100×(1096−800)/(1600−800) = 237 → 237
    ['SO2 24 h', 'day', 'so2', 1785, 337], // 300 + 100×(1785−1600)/(2100−1600) = 337 → 337
    ['SO2 24 h', 'day', 'so2', 2292, 437], // 400 + 100×(2292−2100)/(2620−2100) = 436.9231… → 437
    ['SO2 1 h', 'hour', 'so2', 56, 19], // 0 + 50×(56−0)/(150−0) = 18.6667… → 19
    ['SO2 1 h', 'hour', 'so2', 280, 69], // 50 + 50×(280−150)/(500−150) = 68.5714… → 69
    ['SO2 1 h', 'hour', 'so2', 556, 119], // 100 + 50×(556−500)/(650−500) = 118.6667… → 119
    ['SO2 1 h', 'hour', 'so2', 706, 169], // 150 + 50×(706−650)/(800−650) = 168.6667… → 169
    ['NO2 24 h', 'day', 'no2', 15, 19], // 0 + 50×(15−0)/(40−0) = 18.75 → 19
    ['NO2 24 h', 'day', 'no2', 55, 69], // 50 + 50×(55−40)/(80−40) = 68.75 → 69
    ['NO2 24 h', 'day', 'no2', 117, 119], // 100 + 50×(117−80)/(180−80) = 118.5 → 119
    ['NO2 24 h', 'day', 'no2', 217, 169], // 150 + 50×(217−180)/(280−180) = 168.5 → 169
    ['NO2 24 h', 'day', 'no2', 385, 237], // 200 + 100×(385−280)/(565−280) = 236.8421… → 237
    ['NO2 24 h', 'day', 'no2', 633, 337], // 300 + 100×(633−565)/(750−565) = 336.7568… → 337
    ['NO2 24 h', 'day', 'no2', 820, 437], // 400 + 100×(820−750)/(940−750) = 436.8421… → 437
    ['NO2 1 h', 'hour', 'no2', 37, 19], // 0 + 50×(37−0)/(100−0) = 18.5 → 19
    ['NO2 1 h', 'hour', 'no2', 137, 69], // 50 + 50×(137−100)/(200−100) = 68.5 → 69
    ['NO2 1 h', 'hour', 'no2', 385, 119], // 100 + 50×(385−200)/(700−200) = 118.5 → 119
    ['NO2 1 h', 'hour', 'no2', 885, 169], // 150 + 50×(885−700)/(1200−700) = 168.5 → 169
    ['NO2 1 h', 'hour', 'no2', 1622, 238], // 200 + 100×(1622−1200)/(2340−1200) = 237.0175… → 238
    ['NO2 1 h', 'hour', 'no2', 2618, 338], // 300 + 100×(2618−2340)/(3090−2340) = 337.0667… → 338
    ['NO2 1 h', 'hour', 'no2', 3368, 438], // 400 + 100×(3368−3090)/(3840−3090) = 437.0667… → 438
    ['PM10 24 h', 'day', 'pm10', 18, 18], // 0 + 50×(18−0)/(50−0) = 18 → 18
    ['PM10 24 h', 'day', 'pm10', 87, 69], // 50 + 50×(87−50)/(150−50) = 68.5 → 69
    ['PM10 24 h', 'day', 'pm10', 187, 119], // 100 + 50×(187−150)/(250−150) = 118.5 → 119
    ['PM10 24 h', 'day', 'pm10', 287, 169], // 150 + 50×(287−250)/(350−250) = 168.5 → 169
    ['PM10 24 h', 'day', 'pm10', 376, 238], // 200 + 100×(376−350)/(420−350) = 237.1429… → 238
    ['PM10 24 h', 'day', 'pm10', 450, 338], // 300 + 100×(450−420)/(500−420) = 337.5 → 338
    ['PM10 24 h', 'day', 'pm10', 537, 437], // 400 + 100×(537−500)/(600−500) = 437 → 437
    ['CO 24 h', 'day', 'co', 0.7, 18], // 0 + 50×(0.7−0)/(2−0) = 17.5 → 18
    ['CO 24 h', 'day', 'co', 2.7, 68], // 50 + 50×(2.7−2)/(4−2) = 67.5 → 68
    ['CO 24 h', 'day', 'co', 7.7, 119], // 100 + 50×(7.7−4)/(14−4) = 118.5 → 119
    ['CO 24 h', 'day', 'co', 17.7, 169], // 150 + 50×(17.7−14)/(24−14) = 168.5 → 169
    ['CO 24 h', 'day', 'co', 28.4, 237], // 200 + 100×(28.4−24)/(36−24) = 236.6667… → 237
    ['CO 24 h', 'day', 'co', 40.4, 337], // 300 + 100×(40.4−36)/(48−36) = 336.6667… → 337
    ['CO 24 h', 'day', 'co', 52.4, 437], // 400 + 100×(52.4−48)/(60−48) = 436.6667… → 437
    ['CO 1 h', 'hour', 'co', 1.9, 19], // 0 + 50×(1.9−0)/(5−0) = 19 → 19
    ['CO 1 h', 'hour', 'co', 6.8, 68], // 50 + 50×(6.8−5)/(10−5) = 68 → 68
    ['CO 1 h', 'hour', 'co', 19.2, 119], // 100 + 50×(19.2−10)/(35−10) = 118.4 → 119
    ['CO 1 h', 'hour', 'co', 44.2, 169], // 150 + 50×(44.2−35)/(60−35) = 168.4 → 169
    ['CO 1 h', 'hour', 'co', 71.1, 237], // 200 + 100×(71.1−60)/(90−60) = 237 → 237
    ['CO 1 h', 'hour', 'co', 101.1, 337], // 300 + 100×(101.1−90)/(120−90) = 337 → 337
    ['CO 1 h', 'hour', 'co', 131.1, 437], // 400 + 100×(131.1−120)/(150−120) = 437 → 437
    ['O3 1 h', 'hour', 'o3_1h', 59, 19], // 0 + 50×(59−0)/(160−0) = 18.4375 → 19
    ['O3 1 h', 'hour', 'o3_1h', 175, 69], // 50 + 50×(175−160)/(200−160) = 68.75 → 69
    ['O3 1 h', 'hour', 'o3_1h', 237, 119], // 100 + 50×(237−200)/(300−200) = 118.5 → 119
    ['O3 1 h', 'hour', 'o3_1h', 337, 169], // 150 + 50×(337−300)/(400−300) = 168.5 → 169
    ['O3 1 h', 'hour', 'o3_1h', 548, 237], // 200 + 100×(548−400)/(800−400) = 237 → 237
    ['O3 1 h', 'hour', 'o3_1h', 874, 337], // 300 + 100×(874−800)/(1000−800) = 337 → 337
    ['O3 1 h', 'hour', 'o3_1h', 1074, 437], // 400 + 100×(1074−1000)/(1200−1000) = 437 → 437
    ['O3 8 h', 'day', 'o3_8h', 37, 19], // 0 + 50×(37−0)/(100−0) = 18.5 → 19
    ['O3 8 h', 'day', 'o3_8h', 122, 69], // 50 + 50×(122−100)/(160−100) = 68.3333… → 69
    ['O3 8 h', 'day', 'o3_8h', 180, 119], // 100 + 50×(180−160)/(215−160) = 118.1818… → 119
    ['O3 8 h', 'day', 'o3_8h', 234, 169], // 150 + 50×(234−215)/(265−215) = 169 → 169
    ['O3 8 h', 'day', 'o3_8h', 463, 238], // 200 + 100×(463−265)/(800−265) = 237.0093… → 238
    ['PM2.5 24 h', 'day', 'pm25', 13, 19], // 0 + 50×(13−0)/(35−0) = 18.5714… → 19
    ['PM2.5 24 h', 'day', 'pm25', 50, 69], // 50 + 50×(50−35)/(75−35) = 68.75 → 69
    ['PM2.5 24 h', 'day', 'pm25', 90, 119], // 100 + 50×(90−75)/(115−75) = 118.75 → 119
    ['PM2.5 24 h', 'day', 'pm25', 128, 169], // 150 + 50×(128−115)/(150−115) = 168.5714… → 169
    ['PM2.5 24 h', 'day', 'pm25', 187, 237], // 200 + 100×(187−150)/(250−150) = 237 → 237
    ['PM2.5 24 h', 'day', 'pm25', 287, 337], // 300 + 100×(287−250)/(350−250) = 337 → 337
    ['PM2.5 24 h', 'day', 'pm25', 406, 438], // 400 + 100×(406−350)/(500−350) = 437.3333… → 438
  ];
  it.each(mid)('%s (%s): %s = %d → IAQI %d', (_n, period, field, c, expected) => {
    expect(run(period, field, c).iaqi[field]).toBe(expected);
  });

  it('computeIaqi gives the same sub-index for a row directly', () => {
    // 50 + 50×(47.3−35)/(75−35) = 65.375 → 66
    expect(computeIaqi('pm25_24h', 47.3)).toBe(66);
    // SO2 1 h stops at 800: no sub-index above it
    expect(computeIaqi('so2_1h', 800.1)).toBeNull();
    expect(computeIaqi('o3_8h', 800.1)).toBeNull();
    expect(() => computeIaqi('pm25_24h', -1)).toThrow(RangeError);
  });
});

describe('floating point: a mathematically integer IAQI is not rounded past itself', () => {
  it.each([
    // 50×4.9/35 = 7 exactly; naive float arithmetic gives 7.000000000000001 → 8
    ['pm25', 4.9, 7, (50 / 35) * 4.9],
    // 200 + 100×(352.1−350)/(420−350) = 203 exactly; naive float gives 203.00000000000003
    ['pm10', 352.1, 203, (100 / 70) * (352.1 - 350) + 200],
    // 400 + 100×(2120.8−2100)/(2620−2100) = 404 exactly; naive float gives 404.00000000000006
    ['so2', 2120.8, 404, (100 / 520) * (2120.8 - 2100) + 400],
  ] as const)('%s = %d → %d', (field, c, expected, naive) => {
    // Precondition: the naive formula really does overshoot, so this test guards something.
    expect(Math.ceil(naive)).toBe(expected + 1);
    expect(run('day', field, c).iaqi[field]).toBe(expected);
  });
});

describe('levels, categories and colours', () => {
  // PM2.5 (24 h row) concentrations chosen to land on each side of each level boundary.
  it.each([
    // [pm25, aqi, level, category, categoryEn, colour]
    [0, 0, 1, '优', 'Excellent', '#00E400'],
    [35, 50, 1, '优', 'Excellent', '#00E400'],
    [35.5, 51, 2, '良', 'Good', '#FFFF00'], // 50 + 50×0.5/40 = 50.625 → 51
    [75, 100, 2, '良', 'Good', '#FFFF00'],
    [75.5, 101, 3, '轻度污染', 'Lightly Polluted', '#FF7E00'], // 100 + 50×0.5/40 = 100.625 → 101
    [115, 150, 3, '轻度污染', 'Lightly Polluted', '#FF7E00'],
    [115.5, 151, 4, '中度污染', 'Moderately Polluted', '#FF0000'], // 150 + 50×0.5/35 = 150.71… → 151
    [150, 200, 4, '中度污染', 'Moderately Polluted', '#FF0000'],
    [150.5, 201, 5, '重度污染', 'Heavily Polluted', '#99004C'], // 200 + 100×0.5/100 = 200.5 → 201
    [250, 300, 5, '重度污染', 'Heavily Polluted', '#99004C'],
    [250.5, 301, 6, '严重污染', 'Severely Polluted', '#7E0023'], // 300 + 100×0.5/100 = 300.5 → 301
    [600, 500, 6, '严重污染', 'Severely Polluted', '#7E0023'],
  ] as const)('pm25 %d → AQI %d, level %d %s (%s) %s', (pm25, aqi, level, category, categoryEn, color) => {
    const r = computeAqi({ pm25 }, { period: 'day' });
    expect(r).toMatchObject({ aqi, level, category, categoryEn, color });
  });

  it.each([
    [50, 1],
    [51, 2],
    [100, 2],
    [101, 3],
    [150, 3],
    [151, 4],
    [200, 4],
    [201, 5],
    [300, 5],
    [301, 6],
  ] as const)('aqiLevelOf(%d) → level %d', (aqi, level) => {
    expect(aqiLevelOf(aqi).level).toBe(level);
  });

  it('exports the level table as data (HJ 633-2012 table 2)', () => {
    expect(
      AQI_LEVELS.map((l) => [l.level, l.grade, l.min, l.max, l.category, l.categoryEn, l.color]),
    ).toEqual([
      [1, '一级', 0, 50, '优', 'Excellent', '#00E400'],
      [2, '二级', 51, 100, '良', 'Good', '#FFFF00'],
      [3, '三级', 101, 150, '轻度污染', 'Lightly Polluted', '#FF7E00'],
      [4, '四级', 151, 200, '中度污染', 'Moderately Polluted', '#FF0000'],
      [5, '五级', 201, 300, '重度污染', 'Heavily Polluted', '#99004C'],
      [6, '六级', 301, null, '严重污染', 'Severely Polluted', '#7E0023'],
    ]);
  });
});

describe('primary and exceeding pollutants', () => {
  it('no primary pollutant when the AQI is 50 or less, even with a tie', () => {
    // pm25 35 → 50, pm10 50 → 50, no2 (1 h) 100 → 50
    const r = computeAqi({ pm25: 35, pm10: 50, no2: 100 }, { period: 'hour' });
    expect(r.aqi).toBe(50);
    expect(r.primary).toEqual([]);
    expect(r.exceeding).toEqual([]);
  });

  it('a single primary pollutant just above 50', () => {
    // pm25 35.5 → 51; pm10 40 → 40
    const r = computeAqi({ pm25: 35.5, pm10: 40 }, { period: 'day' });
    expect(r.aqi).toBe(51);
    expect(r.primary).toEqual(['pm25']);
  });

  it('a tie gives several primary pollutants', () => {
    // pm25 75 → 100, pm10 150 → 100, no2 (24 h) 80 → 100, co (24 h) 1 → 25
    const r = computeAqi({ pm25: 75, pm10: 150, no2: 80, co: 1 }, { period: 'day' });
    expect(r.aqi).toBe(100);
    expect(r.primary).toEqual(['pm25', 'pm10', 'no2']);
    expect(r.exceeding).toEqual([]);
  });

  it('a tie after rounding up counts as a tie', () => {
    // pm25 40 → 50 + 50×5/40 = 56.25 → 57; pm10 63 → 50 + 50×13/100 = 56.5 → 57
    const r = computeAqi({ pm25: 40, pm10: 63 }, { period: 'day' });
    expect(r.iaqi).toEqual({ pm25: 57, pm10: 57 });
    expect(r.primary).toEqual(['pm25', 'pm10']);
  });

  it('exceeding lists every IAQI over 100, IAQI 100 is not exceeding', () => {
    // pm25 115 → 150; no2 (1 h) 250 → 100 + 50×50/500 = 105; pm10 150 → 100; co (1 h) 3 → 30
    const r = computeAqi({ pm25: 115, no2: 250, pm10: 150, co: 3 }, { period: 'hour' });
    expect(r.iaqi).toEqual({ pm25: 150, no2: 105, pm10: 100, co: 30 });
    expect(r.aqi).toBe(150);
    expect(r.primary).toEqual(['pm25']);
    expect(r.exceeding).toEqual(['pm25', 'no2']);
  });
});

describe('hour vs day row selection', () => {
  it.each([
    // [field, value, hourly IAQI, daily IAQI]
    ['no2', 100, 50, 110], // 1 h: bp 100 → 50; 24 h: 100 + 50×(100−80)/(180−80) = 110
    ['so2', 150, 50, 100], // 1 h: bp 150 → 50; 24 h: bp 150 → 100
    ['co', 4, 40, 100], // 1 h: 50×4/5 = 40; 24 h: bp 4 → 100
    ['pm25', 75, 100, 100], // PM uses the 24 h row in both
    ['pm10', 150, 100, 100],
    ['o3_1h', 200, 100, 100], // O3 1 h row in both
  ] as const)('%s = %d → hourly %d, daily %d', (field, c, hourly, daily) => {
    expect(run('hour', field, c).iaqi[field]).toBe(hourly);
    expect(run('day', field, c).iaqi[field]).toBe(daily);
  });

  it('o3_8h is not used for an hourly AQI (reported in ignored)', () => {
    const r = computeAqi({ pm25: 10, o3_8h: 300 }, { period: 'hour' });
    expect(r.iaqi).toEqual({ pm25: 15 }); // 50×10/35 = 14.29 → 15
    expect(r.aqi).toBe(15);
    expect(r.ignored).toEqual(['o3_8h']);
  });

  it('an hourly sample with only o3_8h has no AQI', () => {
    expect(() => computeAqi({ o3_8h: 100 }, { period: 'hour' })).toThrow(RangeError);
  });
});

describe('SO2 above 800 μg/m³ in an hourly sample', () => {
  it('so2 = 800 still uses the 1 h row (→ 200) without so2_24h', () => {
    expect(computeAqi({ so2: 800 }, { period: 'hour' }).iaqi.so2).toBe(200);
  });

  it('so2 > 800 without so2_24h throws a RangeError naming so2_24h', () => {
    expect(() => computeAqi({ so2: 800.1, pm25: 10 }, { period: 'hour' })).toThrow(RangeError);
    expect(() => computeAqi({ so2: 900 }, { period: 'hour' })).toThrow(/so2_24h/);
  });

  it('so2 > 800 with so2_24h uses the 24 h row for the so2 key', () => {
    // so2_24h 300 → 100 + 50×(300−150)/(475−150) = 123.08 → 124
    const r = computeAqi({ so2: 900, so2_24h: 300 }, { period: 'hour' });
    expect(r.iaqi).toEqual({ so2: 124 });
    expect(r.aqi).toBe(124);
    expect(r.primary).toEqual(['so2']);
    expect(r.ignored).toEqual([]);
  });

  it('so2 > 800 with so2_24h above the 24 h top → 500', () => {
    expect(computeAqi({ so2: 2000, so2_24h: 2700 }, { period: 'hour' }).iaqi.so2).toBe(500);
  });

  it('so2 ≤ 800 ignores so2_24h in an hourly sample', () => {
    const r = computeAqi({ so2: 150, so2_24h: 2000 }, { period: 'hour' });
    expect(r.iaqi).toEqual({ so2: 50 });
    expect(r.ignored).toEqual(['so2_24h']);
  });
});

describe('SO2 in a daily sample', () => {
  it('so2_24h alone serves as the 24 h mean', () => {
    expect(computeAqi({ so2_24h: 150 }, { period: 'day' }).iaqi).toEqual({ so2: 100 });
  });
  it('so2 and so2_24h equal: accepted', () => {
    expect(computeAqi({ so2: 50, so2_24h: 50 }, { period: 'day' }).iaqi).toEqual({ so2: 50 });
  });
  it('so2 and so2_24h different: RangeError naming so2_24h', () => {
    expect(() => computeAqi({ so2: 50, so2_24h: 60 }, { period: 'day' })).toThrow(/so2_24h/);
    expect(() => computeAqi({ so2: 50, so2_24h: 60 }, { period: 'day' })).toThrow(RangeError);
  });
});

describe('O3 in a daily sample', () => {
  it('o3_8h = 800 → 300 on the 8 h row', () => {
    expect(computeAqi({ o3_8h: 800 }, { period: 'day' }).iaqi).toEqual({ o3_8h: 300 });
  });

  it('o3_8h > 800 falls back to the o3_1h sub-index', () => {
    // o3_1h 900 → 300 + 100×(900−800)/(1000−800) = 350
    const r = computeAqi({ o3_8h: 801, o3_1h: 900 }, { period: 'day' });
    expect(r.iaqi).toEqual({ o3_1h: 350 });
    expect(r.aqi).toBe(350);
    expect(r.primary).toEqual(['o3_1h']);
  });

  it('o3_8h > 800 without o3_1h throws a RangeError naming o3_1h', () => {
    expect(() => computeAqi({ o3_8h: 801, pm25: 10 }, { period: 'day' })).toThrow(RangeError);
    expect(() => computeAqi({ o3_8h: 801, pm25: 10 }, { period: 'day' })).toThrow(/o3_1h/);
  });

  it('takes the larger O3 sub-index: o3_1h larger', () => {
    // o3_8h 150 → 50 + 50×50/60 = 91.67 → 92; o3_1h 250 → 100 + 50×50/100 = 125
    const r = computeAqi({ o3_8h: 150, o3_1h: 250 }, { period: 'day' });
    expect(r.iaqi).toEqual({ o3_8h: 92, o3_1h: 125 });
    expect(r.aqi).toBe(125);
    expect(r.primary).toEqual(['o3_1h']);
  });

  it('takes the larger O3 sub-index: o3_8h larger', () => {
    // o3_8h 200 → 100 + 50×40/55 = 136.36 → 137; o3_1h 180 → 50 + 50×20/40 = 75
    const r = computeAqi({ o3_8h: 200, o3_1h: 180 }, { period: 'day' });
    expect(r.aqi).toBe(137);
    expect(r.primary).toEqual(['o3_8h']);
    expect(r.exceeding).toEqual(['o3_8h']);
  });

  it('equal O3 sub-indices are a tie', () => {
    // o3_8h 160 → 100; o3_1h 200 → 100
    const r = computeAqi({ o3_8h: 160, o3_1h: 200 }, { period: 'day' });
    expect(r.aqi).toBe(100);
    expect(r.primary).toEqual(['o3_1h', 'o3_8h']);
  });
});

describe('a full sample', () => {
  it('hourly: worked example', () => {
    // pm25 60 → 50 + 50×25/40 = 81.25 → 82; pm10 90 → 50 + 50×40/100 = 70
    // so2 20 → 50×20/150 = 6.67 → 7; no2 45 → 50×45/100 = 22.5 → 23
    // co 0.8 → 50×0.8/5 = 8; o3_1h 120 → 50×120/160 = 37.5 → 38
    const r = computeAqi({ pm25: 60, pm10: 90, so2: 20, no2: 45, co: 0.8, o3_1h: 120 }, { period: 'hour' });
    expect(r).toMatchObject({
      aqi: 82,
      level: 2,
      category: '良',
      color: '#FFFF00',
      primary: ['pm25'],
      exceeding: [],
      iaqi: { pm25: 82, pm10: 70, so2: 7, no2: 23, co: 8, o3_1h: 38 },
      edition: 'HJ633-2012',
    });
  });

  it('daily: worked example', () => {
    // pm25 120 → 150 + 50×5/35 = 157.14 → 158; pm10 180 → 100 + 50×30/100 = 115
    // so2 10 → 50×10/50 = 10; no2 60 → 50 + 50×20/40 = 75; co 1.2 → 50×1.2/2 = 30
    // o3_8h 90 → 50×90/100 = 45
    const r = computeAqi({ pm25: 120, pm10: 180, so2: 10, no2: 60, co: 1.2, o3_8h: 90 }, { period: 'day' });
    expect(r).toMatchObject({
      aqi: 158,
      level: 4,
      category: '中度污染',
      categoryEn: 'Moderately Polluted',
      color: '#FF0000',
      primary: ['pm25'],
      exceeding: ['pm25', 'pm10'],
      iaqi: { pm25: 158, pm10: 115, so2: 10, no2: 75, co: 30, o3_8h: 45 },
    });
  });
});

describe('editions', () => {
  it('defaults to HJ633-2012 and accepts it explicitly', () => {
    expect(computeAqi({ pm25: 35 }, { period: 'day' }).edition).toBe('HJ633-2012');
    expect(computeAqi({ pm25: 35 }, { period: 'day', edition: 'HJ633-2012' }).aqi).toBe(50);
  });
  it('an unknown edition is a RangeError', () => {
    const opts = { period: 'day', edition: 'HJ633-2026' } as unknown as Parameters<typeof computeAqi>[1];
    expect(() => computeAqi({ pm25: 35 }, opts)).toThrow(RangeError);
    expect(() => computeAqi({ pm25: 35 }, opts)).toThrow(/edition/);
  });
});

describe('bad input', () => {
  const fields: AqiSampleField[] = ['pm25', 'pm10', 'so2', 'so2_24h', 'no2', 'co', 'o3_1h', 'o3_8h'];
  const bad = [-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const cases = fields.flatMap((f) =>
    bad.flatMap((b) => (['hour', 'day'] as const).map((p) => [f, b, p] as const)),
  );

  it.each(cases)('%s = %d (%s) → RangeError naming the field', (field, value, period) => {
    // A valid pm25 is present too: the bad field must not be skipped even when it would not be used.
    const sample: AqiSample = { pm25: 10, [field]: value };
    expect(() => computeAqi(sample, { period })).toThrow(RangeError);
    expect(() => computeAqi(sample, { period })).toThrow(new RegExp(`\\b${field}\\b`));
  });

  it.each(['hour', 'day'] as const)('an empty sample has no AQI (%s)', (period) => {
    expect(() => computeAqi({}, { period })).toThrow(RangeError);
    expect(() => computeAqi({ pm25: undefined }, { period })).toThrow(RangeError);
  });

  it('null and strings are rejected, naming the field', () => {
    const withNull = { pm25: null } as unknown as AqiSample;
    const withString = { no2: '40' } as unknown as AqiSample;
    expect(() => computeAqi(withNull, { period: 'day' })).toThrow(/pm25/);
    expect(() => computeAqi(withString, { period: 'day' })).toThrow(/no2/);
    expect(() => computeAqi(withString, { period: 'day' })).toThrow(RangeError);
  });

  it('an unknown period is a RangeError', () => {
    const opts = { period: 'week' } as unknown as Parameters<typeof computeAqi>[1];
    expect(() => computeAqi({ pm25: 10 }, opts)).toThrow(RangeError);
  });

  it('aqiLevelOf rejects negative and non-finite values', () => {
    expect(() => aqiLevelOf(-1)).toThrow(RangeError);
    expect(() => aqiLevelOf(Number.NaN)).toThrow(RangeError);
  });
});
