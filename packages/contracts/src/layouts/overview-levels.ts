import type { LayoutDocument } from '../layout';
import { type ArrangeItem, arrangeAll } from './arrange';

const basics: ArrangeItem = { id: 'basics', type: 'grassroots.basics', weight: 1.5 };
const today: ArrangeItem = { id: 'events-today', type: 'grassroots.events-today' };
/** 农村服务: homestays, 浙农码 scans and the convenience service points open now, in one panel. */
const rural: ArrangeItem = { id: 'rural-services', type: 'grassroots.rural-services', weight: 1.5 };
const devices: ArrangeItem = { id: 'devices', type: 'grassroots.devices' };
const flood: ArrangeItem = { id: 'flood', type: 'grassroots.flood', options: { limit: 4 } };
const ranks: ArrangeItem = { id: 'parent-ranks', type: 'grassroots.parent-ranks' };
// Beside the map on tablets and desks the basics need a little more height than the (scrolling) list of places.
const nearby: ArrangeItem = { id: 'nearby', type: 'grassroots.nearby', weight: 1.25 };
const departments: ArrangeItem = { id: 'departments', type: 'department-tiles', weight: 1.5 };
const ranking: ArrangeItem = { id: 'ranking', type: 'ranking', options: { limit: 8, rotateSeconds: 20 } };

/**
 * The overview of a township and of a village: its own basics, today's events, rural services (homestays,
 * 浙农码 scans, convenience service points), devices, flood points and its place among its parent's children — not the county's screen filtered down. A village also
 * gets its nearest lots, 120 stations and hospital (it rarely has its own).
 */
export const SEED_OVERVIEW_LEVEL_LAYOUTS: LayoutDocument[] = [
  {
    theme: 'overview',
    level: 'township',
    regionCode: null,
    profiles: arrangeAll([basics, today, ranks, rural, ranking, devices, flood, departments]),
  },
  {
    theme: 'overview',
    level: 'village',
    regionCode: null,
    profiles: arrangeAll([basics, nearby, today, ranks, rural, devices, flood, departments]),
  },
];
