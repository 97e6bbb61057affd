import {
  BAND_COLOURS,
  bandOrderProblem,
  type IndicatorDefinition,
  type PanelThresholds,
} from '@cockpit/contracts';
import { displayValue } from '../../panels/gauge/transform';

/** A limit in the form's display scale (a % indicator's share as percent); '' for none. Pure. */
export function bandInput(value: number | null, unit: string): string {
  return value === null ? '' : String(Math.round(displayValue(value, unit) * 1e6) / 1e6);
}

/** A typed limit back in the value scale; '' is no band. Pure. */
export function bandValue(text: string, unit: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return unit === '%' ? Math.round((n / 100) * 1e9) / 1e9 : n;
}

/** The panel's own bands when switched on: the indicator's, to edit from (house colours). */
export function ownBandsFrom(
  d: Pick<IndicatorDefinition, 'thresholds'> | undefined,
): NonNullable<PanelThresholds> {
  return { warning: d?.thresholds.warning ?? null, alarm: d?.thresholds.alarm ?? null, colors: null };
}

/** The colours of the panel's own bands when switched on: the house status colours. */
export const ownColours = () => ({ ...BAND_COLOURS });

/**
 * When the panel's own limits are out of order for the indicator's direction (the BFF refuses the same), that
 * direction, for the form to say which way they must go; else undefined.
 */
export function ownBandsIssue(
  own: PanelThresholds | undefined,
  d: Pick<IndicatorDefinition, 'direction'> | undefined,
): IndicatorDefinition['direction'] | undefined {
  if (!own || !d) return undefined;
  return bandOrderProblem(own, d.direction) ? d.direction : undefined;
}
