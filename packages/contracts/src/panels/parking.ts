import { z } from 'zod';
import type { PanelTypeSpec } from './spec';

export const ParkingKpisOptions = z.object({
  indicatorIds: z
    .array(z.string().max(80))
    .max(8)
    .default([
      'parking.berthTotal',
      'parking.freeBerths',
      'parking.occupancyRate',
      'parking.turnoverRate',
      'parking.averageDwellMinutes',
    ]),
  /** Show today's entries and exits under the figures. */
  showFlows: z.boolean().default(true),
});
export const ParkingCurveOptions = z.object({});
export const ParkingLotListOptions = z.object({
  /** busiest: the fullest lots (with the nearest outside the region when it has none); scenic: scenic-spot lots. */
  list: z.enum(['busiest', 'scenic']).default('busiest'),
  limit: z.number().int().min(1).max(20).default(5),
});
export const ParkingGuidanceOptions = z.object({});
export const ParkingLotDetailOptions = z.object({});
export const ParkingAlarmsOptions = z.object({ limit: z.number().int().min(1).max(30).default(8) });

const parking = (options: z.ZodType, zh: string, en: string): PanelTypeSpec<z.ZodType> => ({
  options,
  name: { zh, en },
  themes: ['parking'],
});

/** Panel types of the parking cockpit (`parking.<name>`). */
export const PARKING_PANEL_TYPES: Record<string, PanelTypeSpec<z.ZodType>> = {
  'parking.kpis': parking(ParkingKpisOptions, '停车概况', 'Parking at a glance'),
  'parking.curve': parking(ParkingCurveOptions, '泊位占用与预测', 'Occupancy and forecast'),
  'parking.lot-list': parking(ParkingLotListOptions, '停车场列表', 'Car parks'),
  'parking.guidance': parking(ParkingGuidanceOptions, '停车诱导', 'Parking guidance'),
  'parking.lot-detail': parking(ParkingLotDetailOptions, '停车场详情', 'Car park detail'),
  'parking.alarms': parking(ParkingAlarmsOptions, '停车告警', 'Parking alarms'),
};
