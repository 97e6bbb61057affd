import type { Level, Theme } from '@cockpit/contracts';
import { INDICATORS } from '../indicators/registry';

/** What the history needs to know of an indicator definition. */
export type HistoryIndicator = { id: string; unit: string; theme: Theme; levels: readonly Level[] };

/**
 * The seeded indicators, as the history needs them: the default where no stored definitions are given
 * (unit tests); the app records the active stored definitions (services.ts).
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
