import { z } from 'zod';
import type { PanelTypeSpec } from './spec';

const THEMES: PanelTypeSpec<z.ZodType>['themes'] = ['eco'];

export const EcoAqiGaugeOptions = z.object({
  /** The indicator whose time and status the footer shows. */
  indicatorId: z.string().min(1).default('eco.aqi'),
  /** Figures shown beside the gauge. */
  indicatorIds: z.array(z.string().min(1)).max(4).default(['eco.pm25']),
  /** Each pollutant's IAQI as bars under the gauge. */
  showIaqi: z.boolean().default(true),
});
export const EcoGoodDaysOptions = z.object({
  indicatorId: z.string().min(1).default('eco.goodDayShareMonth'),
  /** The daily AQI squares of the last 30 days. */
  showDaily: z.boolean().default(true),
  /** The AQI trend (24 h / 7 d / 30 d). */
  showTrend: z.boolean().default(true),
});
export const EcoRankingOptions = z.object({
  /** Townships side by side (1 or 2 columns). */
  columns: z.union([z.literal(1), z.literal(2)]).default(2),
});
export const EcoAlarmsOptions = z.object({
  /** The recent pollution episodes with their upwind stations, under the alarms. */
  showEpisodes: z.boolean().default(true),
});
export const EcoWaterSectionsOptions = z.object({
  indicatorId: z.string().min(1).default('eco.waterCompliance'),
  /** The class distribution chart (I–劣V). */
  showClasses: z.boolean().default(true),
});
export const EcoNoiseOptions = z.object({
  indicatorId: z.string().min(1).default('eco.noiseNightCompliance'),
});
export const EcoLegendOptions = z.object({});

/** Panel types of the eco cockpit (`eco.<name>`). */
export const ECO_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {
  'eco.aqi-gauge': {
    options: EcoAqiGaugeOptions,
    name: { zh: '实时 AQI', en: 'AQI now' },
    themes: THEMES,
  },
  'eco.good-days': {
    options: EcoGoodDaysOptions,
    name: { zh: '优良天数与 AQI 趋势', en: 'Good days and AQI trend' },
    themes: THEMES,
  },
  'eco.township-ranking': {
    options: EcoRankingOptions,
    name: { zh: '乡镇空气质量排名', en: 'Townships by air quality' },
    themes: THEMES,
  },
  'eco.alarms': {
    options: EcoAlarmsOptions,
    name: { zh: '告警与污染过程', en: 'Alarms and episodes' },
    themes: THEMES,
  },
  'eco.water-sections': {
    options: EcoWaterSectionsOptions,
    name: { zh: '地表水断面水质', en: 'Water sections' },
    themes: THEMES,
  },
  'eco.noise': {
    options: EcoNoiseOptions,
    name: { zh: '声环境', en: 'Noise' },
    themes: THEMES,
  },
  'eco.legend': {
    options: EcoLegendOptions,
    name: { zh: '地图图例', en: 'Map legend' },
    themes: THEMES,
  },
};
