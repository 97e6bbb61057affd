import { AlarmsOptions, DepartmentTilesOptions, RankingOptions } from '@cockpit/contracts';
import { definePanel } from '../layout/define';
import type { PanelDefinition } from '../layout/types';

/**
 * The generic panel types any theme's layout may place (options schemas: @cockpit/contracts panels/generic.ts).
 * Each loads on first use, so a layout without a chart never downloads ECharts.
 */
export const GENERIC_PANELS: PanelDefinition[] = [
  definePanel('ranking', RankingOptions, () => import('./ranking/RankingPanel')),
  definePanel('alarms', AlarmsOptions, () => import('./alarms/AlarmsPanel')),
  definePanel(
    'department-tiles',
    DepartmentTilesOptions,
    () => import('./department-tiles/DepartmentTilesPanel'),
  ),
];
