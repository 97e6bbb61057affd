import type { LayoutDocument } from '../layout';
import { type ArrangeItem, arrangeAll } from './arrange';

/** The headline figures of the governance cockpit (grassroots.* indicators, each with its 口径 in the registry). */
export const GRASSROOTS_KPI_IDS = [
  'grassroots.eventsReportedToday',
  'grassroots.eventsClosedToday',
  'grassroots.eventsOverdue',
  'grassroots.closureRate',
  'grassroots.onTimeRate',
  'grassroots.avgHandlingHours',
  'grassroots.villageSettlementRate',
  'grassroots.patrolCoverage',
];

const kpis: ArrangeItem = {
  id: 'kpis',
  type: 'kpi-tiles',
  options: { title: { zh: '基层治理指标', en: 'Governance figures' }, indicatorIds: GRASSROOTS_KPI_IDS },
  weight: 1.5,
};
const ranking: ArrangeItem = {
  id: 'ranking',
  type: 'ranking',
  options: {
    title: null,
    indicatorIds: ['grassroots.onTimeRate', 'grassroots.closureRate'],
    limit: 10,
    rotateSeconds: 20,
  },
  weight: 1.5,
};
const funnel: ArrangeItem = { id: 'funnel', type: 'grassroots.funnel' };
const byType: ArrangeItem = { id: 'by-type', type: 'grassroots.events-by-type', weight: 1.5 };
const overdue: ArrangeItem = {
  id: 'overdue',
  type: 'grassroots.overdue',
  options: { limit: 8 },
  weight: 1.5,
};
const escalations: ArrangeItem = { id: 'escalations', type: 'grassroots.escalations', options: { limit: 8 } };
const workers: ArrangeItem = { id: 'grid-workers', type: 'grassroots.grid-workers', options: { limit: 8 } };
const legend: ArrangeItem = { id: 'legend', type: 'grassroots.map-legend' };
const flood: ArrangeItem = { id: 'flood', type: 'grassroots.flood', options: { limit: 5 } };

const doc = (level: LayoutDocument['level'], items: ArrangeItem[]): LayoutDocument => ({
  theme: 'grassroots',
  level,
  regionCode: null,
  profiles: arrangeAll(items),
});

/**
 * 基层治理 at each level: the county ranks its townships and sees what reached the 矛调中心; a township ranks its
 * villages and watches its flood points; a village sees its grids and its own open cases first.
 */
export const SEED_GRASSROOTS_LAYOUTS: LayoutDocument[] = [
  doc(null, [kpis, funnel, byType, legend, ranking, overdue, escalations, workers]),
  doc('township', [kpis, funnel, overdue, legend, ranking, escalations, workers, byType]),
  doc('village', [kpis, overdue, funnel, legend, workers, byType, escalations, flood]),
];
