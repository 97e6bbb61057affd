import type { LayoutDocument, PanelInstance } from '../layout';
import { placer } from './place';

/** The parking cockpit's panels: figures, the occupancy curve, two lists of lots, guidance, detail, alarms. */
const PANELS = {
  kpis: { type: 'parking.kpis', options: {} },
  curve: { type: 'parking.curve', options: {} },
  busiest: { type: 'parking.lot-list', options: { list: 'busiest', limit: 5 } },
  scenic: { type: 'parking.lot-list', options: { list: 'scenic', limit: 4 } },
  guidance: { type: 'parking.guidance', options: {} },
  detail: { type: 'parking.lot-detail', options: {} },
  alarms: { type: 'parking.alarms', options: { limit: 8 } },
} satisfies Record<string, Pick<PanelInstance, 'type' | 'options'>>;

const place = placer(PANELS);

/**
 * The seeded default layout of the parking cockpit: one arrangement for every screen profile. The 4K wall keeps
 * the hand-written cockpit's look (figures, curve and lists left; guidance, lot detail and alarms right).
 */
export const SEED_PARKING_LAYOUTS: LayoutDocument[] = [
  {
    theme: 'parking',
    level: null,
    regionCode: null,
    profiles: {
      wall: {
        map: { x: 6, y: 0, w: 12, h: 12 },
        panels: place({
          kpis: { x: 0, y: 0, w: 6, h: 3 },
          curve: { x: 0, y: 3, w: 6, h: 3 },
          busiest: { x: 0, y: 6, w: 6, h: 3 },
          scenic: { x: 0, y: 9, w: 6, h: 3 },
          guidance: { x: 18, y: 0, w: 6, h: 4 },
          detail: { x: 18, y: 4, w: 6, h: 5 },
          alarms: { x: 18, y: 9, w: 6, h: 3 },
        }),
      },
      ultrawide: {
        map: { x: 14, y: 0, w: 8, h: 6 },
        panels: place({
          kpis: { x: 0, y: 0, w: 4, h: 6 },
          curve: { x: 4, y: 0, w: 4, h: 6 },
          busiest: { x: 8, y: 0, w: 3, h: 6 },
          scenic: { x: 11, y: 0, w: 3, h: 6 },
          guidance: { x: 22, y: 0, w: 5, h: 6 },
          detail: { x: 27, y: 0, w: 5, h: 6 },
          alarms: { x: 32, y: 0, w: 4, h: 6 },
        }),
      },
      // 24 × 6 on 3840×1080: full-height columns, the curve and the alarms share one. The guidance (its presets,
      // the route hint and the map's key) needs four columns; the map gives up one for it.
      wide: {
        map: { x: 9, y: 0, w: 5, h: 6 },
        panels: place({
          kpis: { x: 0, y: 0, w: 3, h: 6 },
          busiest: { x: 3, y: 0, w: 3, h: 6 },
          scenic: { x: 6, y: 0, w: 3, h: 6 },
          curve: { x: 14, y: 0, w: 3, h: 3 },
          alarms: { x: 14, y: 3, w: 3, h: 3 },
          guidance: { x: 17, y: 0, w: 4, h: 6 },
          detail: { x: 21, y: 0, w: 3, h: 6 },
        }),
      },
      // 48 × 12 on 7680×2160: two columns on each side of the map.
      wall8k: {
        map: { x: 14, y: 0, w: 20, h: 12 },
        panels: place({
          kpis: { x: 0, y: 0, w: 7, h: 4 },
          curve: { x: 0, y: 4, w: 7, h: 8 },
          busiest: { x: 7, y: 0, w: 7, h: 6 },
          scenic: { x: 7, y: 6, w: 7, h: 6 },
          guidance: { x: 34, y: 0, w: 7, h: 6 },
          alarms: { x: 34, y: 6, w: 7, h: 6 },
          detail: { x: 41, y: 0, w: 7, h: 12 },
        }),
      },
      // 6 columns × 64 px rows on 1024 px: the map first, then the figures and the guidance, two abreast where they fit.
      'tablet-portrait': {
        map: { x: 0, y: 0, w: 6, h: 9 },
        panels: place({
          kpis: { x: 0, y: 9, w: 3, h: 5 },
          curve: { x: 3, y: 9, w: 3, h: 5 },
          guidance: { x: 0, y: 14, w: 6, h: 6 },
          busiest: { x: 0, y: 20, w: 3, h: 6 },
          scenic: { x: 3, y: 20, w: 3, h: 6 },
          detail: { x: 0, y: 26, w: 3, h: 9 },
          alarms: { x: 3, y: 26, w: 3, h: 9 },
        }),
      },
      'tablet-landscape': {
        map: { x: 3, y: 0, w: 6, h: 13 },
        panels: place({
          kpis: { x: 0, y: 0, w: 3, h: 5 },
          curve: { x: 0, y: 5, w: 3, h: 4 },
          busiest: { x: 0, y: 9, w: 3, h: 5 },
          scenic: { x: 0, y: 14, w: 3, h: 5 },
          guidance: { x: 9, y: 0, w: 3, h: 7 },
          detail: { x: 9, y: 7, w: 3, h: 8 },
          alarms: { x: 3, y: 13, w: 6, h: 8 },
        }),
      },
      desk: {
        map: { x: 3, y: 0, w: 6, h: 13 },
        panels: place({
          kpis: { x: 0, y: 0, w: 3, h: 4 },
          curve: { x: 0, y: 4, w: 3, h: 4 },
          busiest: { x: 0, y: 8, w: 3, h: 4 },
          scenic: { x: 0, y: 12, w: 3, h: 4 },
          guidance: { x: 9, y: 0, w: 3, h: 6 },
          detail: { x: 9, y: 6, w: 3, h: 7 },
          alarms: { x: 9, y: 13, w: 3, h: 4 },
        }),
      },
    },
  },
];
