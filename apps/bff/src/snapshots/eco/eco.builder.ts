import type { EcoSnapshot } from '@cockpit/contracts';
import type { ThemeBuilder } from '../builder';

/** The eco cockpit's snapshot (skeleton: grows with its issue). */
export const ecoBuilder: ThemeBuilder = {
  theme: 'eco',
  datasets: () => [],
  build: (_ctx, region, _reads, now): EcoSnapshot => ({
    theme: 'eco',
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
