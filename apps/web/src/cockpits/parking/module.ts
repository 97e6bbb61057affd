import {
  ParkingAlarmsOptions,
  ParkingCurveOptions,
  ParkingGuidanceOptions,
  ParkingKpisOptions,
  ParkingLotDetailOptions,
  ParkingLotListOptions,
} from '@cockpit/contracts';
import { lazy } from 'react';
import { definePanel } from '../../layout/define';
import type { ThemeModule } from '../../layout/types';

/** 智慧诱导停车: its host (live snapshot, map layers, selection) and its panel types. */
export const parkingModule: ThemeModule = {
  theme: 'parking',
  Host: lazy(() => import('./ParkingHost')),
  panels: [
    definePanel('parking.kpis', ParkingKpisOptions, () => import('./panels/KpiPanel')),
    definePanel('parking.curve', ParkingCurveOptions, () => import('./panels/CurvePanel')),
    definePanel('parking.lot-list', ParkingLotListOptions, () => import('./panels/LotListPanel')),
    definePanel('parking.guidance', ParkingGuidanceOptions, () => import('./panels/GuidancePanel')),
    definePanel('parking.lot-detail', ParkingLotDetailOptions, () => import('./panels/LotDetailPanel')),
    definePanel('parking.alarms', ParkingAlarmsOptions, () => import('./panels/AlarmsPanel')),
  ],
};
