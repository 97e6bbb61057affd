import {
  EcoAlarmsOptions,
  EcoAqiGaugeOptions,
  EcoGoodDaysOptions,
  EcoLegendOptions,
  EcoNoiseOptions,
  EcoRankingOptions,
  EcoWaterSectionsOptions,
} from '@cockpit/contracts';
import { lazy } from 'react';
import { definePanel } from '../../layout/define';
import type { ThemeModule } from '../../layout/types';

const air = () => import('./panels/AirPanels');
const waterNoise = () => import('./panels/WaterNoisePanels');

/** The eco theme: its host (live data, map layers, map docks) and its panel types, each loaded lazily. */
export const ecoModule: ThemeModule = {
  theme: 'eco',
  Host: lazy(() => import('./Host')),
  panels: [
    definePanel('eco.aqi-gauge', EcoAqiGaugeOptions, () => air().then((m) => ({ default: m.AqiPanel }))),
    definePanel('eco.good-days', EcoGoodDaysOptions, () => air().then((m) => ({ default: m.AirTrendPanel }))),
    definePanel('eco.township-ranking', EcoRankingOptions, () =>
      air().then((m) => ({ default: m.RankingPanel })),
    ),
    definePanel('eco.alarms', EcoAlarmsOptions, () =>
      waterNoise().then((m) => ({ default: m.EcoAlarmsPanel })),
    ),
    definePanel('eco.water-sections', EcoWaterSectionsOptions, () =>
      waterNoise().then((m) => ({ default: m.WaterPanel })),
    ),
    definePanel('eco.noise', EcoNoiseOptions, () => waterNoise().then((m) => ({ default: m.NoisePanel }))),
    definePanel('eco.legend', EcoLegendOptions, () =>
      import('./panels/MapPanels').then((m) => ({ default: m.LegendPanel })),
    ),
  ],
};
