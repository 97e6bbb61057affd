import { describe, expect, it } from 'vitest';
import type {
  AirObservation,
  AirStation,
  NoisePoint,
  WaterObservation,
  WindObservation,
} from '../../upstreams/env-monitor/adapter';
import {
  belowTargetSince,
  dailyAqi,
  episodes,
  goodDays,
  hourlyReading,
  meanConcentrations,
  mergeAir,
  noise,
  regionAirHours,
} from './eco.compute';

const H = 3600_000;
const T0 = Date.parse('2026-10-01T16:00:00Z'); // 00:00 Beijing, 2 October
const iso = (ms: number) => new Date(ms).toISOString();
const station = (code: string, lon: number, lat: number): AirStation => ({
  code,
  name: code,
  lon,
  lat,
  villageCode: '331023001001',
  townshipCode: '331023001',
  kind: '县控',
});
const obs = (
  code: string,
  atMs: number,
  pm25: number | null,
  extra: Partial<AirObservation> = {},
): AirObservation => ({
  stationCode: code,
  name: code,
  lon: 121,
  lat: 29.1,
  villageCode: '331023001001',
  townshipCode: '331023001',
  at: iso(atMs),
  pm25,
  pm10: null,
  so2: null,
  no2: null,
  co: null,
  o3_1h: null,
  ...extra,
});

describe('eco figures', () => {
  it('rates an hour by HJ 633 and refuses a sample it cannot rate', () => {
    const empty = { pm25: null, pm10: null, so2: null, no2: null, co: null, o3_1h: null };
    expect(hourlyReading(empty)).toBeNull();
    expect(hourlyReading({ ...empty, pm25: 75 })).toMatchObject({
      aqi: 100,
      category: '良',
      primary: ['pm25'],
    });
    expect(hourlyReading({ ...empty, pm25: 76 })).toMatchObject({ aqi: 102, color: '#FF7E00' });
    // SO2 over 800 μg/m³ in an hour needs the 24 h mean: no rating rather than a wrong one.
    expect(hourlyReading({ ...empty, pm25: 30, so2: 801 })).toBeNull();
  });

  it('averages stations at published precision and lets a newer realtime row replace the history one', () => {
    const a = obs('A', T0, 20, { co: 0.6 });
    const b = obs('B', T0, 25, { co: 0.75 });
    expect(meanConcentrations([a, b])).toMatchObject({ pm25: 23, co: 0.7, so2: null });
    const merged = mergeAir([a, obs('A', T0 + H, 30)], [obs('A', T0 + H, 31)]);
    expect(merged.map((o) => o.pm25)).toEqual([20, 31]);
    const hours = regionAirHours([a, b], new Set(['A']));
    expect(hours).toHaveLength(1);
    expect(hours[0]!.conc.pm25).toBe(20);
  });

  it('makes a daily AQI per Beijing day from hours labelled by their end', () => {
    // 24 hours of 2 October Beijing end at 01:00 … 24:00 → labels T0+1h … T0+24h.
    const hours = regionAirHours(
      Array.from({ length: 24 }, (_, i) => obs('A', T0 + (i + 1) * H, 40)),
      new Set(['A']),
    );
    const days = dailyAqi(hours);
    expect(days).toMatchObject([
      { date: '2026-10-02', aqi: 57, level: 2, color: '#FFFF00', primary: ['pm25'] },
    ]);
  });

  it('finds an episode of 2+ hours over 100 and the stations upwind of it', () => {
    const target = station('T', 121.0, 29.1);
    const east = station('E', 121.1, 29.1);
    const west = station('W', 120.9, 29.1);
    const rows = [
      obs('T', T0 + H, 50),
      obs('T', T0 + 2 * H, 80), // IAQI 107
      obs('T', T0 + 3 * H, 120), // IAQI 157.1 → 158 (rounded up)
      obs('T', T0 + 4 * H, 40),
      obs('T', T0 + 5 * H, 80), // a single hour: no episode
    ];
    // The wind at the start hour (labelled by its end) blows from the east.
    const wind: WindObservation[] = [{ stationCode: 'T', at: iso(T0 + 2 * H), fromDeg: 90, speedMs: 3 }];
    const found = episodes([target, east, west], rows, wind, T0);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      stationCode: 'T',
      startAt: iso(T0 + H),
      endAt: iso(T0 + 3 * H),
      hours: 2,
      peakAqi: 158,
      ongoing: false,
      windFromDeg: 90,
    });
    expect(found[0]!.upwind.map((u) => u.code)).toEqual(['E']);
  });

  it('dates a section below target from the first sample of its current run', () => {
    const w = (atMs: number, tp: number): WaterObservation => ({
      sectionCode: 'S',
      at: iso(atMs),
      ph: 7.5,
      do: 8,
      codMn: 3,
      nh3n: 0.3,
      tp,
      tn: null,
      chla: null,
      sd: null,
    });
    const rows = [w(T0, 0.25), w(T0 + 4 * H, 0.1), w(T0 + 8 * H, 0.25), w(T0 + 12 * H, 0.3)];
    const section = { code: 'S', targetClass: 'III', waterbody: 'river' as const, compliant: false };
    expect(belowTargetSince(section, rows)).toBe(iso(T0 + 8 * H));
    expect(belowTargetSince({ ...section, compliant: true }, rows)).toBeNull();
  });

  it('counts night hours over the zone limit and assesses the night by its energy average', () => {
    const point: NoisePoint = {
      code: 'N',
      name: 'road',
      lon: 121,
      lat: 29.1,
      villageCode: '331023001001',
      townshipCode: '331023001',
      zone: '4a',
    };
    // Night of 2 October: 22:00–06:00 Beijing = T0 + 22 h … T0 + 30 h (hour starts); labels are hour ends.
    const rows = Array.from({ length: 8 }, (_, i) => ({
      pointCode: 'N',
      at: iso(T0 + (23 + i) * H),
      leq: i < 2 ? 60 : 50,
      lmax: null,
    }));
    const { points, zones } = noise([point], rows);
    expect(points[0]!.nightExceedanceHours).toBe(2);
    expect(points[0]!.maxNightExceedanceDb).toBe(5);
    // 10·log10((2·10^6 + 6·10^5)/8) = 55.1 dB(A) > 55: the night fails although most hours comply.
    expect(points[0]!.night).toMatchObject({ leq: 55.1, limit: 55, compliant: false, hours: 8 });
    expect(zones[0]).toMatchObject({ zone: '4a', nightShare: 0, nightExceedanceHours: 2 });
  });
});

describe('incomplete air days (HJ 663)', () => {
  const day = (date: string, aqi: number, complete?: boolean) => ({
    date,
    aqi,
    level: 1,
    color: '#00e400',
    primary: [],
    ...(complete === undefined ? {} : { complete, missing: complete ? [] : ['pm10'] }),
  });
  it('an incomplete day is not counted as a good day', () => {
    const g = goodDays([
      day('2026-10-01', 40, true),
      day('2026-10-02', 30, false),
      day('2026-10-03', 150, true),
    ]);
    expect(g!.month).toMatchObject({ validDays: 2, goodDays: 1, share: 0.5 });
  });
  it('a day of the region with a pollutant short of valid hours is marked incomplete', () => {
    const hours = Array.from({ length: 24 }, (_, h) => ({
      at: new Date(Date.UTC(2026, 9, 1, h + 1) - 8 * 3_600_000).toISOString(),
      conc: { pm25: 20, pm10: h < 18 ? 40 : null, so2: 5, no2: 20, co: 0.5, o3_1h: 60 },
    }));
    const [d] = dailyAqi(hours as never);
    expect(d).toMatchObject({ date: '2026-10-01', complete: false, missing: ['pm10'] });
  });
});
