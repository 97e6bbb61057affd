import {
  GrassrootsBasicsOptions,
  GrassrootsDevicesOptions,
  GrassrootsEscalationsOptions,
  GrassrootsEventsByTypeOptions,
  GrassrootsEventsTodayOptions,
  GrassrootsFloodOptions,
  GrassrootsFunnelOptions,
  GrassrootsGridWorkersOptions,
  GrassrootsHomestaysOptions,
  GrassrootsMapLegendOptions,
  GrassrootsNearbyOptions,
  GrassrootsOverdueOptions,
  GrassrootsParentRanksOptions,
  GrassrootsRuralServicesOptions,
} from '@cockpit/contracts';
import { lazy } from 'react';
import { definePanel } from '../../layout/define';
import type { ThemeModule } from '../../layout/types';

const governance = () => import('./panels/GovernancePanels');
const region = () => import('./panels/RegionPanels');

/**
 * The grassroots-governance theme (基层治理): its host (live data, event map) and its panel types. The region
 * panels (basics, today's events, homestays, rural services, devices, flood, nearby, parent ranks) also sit on a township's or
 * village's overview and read the grassroots snapshot themselves.
 */
export const grassrootsModule: ThemeModule = {
  theme: 'grassroots',
  Host: lazy(() => import('./Host')),
  panels: [
    definePanel('grassroots.funnel', GrassrootsFunnelOptions, () =>
      governance().then((m) => ({ default: m.FunnelPanel })),
    ),
    definePanel('grassroots.overdue', GrassrootsOverdueOptions, () =>
      governance().then((m) => ({ default: m.OverduePanel })),
    ),
    definePanel('grassroots.escalations', GrassrootsEscalationsOptions, () =>
      governance().then((m) => ({ default: m.EscalationsPanel })),
    ),
    definePanel('grassroots.grid-workers', GrassrootsGridWorkersOptions, () =>
      governance().then((m) => ({ default: m.GridWorkersPanel })),
    ),
    definePanel('grassroots.events-by-type', GrassrootsEventsByTypeOptions, () =>
      governance().then((m) => ({ default: m.EventsByTypePanel })),
    ),
    definePanel('grassroots.map-legend', GrassrootsMapLegendOptions, () =>
      governance().then((m) => ({ default: m.MapLegendPanel })),
    ),
    definePanel('grassroots.basics', GrassrootsBasicsOptions, () =>
      region().then((m) => ({ default: m.BasicsPanel })),
    ),
    definePanel('grassroots.events-today', GrassrootsEventsTodayOptions, () =>
      region().then((m) => ({ default: m.EventsTodayPanel })),
    ),
    definePanel('grassroots.homestays', GrassrootsHomestaysOptions, () =>
      region().then((m) => ({ default: m.HomestaysPanel })),
    ),
    definePanel('grassroots.devices', GrassrootsDevicesOptions, () =>
      region().then((m) => ({ default: m.DevicesPanel })),
    ),
    definePanel('grassroots.flood', GrassrootsFloodOptions, () =>
      region().then((m) => ({ default: m.FloodPanel })),
    ),
    definePanel('grassroots.nearby', GrassrootsNearbyOptions, () =>
      region().then((m) => ({ default: m.NearbyPanel })),
    ),
    definePanel('grassroots.rural-services', GrassrootsRuralServicesOptions, () =>
      region().then((m) => ({ default: m.RuralServicesPanel })),
    ),
    definePanel('grassroots.parent-ranks', GrassrootsParentRanksOptions, () =>
      region().then((m) => ({ default: m.ParentRanksPanel })),
    ),
  ],
};
