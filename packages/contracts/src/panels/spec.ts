import type { z } from 'zod';
import type { Theme } from '../theme';

export type PanelTypeSpec<S extends z.ZodType> = {
  /** Options schema; `.parse({})` must give the defaults. */
  options: S;
  name: { zh: string; en: string };
  /** Themes whose layouts may use it; absent: every theme. */
  themes?: Theme[];
};
