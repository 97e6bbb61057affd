import { BAND_COLOURS, type IndicatorValue, type SourceStatus, thresholdBandOf } from '@cockpit/contracts';
import type { Bands } from '../gauge/transform';

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

/**
 * The band of a fresh figure and the colour to draw it in: warning and alarm in their colours; normal in the
 * panel's own normal colour if it set one, else in the plain text colour (status colours mean status only).
 * None for a stale or missing value (its freshness colours it) or an indicator without bands.
 */
export function kpiBand(
  value: Pick<IndicatorValue, 'value' | 'status'>,
  bands: Bands | null,
): { band: 'normal' | 'warning' | 'alarm'; colour: string | undefined } | null {
  if (!bands || value.status !== 'ok' || value.value === null) return null;
  if (bands.thresholds.warning === null && bands.thresholds.alarm === null) return null;
  const band = thresholdBandOf(bands, value.value) ?? 'normal';
  const colour =
    band !== 'normal' || bands.colors.normal !== BAND_COLOURS.normal ? bands.colors[band] : undefined;
  return { band, colour };
}
