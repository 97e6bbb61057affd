import type { GrassrootsSnapshot } from '@cockpit/contracts';
import type { ThemeBuilder } from '../builder';

/** The grassroots-governance (基层治理) snapshot builder. First step: a valid, empty snapshot. */
export const grassrootsBuilder: ThemeBuilder = {
  theme: 'grassroots',
  datasets: () => [],
  build: (_ctx, region, _reads, now): GrassrootsSnapshot => ({
    theme: 'grassroots',
    regionCode: region.code,
    level: region.level,
    generatedAt: new Date(now).toISOString(),
    indicators: [],
    series: [],
    breakdowns: [],
    sources: [],
    alarms: [],
    asOf: null,
    simulated: true,
    funnel: [],
    eventsByType: [],
    eventPoints: [],
    overdue: [],
    escalations: [],
    gridWorkers: [],
    basics: null,
    homestays: null,
    devices: null,
    flood: null,
    servicePoints: null,
    farmCodes: [],
    nearby: [],
    parentRanks: [],
  }),
};
