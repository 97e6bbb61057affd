import type { Level, Theme } from '@cockpit/contracts';
import { INDICATORS } from '../indicators/registry';

/** What the history needs to know of an indicator definition. */
export type HistoryIndicator = { id: string; unit: string; theme: Theme; levels: readonly Level[] };

/**
 * The active indicators whose values are stored each hour. The one seam with the indicator definitions:
 * today the built-in registry; after #14's IND branch, `services.indicatorDefinitions.list()` filtered to
 * `status === 'active'` (rewire this one function at merge).
 */
export function activeHistoryIndicators(): HistoryIndicator[] {
  return INDICATORS.map((i) => ({ id: i.id, unit: i.unit, theme: i.theme, levels: i.levels }));
}

/**
 * Counters that restart at Beijing midnight ("today" figures): their daily value is the day's last one,
 * not the mean of its hours.
 */
export const DAILY_LAST_VALUE_IDS = [
  'urban.casesReported',
  'urban.casesClosed',
  'health.outpatientVisits',
  'tourism.visitorsToday',
];

/** Indicators whose daily value follows a standard of its own (HJ 633 daily AQI), written by the backfill. */
export const DAILY_OWN_RULE_IDS = ['eco.aqi'];
