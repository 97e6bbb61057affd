import { effectiveBands, type IndicatorValue, type SourceStatus } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { kpiBand, kpiValues, sourcesOf } from './transform';

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

describe('kpiBand', () => {
  const occupancy = { direction: 'higherIsWorse' as const, thresholds: { warning: 0.85, alarm: 0.95 } };
  const share = (v: number, status: IndicatorValue['status'] = 'ok') => ({ value: v, status });
  it("colours a fresh figure by the indicator's bands: warning and alarm in theirs, normal left plain", () => {
    const bands = effectiveBands(null, occupancy);
    expect(kpiBand(share(0.9), bands)).toEqual({ band: 'warning', colour: '#f5a524' });
    expect(kpiBand(share(0.96), bands)).toEqual({ band: 'alarm', colour: '#ff4d4f' });
    expect(kpiBand(share(0.5), bands)).toEqual({ band: 'normal', colour: undefined });
  });
  it("uses the panel's own limits and colours, normal too when it set one", () => {
    const own = effectiveBands(
      { warning: 0.4, alarm: 0.6, colors: { normal: '#00aaff', warning: '#ffee00', alarm: '#aa00ff' } },
      occupancy,
    );
    expect(kpiBand(share(0.5), own)).toEqual({ band: 'warning', colour: '#ffee00' });
    expect(kpiBand(share(0.3), own)).toEqual({ band: 'normal', colour: '#00aaff' });
  });
  it('leaves a stale or missing figure, or an indicator without bands, to its freshness colour', () => {
    const bands = effectiveBands(null, occupancy);
    expect(kpiBand(share(0.99, 'stale'), bands)).toBeNull();
    expect(kpiBand({ value: null, status: 'ok' }, bands)).toBeNull();
    expect(kpiBand(share(0.99), null)).toBeNull();
    const none = effectiveBands(null, {
      direction: 'higherIsWorse',
      thresholds: { warning: null, alarm: null },
    });
    expect(kpiBand(share(0.99), none)).toBeNull();
  });
});
