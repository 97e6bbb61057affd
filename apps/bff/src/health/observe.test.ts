import { COUNTY_CODE, type UpstreamHealth } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { IndicatorDefinitions } from '../indicators/definitions';
import { INDICATOR_DEFINITIONS } from '../indicators/registry';
import type { ParkingLotState } from '../upstreams/parking-platform/adapter';
import { summaryOf } from './engine';
import {
  conditionOf,
  dataFindings,
  type FlatlineMemory,
  flatlineFindings,
  indicatorObservations,
  jumpObservations,
  maskRecord,
  platformObservations,
  screenObservations,
  waterObservations,
} from './observe';
import { BUSINESS_RULES, builtinRules, CHECK_RULES, thresholdRuleId } from './rules.seed';

const defs = new IndicatorDefinitions(INDICATOR_DEFINITIONS).list({ status: 'active' });
const byId = new Map(defs.map((d) => [d.id, d]));
const rules = builtinRules(defs, '2026-10-03T00:00:00.000Z');

const health = (
  system: string,
  over: Partial<UpstreamHealth> = {},
): UpstreamHealth & { failedCalls: number; recordsSeen: number } => ({
  system,
  breaker: 'closed',
  lastSuccessAt: '2026-10-03T00:00:00.000Z',
  errorRate: 0,
  droppedRecords: 0,
  calls: 10,
  failedCalls: 0,
  recordsSeen: 100,
  ...over,
});

describe('observations', () => {
  it('threshold rules follow the indicator’s stored band and direction', () => {
    const congestion = byId.get('traffic.congestionIndex')!;
    const rule = rules.find((r) => r.id === thresholdRuleId('traffic.congestionIndex', 'alarm'))!;
    expect(conditionOf(rule, congestion)).toEqual({ op: '>=', value: congestion.thresholds.alarm });
    const edited = { ...congestion, thresholds: { warning: 2, alarm: 9 } };
    expect(conditionOf(rule, edited)).toEqual({ op: '>=', value: 9 });
  });

  it('the AQI rule judges townships only; values of a failing source are unknown, not clear', () => {
    const aqi = rules.find((r) => r.id === BUSINESS_RULES.aqi)!;
    const { observations, covered } = indicatorObservations(
      [aqi],
      [
        { indicatorId: 'eco.aqi', regionCode: COUNTY_CODE, value: 200, status: 'ok' },
        { indicatorId: 'eco.aqi', regionCode: '331023001', value: 180, status: 'ok' },
        { indicatorId: 'eco.aqi', regionCode: '331023002', value: 90, status: 'ok' },
        { indicatorId: 'eco.aqi', regionCode: '331023003', value: 300, status: 'stale' },
      ],
      (id) => byId.get(id),
    );
    expect(covered.has(aqi.id)).toBe(true);
    expect(observations.map((o) => [o.regionCode, o.active])).toEqual([
      ['331023001', true],
      ['331023003', null],
    ]);
    expect(summaryOf(observations[0]!)).toContain('180');
  });

  it('an outage is one observation per system, and the errors and late data of a down system are unknown', () => {
    const previous = new Map([
      ['env-monitor', { droppedRecords: 0, recordsSeen: 100, calls: 0, failedCalls: 0 }],
    ]);
    const { observations } = platformObservations(
      [health('env-monitor', { breaker: 'open', errorRate: 1, calls: 10, failedCalls: 10 } as never)],
      previous,
      [
        { id: 'env.airRealtime', system: 'env-monitor', status: 'stale' },
        { id: 'env.other', system: 'env-monitor', status: 'stale' },
      ],
    );
    expect(observations.map((o) => [o.ruleId, o.active, o.groupKey])).toEqual([
      [CHECK_RULES.upstreamDown, true, 'upstream:env-monitor'],
      [CHECK_RULES.upstreamErrors, null, 'upstream:env-monitor'],
      [CHECK_RULES.late, null, 'upstream:env-monitor'],
    ]);
  });

  it('dropped records since the last pass raise drift with the dropped share', () => {
    const previous = new Map([
      ['parking-platform', { droppedRecords: 5, recordsSeen: 100, calls: 10, failedCalls: 0 }],
    ]);
    const { observations } = platformObservations(
      [health('parking-platform', { droppedRecords: 25, recordsSeen: 140 } as never)],
      previous,
      [],
    );
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({ ruleId: CHECK_RULES.drift, active: true, value: 0.5 });
  });

  it('range and silent findings: occupancy over 100 %, negative counts, a future timestamp, a lot gone quiet', () => {
    const now = Date.parse('2026-10-03T04:00:00Z');
    const lot = (lotId: string, over: Partial<ParkingLotState>): ParkingLotState => ({
      lotId,
      name: lotId,
      kind: 'off-street',
      category: 'general',
      lon: 121,
      lat: 29,
      villageCode: '331023001001',
      townshipCode: '331023001',
      berthTotal: 100,
      berthFree: 50,
      berthOccupied: 50,
      pricePerHour: null,
      updatedAt: '2026-10-03T04:00:00Z',
      ...over,
    });
    const found = dataFindings(
      {
        lots: [
          lot('ok', {}),
          lot('full', { berthOccupied: 120, berthFree: 0 }),
          lot('neg', { berthFree: -3 }),
          lot('future', { updatedAt: '2026-10-03T06:00:00Z' }),
          lot('quiet', { updatedAt: '2026-10-03T02:00:00Z' }),
        ],
      },
      now,
    );
    expect(found.map((f) => `${f.check}:${f.entityId}`).sort()).toEqual(
      ['range:full', 'range:future', 'range:neg', 'silent:quiet', 'disagreement:full'].sort(),
    );
  });

  it('flatline: a lot whose counts stay the same for over 6 hours of its own reports', () => {
    const memory: FlatlineMemory = new Map();
    const lotAt = (hour: number, free: number) =>
      ({
        lotId: 'L',
        name: 'L',
        villageCode: '331023001001',
        berthFree: free,
        berthOccupied: 100 - free,
        berthTotal: 100,
        updatedAt: new Date(Date.UTC(2026, 9, 3, hour)).toISOString(),
      }) as ParkingLotState;
    const seen = (hour: number, free: number) => flatlineFindings(memory, { lots: [lotAt(hour, free)] });
    expect(seen(0, 40)).toEqual([]);
    expect(seen(3, 40)).toEqual([]);
    expect(seen(6, 40)).toEqual([]);
    expect(seen(7, 40).map((f) => f.check)).toEqual(['flatline']);
    expect(seen(8, 41)).toEqual([]); // it moved: the clock starts over
    expect(seen(10, 41)).toEqual([]);
  });

  it('masks personal fields of raw records, keeping the shape', () => {
    expect(
      maskRecord({ plate: '浙J12345', phone: '13800001111', PM25: '12', nested: [{ patientName: '张三' }] }),
    ).toEqual({
      plate: '浙*****5',
      phone: '1********1',
      PM25: '12',
      nested: [{ patientName: '**' }],
    });
  });
});

describe('the checks beyond one refresh (pure)', () => {
  const rule = (id: string) => rules.find((r) => r.id === id)!;

  it('water: a section below its target class fires with the classes below as its value; the rule scope and an edited condition apply', () => {
    const section = (code: string, villageCode: string, cls: number | null, target: string) => ({
      code,
      name: `断面 ${code}`,
      villageCode,
      targetClass: target as 'III',
      class: cls,
      label: cls === null ? null : ['I', 'II', 'III', 'IV', 'V'][cls - 1]!,
      failing: cls !== null && cls > 3 ? [{ parameter: 'nh3n', label: '氨氮', value: 1.6 }] : [],
    });
    const sections = [
      section('W1', '331023105201', 4, 'III'),
      section('W2', '331023106201', 3, 'III'),
      section('W3', '331023106202', 2, 'III'),
      section('W4', '331023106203', null, 'II'),
    ];
    const seeded = waterObservations(rule(BUSINESS_RULES.water), sections);
    expect(seeded.covered).toEqual(new Set([BUSINESS_RULES.water]));
    expect(seeded.observations.map((o) => [o.entityId, o.regionCode, o.value])).toEqual([
      ['W1', '331023105201', 1],
    ]);
    expect(summaryOf(seeded.observations[0]!)).toBe('断面 W1 水质 IV类，低于目标 III类（超标：氨氮 1.6）');
    const edited = { ...rule(BUSINESS_RULES.water), condition: { op: '>=' as const, value: -1 } };
    expect(waterObservations(edited, sections).observations.map((o) => o.entityId)).toEqual([
      'W1',
      'W2',
      'W3',
    ]);
    const township = { ...edited, regionScope: '331023106' };
    expect(waterObservations(township, sections).observations.map((o) => o.entityId)).toEqual(['W2', 'W3']);
    expect(waterObservations({ ...edited, enabled: false }, sections).covered.size).toBe(0);
  });

  it('screens: a display beyond max(5 berths, 10 %) of its lots disagrees; within it (the refresh lag), or offline, it does not', () => {
    const now = Date.parse('2026-10-03T04:00:00Z');
    const lots = [
      { lotId: 'L1', berthTotal: 200, berthOccupied: 100, updateTimeMs: now },
      { lotId: 'L2', berthTotal: 40, berthOccupied: 10, updateTimeMs: now },
    ];
    const screen = (screenId: string, shown: [number, number], online = true) => ({
      screenId,
      name: screenId,
      tier: 1 as const,
      villageCode: '331023105201',
      online,
      lastHeartbeatMs: now,
      targets: [
        { lotId: 'L1', direction: '左' as const, displayFree: shown[0] },
        { lotId: 'L2', direction: '右' as const, displayFree: shown[1] },
      ],
    });
    const { covered, observations, findings } = screenObservations(
      rule(CHECK_RULES.screenMismatch),
      [
        screen('lagging', [118, 35]), // 100 free ± 20 (10 % of 200), 30 free ± 5: within
        screen('stuck', [0, 30]), // 满 over 100 free berths
        screen('biased', [100, 56]), // 26 over on a 40-berth lot
        screen('dark', [0, 0], false),
      ],
      lots,
      now,
    );
    expect(covered).toEqual(new Set([CHECK_RULES.screenMismatch]));
    expect(observations.map((o) => [o.entityId, o.value])).toEqual([
      ['stuck', 100],
      ['biased', 26],
    ]);
    expect(findings.map((f) => [f.check, f.entityId, f.source])).toEqual([
      ['disagreement', 'stuck', 'parking-platform'],
      ['disagreement', 'biased', 'parking-platform'],
    ]);
    expect(findings[0]!.detail).toContain('左向显示"满"，实际空余 100');
  });

  it('jumps: only known values with enough past; the threshold is the rule’s condition; one observation per source system', () => {
    const hour = '2026-10-03T04:00Z';
    const past = (indicatorId: string, regionCode: string, values: number[]) =>
      values.map((value, i) => ({
        indicatorId,
        regionCode,
        hour: `2026-09-${String(26 - 7 * i).padStart(2, '0')}T04:00Z`,
        value,
        status: 'ok' as const,
        backfilled: true,
      }));
    const input = {
      rule: rule(CHECK_RULES.jump),
      hour,
      values: [
        { indicatorId: 'parking.freeBerths', regionCode: COUNTY_CODE, value: 5000, status: 'ok' as const },
        { indicatorId: 'parking.freeBerths', regionCode: '331023105', value: 5000, status: 'stale' as const },
        { indicatorId: 'eco.aqi', regionCode: COUNTY_CODE, value: 80, status: 'ok' as const }, // score 3.0
        { indicatorId: 'eco.aqi', regionCode: '331023105', value: 300, status: 'ok' as const },
      ],
      past: [
        ...past('parking.freeBerths', COUNTY_CODE, [1000, 1040, 960, 1000]),
        ...past('parking.freeBerths', '331023105', [100, 104, 96]),
        ...past('eco.aqi', COUNTY_CODE, [50, 60, 70, 55]),
        ...past('eco.aqi', '331023105', [50, 60]), // too little past
      ],
      definition: (id: string) => byId.get(id),
    };
    const seeded = jumpObservations(input);
    expect(seeded.findings.map((f) => [f.entityId, f.regionCode, f.check])).toEqual([
      ['parking.freeBerths', COUNTY_CODE, 'jump'],
    ]);
    expect(seeded.observations.map((o) => [o.entityId, o.source])).toEqual([
      ['parking-platform', 'parking-platform'],
    ]);
    // A looser threshold (edited) takes in the AQI too: a second system, a second observation.
    const loose = jumpObservations({
      ...input,
      rule: { ...input.rule, condition: { op: '>=', value: 0.5 } },
    });
    expect(loose.observations.map((o) => o.entityId).sort()).toEqual(['env-monitor', 'parking-platform']);
    expect(jumpObservations({ ...input, rule: { ...input.rule, enabled: false } }).covered.size).toBe(0);
  });
});
