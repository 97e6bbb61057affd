import {
  TraumaCasesOptions,
  TraumaCoverageOptions,
  TraumaGreenChannelOptions,
  TraumaHospitalsOptions,
  TraumaKpisOptions,
  TraumaNearestOptions,
} from '@cockpit/contracts';
import { lazy } from 'react';
import { definePanel } from '../../layout/define';
import type { ThemeModule } from '../../layout/types';

/** The trauma theme: its host (live data, map layers, new-case focus) and its panel types, each loaded lazily. */
export const traumaModule: ThemeModule = {
  theme: 'trauma',
  Host: lazy(() => import('./Host')),
  panels: [
    definePanel(
      'trauma.green-channel',
      TraumaGreenChannelOptions,
      () => import('./panels/GreenChannelPanel'),
    ),
    definePanel('trauma.cases', TraumaCasesOptions, () => import('./panels/CasesPanel')),
    definePanel('trauma.hospitals', TraumaHospitalsOptions, () => import('./panels/HospitalBoard')),
    definePanel('trauma.kpis', TraumaKpisOptions, () => import('./panels/KpiPanel')),
    definePanel('trauma.coverage', TraumaCoverageOptions, () => import('./panels/CoveragePanel')),
    definePanel('trauma.nearest', TraumaNearestOptions, () => import('./panels/NearestPanel')),
  ],
};
