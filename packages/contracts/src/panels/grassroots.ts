import { z } from 'zod';
import type { PanelTypeSpec } from './spec';

/** Only on the grassroots-governance cockpit. */
const GRASSROOTS: PanelTypeSpec<z.ZodType>['themes'] = ['grassroots'];
/** Grassroots data that a township's or village's overview also shows (the panel reads the grassroots snapshot). */
const WITH_OVERVIEW: PanelTypeSpec<z.ZodType>['themes'] = ['grassroots', 'overview'];

export const GrassrootsFunnelOptions = z.object({});
export const GrassrootsOverdueOptions = z.object({
  /** At most this many cases, oldest first. */
  limit: z.number().int().min(1).max(50).default(8),
});
export const GrassrootsGridWorkersOptions = z.object({
  limit: z.number().int().min(1).max(50).default(8),
});
export const GrassrootsEventsByTypeOptions = z.object({
  /** Stacked daily bars per type, or one line per type. */
  style: z.enum(['stacked', 'lines']).default('stacked'),
});
export const GrassrootsEscalationsOptions = z.object({
  limit: z.number().int().min(1).max(50).default(8),
  /** Only escalations that reached the county 矛调中心. */
  countyOnly: z.boolean().default(false),
});
export const GrassrootsMapLegendOptions = z.object({});
export const GrassrootsBasicsOptions = z.object({});
export const GrassrootsEventsTodayOptions = z.object({});
export const GrassrootsHomestaysOptions = z.object({});
export const GrassrootsDevicesOptions = z.object({});
export const GrassrootsFloodOptions = z.object({
  limit: z.number().int().min(1).max(30).default(6),
});
export const GrassrootsNearbyOptions = z.object({
  /** Which kinds of place to list, nearest first. */
  kinds: z
    .array(z.enum(['parkingLot', 'ambulanceStation', 'hospital']))
    .min(1)
    .max(3)
    .default(['parkingLot', 'ambulanceStation', 'hospital']),
  /** Per kind. */
  limit: z.number().int().min(1).max(5).default(3),
});
export const GrassrootsParentRanksOptions = z.object({});
export const GrassrootsRuralServicesOptions = z.object({
  /** At most this many 浙农码 products, most scanned today first. */
  limit: z.number().int().min(1).max(10).default(5),
});

/** Panel types of the grassroots-governance cockpit (`grassroots.<name>`). */
export const GRASSROOTS_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {
  'grassroots.funnel': {
    options: GrassrootsFunnelOptions,
    name: { zh: '事件处置流程', en: 'Event lifecycle' },
    themes: GRASSROOTS,
  },
  'grassroots.overdue': {
    options: GrassrootsOverdueOptions,
    name: { zh: '超期案件', en: 'Overdue cases' },
    themes: GRASSROOTS,
  },
  'grassroots.grid-workers': {
    options: GrassrootsGridWorkersOptions,
    name: { zh: '网格员履职', en: 'Grid-worker activity' },
    themes: GRASSROOTS,
  },
  'grassroots.events-by-type': {
    options: GrassrootsEventsByTypeOptions,
    name: { zh: '近 30 天事件类型', en: 'Events by type, 30 days' },
    themes: GRASSROOTS,
  },
  'grassroots.escalations': {
    options: GrassrootsEscalationsOptions,
    name: { zh: '上报矛调中心', en: 'Escalations' },
    themes: GRASSROOTS,
  },
  'grassroots.map-legend': {
    options: GrassrootsMapLegendOptions,
    name: { zh: '事件地图图例', en: 'Event map legend' },
    themes: GRASSROOTS,
  },
  'grassroots.basics': {
    options: GrassrootsBasicsOptions,
    name: { zh: '基本情况', en: 'Basics' },
    themes: WITH_OVERVIEW,
  },
  'grassroots.events-today': {
    options: GrassrootsEventsTodayOptions,
    name: { zh: '今日事件', en: "Today's events" },
    themes: WITH_OVERVIEW,
  },
  'grassroots.homestays': {
    options: GrassrootsHomestaysOptions,
    name: { zh: '民宿', en: 'Homestays' },
    themes: WITH_OVERVIEW,
  },
  'grassroots.devices': {
    options: GrassrootsDevicesOptions,
    name: { zh: '感知设备', en: 'Perception devices' },
    themes: WITH_OVERVIEW,
  },
  'grassroots.flood': {
    options: GrassrootsFloodOptions,
    name: { zh: '防汛', en: 'Flood control' },
    themes: WITH_OVERVIEW,
  },
  'grassroots.nearby': {
    options: GrassrootsNearbyOptions,
    name: { zh: '最近的设施', en: 'Nearest facilities' },
    // A village without a lot, station or hospital of its own: also its department screens.
    themes: ['grassroots', 'overview', 'parking', 'trauma', 'eco'],
  },
  'grassroots.rural-services': {
    options: GrassrootsRuralServicesOptions,
    name: { zh: '农村服务：民宿、浙农码、便民服务点', en: 'Rural services' },
    themes: WITH_OVERVIEW,
  },
  'grassroots.parent-ranks': {
    options: GrassrootsParentRanksOptions,
    name: { zh: '在上级中的排名', en: "Place in the parent's rankings" },
    themes: WITH_OVERVIEW,
  },
};
