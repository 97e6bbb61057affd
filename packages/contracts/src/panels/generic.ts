import type { z } from 'zod';
import type { PanelTypeSpec } from './spec';

/** Generic panel types any theme may place (KPI tiles, trend, ranking, gauge, distribution, table, …). */
export const GENERIC_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {};
