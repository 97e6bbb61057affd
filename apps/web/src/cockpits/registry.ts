import type { Level, Theme } from '@cockpit/contracts';
import { type ComponentType, createElement, lazy } from 'react';
import { ecoModule } from './eco/module';
import { ModuleCockpit } from './ModuleCockpit';
import { traumaModule } from './trauma/module';

/** What every cockpit receives: the scope it shows. */
export type CockpitProps = { level: Level; regionCode: string };

/** Theme → lazily loaded cockpit, so each theme is its own chunk. Themes never import each other. */
export const COCKPITS: Record<Theme, ComponentType<CockpitProps>> = {
  overview: lazy(() => import('./overview/OverviewCockpit')),
  parking: lazy(() => import('./parking/ParkingCockpit')),
  trauma: (props) => createElement(ModuleCockpit, { module: traumaModule, ...props }),
  eco: (props) => createElement(ModuleCockpit, { module: ecoModule, ...props }),
};
