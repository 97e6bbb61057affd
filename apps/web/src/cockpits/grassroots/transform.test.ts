import { GrassrootsSnapshot } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import {
  ageParts,
  escalationsView,
  eventsByTypeView,
  eventsTodayView,
  floodRows,
  funnelView,
  gridWorkersView,
  heatGrid,
  nearbyView,
  overdueView,
  paddedBbox,
  parentRanksView,
  pointsInWindow,
  ruralServicesView,
} from './transform';

// 2026-12-01 10:00 Beijing = 02:00 UTC.
const AS_OF = '2026-12-01T02:00:00.000Z';
const point = (id: string, type: string, stage: string, reportedAt: string, severity = 'low') => ({
  id,
  type,
  stage,
  severity,
  villageCode: '331023105201',
  lon: 121.0,
  lat: 29.1,
  reportedAt,
  overdue: false,
});

/** A township's snapshot, parsed by the contract's schema so the fixture is exactly what the BFF may send. */
const SNAP = GrassrootsSnapshot.parse({
  theme: 'grassroots',
  regionCode: '331023105',
  level: 'township',
  generatedAt: AS_OF,
  asOf: AS_OF,
  simulated: true,
  indicators: [],
  series: [],
  breakdowns: [],
  sources: [],
  alarms: [],
  funnel: [
    { stage: 'reported', count: 4 },
    { stage: 'accepted', count: 3 },
    { stage: 'transferred', count: 3 },
    { stage: 'closed', count: 10 },
    { stage: 'rated', count: 20 },
  ],
  eventsByType: [
    {
      type: 'dispute',
      daily: [
        { date: '2026-11-30', count: 2 },
        { date: '2026-12-01', count: 1 },
      ],
    },
    { type: 'fire', daily: [{ date: '2026-11-29', count: 0 }] },
    { type: 'sanitation', daily: [{ date: '2026-11-29', count: 5 }] },
  ],
  eventPoints: [
    // Beijing 2026-12-01 00:30 (UTC 11-30 16:30): today.
    point('e1', 'dispute', 'reported', '2026-11-30T16:30:00.000Z', 'high'),
    point('e2', 'safety', 'closed', '2026-12-01T01:00:00.000Z'),
    // Beijing 2026-11-30 23:30: yesterday, though the same UTC date as e1.
    point('e3', 'dispute', 'rated', '2026-11-30T15:30:00.000Z'),
    // Four days ago.
    point('e4', 'flood', 'accepted', '2026-11-27T02:00:00.000Z'),
  ],
  overdue: [
    {
      id: 'o1',
      type: 'dispute',
      severity: 'medium',
      villageCode: '331023105201',
      villageName: '甲村',
      handlingLevel: 'township',
      stage: 'accepted',
      reportedAt: '2026-11-28T02:00:00.000Z',
      deadlineAt: '2026-11-29T02:00:00.000Z',
      ageHours: 72,
      overdueHours: 48,
      summary: '邻里纠纷',
      reporterMasked: '张*',
    },
    {
      id: 'o2',
      type: 'safety',
      severity: 'high',
      villageCode: '331023105202',
      villageName: '乙村',
      handlingLevel: 'village',
      stage: 'reported',
      reportedAt: '2026-11-25T02:00:00.000Z',
      deadlineAt: '2026-11-26T02:00:00.000Z',
      ageHours: 146.5,
      overdueHours: 122.5,
      summary: '危房',
      reporterMasked: null,
    },
  ],
  escalations: [
    {
      eventId: 'a',
      type: 'dispute',
      villageCode: '331023105201',
      villageName: '甲村',
      from: 'village',
      to: 'township',
      at: '2026-11-30T01:00:00.000Z',
    },
    {
      eventId: 'b',
      type: 'petition',
      villageCode: '331023105201',
      villageName: '甲村',
      from: 'township',
      to: 'county',
      at: '2026-12-01T01:00:00.000Z',
    },
  ],
  gridWorkers: [
    {
      gridId: 'g1',
      gridName: '一网格',
      villageCode: '331023105201',
      workerName: '王*明',
      checkInsToday: 0,
      patrolKmToday: 0,
      visitsToday: 0,
      eventsReportedToday: 0,
    },
    {
      gridId: 'g2',
      gridName: '二网格',
      villageCode: '331023105201',
      workerName: '李*',
      checkInsToday: 2,
      patrolKmToday: 3.5,
      visitsToday: 4,
      eventsReportedToday: 1,
    },
  ],
  basics: null,
  homestays: null,
  devices: null,
  flood: null,
  servicePoints: null,
  farmCodes: [],
  nearby: [
    { kind: 'hospital', id: 'h2', name: '远医院', regionCode: null, distanceKm: 9.1 },
    { kind: 'hospital', id: 'h1', name: '近医院', regionCode: null, distanceKm: 2.4 },
    { kind: 'parkingLot', id: 'p1', name: '停车场', regionCode: '331023105', distanceKm: 1.2 },
  ],
  parentRanks: [
    { indicatorId: 'grassroots.onTimeRate', parentCode: '331023', rank: 1, of: 15, value: 0.97 },
    { indicatorId: 'grassroots.closureRate', parentCode: '331023', rank: 8, of: 15, value: 0.9 },
    { indicatorId: 'grassroots.overdueOpen', parentCode: '331023', rank: 14, of: 15, value: 12 },
  ],
});

describe('grassroots panel transforms', () => {
  it('every view says loading before the snapshot arrives (never an absence early)', () => {
    for (const v of [
      funnelView(undefined),
      overdueView(undefined, 5),
      escalationsView(undefined, 5, false),
      gridWorkersView(undefined, 5),
      eventsByTypeView(undefined),
      eventsTodayView(undefined),
      nearbyView(undefined, ['hospital'], 3),
      parentRanksView(undefined),
      ruralServicesView(undefined, 5),
    ])
      expect(v.state).toBe('loading');
  });

  it('the funnel counts each event at every stage it reached: 40 reported, 36 accepted, 33 transferred, 30 closed, 20 rated; 10 open', () => {
    const v = funnelView(SNAP);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.rows.map((r) => r.reached)).toEqual([40, 36, 33, 30, 20]);
    expect(v.rows[3]?.share).toBeCloseTo(0.75);
    expect(v.open).toBe(10);
  });

  it('overdue cases: the longest overdue first, with days and hours of age', () => {
    const v = overdueView(SNAP, 5);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.rows.map((r) => r.id)).toEqual(['o2', 'o1']);
    expect(ageParts(146.5)).toEqual({ d: 6, h: 2 });
    expect(ageParts(48)).toEqual({ d: 2, h: 0 });
    expect(overdueView(SNAP, 1).state === 'ready' && overdueView(SNAP, 1)).toMatchObject({
      total: 2,
      capped: false,
    });
  });

  it('escalations newest first; county-only keeps those that reached the 矛调中心', () => {
    const all = escalationsView(SNAP, 5, false);
    const county = escalationsView(SNAP, 5, true);
    if (all.state !== 'ready' || county.state !== 'ready') throw new Error('not ready');
    expect(all.rows.map((e) => e.eventId)).toEqual(['b', 'a']);
    expect(county.rows.map((e) => e.eventId)).toEqual(['b']);
    expect([all.toCounty, all.toTownship]).toEqual([1, 1]);
  });

  it('grid workers: most active first, with totals and the count of workers who checked in', () => {
    const v = gridWorkersView(SNAP, 5);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.rows[0]?.gridId).toBe('g2');
    expect(v.totals).toEqual({ checkIns: 2, km: 3.5, visits: 4, active: 1 });
  });

  it('events by type: dates aligned across types, empty types dropped, largest first', () => {
    const v = eventsByTypeView(SNAP);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.dates).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(v.series).toEqual([
      { type: 'sanitation', counts: [5, 0, 0], total: 5 },
      { type: 'dispute', counts: [0, 2, 1], total: 3 },
    ]);
    expect(v.total).toBe(8);
  });

  it("today's events are those of the Beijing date of the snapshot, not the UTC date", () => {
    const v = eventsTodayView(SNAP);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.day).toBe('2026-12-01');
    expect(v.reported).toBe(2); // e1 and e2; e3 is yesterday in Beijing
    expect(v.closed).toBe(1);
    expect(v.open).toBe(10);
    expect(v.overdue).toBe(2);
    expect(v.byType).toEqual([
      ['dispute', 1],
      ['safety', 1],
    ]);
  });

  it('nearby places by kind, nearest first; a kind with none is an empty group, not a missing one', () => {
    const v = nearbyView(SNAP, ['hospital', 'ambulanceStation'], 3);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.groups.map((g) => [g.kind, g.places.map((p) => p.id)])).toEqual([
      ['hospital', ['h1', 'h2']],
      ['ambulanceStation', []],
    ]);
  });

  it("the place in the parent's rankings is coloured by third: 1/15 best, 8/15 middle, 14/15 last", () => {
    const v = parentRanksView(SNAP);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.rows.map((r) => r.tier)).toEqual([0, 1, 2]);
    expect(v.parentCode).toBe('331023');
  });

  it('flood points: above warning first, then unmanned duty points', () => {
    const base = { villageCode: '331023105201', lon: 121, lat: 29, waterLevelM: null, warningLevelM: null };
    const rows = floodRows(
      [
        { ...base, id: 'a', name: '甲', kind: 'duty', manned: true, aboveWarning: false },
        { ...base, id: 'b', name: '乙', kind: 'duty', manned: false, aboveWarning: false },
        { ...base, id: 'c', name: '丙', kind: 'river', manned: null, aboveWarning: true },
      ],
      2,
    );
    expect(rows.map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('the heat window keeps the events of the last 24 h, 3 or 7 days before the snapshot, of the types shown', () => {
    const now = Date.parse(AS_OF);
    expect(pointsInWindow(SNAP.eventPoints, now, '24h').map((p) => p.id)).toEqual(['e1', 'e2', 'e3']);
    expect(pointsInWindow(SNAP.eventPoints, now, '7d').map((p) => p.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(pointsInWindow(SNAP.eventPoints, now, '7d', new Set(['dispute'])).map((p) => p.id)).toEqual([
      'e2',
      'e4',
    ]);
  });

  it('the heat grid peaks at 1 in the cell of the heaviest event and fades away from it', () => {
    const grid = heatGrid(
      [
        { lon: 0.5, lat: 9.5, severity: 'high' },
        { lon: 8.5, lat: 1.5, severity: 'low' },
      ],
      [0, 0, 10, 10],
      10,
      10,
      1,
    );
    if (!grid) throw new Error('no grid');
    // Cell (0,0) is the north-west one: lon 0..1, lat 9..10.
    expect(grid.values[0]).toBeCloseTo(1);
    expect(grid.values[8 * 10 + 8]).toBeCloseTo(1 / 3, 2);
    expect(grid.values[5 * 10 + 5]!).toBeLessThan(0.01);
    expect(heatGrid([], [0, 0, 1, 1], 4, 4)).toBeNull();
    expect(paddedBbox([{ lon: 1, lat: 1 }])).toEqual([0.99, 0.99, 1.01, 1.01]);
  });

  it('rural services: products most scanned today first, the township named for a village, the open rate of the points', () => {
    const farm = (product: string, zh: string, scansToday: number, scans30d: number) => ({
      product,
      name: { zh, en: product },
      scansToday,
      scans30d,
      regionCode: '331023105',
      regionName: '平桥镇',
    });
    const village = {
      ...SNAP,
      farmCodes: [
        farm('TTWY', '天台乌药', 12, 400),
        farm('TTHC', '天台黄茶', 30, 900),
        farm('HDYW', '华顶云雾茶', 12, 500),
      ],
      servicePoints: { total: 4, open: 3 },
      homestays: { count: 2, beds: 20, occupancyRate: 0.45, daily: [] },
    };
    const v = ruralServicesView(village, 2);
    if (v.state !== 'ready') throw new Error('not ready');
    expect(v.products.map((p) => p.name.zh)).toEqual(['天台黄茶', '华顶云雾茶']);
    expect(v.scans).toEqual({ today: 54, days30: 1800 });
    expect(v.scansOf).toEqual({ code: '331023105', name: '平桥镇' });
    expect(v.servicePoints).toEqual({ total: 4, open: 3, openRate: 0.75 });
    expect(v.homestays?.occupancyRate).toBe(0.45);
    // A township's own scans name nobody; parts the platform has not given stay unknown (null), not zero.
    const { regionCode: _, regionName: __, ...ownRow } = farm('TTHC', '天台黄茶', 1, 2);
    const own = ruralServicesView({ ...SNAP, farmCodes: [ownRow] }, 5);
    if (own.state !== 'ready') throw new Error('not ready');
    expect(own.scansOf).toBeNull();
    const none = ruralServicesView({ ...SNAP, farmCodes: [], servicePoints: null }, 5);
    if (none.state !== 'ready') throw new Error('not ready');
    expect(none.scans).toBeNull();
    expect(none.servicePoints).toBeNull();
    expect(ruralServicesView({ ...SNAP, servicePoints: { total: 0, open: 0 } }, 5)).toMatchObject({
      servicePoints: { total: 0, open: 0, openRate: null },
    });
  });
});
