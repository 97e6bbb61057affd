import type {
  EcoAlarmsOptions,
  EcoAqiGaugeOptions,
  EcoGoodDaysOptions,
  EcoNoiseOptions,
  EcoRankingOptions,
  EcoSnapshot,
  EcoWaterSection,
  EcoWaterSectionsOptions,
  IndicatorValue,
  Series,
} from '@cockpit/contracts';
import type { z } from 'zod';

type Air = EcoSnapshot['air'];
const indicator = (s: EcoSnapshot, id: string) => s.indicators.find((i) => i.indicatorId === id);

export type AqiGaugeView =
  | { state: 'loading' }
  | { state: 'no-station'; nearest: NonNullable<Air['nearestStations']> }
  | {
      state: 'reading';
      reading: Air['reading'];
      stationCount: number;
      /** The footer's indicator (time and status). */
      footer: IndicatorValue | undefined;
      /** The figures beside the gauge, one per bound id. */
      figures: (IndicatorValue | undefined)[];
      showIaqi: boolean;
    };

/** eco.aqi-gauge: the region's AQI reading, or (a region without a station) the nearest stations. */
export function aqiGaugeView(
  snapshot: EcoSnapshot | undefined,
  options: z.infer<typeof EcoAqiGaugeOptions>,
): AqiGaugeView {
  if (!snapshot) return { state: 'loading' };
  const { air } = snapshot;
  if (air.stationCount === 0) return { state: 'no-station', nearest: air.nearestStations ?? [] };
  return {
    state: 'reading',
    reading: air.reading,
    stationCount: air.stationCount,
    footer: indicator(snapshot, options.indicatorId),
    figures: options.indicatorIds.map((id) => indicator(snapshot, id)),
    showIaqi: options.showIaqi,
  };
}

export type GoodDaysView = {
  goodDays: Air['goodDays'] | undefined;
  footer: IndicatorValue | undefined;
  /** Daily AQI of the last 30 days; null when the options hide it. */
  daily: Air['daily'] | null;
  /** The AQI series for the trend; null when the options hide the trend. */
  trend: Series | undefined | null;
  stationCount: number | undefined;
};

/** eco.good-days: the month's and the year's good-day share against the target, the daily AQI, the trend. */
export function goodDaysView(
  snapshot: EcoSnapshot | undefined,
  options: z.infer<typeof EcoGoodDaysOptions>,
): GoodDaysView {
  return {
    goodDays: snapshot?.air.goodDays,
    footer: snapshot && indicator(snapshot, options.indicatorId),
    daily: options.showDaily ? (snapshot?.air.daily ?? []) : null,
    trend: options.showTrend ? snapshot?.series.find((s) => s.indicatorId === 'eco.aqi') : null,
    stationCount: snapshot?.air.stationCount,
  };
}

export type RankingView = {
  rated: Air['townships'];
  /** Townships without an air station (not ranked). */
  without: number;
  /** Rows of the grid: the ranked townships fill `columns` columns top to bottom. */
  rows: number;
} | null;

/** eco.township-ranking: townships with a station, best first (the snapshot's order); the stationless counted. */
export function rankingView(
  snapshot: EcoSnapshot | undefined,
  options: z.infer<typeof EcoRankingOptions>,
): RankingView {
  if (!snapshot) return null;
  const towns = snapshot.air.townships;
  const rated = towns.filter((x) => x.aqi !== null);
  return { rated, without: towns.length - rated.length, rows: Math.ceil(rated.length / options.columns) };
}

export type EcoAlarmsView =
  | { state: 'loading' }
  | {
      state: 'ready';
      alarms: EcoSnapshot['alarms'];
      /** null when the options hide the episodes. */
      episodes: Air['episodes'] | null;
      /** "Now" is the data's own time (the monitoring platform's latest hour), not the wall clock. */
      nowMs: number;
    };

/** eco.alarms: the alarms and (optionally) the recent pollution episodes. */
export function ecoAlarmsView(
  snapshot: EcoSnapshot | undefined,
  options: z.infer<typeof EcoAlarmsOptions>,
): EcoAlarmsView {
  if (!snapshot) return { state: 'loading' };
  return {
    state: 'ready',
    alarms: snapshot.alarms,
    episodes: options.showEpisodes ? snapshot.air.episodes : null,
    nowMs: Date.parse(snapshot.air.at ?? snapshot.generatedAt ?? '') || 0,
  };
}

export type WaterView = {
  footer: IndicatorValue | undefined;
  complianceShare: number | null | undefined;
  classCounts: EcoSnapshot['water']['classCounts'] | null;
  total: number;
  onTarget: EcoWaterSection[];
  offTarget: EcoWaterSection[];
} | null;

/** eco.water-sections: compliance with the sections' targets, the class distribution, what fails where. */
export function waterView(
  snapshot: EcoSnapshot | undefined,
  options: z.infer<typeof EcoWaterSectionsOptions>,
): WaterView {
  if (!snapshot) return null;
  const { water } = snapshot;
  return {
    footer: indicator(snapshot, options.indicatorId),
    complianceShare: water.complianceShare,
    classCounts: options.showClasses ? water.classCounts : null,
    total: water.sections.length,
    onTarget: water.sections.filter((s) => s.compliant),
    offTarget: water.sections.filter((s) => s.compliant === false),
  };
}

/** eco.noise: day and night compliance per functional zone (null zones: no noise point in the region). */
export function noiseView(snapshot: EcoSnapshot | undefined, options: z.infer<typeof EcoNoiseOptions>) {
  if (!snapshot) return null;
  const { noise } = snapshot;
  return {
    footer: indicator(snapshot, options.indicatorId),
    zones: noise && noise.points.length > 0 ? noise.zones : null,
  };
}
