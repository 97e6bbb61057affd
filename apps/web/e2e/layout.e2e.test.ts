import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';
import { inspect, open } from './layout-inspect';

/**
 * Every cockpit at county, township and village level on every screen profile: screenshots, and the layout
 * rules of the wall and tablet (no panel overflows, no text below the wall's floor, the map fits its viewport
 * and its region, no two map labels overlap each other or a data marker).
 *
 * One browser and one page per profile; each page moves between cockpits and regions by URL and waits for
 * conditions (region drawn, data arrived, map idle), never for time.
 */
const baseUrl = inject('baseUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
let browser: Browser;

const COUNTY = '331023';
const TOWNSHIP = '331023105'; // 平桥镇
const VILLAGE = '331023105200';
const THEMES = ['overview', 'parking', 'trauma', 'eco'] as const;
const LEVELS = [
  ['county', COUNTY],
  ['township', TOWNSHIP],
  ['village', VILLAGE],
] as const;

type Profile = {
  name: string;
  query: string;
  viewport: { width: number; height: number };
  touch?: boolean;
  /** Design-canvas pixels per CSS pixel of the window (walls are rendered scaled down to save time). */
  wall?: { width: number; height: number };
};

/**
 * The whole matrix (4 cockpits × 3 levels × 5 profiles, about 13 minutes on 2 quiet cores) runs with
 * LAYOUT_ALL=1 (`pnpm --filter @cockpit/web e2e:layout`). `pnpm test:extended` runs a sample that still covers every
 * profile, every cockpit and every level. LAYOUT_ONLY=regex runs only the matching screens, for work on one.
 */
const SAMPLE = [
  'wall-overview-village',
  'wall-parking-township',
  'ultrawide-overview-township',
  'ultrawide-trauma-township',
  'tablet-portrait-parking-village',
  'tablet-portrait-eco-county',
  'tablet-landscape-trauma-village',
  'desk-eco-township',
  'desk-overview-county',
];
/**
 * Screens of the sample with an open, named defect (#14, seeded layouts): they run as expected failures, so the
 * defect stays in the output and the test turns red the day it is fixed (then take the screen off this list).
 * None is open: wall-overview-village (告警与数据源 7 px short), ultrawide-overview-township (footers a few px
 * wider than their panels) and ultrawide-trauma-township (the hospital list cut) were fixed in #10.
 */
const KNOWN_DEFECTS = new Set<string>([]);
const only = process.env.LAYOUT_ONLY
  ? new RegExp(process.env.LAYOUT_ONLY)
  : process.env.LAYOUT_ALL
    ? null
    : new RegExp(`^(${SAMPLE.join('|')})$`);

const PROFILES: Profile[] = [
  {
    name: 'wall',
    query: 'screen=wall',
    viewport: { width: 1920, height: 1080 },
    wall: { width: 3840, height: 2160 },
  },
  {
    name: 'ultrawide',
    query: 'screen=wall&canvas=5760x1080',
    viewport: { width: 2880, height: 540 },
    wall: { width: 5760, height: 1080 },
  },
  { name: 'tablet-portrait', query: 'screen=tablet', viewport: { width: 1024, height: 1366 }, touch: true },
  { name: 'tablet-landscape', query: 'screen=tablet', viewport: { width: 1366, height: 1024 }, touch: true },
  { name: 'desk', query: 'screen=desk', viewport: { width: 1440, height: 900 } },
];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('layout on every profile', () => {
  const summary: Record<string, { overlaps: number; labels: number }> = {};
  afterAll(() => {
    console.log('label overlaps per screen', JSON.stringify(summary));
  });

  for (const profile of PROFILES) {
    describe(profile.name, () => {
      // One page per profile, reused for every cockpit and level; closed even when a screen fails.
      let page: Page;
      beforeAll(async () => {
        page = await browser.newPage({ viewport: profile.viewport, hasTouch: Boolean(profile.touch) });
      });
      afterAll(async () => {
        await page?.close();
      });
      for (const theme of THEMES) {
        for (const [level, code] of LEVELS) {
          const shot = `${profile.name}-${theme}-${level}`;
          const run = only !== null && !only.test(shot) ? it.skip : KNOWN_DEFECTS.has(shot) ? it.fails : it;
          run(shot, { timeout: 150_000 }, async () => {
            await open(page, `${baseUrl}/${theme}/${code}?${profile.query}`, code);
            await page.screenshot({ path: `${artifacts}layout-${shot}.png` });
            const f = await inspect(page, Boolean(profile.wall));
            console.log(shot, JSON.stringify(f).slice(0, 1500));
            summary[shot] = { overlaps: f.labelOverlaps.length, labels: f.labelCount };
            expect({
              overflowing: f.overflowing,
              crushed: f.crushed,
              smallText: f.smallText,
              smallChartText: f.smallChartText,
              mapOutsideViewport: f.mapOutsideViewport,
              regionOutsideMap: f.regionOutsideMap,
              labelOverlaps: f.labelOverlaps,
            }).toEqual({
              overflowing: [],
              crushed: [],
              smallText: [],
              smallChartText: [],
              mapOutsideViewport: null,
              regionOutsideMap: null,
              labelOverlaps: [],
            });
          });
        }
      }
    });
  }
});
