import { type LayoutDocument, PROFILES, type ProfileId, SEED_LAYOUTS, type Theme } from '@cockpit/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';
import { inspect, open } from './layout-inspect';

/**
 * #14 "every screen profile gets a layout that fits it": every seeded layout, on its own profile, at county
 * level. The layout renderer marks the profile it arranged for (`data-profile-id`) and renders each panel
 * instance as an element with `data-panel-id` and `data-panel-type`; the check finds every seeded instance, then asks that no panel's content
 * overflows it (scrollHeight > clientHeight + 1 of the instance and of its body, unless marked `data-scroll`:
 * a list that scrolls on purpose), and on wall profiles that no text, chart label or map label is below 24 px of
 * the canvas. Waits for conditions only (region drawn, every panel's data arrived, map idle).
 *
 * `pnpm test:extended` runs a sample covering every theme and four profiles (one screen takes 10–50 s in software GL);
 * LAYOUT_ALL=1 (`pnpm --filter @cockpit/web e2e:layout`) runs all 28, FIT_ONLY=regex some (e.g. `'^wall-'`).
 */
const baseUrl = inject('baseUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
const COUNTY = '331023';
const SAMPLE = ['wall-overview', 'ultrawide-parking', 'tablet-portrait-trauma', 'desk-eco'];
const only = process.env.FIT_ONLY
  ? new RegExp(process.env.FIT_ONLY)
  : process.env.LAYOUT_ALL
    ? null
    : new RegExp(`^(${SAMPLE.join('|')})$`);

/** How each profile is opened: walls as a canvas scaled into a smaller window; tablets and desk by viewport. */
const OPEN: Record<
  ProfileId,
  { query: string; viewport: { width: number; height: number }; touch?: boolean }
> = {
  wall: { query: 'screen=wall&canvas=3840x2160', viewport: { width: 1920, height: 1080 } },
  ultrawide: { query: 'screen=wall&canvas=5760x1080', viewport: { width: 2880, height: 540 } },
  wide: { query: 'screen=wall&canvas=3840x1080', viewport: { width: 1920, height: 540 } },
  wall8k: { query: 'screen=wall&canvas=7680x2160', viewport: { width: 1920, height: 540 } },
  'tablet-portrait': { query: 'screen=tablet', viewport: { width: 1024, height: 1366 }, touch: true },
  'tablet-landscape': { query: 'screen=tablet', viewport: { width: 1366, height: 1024 }, touch: true },
  desk: { query: 'screen=desk', viewport: { width: 1920, height: 1080 } },
};

/** The seeded document a county screen of the theme resolves to (level default over theme default). */
function seedFor(theme: Theme): LayoutDocument | undefined {
  const of = SEED_LAYOUTS.filter((d) => d.theme === theme && d.regionCode === null);
  return of.find((d) => d.level === 'county') ?? of.find((d) => d.level === null);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Fit = { profileId: string | null; missing: string[]; wrongType: string[]; overflowing: string[] };

/** Every seeded instance on screen with its type, and none whose content overflows it. */
async function fitOf(page: Page, panels: { id: string; type: string }[]): Promise<Fit> {
  return page.evaluate((expected) => {
    // The renderer says which profile it arranged for (the layout's element carries data-profile-id).
    const profileId = document.querySelector('[data-profile-id]')?.getAttribute('data-profile-id') ?? null;
    const out: Fit = { profileId, missing: [], wrongType: [], overflowing: [] };
    for (const { id, type } of expected) {
      const el = document.querySelector<HTMLElement>(`[data-panel-id="${CSS.escape(id)}"]`);
      if (!el) {
        out.missing.push(id);
        continue;
      }
      if (el.dataset.panelType !== type) out.wrongType.push(`${id}: ${el.dataset.panelType} ≠ ${type}`);
      const candidates = [el, ...el.querySelectorAll<HTMLElement>('.panel, .panel__body')];
      for (const box of candidates) {
        if (box.closest('[data-scroll]')) continue;
        if (box.scrollHeight > box.clientHeight + 1)
          out.overflowing.push(
            `${id} (${box.className || box.tagName} ${box.scrollHeight} > ${box.clientHeight})`,
          );
      }
    }
    return out;
  }, panels);
}

describe('every seeded layout fits its profile', () => {
  for (const theme of ['overview', 'parking', 'trauma', 'eco'] as const) {
    for (const profile of Object.keys(PROFILES) as ProfileId[]) {
      const shot = `${profile}-${theme}`;
      const doc = seedFor(theme);
      it.skipIf(only !== null && !only.test(shot))(shot, { timeout: 150_000 }, async () => {
        expect(doc, `a seeded ${theme} layout`).toBeDefined();
        const panels = doc?.profiles[profile].panels ?? [];
        const how = OPEN[profile];
        const page = await browser.newPage({ viewport: how.viewport, hasTouch: Boolean(how.touch) });
        try {
          await open(page, `${baseUrl}/${theme}/${COUNTY}?${how.query}`, COUNTY);
          // Every instance is mounted (each loads lazily) before anything is measured.
          await page.waitForFunction(
            (n) => document.querySelectorAll('[data-panel-id]').length >= n,
            panels.length,
            { timeout: 60_000, polling: 100 },
          );
          await page.screenshot({ path: `${artifacts}fit-${shot}.png` });
          const fit = await fitOf(
            page,
            panels.map((p) => ({ id: p.id, type: p.type })),
          );
          const wall = !PROFILES[profile].scroll;
          const f = await inspect(page, wall);
          console.log(
            shot,
            JSON.stringify({ fit, smallText: f.smallText, smallChartText: f.smallChartText }),
          );
          expect({ ...fit, smallText: f.smallText, smallChartText: f.smallChartText }).toEqual({
            profileId: profile,
            missing: [],
            wrongType: [],
            overflowing: [],
            smallText: [],
            smallChartText: [],
          });
        } finally {
          await page.close();
        }
      });
    }
  }
});
