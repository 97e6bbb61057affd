import { lazy } from 'react';
import type { ThemeModule } from '../../layout/types';

/** The grassroots-governance theme (基层治理): its host (live data, map layers) and its panel types. */
export const grassrootsModule: ThemeModule = {
  theme: 'grassroots',
  Host: lazy(() => import('./Host')),
  panels: [],
};
