import type { z } from 'zod';
import type { PanelTypeSpec } from './spec';

/** Panel types of the eco cockpit (`eco.<name>`). */
export const ECO_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {};
