import type { LayoutDocument, PanelInstance } from '../layout';
import { placer } from './place';

/** The overview's panels: the plan's four fields, the department cockpits, the children's ranking, alarms. */
const PANELS = {
  scope: { type: 'overview.scope', options: {} },
  transport: {
    type: 'overview.field',
    options: {
      field: 'transport',
      indicatorIds: ['traffic.congestionIndex', 'parking.freeBerths', 'parking.occupancyRate'],
      systems: ['county-services', 'parking-platform'],
      seriesIndicatorId: 'traffic.congestionIndex',
      color: '#4f8dff',
    },
  },
  urban: {
    type: 'overview.field',
    options: {
      field: 'urban',
      indicatorIds: [
        'urban.casesReported',
        'urban.casesClosed',
        'urban.closureRate',
        'urban.avgHandlingHours',
      ],
      systems: ['county-services'],
      color: '#f5a524',
    },
  },
  health: {
    type: 'overview.field',
    options: {
      field: 'health',
      indicatorIds: ['health.outpatientVisits', 'health.edLoad'],
      systems: ['county-services'],
      seriesIndicatorId: 'health.outpatientVisits',
      color: '#ff6b81',
    },
  },
  tourism: {
    type: 'overview.field',
    options: {
      field: 'tourism',
      indicatorIds: ['tourism.visitorsToday', 'tourism.spotFlow'],
      systems: ['county-services'],
      color: '#3ddc97',
    },
  },
  departments: { type: 'department-tiles', options: {} },
  ranking: { type: 'ranking', options: { limit: 8, rotateSeconds: 20 } },
  alarms: { type: 'alarms', options: {} },
} satisfies Record<string, Pick<PanelInstance, 'type' | 'options'>>;

const place = placer(PANELS);

/**
 * The seeded default layout(s) of the overview cockpit: one arrangement for every screen profile. The 4K wall
 * keeps the hand-written cockpit's look (two 920 px columns beside the map); ultra-wide walls spread the
 * panels in full-height columns on both sides of a map sized to the county; tablets and desks stack them.
 */
export const SEED_OVERVIEW_LAYOUTS: LayoutDocument[] = [
  {
    theme: 'overview',
    level: null,
    regionCode: null,
    profiles: {
      // 24 × 12 on 3840×2160. The charts on the left and the lists on the right get the rows they need to be
      // read at 5–10 m (区域排行 lists every ranked row with its name, the 24-hour charts keep their axis labels
      // apart); the map keeps the middle half, and the figures-only fields sit in a strip under it, their
      // figures in one row (城市管理 shows four).
      wall: {
        map: { x: 6, y: 0, w: 12, h: 9 },
        panels: place({
          scope: { x: 0, y: 0, w: 6, h: 3 },
          transport: { x: 0, y: 3, w: 6, h: 5 },
          health: { x: 0, y: 8, w: 6, h: 4 },
          urban: { x: 6, y: 9, w: 8, h: 3 },
          tourism: { x: 14, y: 9, w: 4, h: 3 },
          departments: { x: 18, y: 0, w: 6, h: 4 },
          ranking: { x: 18, y: 4, w: 6, h: 4 },
          alarms: { x: 18, y: 8, w: 6, h: 4 },
        }),
      },
      // 36 × 6 on 5760×1080: every panel a full-height column, four on each side of the map.
      ultrawide: {
        map: { x: 14, y: 0, w: 8, h: 6 },
        panels: place({
          scope: { x: 0, y: 0, w: 3, h: 6 },
          transport: { x: 3, y: 0, w: 4, h: 6 },
          urban: { x: 7, y: 0, w: 3, h: 6 },
          health: { x: 10, y: 0, w: 4, h: 6 },
          tourism: { x: 22, y: 0, w: 3, h: 6 },
          departments: { x: 25, y: 0, w: 5, h: 6 },
          ranking: { x: 30, y: 0, w: 3, h: 6 },
          alarms: { x: 33, y: 0, w: 3, h: 6 },
        }),
      },
      // 24 × 6 on 3840×1080: too low for half-height cells at wall type sizes, so six full-height columns
      // (the region is named in the header; the children's ranking is left to the wider profiles).
      wide: {
        // The figures-only fields take two columns (their tiles stack); the department tiles get five and the
        // alarms three, so a stale badge under each figure, or a source line with its last good time, still fits.
        map: { x: 8, y: 0, w: 6, h: 6 },
        panels: place({
          transport: { x: 0, y: 0, w: 3, h: 6 },
          urban: { x: 3, y: 0, w: 2, h: 6 },
          health: { x: 5, y: 0, w: 3, h: 6 },
          tourism: { x: 14, y: 0, w: 2, h: 6 },
          departments: { x: 16, y: 0, w: 5, h: 6 },
          alarms: { x: 21, y: 0, w: 3, h: 6 },
        }),
      },
      // 48 × 12 on 7680×2160: two columns on each side of the map.
      wall8k: {
        map: { x: 14, y: 0, w: 20, h: 12 },
        panels: place({
          scope: { x: 0, y: 0, w: 7, h: 3 },
          transport: { x: 0, y: 3, w: 7, h: 5 },
          urban: { x: 0, y: 8, w: 7, h: 4 },
          tourism: { x: 7, y: 0, w: 7, h: 3 },
          health: { x: 7, y: 3, w: 7, h: 5 },
          ranking: { x: 7, y: 8, w: 7, h: 4 },
          departments: { x: 34, y: 0, w: 14, h: 4 },
          alarms: { x: 34, y: 4, w: 14, h: 8 },
        }),
      },
      // 6 columns × 64 px rows on 1024 px: the map first, then the figures, two abreast where they fit.
      'tablet-portrait': {
        map: { x: 0, y: 0, w: 6, h: 9 },
        panels: place({
          scope: { x: 0, y: 9, w: 3, h: 4 },
          tourism: { x: 3, y: 9, w: 3, h: 4 },
          transport: { x: 0, y: 13, w: 3, h: 6 },
          health: { x: 3, y: 13, w: 3, h: 6 },
          urban: { x: 0, y: 19, w: 3, h: 4 },
          ranking: { x: 3, y: 19, w: 3, h: 6 },
          departments: { x: 0, y: 25, w: 6, h: 6 },
          alarms: { x: 0, y: 31, w: 6, h: 7 },
        }),
      },
      // 12 columns on 1366 px: the map in the middle of the first screen, panels beside and below.
      'tablet-landscape': {
        map: { x: 3, y: 0, w: 6, h: 13 },
        panels: place({
          scope: { x: 0, y: 0, w: 3, h: 4 },
          transport: { x: 0, y: 4, w: 3, h: 5 },
          urban: { x: 0, y: 9, w: 3, h: 4 },
          tourism: { x: 9, y: 0, w: 3, h: 4 },
          health: { x: 9, y: 4, w: 3, h: 5 },
          ranking: { x: 9, y: 9, w: 3, h: 5 },
          departments: { x: 0, y: 14, w: 6, h: 5 },
          alarms: { x: 6, y: 14, w: 6, h: 5 },
        }),
      },
      // 12 columns on 1920 px: the map fills the first screen between two columns.
      desk: {
        map: { x: 3, y: 0, w: 6, h: 13 },
        panels: place({
          scope: { x: 0, y: 0, w: 3, h: 3 },
          transport: { x: 0, y: 3, w: 3, h: 4 },
          urban: { x: 0, y: 7, w: 3, h: 3 },
          health: { x: 0, y: 10, w: 3, h: 4 },
          tourism: { x: 9, y: 0, w: 3, h: 3 },
          departments: { x: 9, y: 3, w: 3, h: 5 },
          ranking: { x: 9, y: 8, w: 3, h: 5 },
          alarms: { x: 9, y: 13, w: 3, h: 5 },
        }),
      },
    },
  },
];
