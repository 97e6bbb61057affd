import type { IndicatorValue, SourceStatus } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { kpiValues, sourcesOf } from './transform';

const at = '2026-12-01T02:00:00.000Z';
const value = (indicatorId: string, v: number): IndicatorValue => ({
  indicatorId,
  value: v,
  unit: '个',
  at,
  status: 'ok',
});
const source = (system: string): SourceStatus => ({
  system,
  name: { zh: system, en: system },
  status: 'ok',
  lastGoodAt: at,
});

describe('kpiValues', () => {
  it('gives the values in the order named, undefined where the level has none', () => {
    const got = kpiValues([value('a', 1), value('b', 2)], ['b', 'missing', 'a']);
    expect(got.map((v) => v?.value)).toEqual([2, undefined, 1]);
  });
});

describe('sourcesOf', () => {
  it('keeps the systems that feed the indicators named', () => {
    const all = [source('county-services'), source('parking-platform'), source('env-monitor')];
    const of = (id: string) => ({ a: 'parking-platform', b: 'env-monitor' })[id];
    expect(sourcesOf(all, ['a', 'b', 'unknown'], of).map((s) => s.system)).toEqual([
      'parking-platform',
      'env-monitor',
    ]);
  });
});
