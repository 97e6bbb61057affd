import type { IndicatorDefinition } from '@cockpit/contracts';

/** A stored indicator definition for tests (an enforcement % indicator, worse when higher), with `extra` over it. */
export const indicatorDefinition = (
  id: string,
  extra: Partial<IndicatorDefinition> = {},
): IndicatorDefinition => ({
  id,
  name: { zh: `名称${id}`, en: `Name ${id}` },
  unit: '%',
  field: 'urban',
  theme: 'overview',
  definition: { zh: '今日结案 ÷ 今日上报', en: 'closed ÷ reported' },
  departmentId: 'enforcement',
  source: { system: 'county-services', dataset: 'county.cases' },
  levels: ['county', 'township'],
  rollup: { rule: 'none' },
  updateFrequencySeconds: 15,
  freshnessTargetSeconds: 35,
  direction: 'higherIsWorse',
  thresholds: { warning: 0.85, alarm: 0.95 },
  target: null,
  formula: null,
  status: 'active',
  version: 1,
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'system',
  ...extra,
});
