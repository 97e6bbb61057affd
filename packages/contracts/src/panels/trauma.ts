import type { z } from 'zod';
import type { PanelTypeSpec } from './spec';

/** Panel types of the trauma cockpit (`trauma.<name>`). */
export const TRAUMA_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {};
