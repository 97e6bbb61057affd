import type { ParkingSnapshot } from '@cockpit/contracts';
import type { ThemeBuilder } from '../builder';

/** The parking cockpit's snapshot (skeleton: grows with its issue). */
export const parkingBuilder: ThemeBuilder = {
  theme: 'parking',
  datasets: () => [],
  build: (_ctx, region, _reads, now): ParkingSnapshot => ({
    theme: 'parking',
    regionCode: region.code,
    level: region.level,
    generatedAt: new Date(now).toISOString(),
    indicators: [],
    series: [],
    breakdowns: [],
    sources: [],
    alarms: [],
  }),
};
