import { z } from 'zod';
import type { PanelTypeSpec } from './spec';

const THEMES: PanelTypeSpec<z.ZodType>['themes'] = ['trauma'];

/** The pre-hospital indicators the KPI panel shows by default (medians over 24 h, from 120 dispatch). */
export const TRAUMA_KPI_IDS = [
  'trauma.callToDispatchMinutes',
  'trauma.medianResponseMinutes',
  'trauma.onSceneMinutes',
  'trauma.transportMinutes',
  'trauma.preHospitalMinutes',
  'trauma.goldenHourShare',
  'trauma.doorToCtMinutes',
  'trauma.timeSavedMinutes',
];

export const TraumaGreenChannelOptions = z.object({
  /** Show why the hospital was chosen (capabilities, ETA) and the first hospital passed over. */
  showReasons: z.boolean().default(true),
  /** 2: the case, its hospital and ETA on the left, the intersections ahead on the right (wide, short walls). */
  columns: z.union([z.literal(1), z.literal(2)]).default(1),
});
export const TraumaCasesOptions = z.object({
  /** At most this many cases are listed (the title always counts all of them). */
  maxCases: z.number().int().min(1).max(50).default(20),
});
export const TraumaHospitalsOptions = z.object({
  /** Only hospitals that receive ambulances (the others take no trauma transports). */
  receivingOnly: z.boolean().default(true),
});
export const TraumaKpisOptions = z.object({
  indicatorIds: z.array(z.string().min(1)).max(12).default(TRAUMA_KPI_IDS),
  /** A series of the trauma snapshot drawn under the tiles (null: none). Not an indicator. */
  trendSeriesId: z.string().min(1).nullable().default('trauma.callsPerHour'),
});
export const TraumaCoverageOptions = z.object({
  /** At most this many townships with villages beyond 15 minutes are listed. */
  maxTownships: z.number().int().min(1).max(20).default(5),
});

export const TraumaNearestOptions = z.object({
  /** At most this many stations and this many hospitals are listed (the snapshot carries three of each). */
  limit: z.number().int().min(1).max(3).default(3),
});

/** Panel types of the trauma cockpit (`trauma.<name>`). */
export const TRAUMA_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {
  'trauma.green-channel': {
    options: TraumaGreenChannelOptions,
    name: { zh: '绿色通道', en: 'Green channel' },
    themes: THEMES,
  },
  'trauma.cases': {
    options: TraumaCasesOptions,
    name: { zh: '进行中的急救', en: 'Active cases' },
    themes: THEMES,
  },
  'trauma.hospitals': {
    options: TraumaHospitalsOptions,
    name: { zh: '医院就绪状态', en: 'Hospital readiness' },
    themes: THEMES,
  },
  'trauma.kpis': {
    options: TraumaKpisOptions,
    name: { zh: '院前急救指标', en: 'Pre-hospital KPIs' },
    themes: THEMES,
  },
  'trauma.coverage': {
    options: TraumaCoverageOptions,
    name: { zh: '急救覆盖（15 分钟）', en: 'Coverage (15 min)' },
    themes: THEMES,
  },
  'trauma.nearest': {
    options: TraumaNearestOptions,
    name: { zh: '最近的急救站与医院', en: 'Nearest stations and hospitals' },
    themes: THEMES,
  },
};
