import {
  AlarmsOptions,
  DepartmentTilesOptions,
  DistributionOptions,
  GaugeOptions,
  KpiTilesOptions,
  MapLayersOptions,
  ParentKpisOptions,
  RankingOptions,
  TableOptions,
  TextOptions,
  TrendOptions,
} from '@cockpit/contracts';
import { definePanel } from '../layout/define';
import type { PanelDefinition } from '../layout/types';

/**
 * The generic panel types any theme's layout may place (options schemas: @cockpit/contracts panels/generic.ts).
 * Each loads on first use, so a layout without a chart never downloads ECharts.
 */
export const GENERIC_PANELS: PanelDefinition[] = [
  definePanel('kpi-tiles', KpiTilesOptions, () => import('./kpi/KpiTilesPanel')),
  definePanel('parent-kpis', ParentKpisOptions, () => import('./parent-kpis/ParentKpisPanel')),
  definePanel('trend', TrendOptions, () => import('./line/TrendPanel')),
  definePanel('ranking', RankingOptions, () => import('./ranking/RankingPanel')),
  definePanel('gauge', GaugeOptions, () => import('./gauge/GaugePanel')),
  definePanel('distribution', DistributionOptions, () => import('./distribution/DistributionPanel')),
  definePanel('table', TableOptions, () => import('./table/TablePanel')),
  definePanel('alarms', AlarmsOptions, () => import('./alarms/AlarmsPanel')),
  definePanel(
    'department-tiles',
    DepartmentTilesOptions,
    () => import('./department-tiles/DepartmentTilesPanel'),
  ),
  definePanel('text', TextOptions, () => import('./text/TextPanel')),
  definePanel('map-layers', MapLayersOptions, () => import('./map-layers/MapLayersPanel')),
];
