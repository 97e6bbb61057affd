import type { LayoutDocument } from '../layout';
import { arrangeAll } from './arrange';
import { mapAt, place } from './place';

const GC = 'trauma.green-channel';
const CASES = 'trauma.cases';
const HOSP = 'trauma.hospitals';
const KPIS = 'trauma.kpis';
const COV = 'trauma.coverage';

/**
 * The trauma cockpit for every level. The 4K wall keeps its look: 绿色通道, cases and hospitals left, the map
 * in the middle half, KPIs and coverage right. The ultra-wide walls use their width: the green channel spreads
 * over two columns (the case left, the intersections ahead right), so its signal list is never cut; the map
 * keeps the county's shape.
 */
const TRAUMA_DEFAULT: LayoutDocument = {
  theme: 'trauma',
  level: null,
  regionCode: null,
  profiles: {
    wall: {
      map: mapAt([6, 0, 12, 12]),
      panels: [
        place('green-channel', GC, [0, 0, 6, 7]),
        place('cases', CASES, [0, 7, 6, 2]),
        place('hospitals', HOSP, [0, 9, 6, 3]),
        place('kpis', KPIS, [18, 0, 6, 7]),
        place('coverage', COV, [18, 7, 6, 5]),
      ],
    },
    ultrawide: {
      map: mapAt([14, 0, 8, 6]),
      panels: [
        place('green-channel', GC, [0, 0, 9, 6], { columns: 2 }),
        // Three rows each: a case list (or its "no case" line) needs more than two rows' body of 80 px; the
        // hospitals scroll.
        place('cases', CASES, [9, 0, 5, 3], { maxCases: 3 }),
        place('hospitals', HOSP, [9, 3, 5, 3]),
        place('kpis', KPIS, [22, 0, 8, 6]),
        place('coverage', COV, [30, 0, 6, 6]),
      ],
    },
    // 24 × 6 on 3840×1080: the green channel gets five columns so its ETA countdown stays on one line; the
    // map gives up a column (it is still the widest cell).
    wide: {
      map: mapAt([10, 0, 6, 6]),
      panels: [
        place('green-channel', GC, [0, 0, 5, 6], { showReasons: false }),
        place('cases', CASES, [5, 0, 5, 3], { maxCases: 3 }),
        place('hospitals', HOSP, [5, 3, 5, 3]),
        place('kpis', KPIS, [16, 0, 4, 6], { trendSeriesId: null }),
        place('coverage', COV, [20, 0, 4, 6], { maxTownships: 4 }),
      ],
    },
    wall8k: {
      map: mapAt([16, 0, 16, 12]),
      panels: [
        place('green-channel', GC, [0, 0, 8, 12]),
        place('cases', CASES, [8, 0, 8, 5]),
        place('hospitals', HOSP, [8, 5, 8, 7]),
        place('kpis', KPIS, [32, 0, 8, 12]),
        place('coverage', COV, [40, 0, 8, 12]),
      ],
    },
    'tablet-portrait': {
      map: mapAt([0, 0, 6, 9]),
      panels: [
        place('green-channel', GC, [0, 9, 6, 11]),
        place('cases', CASES, [0, 20, 6, 5]),
        place('hospitals', HOSP, [0, 25, 6, 6]),
        place('kpis', KPIS, [0, 31, 6, 11]),
        place('coverage', COV, [0, 42, 6, 9]),
      ],
    },
    'tablet-landscape': {
      map: mapAt([0, 0, 7, 11]),
      panels: [
        place('green-channel', GC, [7, 0, 5, 11]),
        place('cases', CASES, [0, 11, 4, 6]),
        place('hospitals', HOSP, [4, 11, 8, 6]),
        place('kpis', KPIS, [0, 17, 7, 10]),
        place('coverage', COV, [7, 17, 5, 10]),
      ],
    },
    desk: {
      map: mapAt([3, 0, 6, 14]),
      panels: [
        place('green-channel', GC, [0, 0, 3, 11]),
        place('cases', CASES, [0, 11, 3, 4]),
        place('hospitals', HOSP, [0, 15, 3, 6]),
        place('kpis', KPIS, [9, 0, 3, 11]),
        place('coverage', COV, [9, 11, 3, 10]),
      ],
    },
  },
};

/**
 * A village has no station, hospital or coverage gaps of its own to rank: its nearest 120 stations and receiving
 * hospitals come first (right under the map on a tablet), then its township's figures, labelled as the
 * township's, then the transports, cases and hospitals that concern it.
 */
const TRAUMA_VILLAGE: LayoutDocument = {
  theme: 'trauma',
  level: 'village',
  regionCode: null,
  profiles: arrangeAll([
    { id: 'nearest', type: 'trauma.nearest', weight: 1.5 },
    {
      id: 'parent-kpis',
      type: 'parent-kpis',
      options: {
        indicatorIds: [
          'trauma.activeCases',
          'trauma.medianResponseMinutes',
          'trauma.goldenHourShare',
          'trauma.preHospitalMinutes',
        ],
      },
    },
    { id: 'green-channel', type: GC, weight: 1.5 },
    { id: 'cases', type: CASES },
    { id: 'hospitals', type: HOSP, weight: 1.5 },
  ]),
};

/** The seeded layouts of the trauma cockpit: one arrangement for every screen profile, a village's own. */
export const SEED_TRAUMA_LAYOUTS: LayoutDocument[] = [TRAUMA_DEFAULT, TRAUMA_VILLAGE];
