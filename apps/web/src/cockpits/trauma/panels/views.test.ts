import {
  TraumaCasesOptions,
  TraumaCoverageOptions,
  TraumaGreenChannelOptions,
  TraumaHospitalsOptions,
  TraumaKpisOptions,
  type TraumaSnapshot,
} from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import {
  ANNOUNCE_MS,
  casesView,
  coverageView,
  greenChannelView,
  hospitalsView,
  kpisView,
  nearestView,
} from './views';

// Fixed data: only the fields the views read (the rest of a snapshot does not reach them).
const snapshot = {
  transports: [
    { incidentId: 'A', severity: 'severe' },
    { incidentId: 'B', severity: 'minor' },
    { incidentId: 'C', severity: 'critical' },
  ],
  hospitals: [
    { hospitalId: 'H1', receivesAmbulances: true },
    { hospitalId: 'H2', receivesAmbulances: false },
    { hospitalId: 'H3', receivesAmbulances: true },
  ],
  indicators: [
    { indicatorId: 'trauma.onSceneMinutes', value: 15.6 },
    { indicatorId: 'trauma.goldenHourShare', value: 0.86 },
  ],
  series: [{ indicatorId: 'trauma.callsPerHour', points: [] }],
  coverage: {
    gaps: 7,
    coveredShare: 0.65,
    townships: [
      { townshipCode: '331023001', gaps: 0 },
      { townshipCode: '331023002', gaps: 3 },
      { townshipCode: '331023003', gaps: 2 },
      { townshipCode: '331023004', gaps: 2 },
    ],
  },
} as unknown as TraumaSnapshot;

describe('trauma panel views', () => {
  const now = 1_800_000_000_000;

  it('green channel: loading until the data, none without cases, else the focused case (or the first)', () => {
    const o = TraumaGreenChannelOptions.parse({});
    expect(greenChannelView(undefined, o, { focusId: null, focusAt: null }, now)).toEqual({
      state: 'loading',
    });
    expect(
      greenChannelView({ ...snapshot, transports: [] }, o, { focusId: null, focusAt: null }, now).state,
    ).toBe('none');
    const first = greenChannelView(snapshot, o, { focusId: 'gone', focusAt: null }, now);
    expect(first).toMatchObject({
      state: 'case',
      transport: { incidentId: 'A' },
      announced: false,
      showReasons: true,
    });
    const picked = greenChannelView(
      snapshot,
      { showReasons: false, columns: 2 },
      { focusId: 'C', focusAt: null },
      now,
    );
    expect(picked).toMatchObject({
      transport: { incidentId: 'C' },
      announced: false,
      showReasons: false,
      columns: 2,
    });
  });

  it('green channel: a new severe case is announced for 90 s after it came to the front', () => {
    const o = TraumaGreenChannelOptions.parse({});
    const at = now - ANNOUNCE_MS + 1;
    expect(greenChannelView(snapshot, o, { focusId: 'C', focusAt: at }, now)).toMatchObject({
      announced: true,
    });
    expect(greenChannelView(snapshot, o, { focusId: 'C', focusAt: at - 1 }, now)).toMatchObject({
      announced: false,
    });
    // The announcement belongs to the focused case: when it has ended, the first case is not announced.
    expect(greenChannelView(snapshot, o, { focusId: 'gone', focusAt: now }, now)).toMatchObject({
      announced: false,
    });
  });

  it('cases: all counted, at most maxCases listed, the case in front marked', () => {
    expect(casesView(undefined, TraumaCasesOptions.parse({}), null)).toEqual({ state: 'loading' });
    const v = casesView(snapshot, TraumaCasesOptions.parse({ maxCases: 2 }), null);
    expect(v).toMatchObject({ state: 'ready', total: 3, focusId: 'A' });
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.cases.map((c) => c.incidentId)).toEqual(['A', 'B']);
    expect(casesView(snapshot, TraumaCasesOptions.parse({}), 'C')).toMatchObject({ focusId: 'C' });
  });

  it('hospitals: receiving hospitals only by default, all on request; null before the data', () => {
    expect(hospitalsView(undefined, TraumaHospitalsOptions.parse({}))).toBeNull();
    expect(hospitalsView(snapshot, TraumaHospitalsOptions.parse({}))?.map((h) => h.hospitalId)).toEqual([
      'H1',
      'H3',
    ]);
    expect(hospitalsView(snapshot, { receivingOnly: false })).toHaveLength(3);
  });

  it('kpis: one value per bound indicator id, in order; the trend series unless switched off', () => {
    const v = kpisView(
      snapshot,
      TraumaKpisOptions.parse({
        indicatorIds: ['trauma.goldenHourShare', 'trauma.nope', 'trauma.onSceneMinutes'],
      }),
    );
    expect(v.values.map((x) => x?.value)).toEqual([0.86, undefined, 15.6]);
    expect(v.present).toHaveLength(2);
    expect(v.trend?.indicatorId).toBe('trauma.callsPerHour');
    expect(kpisView(snapshot, TraumaKpisOptions.parse({ trendSeriesId: null })).trend).toBeUndefined();
    expect(kpisView(undefined, TraumaKpisOptions.parse({})).present).toEqual([]);
  });

  it('coverage: townships with gaps only, at most maxTownships', () => {
    expect(coverageView(undefined, TraumaCoverageOptions.parse({}))).toBeNull();
    const v = coverageView(snapshot, TraumaCoverageOptions.parse({ maxTownships: 2 }));
    expect(v).toMatchObject({ gaps: 7, coveredShare: 0.65 });
    expect(v?.townships.map((t) => t.townshipCode)).toEqual(['331023002', '331023003']);
  });
});

describe('trauma.nearest', () => {
  const facility = (id: string, driveMinutes: number | null, straightKm: number) => ({
    id,
    name: id,
    kind: 'ambulance_station' as const,
    driveMinutes,
    straightKm,
  });
  it('is loading until the snapshot arrives, and says it is for villages where there is no list', () => {
    expect(nearestView(undefined, { limit: 3 })).toEqual({ state: 'loading' });
    expect(nearestView(snapshot, { limit: 3 })).toEqual({ state: 'not-village' });
  });
  it("lists the village's stations and hospitals in the snapshot's order, whole minutes, unreachable kept", () => {
    const village = {
      ...snapshot,
      nearest: {
        from: { regionCode: '331023105200', lon: 121, lat: 29 },
        stations: [facility('S1', 7.6, 4.2), facility('S2', 12.4, 6), facility('S3', null, 30)],
        hospitals: [facility('H1', 18.2, 11.5)],
      },
    } as TraumaSnapshot;
    const v = nearestView(village, { limit: 2 });
    expect(v).toEqual({
      state: 'ready',
      stations: [
        { id: 'S1', name: 'S1', minutes: 8, km: 4.2 },
        { id: 'S2', name: 'S2', minutes: 12, km: 6 },
      ],
      hospitals: [{ id: 'H1', name: 'H1', minutes: 18, km: 11.5 }],
    });
    const all = nearestView(village, { limit: 3 });
    expect(all.state === 'ready' && all.stations[2]).toEqual({ id: 'S3', name: 'S3', minutes: null, km: 30 });
  });
});
