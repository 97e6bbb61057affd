import type { Level } from '@cockpit/contracts';
import { lifecycleParts } from '@cockpit/domain/grassroots';
import { describe, expect, it } from 'vitest';
import type {
  DeviceCount,
  FarmScanDay,
  FloodPointRow,
  GrassrootsEvent,
  Grid,
  HomestayDay,
  Patrol,
  ServicePoint,
  VillageBasicsRow,
} from '../upstreams/grassroots/adapter';
import { GRASSROOTS_DEFINITIONS } from './definitions.grassroots';
import { GRASSROOTS_VALUES, grassrootsUnits, gridEventOf } from './grassroots-values';
import { createEvaluator, inRegion } from './rollup';
import { directValues } from './value-functions';

// A fixed county: two townships, two villages each, two grids per village (C → T → V → G).
const C = '331023';
const T1 = '331023001';
const T2 = '331023002';
const VILLAGES = ['331023001001', '331023001002', '331023002001', '331023002002'];
type Node = { code: string; level: Level; childCodes: string[] };
const NODES: Node[] = [
  { code: C, level: 'county', childCodes: [T1, T2] },
  { code: T1, level: 'township', childCodes: VILLAGES.slice(0, 2) },
  { code: T2, level: 'township', childCodes: VILLAGES.slice(2) },
  ...VILLAGES.map((v): Node => ({ code: v, level: 'village', childCodes: [] })),
];
const REGIONS = new Map(NODES.map((r) => [r.code, r]));
const NOW = Date.parse('2026-07-15T04:00:00Z'); // 12:00 Beijing
const H = 3_600_000;
const TODAY = '2026-07-15';
const iso = (ms: number) => new Date(ms).toISOString();

const grids: Grid[] = VILLAGES.flatMap((v) =>
  [1, 2].map((g) => ({
    gridId: `${v}0${g}`,
    name: `G${g}`,
    villageCode: v,
    townshipCode: v.slice(0, 9),
    workerNameMasked: '王*',
    workerRef: `grid-worker:${v}0${g}`,
  })),
);

let n = 0;
function event(
  gridId: string,
  type: GrassrootsEvent['type'],
  reportedHoursAgo: number,
  deadlineHours: number,
  closedHoursAgo: number | null,
  handlingLevel: GrassrootsEvent['handlingLevel'] = 'village',
): GrassrootsEvent {
  const reportedAt = iso(NOW - reportedHoursAgo * H);
  const stages: GrassrootsEvent['stages'] = [{ stage: 'reported', at: reportedAt }];
  if (closedHoursAgo !== null) stages.push({ stage: 'closed', at: iso(NOW - closedHoursAgo * H) });
  return {
    eventId: `E${n++}`,
    type,
    severity: 'low',
    villageCode: gridId.slice(0, 12),
    townshipCode: gridId.slice(0, 9),
    gridId,
    lon: 121,
    lat: 29.1,
    reportedAt,
    reporterKind: 'resident',
    reporterMasked: '张*',
    description: '',
    handlingLevel,
    deadlineHours,
    stage: closedHoursAgo !== null && closedHoursAgo >= 0 ? 'closed' : 'reported',
    stages,
    escalations: [],
    satisfaction: null,
  };
}
// Varied per grid so that a mean of rates differs from the ratio of sums at every level.
const events: GrassrootsEvent[] = grids.flatMap((g, i) => [
  event(g.gridId, 'dispute', 100 + i, 72, 40 - i), // closed on time
  ...(i % 2 ? [event(g.gridId, 'dispute', 90, 72, 5, 'township')] : []), // late, escalated
  event(g.gridId, 'sanitation', 3 + i, 24, i % 3 === 0 ? 1 : null), // today
  ...(i % 3 === 1 ? [event(g.gridId, 'safety', 60, 48, null)] : []), // overdue open
  ...Array.from({ length: i }, () => event(g.gridId, 'livelihood', 30, 120, 20)),
  event(g.gridId, 'other', 31 * 24, 72, 30 * 24), // outside the 30 days
]);
const patrols: Patrol[] = grids.map((g, i) => ({
  gridId: g.gridId,
  villageCode: g.villageCode,
  date: TODAY,
  checkIns: i % 3 === 2 ? 0 : 1 + i,
  patrolKm: 3,
  visits: 4,
}));
const basics: VillageBasicsRow[] = VILLAGES.map((v, i) => ({
  villageCode: v,
  name: v,
  year: 2026,
  registered: 1000,
  resident: 900,
  households: 350,
  aged60Plus: 250,
  livingAlone: 20,
  lowIncomeHouseholds: 5,
  incomeWanYuan: 50.5 + i * 20,
  areaKm2: 5,
}));
const homestays: HomestayDay[] = VILLAGES.flatMap((v, i) =>
  i === 3
    ? []
    : [
        { villageCode: v, date: TODAY, count: 2 + i, beds: 10 + 7 * i, occupiedBeds: 3 + 5 * i },
        { villageCode: v, date: '2026-07-14', count: 2 + i, beds: 10 + 7 * i, occupiedBeds: 9 },
      ],
);
const devices: DeviceCount[] = VILLAGES.flatMap((v, i) => [
  { villageCode: v, kind: 'camera' as const, total: 5 + i, online: 5 },
  { villageCode: v, kind: 'smoke' as const, total: 10, online: 10 - 3 * i },
]);
const flood: FloodPointRow[] = VILLAGES.flatMap((v, i) => [
  ...Array.from({ length: 1 + i }, (_, k) => ({
    pointId: `D${v}${k}`,
    name: 'duty',
    kind: 'duty' as const,
    villageCode: v,
    lon: 121,
    lat: 29,
    manned: k !== 1,
    waterLevelM: null,
    warningLevelM: null,
  })),
  {
    pointId: `R${v}`,
    name: 'gauge',
    kind: 'river' as const,
    villageCode: v,
    lon: 121,
    lat: 29,
    manned: null,
    waterLevelM: 3,
    warningLevelM: 4,
  },
]);

// 浙农码 scans are kept per township (today's and yesterday's rows: only today's count).
const farm: FarmScanDay[] = [T1, T2].flatMap((t, i) =>
  ['TTHC', 'TTWY'].flatMap((product, k) => [
    { townshipCode: t, product, name: product, date: TODAY, scans: 10 + 7 * i + 3 * k },
    { townshipCode: t, product, name: product, date: '2026-07-14', scans: 100 },
  ]),
);
// 1–3 service points per village, some open, some closed (休息) or suspended (暂停服务).
const STATES: ServicePoint['state'][] = ['open', 'closed', 'open', 'suspended', 'open', 'open'];
const servicePoints: ServicePoint[] = VILLAGES.flatMap((v, i) =>
  Array.from({ length: 1 + (i % 3) }, (_, k) => ({
    pointId: `BM${v}${k}`,
    name: 'bm',
    villageCode: v,
    lon: 121,
    lat: 29,
    state: STATES[(i + k) % STATES.length]!,
  })),
);

/** What each indicator must be for a set of records, pooled afresh from the raw records (no roll-up). */
function pooled(id: string, code: string): number | null {
  const mine = <T extends { villageCode: string }>(xs: readonly T[]) =>
    xs.filter((x) => inRegion(code, x.villageCode));
  const life = lifecycleParts(
    mine(events)
      .map(gridEventOf)
      .filter((e) => e.reportedAtMs >= NOW - 30 * 24 * H),
    NOW,
  );
  const q = (a: number, b: number) => (b ? a / b : null);
  const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  const todayStart = Date.parse('2026-07-14T16:00:00Z');
  const evs = mine(events).map(gridEventOf);
  const g = mine(grids).length;
  const patrolled = mine(patrols).filter((p) => p.checkIns > 0).length;
  const hs = mine(homestays).filter((h) => h.date === TODAY);
  const dev = mine(devices);
  const duty = mine(flood).filter((p) => p.kind === 'duty');
  const points = mine(servicePoints);
  const open = points.filter((p) => p.state === 'open').length;
  // Scans exist at township and county level only (no village figure).
  const scans =
    code.length === 12
      ? null
      : sum(
          farm.filter((f) => inRegion(code, f.townshipCode) && f.date === TODAY),
          (f) => f.scans,
        );
  const table: Record<string, number | null> = {
    'grassroots.eventsReportedToday': evs.filter((e) => e.reportedAtMs >= todayStart).length,
    'grassroots.eventsClosedToday': evs.filter(
      (e) => e.closedAtMs !== null && e.closedAtMs >= todayStart && e.closedAtMs <= NOW,
    ).length,
    'grassroots.eventsOverdue': life.overdueOpen,
    'grassroots.eventsReported30d': life.reported,
    'grassroots.eventsClosed30d': life.closed,
    'grassroots.closureRate': q(life.closed, life.reported),
    'grassroots.eventsClosedOnTime30d': life.closedOnTime,
    'grassroots.onTimeRate': q(life.closedOnTime, life.closed),
    'grassroots.handlingHoursTotal30d': life.handlingHoursTotal,
    'grassroots.avgHandlingHours': q(life.handlingHoursTotal, life.closed),
    'grassroots.disputesClosed30d': life.disputesClosed,
    'grassroots.disputesSettledInVillage30d': life.disputesSettledInVillage,
    'grassroots.villageSettlementRate': q(life.disputesSettledInVillage, life.disputesClosed),
    'grassroots.grids': g,
    'grassroots.gridsPatrolledToday': patrolled,
    'grassroots.patrolCoverage': q(patrolled, g),
    'grassroots.collectiveIncome': sum(mine(basics), (b) => b.incomeWanYuan),
    'grassroots.homestayBeds': sum(hs, (h) => h.beds),
    'grassroots.homestayBedsOccupied': sum(hs, (h) => h.occupiedBeds),
    'grassroots.homestayOccupancy': q(
      sum(hs, (h) => h.occupiedBeds),
      sum(hs, (h) => h.beds),
    ),
    'grassroots.devices': sum(dev, (d) => d.total),
    'grassroots.devicesOnline': sum(dev, (d) => d.online),
    'grassroots.devicesOnlineRate': q(
      sum(dev, (d) => d.online),
      sum(dev, (d) => d.total),
    ),
    'grassroots.floodDutyPoints': duty.length,
    'grassroots.floodDutyManned': duty.filter((p) => p.manned).length,
    'grassroots.floodMannedRate': q(duty.filter((p) => p.manned).length, duty.length),
    'grassroots.farmScansToday': scans,
    'grassroots.servicePoints': points.length,
    'grassroots.servicePointsOpen': open,
    'grassroots.servicePointOpenRate': q(open, points.length),
  };
  if (!(id in table)) throw new Error(`no expectation for ${id}`);
  return table[id]!;
}

function evaluator() {
  const defs = new Map<string, (typeof GRASSROOTS_DEFINITIONS)[number]>(
    GRASSROOTS_DEFINITIONS.map((d) => [d.id, d]),
  );
  const units = grassrootsUnits({
    nowMs: NOW,
    events,
    grids,
    patrols,
    basics,
    homestays,
    devices,
    flood,
    farm,
    servicePoints,
  });
  return createEvaluator({
    definition: (id) => defs.get(id),
    region: (code) => REGIONS.get(code),
    ...directValues(GRASSROOTS_VALUES, units),
  });
}

describe('grassroots indicators roll up grid → village → township → county', () => {
  it('has a value function for every definition, and a definition for every value function', () => {
    expect(Object.keys(GRASSROOTS_VALUES).sort()).toEqual(GRASSROOTS_DEFINITIONS.map((d) => d.id).sort());
  });

  it.each(GRASSROOTS_DEFINITIONS.map((d) => [d.id, d.rollup.rule] as const))(
    '%s (%s): every level equals the figure pooled from its raw records',
    (id) => {
      const ev = evaluator();
      for (const code of [C, T1, T2, ...VILLAGES]) {
        const expected = pooled(id, code);
        const got = ev.value(id, code);
        // Not at this level (浙农码 scans below a township): no value at all, not even null.
        if (expected === null && code.length === 12 && id === 'grassroots.farmScansToday')
          expect(got, `${id}@${code}`).toBeUndefined();
        else if (expected === null) expect(got, `${id}@${code}`).toBeNull();
        else expect(got, `${id}@${code}`).toBeCloseTo(expected, 9);
      }
    },
  );

  it('a village is the sum of its grids; rates are ratios of sums, not means of rates', () => {
    const ev = evaluator();
    const village = VILLAGES[1]!;
    const perGrid = grids
      .filter((g) => g.villageCode === village)
      .map((g) =>
        lifecycleParts(
          events
            .filter((e) => e.gridId === g.gridId)
            .map(gridEventOf)
            .filter((e) => e.reportedAtMs >= NOW - 30 * 24 * H),
          NOW,
        ),
      );
    expect(ev.value('grassroots.eventsClosed30d', village)).toBe(perGrid.reduce((s, p) => s + p.closed, 0));
    const onTime =
      perGrid.reduce((s, p) => s + p.closedOnTime, 0) / perGrid.reduce((s, p) => s + p.closed, 0);
    expect(ev.value('grassroots.onTimeRate', village)).toBeCloseTo(onTime, 12);
    const meanOfGrids = perGrid.reduce((s, p) => s + p.closedOnTime / p.closed, 0) / perGrid.length;
    expect(Math.abs(onTime - meanOfGrids)).toBeGreaterThan(0.01);
    // And at the county: not the mean of the townships' rates.
    const county = ev.value('grassroots.onTimeRate', C)!;
    const meanOfTownships =
      ((ev.value('grassroots.onTimeRate', T1) ?? 0) + (ev.value('grassroots.onTimeRate', T2) ?? 0)) / 2;
    expect(Math.abs(county - meanOfTownships)).toBeGreaterThan(0.001);
  });
});
