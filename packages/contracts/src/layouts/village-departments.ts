import type { LayoutDocument } from '../layout';
import { type ArrangeItem, arrangeAll } from './arrange';

/**
 * Department cockpits at the village level show what is true there: a village rarely has a lot or a station
 * of its own, so the nearest ones (with distance) come first, and its township's figures follow, labelled as
 * the township's. Nothing is a filtered county panel left empty.
 */
const village = (theme: LayoutDocument['theme'], items: ArrangeItem[]): LayoutDocument => ({
  theme,
  level: 'village',
  regionCode: null,
  profiles: arrangeAll(items),
});

export const SEED_VILLAGE_DEPARTMENT_LAYOUTS: LayoutDocument[] = [
  village('parking', [
    { id: 'nearby', type: 'grassroots.nearby', options: { kinds: ['parkingLot'], limit: 5 }, weight: 1.5 },
    {
      id: 'parent-kpis',
      type: 'parent-kpis',
      options: {
        indicatorIds: [
          'parking.freeBerths',
          'parking.occupancyRate',
          'parking.berthTotal',
          'parking.inflowPerHour',
          'parking.averageDwellMinutes',
        ],
      },
    },
  ]),
  village('eco', [
    { id: 'aqi', type: 'eco.aqi-gauge', weight: 1.5 },
    {
      id: 'parent-kpis',
      type: 'parent-kpis',
      options: {
        indicatorIds: [
          'eco.aqi',
          'eco.pm25',
          'eco.goodDayShareMonth',
          'eco.waterCompliance',
          'eco.noiseNightCompliance',
        ],
      },
    },
    { id: 'alarms', type: 'eco.alarms' },
    { id: 'legend', type: 'eco.legend', weight: 0.7 },
  ]),
];
