import { describe, expect, it } from 'vitest';
import {
  durationText,
  filterDefinitions,
  freshnessOf,
  layoutsUsing,
  NO_FILTERS,
  thresholdText,
} from './catalogue';
import { indicatorDefinition } from './definition.fixture';

const def = indicatorDefinition;

describe('the indicator catalogue', () => {
  const items = [
    def('urban.a'),
    def('eco.b', { field: 'eco', departmentId: 'ecology', definition: { zh: 'HJ 633 实时报', en: 'AQI' } }),
  ];
  it('filters by field, department and text in the 口径', () => {
    expect(filterDefinitions(items, NO_FILTERS)).toHaveLength(2);
    expect(filterDefinitions(items, { ...NO_FILTERS, field: 'eco' }).map((d) => d.id)).toEqual(['eco.b']);
    expect(filterDefinitions(items, { ...NO_FILTERS, department: 'enforcement' }).map((d) => d.id)).toEqual([
      'urban.a',
    ]);
    expect(filterDefinitions(items, { ...NO_FILTERS, q: 'hj 633' }).map((d) => d.id)).toEqual(['eco.b']);
    expect(filterDefinitions(items, { ...NO_FILTERS, q: 'nothing' })).toEqual([]);
  });

  it('reads thresholds with the direction, % as shares', () => {
    const words = { warning: '预警', alarm: '告警', target: '目标' };
    expect(thresholdText(def('x'), words)).toBe('预警 ≥ 85% · 告警 ≥ 95%');
    expect(
      thresholdText(
        def('y', {
          direction: 'higherIsBetter',
          thresholds: { warning: null, alarm: null },
          target: { comparator: '>=', value: 0.95 },
        }),
        words,
      ),
    ).toBe('目标 ≥ 95%');
    expect(thresholdText(def('z', { unit: '', thresholds: { warning: 2.5, alarm: null } }), words)).toBe(
      '预警 ≥ 2.5',
    );
    expect(thresholdText(def('n', { thresholds: { warning: null, alarm: null } }), words)).toBe('—');
  });

  it('says durations in their largest whole unit', () => {
    expect(durationText(15, 'zh-CN')).toBe('15 秒');
    expect(durationText(3600, 'zh-CN')).toBe('1 小时');
    expect(durationText(86400, 'en')).toBe('1 d');
    expect(durationText(90, 'en')).toBe('90 s');
  });

  it('tells the freshness of the source system against the target', () => {
    const now = '2026-12-01T08:00:00.000Z';
    const up = (lastSuccessAt: string | null, breaker: 'closed' | 'open' = 'closed') => [
      { system: 'county-services', breaker, lastSuccessAt, errorRate: 0, droppedRecords: 0, calls: 1 },
    ];
    const d = def('x');
    expect(freshnessOf(d, up('2026-12-01T07:59:40.000Z'), now)).toEqual({ state: 'ok', ageSeconds: 20 });
    expect(freshnessOf(d, up('2026-12-01T07:58:00.000Z'), now)).toEqual({ state: 'late', ageSeconds: 120 });
    expect(freshnessOf(d, up('2026-12-01T07:59:40.000Z', 'open'), now).state).toBe('down');
    expect(freshnessOf(d, up(null), now).state).toBe('down');
    expect(freshnessOf(d, undefined, now).state).toBe('unknown');
    expect(freshnessOf(d, [{ ...up(null)[0]!, calls: 0 }], now).state).toBe('unknown');
  });

  it('finds the layouts that reference each indicator', () => {
    const uses = layoutsUsing([
      {
        layoutId: 'L1',
        label: 'overview',
        document: { profiles: { wall: { panels: [{ options: { indicatorIds: ['a', 'b'] } }] } } },
      },
      {
        layoutId: 'L2',
        label: 'eco',
        document: { panels: [{ options: { indicatorId: 'a' } }, { options: { indicatorId: 'a' } }] },
      },
    ]);
    expect(uses.get('a')?.map((u) => u.layoutId)).toEqual(['L1', 'L2']);
    expect(uses.get('b')?.map((u) => u.layoutId)).toEqual(['L1']);
    expect(uses.get('c')).toBeUndefined();
  });
});
