import {
  EcoAlarmsOptions,
  EcoAqiGaugeOptions,
  EcoGoodDaysOptions,
  EcoNoiseOptions,
  EcoRankingOptions,
  type EcoSnapshot,
  EcoWaterSectionsOptions,
} from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { aqiGaugeView, ecoAlarmsView, goodDaysView, noiseView, rankingView, waterView } from './views';

// Fixed data: only the fields the views read.
const snapshot = {
  generatedAt: '2026-12-01T10:05:00Z',
  indicators: [
    { indicatorId: 'eco.aqi', value: 68, at: '2026-12-01T10:00:00Z', status: 'ok' },
    { indicatorId: 'eco.pm25', value: 47, at: '2026-12-01T10:00:00Z', status: 'ok' },
    { indicatorId: 'eco.goodDayShareMonth', value: 1, at: '2026-12-01T00:00:00Z', status: 'stale' },
    { indicatorId: 'eco.waterCompliance', value: 0.75, at: '2026-12-01T00:00:00Z', status: 'ok' },
    { indicatorId: 'eco.noiseNightCompliance', value: 0.9, at: '2026-12-01T09:00:00Z', status: 'ok' },
  ],
  series: [{ indicatorId: 'eco.aqi', points: [{ at: '2026-12-01T09:00:00Z', value: 60 }] }],
  alarms: [{ id: 'w1', severity: 'alarm' }],
  air: {
    at: '2026-12-01T10:00:00Z',
    stationCount: 6,
    reading: { aqi: 68 },
    nearestStations: [],
    goodDays: { target: 0.95 },
    daily: [{ date: '2026-11-30', aqi: 50 }],
    episodes: [{ stationCode: 'S1' }],
    townships: [
      { regionCode: '331023001', aqi: 57 },
      { regionCode: '331023002', aqi: 65 },
      { regionCode: '331023003', aqi: 75 },
      { regionCode: '331023004', aqi: null },
    ],
  },
  water: {
    complianceShare: 0.75,
    classCounts: [0, 3, 1, 0, 0, 0],
    sections: [
      { code: 'A', compliant: true },
      { code: 'B', compliant: false },
      { code: 'C', compliant: true },
      { code: 'D', compliant: true },
      { code: 'E', compliant: null },
    ],
  },
  noise: { points: [{ code: 'N1' }], zones: [{ zone: '1' }] },
} as unknown as EcoSnapshot;

describe('eco panel views', () => {
  it('aqi gauge: loading, then the reading with the bound figures and footer indicator', () => {
    expect(aqiGaugeView(undefined, EcoAqiGaugeOptions.parse({}))).toEqual({ state: 'loading' });
    const v = aqiGaugeView(snapshot, EcoAqiGaugeOptions.parse({ indicatorIds: ['eco.pm25', 'eco.nope'] }));
    expect(v).toMatchObject({ state: 'reading', stationCount: 6, footer: { value: 68 }, showIaqi: true });
    if (v.state !== 'reading') throw new Error('no reading');
    expect(v.figures.map((f) => f?.value)).toEqual([47, undefined]);
    expect(aqiGaugeView(snapshot, EcoAqiGaugeOptions.parse({ showIaqi: false }))).toMatchObject({
      showIaqi: false,
    });
  });

  it('aqi gauge: a region without a station shows the nearest stations, never an AQI of its own', () => {
    const none = {
      ...snapshot,
      air: { ...snapshot.air, stationCount: 0, nearestStations: [{ code: 'S9' }] },
    };
    expect(aqiGaugeView(none as EcoSnapshot, EcoAqiGaugeOptions.parse({}))).toEqual({
      state: 'no-station',
      nearest: [{ code: 'S9' }],
    });
  });

  it('good days: footer by the bound indicator; daily squares and trend unless switched off', () => {
    const v = goodDaysView(snapshot, EcoGoodDaysOptions.parse({}));
    expect(v.footer?.status).toBe('stale');
    expect(v.daily).toHaveLength(1);
    expect(v.trend?.indicatorId).toBe('eco.aqi');
    const off = goodDaysView(snapshot, EcoGoodDaysOptions.parse({ showDaily: false, showTrend: false }));
    expect(off.daily).toBeNull();
    expect(off.trend).toBeNull();
    expect(goodDaysView(undefined, EcoGoodDaysOptions.parse({})).trend).toBeUndefined();
  });

  it('ranking: rated townships only, the stationless counted, rows per column count', () => {
    expect(rankingView(undefined, EcoRankingOptions.parse({}))).toBeNull();
    expect(rankingView(snapshot, EcoRankingOptions.parse({}))).toMatchObject({ without: 1, rows: 2 });
    const one = rankingView(snapshot, EcoRankingOptions.parse({ columns: 1 }));
    expect(one?.rows).toBe(3);
    expect(one?.rated.map((t) => t.regionCode)).toEqual(['331023001', '331023002', '331023003']);
  });

  it('alarms: loading first; the data time is "now"; episodes unless switched off', () => {
    expect(ecoAlarmsView(undefined, EcoAlarmsOptions.parse({}))).toEqual({ state: 'loading' });
    expect(ecoAlarmsView(snapshot, EcoAlarmsOptions.parse({}))).toMatchObject({
      state: 'ready',
      nowMs: Date.parse('2026-12-01T10:00:00Z'),
      episodes: [{ stationCode: 'S1' }],
    });
    expect(ecoAlarmsView(snapshot, EcoAlarmsOptions.parse({ showEpisodes: false }))).toMatchObject({
      episodes: null,
    });
  });

  it('water: sections on and off target (unknown compliance in neither), classes unless switched off', () => {
    const v = waterView(snapshot, EcoWaterSectionsOptions.parse({}));
    expect(v?.total).toBe(5);
    expect(v?.onTarget.map((s) => s.code)).toEqual(['A', 'C', 'D']);
    expect(v?.offTarget.map((s) => s.code)).toEqual(['B']);
    expect(v?.footer?.value).toBe(0.75);
    expect(
      waterView(snapshot, EcoWaterSectionsOptions.parse({ showClasses: false }))?.classCounts,
    ).toBeNull();
    expect(waterView(undefined, EcoWaterSectionsOptions.parse({}))).toBeNull();
  });

  it('noise: zones when the region has noise points, null zones when it has none', () => {
    expect(noiseView(snapshot, EcoNoiseOptions.parse({}))?.zones).toHaveLength(1);
    const quiet = { ...snapshot, noise: { points: [], zones: [{ zone: '1' }] } } as unknown as EcoSnapshot;
    expect(noiseView(quiet, EcoNoiseOptions.parse({}))).toMatchObject({
      zones: null,
      footer: { value: 0.9 },
    });
    expect(noiseView(undefined, EcoNoiseOptions.parse({}))).toBeNull();
  });
});
