import type { z } from 'zod';
import type { PanelTypeSpec } from './spec';

/** Panel types of the overview cockpit (`overview.<name>`). */
export const OVERVIEW_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {};
