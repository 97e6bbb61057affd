import type { TraumaSnapshot } from '@cockpit/contracts';
import type { ThemeBuilder } from '../builder';

/** The trauma cockpit's snapshot (skeleton: grows with its issue). */
export const traumaBuilder: ThemeBuilder = {
  theme: 'trauma',
  datasets: () => [],
  build: (_ctx, region, _reads, now): TraumaSnapshot => ({
    theme: 'trauma',
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
