import { describe, expect, it } from 'vitest';
import { computeAqi } from '../aqi';
import type { HourlyAirSample } from './daily';
import { dailyAirQuality, roundHalfEven } from './daily';

/** Epoch ms of a Beijing wall-clock time. */
const bj = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - 8 * 3600_000;

/** 24 hourly samples of Beijing 2024-06-01, values by hour slot. */
function day(values: (h: number) => Partial<Omit<HourlyAirSample, 'atMs'>>): HourlyAirSample[] {
  return Array.from({ length: 24 }, (_, h) => ({ atMs: bj(2024, 6, 1, h), ...values(h) }));
}

describe('O3 daily maximum 8-h average (MDA8)', () => {
  it('is the max of the moving 8-h windows: a crafted day with 200 μg/m³ from 12:00 to 20:00', () => {
    const r = dailyAirQuality(day((h) => ({ o3: h >= 12 && h <= 19 ? 200 : 50 })));
    expect(r.o3.windows).toHaveLength(17);
    expect(r.o3.windows[12]).toBe(200);
    expect(r.o3.windows[11]).toBe((7 * 200 + 50) / 8);
    expect(r.raw.o3_8h).toBe(200);
    expect(r.raw.o3_1h).toBe(200);
    expect(r.o3.validWindows).toBe(17);
    // IAQI O3 8 h: 100 + 50 × (200 − 160) / (215 − 160) = 136.4 → 137; O3 1 h at 200 → 100.
    expect(r.aqi!.iaqi).toEqual({ o3_8h: 137, o3_1h: 100 });
    expect(r.aqi!.aqi).toBe(137);
  });

  it('only uses windows inside the day: the last one is 16:00–24:00', () => {
    // High evening: 20:00–24:00 at 300. A window reaching into the next day (e.g. 18:00–02:00) would
    // average higher; the in-day maximum is 16:00–24:00 = (4 × 50 + 4 × 300) / 8 = 175.
    const r = dailyAirQuality(day((h) => ({ o3: h >= 20 ? 300 : 50 })));
    expect(r.raw.o3_8h).toBe(175);
    expect(r.raw.o3_1h).toBe(300);
  });

  it('needs ≥ 6 valid hours per window and ≥ 14 valid windows, unless the MDA8 is an exceedance', () => {
    // O3 40 all day, 300 from 10:00 to 15:00 (5 h), missing 15:00–18:00.
    const hourly = (high: number) =>
      day((h) => ({ o3: h >= 15 && h <= 17 ? null : h >= 10 && h <= 14 ? high : 40 }));
    const r = dailyAirQuality(hourly(300));
    // Windows k = 10..15 have 5 valid hours → invalid (window 10 would be 300).
    expect(r.o3.windows.slice(10, 16)).toEqual([null, null, null, null, null, null]);
    expect(r.o3.validWindows).toBe(11);
    // Best valid window k = 9: (40 + 5 × 300) / 6.
    expect(r.raw.o3_8h).toBeCloseTo(1540 / 6, 12);
    expect(r.o3.acceptedAsExceedance).toBe(true);
    expect(r.concentrations.o3_8h).toBe(257);
    expect(r.incomplete).toEqual(['pm25', 'pm10', 'so2', 'no2', 'co']);

    // Same shape below 160: 11 windows are not enough.
    const low = dailyAirQuality(hourly(100));
    expect(low.raw.o3_8h).toBeUndefined();
    expect(low.incomplete).toContain('o3_8h');
    expect(low.o3.acceptedAsExceedance).toBe(false);
    // The 1-h max still has 21 valid hours.
    expect(low.raw.o3_1h).toBe(100);
    expect(dailyAirQuality(hourly(100), { minO3Windows: 11 }).raw.o3_8h).toBe(90);
    expect(dailyAirQuality(hourly(300), { o3ExceedanceUgM3: null }).raw.o3_8h).toBeUndefined();
  });
});

describe('24-h means: validity', () => {
  it('20 valid hours are enough, 19 are not', () => {
    const with20 = dailyAirQuality(day((h) => ({ pm25: h < 20 ? 30 + h : null })));
    expect(with20.validHours.pm25).toBe(20);
    expect(with20.raw.pm25).toBe(39.5); // mean of 30..49
    expect(with20.concentrations.pm25).toBe(40); // half to even
    const with19 = dailyAirQuality(day((h) => ({ pm25: h < 19 ? 30 : null, no2: 20 })));
    expect(with19.raw.pm25).toBeUndefined();
    expect(with19.incomplete).toContain('pm25');
    expect(with19.aqi!.iaqi).toEqual({ no2: 25 });
  });

  it('hours flagged valid:false are excluded for every pollutant', () => {
    const four = dailyAirQuality(
      day((h) => (h < 4 ? { valid: false, pm25: 999, co: 9 } : { pm25: 20, co: 1 })),
    );
    expect(four.validHours.pm25).toBe(20);
    expect(four.raw.pm25).toBe(20);
    expect(four.raw.co).toBe(1);
    const five = dailyAirQuality(day((h) => (h < 5 ? { valid: false, pm25: 999 } : { pm25: 20 })));
    expect(five.raw.pm25).toBeUndefined();
    expect(five.aqi).toBeNull();
  });

  it('computes the daily AQI with computeAqi(period day) from the rounded means', () => {
    const r = dailyAirQuality(day(() => ({ pm25: 75, pm10: 100, so2: 10, no2: 30, co: 0.8, o3: 80 })));
    expect(r.concentrations).toEqual({
      pm25: 75,
      pm10: 100,
      so2: 10,
      no2: 30,
      co: 0.8,
      o3_8h: 80,
      o3_1h: 80,
    });
    expect(r.aqi).toEqual(computeAqi(r.concentrations, { period: 'day' }));
    expect(r.aqi!.aqi).toBe(100);
    expect(r.aqi!.primary).toEqual(['pm25']);
  });

  it('rounds like published data before the IAQI (μg/m³ to integers, CO to 0.1, half to even)', () => {
    // PM2.5 mean 35.4 → 35 → IAQI 50 (优); unrounded it would be 51 (良).
    const pm = day((h) => ({ pm25: h < 12 ? 35 : 35.8 }));
    expect(dailyAirQuality(pm).aqi!.aqi).toBe(50);
    expect(dailyAirQuality(pm, { round: false }).aqi!.aqi).toBe(51);
    const co = dailyAirQuality(day((h) => ({ co: h < 12 ? 0.6 : 0.7 })));
    expect(co.raw.co).toBeCloseTo(0.65, 12);
    expect(co.concentrations.co).toBe(0.6);
  });
});

describe('Beijing day', () => {
  it('derives the Beijing date: 16:00 UTC is midnight of the next Beijing day', () => {
    const samples = Array.from({ length: 24 }, (_, h) => ({ atMs: Date.UTC(2024, 0, 31, 16 + h), pm25: 10 }));
    const r = dailyAirQuality(samples);
    expect(r.date).toBe('2024-02-01');
    expect(r.dayStartMs).toBe(Date.UTC(2024, 0, 31, 16));
    expect(r.validHours.pm25).toBe(24);
  });

  it('rejects samples outside the day and duplicate hours', () => {
    expect(() =>
      dailyAirQuality([{ atMs: Date.UTC(2024, 0, 31, 15, 59), pm25: 1 }], { date: '2024-02-01' }),
    ).toThrow(RangeError);
    expect(() =>
      dailyAirQuality([
        { atMs: bj(2024, 6, 1, 3), pm25: 1 },
        { atMs: bj(2024, 6, 1, 3) + 60_000, pm25: 2 },
      ]),
    ).toThrow(/two samples/);
    expect(() => dailyAirQuality([])).toThrow(RangeError);
    expect(() => dailyAirQuality(day(() => ({ pm25: -1 })))).toThrow(RangeError);
  });

  it('an empty day with a date has no AQI', () => {
    const r = dailyAirQuality([], { date: '2024-06-01' });
    expect(r.aqi).toBeNull();
    expect(r.incomplete).toHaveLength(7);
  });
});

describe('roundHalfEven', () => {
  it.each([
    [35.5, 0, 36],
    [34.5, 0, 34],
    [34.51, 0, 35],
    [0.65, 1, 0.6],
    [0.75, 1, 0.8],
    [2.675, 2, 2.68],
    [12.3, 0, 12],
  ])('%d at %d decimals → %d', (x, d, want) => {
    expect(roundHalfEven(x, d)).toBe(want);
  });
});

describe('complete days (HJ 663: every evaluation item needs enough valid hours)', () => {
  const clean = (h: number) => ({ pm25: 20, pm10: 40, so2: 5, no2: 20, co: 0.5, o3: 60 + h });
  it('a day with all six items valid is complete', () => {
    const r = dailyAirQuality(day(clean));
    expect(r.complete).toBe(true);
    expect(r.aqi!.aqi).toBeLessThanOrEqual(100);
  });

  it('PM10 with only 19 valid hours: incomplete, though the partial AQI looks good', () => {
    const r = dailyAirQuality(day((h) => ({ ...clean(h), pm10: h < 19 ? 40 : null })));
    expect(r.incomplete).toEqual(['pm10']);
    expect(r.complete).toBe(false);
    expect(r.aqi!.aqi).toBeLessThanOrEqual(100);
  });

  it('20 valid hours is enough; the O3 1-h maximum alone does not make a day incomplete', () => {
    const r = dailyAirQuality(day((h) => ({ ...clean(h), pm10: h < 20 ? 40 : null })));
    expect(r.complete).toBe(true);
  });
});
