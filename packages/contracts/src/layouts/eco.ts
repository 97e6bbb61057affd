import type { LayoutDocument } from '../layout';
import { mapAt, place } from './place';

const AQI = 'eco.aqi-gauge';
const DAYS = 'eco.good-days';
const RANK = 'eco.township-ranking';
const ALARMS = 'eco.alarms';
const WATER = 'eco.water-sections';
const NOISE = 'eco.noise';
const LEGEND = 'eco.legend';

/**
 * The eco cockpit for every level. The 4K wall keeps its look: air left, the map in the middle half (the legend
 * docks on the map on every wall: the theme's host draws it there), alarms, water and noise right. The ultra-wide
 * walls put the panels side by side at full height. Tablets and desk place the legend as a panel.
 */
const ECO_DEFAULT: LayoutDocument = {
  theme: 'eco',
  level: null,
  regionCode: null,
  profiles: {
    wall: {
      map: mapAt([6, 0, 12, 12]),
      panels: [
        place('aqi', AQI, [0, 0, 6, 5]),
        // Five rows: the 30 daily squares and the AQI trend under the two shares, the trend tall enough to read.
        place('good-days', DAYS, [0, 5, 6, 5]),
        // Two rows: the ranked townships scroll slowly when there are more than fit.
        place('ranking', RANK, [0, 10, 6, 2]),
        place('alarms', ALARMS, [18, 0, 6, 3]),
        place('water', WATER, [18, 3, 6, 4]),
        place('noise', NOISE, [18, 7, 6, 5]),
      ],
    },
    ultrawide: {
      map: mapAt([14, 0, 8, 6]),
      panels: [
        place('aqi', AQI, [0, 0, 5, 6]),
        place('good-days', DAYS, [5, 0, 5, 6]),
        place('ranking', RANK, [10, 0, 4, 6], { columns: 1 }),
        place('alarms', ALARMS, [22, 0, 4, 6]),
        place('water', WATER, [26, 0, 5, 6]),
        place('noise', NOISE, [31, 0, 5, 6]),
      ],
    },
    // 24 × 6 on 3840×1080: the gauge needs four of the six rows; the ranking and the alarms take what is left
    // and scroll; the water sections get a fifth column so their list fits.
    wide: {
      map: mapAt([9, 0, 6, 6]),
      panels: [
        place('aqi', AQI, [0, 0, 4, 4], { showIaqi: false }),
        place('ranking', RANK, [0, 4, 4, 2], { columns: 1 }),
        place('good-days', DAYS, [4, 0, 5, 6]),
        place('alarms', ALARMS, [15, 0, 5, 2], { showEpisodes: false }),
        place('water', WATER, [15, 2, 5, 4], { showClasses: false }),
        place('noise', NOISE, [20, 0, 4, 6]),
      ],
    },
    wall8k: {
      map: mapAt([16, 0, 16, 12]),
      panels: [
        place('aqi', AQI, [0, 0, 8, 6]),
        place('ranking', RANK, [0, 6, 8, 6]),
        place('good-days', DAYS, [8, 0, 8, 12]),
        place('alarms', ALARMS, [32, 0, 8, 5]),
        place('water', WATER, [32, 5, 8, 7]),
        place('noise', NOISE, [40, 0, 8, 12]),
      ],
    },
    'tablet-portrait': {
      map: mapAt([0, 0, 6, 9]),
      panels: [
        place('legend', LEGEND, [0, 9, 6, 5]),
        place('aqi', AQI, [0, 14, 6, 8]),
        place('good-days', DAYS, [0, 22, 6, 10]),
        place('ranking', RANK, [0, 32, 6, 6]),
        place('alarms', ALARMS, [0, 38, 6, 5]),
        place('water', WATER, [0, 43, 6, 9]),
        place('noise', NOISE, [0, 52, 6, 8]),
      ],
    },
    'tablet-landscape': {
      map: mapAt([0, 0, 7, 11]),
      panels: [
        place('legend', LEGEND, [7, 0, 5, 5]),
        place('alarms', ALARMS, [7, 5, 5, 6]),
        place('aqi', AQI, [0, 11, 4, 8]),
        place('good-days', DAYS, [4, 11, 4, 8]),
        place('ranking', RANK, [8, 11, 4, 8], { columns: 1 }),
        place('water', WATER, [0, 19, 6, 9]),
        place('noise', NOISE, [6, 19, 6, 9]),
      ],
    },
    desk: {
      map: mapAt([3, 0, 6, 14]),
      panels: [
        place('aqi', AQI, [0, 0, 3, 7]),
        place('good-days', DAYS, [0, 7, 3, 8]),
        place('ranking', RANK, [0, 15, 3, 5]),
        place('legend', LEGEND, [9, 0, 3, 5]),
        place('alarms', ALARMS, [9, 5, 3, 4]),
        place('water', WATER, [9, 9, 3, 7]),
        place('noise', NOISE, [9, 16, 3, 7]),
      ],
    },
  },
};

/** The seeded default layout(s) of the eco cockpit: one arrangement for every screen profile. */
export const SEED_ECO_LAYOUTS: LayoutDocument[] = [ECO_DEFAULT];
