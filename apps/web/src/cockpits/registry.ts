import type { Level, Theme } from '@cockpit/contracts';
import { type ComponentType, lazy } from 'react';

/** What every cockpit receives: the scope it shows. */
export type CockpitProps = { level: Level; regionCode: string };

/** Theme → lazily loaded cockpit, so each theme is its own chunk. Themes never import each other. */
export const COCKPITS: Record<Theme, ComponentType<CockpitProps>> = {
  overview: lazy(() => import('./overview/OverviewCockpit')),
  parking: lazy(() => import('./parking/ParkingCockpit')),
  trauma: lazy(() => import('./trauma/TraumaCockpit')),
  eco: lazy(() => import('./eco/EcoCockpit')),
};
