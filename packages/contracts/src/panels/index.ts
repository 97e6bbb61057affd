import type { z } from 'zod';
import { ECO_PANEL_TYPES } from './eco';
import { GENERIC_PANEL_TYPES } from './generic';
import { GRASSROOTS_PANEL_TYPES } from './grassroots';
import { OVERVIEW_PANEL_TYPES } from './overview';
import { PARKING_PANEL_TYPES } from './parking';
import type { PanelTypeSpec } from './spec';
import { TRAUMA_PANEL_TYPES } from './trauma';

export * from './bands';
export * from './eco';
export * from './generic';
export * from './grassroots';
export * from './overview';
export * from './parking';
export type { PanelTypeSpec } from './spec';
export * from './trauma';

/**
 * Every registered panel type and its options schema: the BFF validates stored layouts against it, the web
 * registry pairs each with its transform and lazily loaded component. Theme-specific types are declared in
 * their theme's file and are named `<theme>.<name>`.
 */
export const PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {
  ...GENERIC_PANEL_TYPES,
  ...OVERVIEW_PANEL_TYPES,
  ...PARKING_PANEL_TYPES,
  ...TRAUMA_PANEL_TYPES,
  ...ECO_PANEL_TYPES,
  ...GRASSROOTS_PANEL_TYPES,
};

/**
 * The indicator ids a panel's options name: every `indicatorId` (string) and `indicatorIds` (string[])
 * at any depth. A layout is refused when one of them does not exist at the layout's level.
 */
export function indicatorRefs(options: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'indicatorId' && typeof x === 'string') {
          out.push(x);
        } else if (k === 'indicatorIds' && Array.isArray(x)) {
          for (const id of x) if (typeof id === 'string') out.push(id);
        } else {
          walk(x);
        }
      }
    }
  };
  walk(options);
  return out;
}
