import type { IndicatorValue, SourceStatus } from '@cockpit/contracts';

/**
 * Pure transform of KPI tiles: the value of each indicator named, in the order named; undefined where the
 * snapshot has none (an indicator not counted at this level is left out, not shown as 0).
 */
export function kpiValues(
  indicators: readonly IndicatorValue[],
  indicatorIds: readonly string[],
): (IndicatorValue | undefined)[] {
  return indicatorIds.map((id) => indicators.find((v) => v.indicatorId === id));
}

/** The department systems that feed the indicators named (by the catalogue's `source`), as the snapshot reports them. */
export function sourcesOf(
  sources: readonly SourceStatus[],
  indicatorIds: readonly string[],
  sourceOfIndicator: (id: string) => string | undefined,
): SourceStatus[] {
  const systems = new Set(indicatorIds.map(sourceOfIndicator).filter((s) => s !== undefined));
  return sources.filter((s) => systems.has(s.system));
}
