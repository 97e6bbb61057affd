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
  maskRecord,
  platformObservations,
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
