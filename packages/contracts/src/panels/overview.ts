import { z } from 'zod';
import type { PanelTypeSpec } from './spec';

export const OverviewScopeOptions = z.object({});
export const OverviewFieldOptions = z.object({
  /** The plan's field: gives the title (交通出行, 城市管理, 卫生健康, 文化旅游). */
  field: z.enum(['transport', 'urban', 'health', 'tourism']).default('transport'),
  indicatorIds: z.array(z.string().max(80)).max(8).default([]),
  /** The department systems whose data the panel shows (footer, freshness). */
  systems: z.array(z.string().max(40)).max(4).default(['county-services']),
  /** An indicator whose 24-hour series is drawn under the figures; null: none. */
  seriesIndicatorId: z.string().max(80).nullable().default(null),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#4f8dff'),
});

/** Panel types of the overview cockpit (`overview.<name>`). */
export const OVERVIEW_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {
  'overview.scope': {
    options: OverviewScopeOptions,
    name: { zh: '当前区域', en: 'Region in scope' },
    themes: ['overview'],
  },
  'overview.field': {
    options: OverviewFieldOptions,
    name: { zh: '领域指标', en: 'Field of the plan' },
    themes: ['overview'],
  },
};
