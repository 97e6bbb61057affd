import { z } from 'zod';
import { PanelThresholds, PanelThresholdsByIndicator } from './bands';
import type { PanelTypeSpec } from './spec';

/** A panel's own title; null: the panel names itself (e.g. after its indicator). */
export const PanelTitle = z
  .object({ zh: z.string().max(60), en: z.string().max(80) })
  .nullable()
  .default(null)
  .meta({ description: 'Title shown on the panel, {zh, en}; null: the panel names itself' });

const IndicatorId = z.string().max(80).meta({ description: 'An indicator id of the registry' });
const Colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .meta({ description: 'A colour as #rrggbb' });

/**
 * The order of a list or ranking of child regions: by value (largest or smallest first), by name, or worst
 * first (read with the indicator's direction: the largest when higher is worse, else the smallest).
 */
export const PanelSort = z.enum(['valueDesc', 'valueAsc', 'name', 'worstFirst']).default('valueDesc').meta({
  description:
    "valueDesc: largest first; valueAsc: smallest first; name: by the region's name; worstFirst: by the indicator's direction",
});
export type PanelSort = z.infer<typeof PanelSort>;

export const KpiTilesOptions = z.object({
  title: PanelTitle,
  indicatorIds: z.array(IndicatorId).max(12).default([]),
  /** Each figure in the colour of its band: the panel's own limits for an indicator, or the indicator's. */
  thresholds: PanelThresholdsByIndicator,
});
export const TrendOptions = z.object({
  title: PanelTitle,
  indicatorId: IndicatorId.default(''),
  style: z.enum(['line', 'area']).default('area'),
  /** Draw the forecast and its band after the last observation, when the data carries one. */
  forecast: z.boolean().default(false),
  color: Colour.default('#36c3f0'),
  /** Warning and alarm lines at the panel's own limits, or the indicator's. */
  thresholds: PanelThresholds,
  /**
   * The time span shown: 24h from the snapshot (its own step), or 7d (hourly), 30d and 365d (daily) from the
   * stored indicator history (GET /api/v1/indicators/{id}/series). The forecast is drawn only on 24h.
   */
  window: z
    .enum(['24h', '7d', '30d', '365d'])
    .default('24h')
    .meta({ description: "24h: the snapshot's series; 7d/30d/365d: the stored history" }),
});
export const RankingOptions = z.object({
  title: PanelTitle,
  /** The indicators ranked across the region's children; empty: every ranking the snapshot offers. */
  indicatorIds: z.array(IndicatorId).max(12).default([]),
  limit: z.number().int().min(3).max(20).default(8),
  /** On a wall, step to the next indicator every so many seconds (0: never). */
  rotateSeconds: z.number().int().min(0).max(600).default(20),
  color: Colour.default('#36c3f0'),
  sort: PanelSort,
});
/** The parent region's figures (a village screen shows its township's), labelled with the parent's name. */
export const ParentKpisOptions = z.object({
  title: PanelTitle,
  indicatorIds: z.array(IndicatorId).max(12).default([]),
});
export const GaugeOptions = z.object({
  title: PanelTitle,
  indicatorId: IndicatorId.default(''),
  min: z.number().default(0),
  max: z.number().default(100),
  /** The arc coloured by band at the panel's own limits, or the indicator's. */
  thresholds: PanelThresholds,
});
export const DistributionOptions = z.object({
  title: PanelTitle,
  /** Its value across the region's children. */
  indicatorId: IndicatorId.default(''),
  style: z.enum(['pie', 'bars']).default('pie'),
  /** At most this many slices; the rest are summed as 其他. */
  limit: z.number().int().min(2).max(12).default(6),
  /** The order of the slices shown (其他 always last). */
  sort: PanelSort,
});
export const TableOptions = z.object({
  title: PanelTitle,
  /** Columns: each indicator's value for every child region (rows). */
  indicatorIds: z.array(IndicatorId).min(0).max(8).default([]),
  limit: z.number().int().min(1).max(50).default(15),
  /** Rows ordered by the first column's value, or by name. */
  sort: PanelSort,
});
export const AlarmsOptions = z.object({
  title: PanelTitle,
  /** Only alarms, or warnings too. */
  severity: z.enum(['all', 'alarm']).default('all'),
  limit: z.number().int().min(1).max(50).default(20),
  /** List each department system under the alarms with its freshness. */
  showSources: z.boolean().default(true),
});
export const DepartmentTilesOptions = z.object({
  title: PanelTitle,
  themes: z
    .array(z.enum(['parking', 'trauma', 'eco']))
    .max(3)
    .default(['parking', 'trauma', 'eco']),
});
export const TextOptions = z.object({
  title: PanelTitle,
  /** Plain text, shown as text (never as HTML); line breaks are kept. */
  text: z.object({ zh: z.string().max(2000), en: z.string().max(2000) }).default({ zh: '', en: '' }),
});
export const MapLayersOptions = z.object({
  title: PanelTitle,
  /** The map's context layers a viewer may switch on and off. */
  layers: z
    .array(z.enum(['water', 'roads', 'places']))
    .max(3)
    .default(['water', 'roads', 'places']),
});

/** Generic panel types any theme may place (KPI tiles, trend, ranking, gauge, distribution, table, …). */
export const GENERIC_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {
  'kpi-tiles': { options: KpiTilesOptions, name: { zh: '指标卡', en: 'KPI tiles' } },
  'parent-kpis': { options: ParentKpisOptions, name: { zh: '上级区域指标', en: "Parent region's figures" } },
  trend: { options: TrendOptions, name: { zh: '趋势', en: 'Trend' } },
  ranking: { options: RankingOptions, name: { zh: '排名', en: 'Ranking' } },
  gauge: { options: GaugeOptions, name: { zh: '仪表盘', en: 'Gauge' } },
  distribution: { options: DistributionOptions, name: { zh: '构成', en: 'Distribution' } },
  table: { options: TableOptions, name: { zh: '表格', en: 'Table' } },
  alarms: { options: AlarmsOptions, name: { zh: '告警', en: 'Alarms' } },
  'department-tiles': {
    options: DepartmentTilesOptions,
    name: { zh: '部门驾驶舱', en: 'Department tiles' },
  },
  text: { options: TextOptions, name: { zh: '文字说明', en: 'Text note' } },
  'map-layers': { options: MapLayersOptions, name: { zh: '图层开关', en: 'Map layers' } },
};
