import type { z } from 'zod';
import type { PanelTypeSpec } from './spec';

/** Panel types of the parking cockpit (`parking.<name>`). */
export const PARKING_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {};
