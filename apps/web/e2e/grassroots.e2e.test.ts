import { SEED_LAYOUTS } from '@cockpit/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';
import { inspect } from './layout-inspect';

/**
 * #17 in Chromium: 基层治理 for 平桥镇 and one of its villages on the 4K wall and the portrait tablet — every
 * seeded panel on screen with data (no loading left, no empty panel), no text overflowing its panel, no text
 * under the wall's floor; the village overview and the village parking screen show what is true there (the
 * nearest lots with distance above the fold on a tablet, the township's figures named as the township's; 农村服务
 * with 浙农码 scans and service points; department tiles that say why a village has no figure of its own).
 * Screenshots go to e2e/artifacts and, when SHOTS_DIR is set, there too.
 */
const baseUrl = inject('baseUrl');
const simUrl = inject('simUrl');
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
const shotsDir = process.env.SHOTS_DIR;
const TOWNSHIP = '331023105'; // 平桥镇
const VILLAGE = '331023105200';

type Profile = { name: string; query: string; viewport: { width: number; height: number }; wall: boolean };
const WALL: Profile = {
  name: 'wall',
  query: 'screen=wall',
  viewport: { width: 1920, height: 1080 },
  wall: true,
};
const TABLET: Profile = {
  name: 'tablet-portrait',
  query: 'screen=tablet',
  viewport: { width: 1024, height: 1366 },
  wall: false,
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await fault('grassroots', 'none');
  await browser?.close();
});

async function fault(system: string, mode: string) {
  const res = await fetch(`${simUrl}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system, mode }),
  });
  expect(res.status).toBe(200);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${artifacts}grassroots-${name}.png`, timeout: 120_000 });
  if (shotsDir) await page.screenshot({ path: `${shotsDir}/${name}.png`, timeout: 120_000 });
}

/**
 * layout-inspect's open() with room for a loaded machine (a 4K wall in software GL on two shared cores):
 * the region drawn, every panel's data arrived (badges shown, nothing busy), labels placed, the map idle.
 * Conditions only; the longer timeouts are the most they may take.
 */
async function open(page: Page, url: string, code: string) {
  const long = { timeout: 180_000, polling: 200 };
  await page.goto(url, { timeout: 120_000 });
  await page
    .locator(`[data-testid="map"][data-ready-region="${code}"]`)
    .waitFor({ state: 'attached', timeout: 180_000 });
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.panel .badge').length >= 2 &&
      document.querySelectorAll('[aria-busy="true"]').length === 0,
    undefined,
    long,
  );
  await page
    .locator('[data-testid="map"][data-labels-ready="true"]')
    .waitFor({ state: 'attached', timeout: 180_000 });
  await page.waitForFunction(
    () => {
      const map = (window as unknown as { __cockpitMap?: { loaded(): boolean; isMoving(): boolean } })
        .__cockpitMap;
      return Boolean(map?.loaded() && !map.isMoving());
    },
    undefined,
    long,
  );
}

/**
 * 农村服务 with data: 浙农码 products with today's and 30 days' scans, the service points open of all. A village
 * is told the scans are its township's.
 */
async function checkRuralServices(page: Page, village: boolean) {
  const panel = page.locator('[data-testid="gr-rural-services"]');
  await expect.poll(() => panel.locator('[data-product]').count()).toBeGreaterThan(0);
  expect(await panel.locator('[data-product]').first().textContent()).toMatch(
    /今日 [\d,]+ 次 · 30 天 [\d,.万]+ 次/,
  );
  expect(await panel.locator('[data-figure="service-points"] .gr-figure__value').textContent()).toMatch(
    /^\d+\/[1-9]\d*$/,
  );
  expect(await panel.locator('[data-figure="farm-scans"] .gr-figure__value').textContent()).toMatch(
    /^[\d,.万]+$/,
  );
  expect(await panel.getByText('浙农码扫码按乡镇统计，显示平桥镇').count()).toBe(village ? 1 : 0);
}

/** The seeded panel ids of a theme at a level on a profile. */
function seededPanels(theme: string, level: string, profile: string) {
  const doc =
    SEED_LAYOUTS.find((d) => d.theme === theme && d.level === level && d.regionCode === null) ??
    SEED_LAYOUTS.find((d) => d.theme === theme && d.level === null && d.regionCode === null);
  if (!doc) throw new Error(`no seeded ${theme} layout`);
  return doc.profiles[profile as keyof typeof doc.profiles].panels;
}

/** Every seeded panel present, none loading, none with an empty body; what overflows or is too small. */
async function check(page: Page, theme: string, level: string, profile: Profile) {
  const panels = seededPanels(theme, level, profile.name);
  await expect
    .poll(() =>
      page.evaluate(
        (ids) =>
          ids.filter((id) => {
            const el = document.querySelector(`[data-panel-id="${CSS.escape(id)}"]`);
            return !el || el.querySelector('[aria-busy="true"]') !== null;
          }),
        panels.map((p) => p.id),
      ),
    )
    .toEqual([]);
  const empty = await page.evaluate(
    (ids) =>
      ids.filter((id) => {
        const body = document.querySelector(`[data-panel-id="${CSS.escape(id)}"] .panel__body`);
        return !body || (body.textContent ?? '').trim() === '';
      }),
    panels.map((p) => p.id),
  );
  expect(empty, 'panels with an empty body').toEqual([]);
  const f = await inspect(page, profile.wall);
  expect(f.overflowing, 'overflowing').toEqual([]);
  expect(f.crushed, 'crushed').toEqual([]);
  expect(f.smallText, 'small text').toEqual([]);
  expect(f.smallChartText, 'small chart text').toEqual([]);
}

describe('grassroots governance cockpit (基层治理)', () => {
  for (const profile of [WALL, TABLET]) {
    for (const [level, code] of [
      ['township', TOWNSHIP],
      ['village', VILLAGE],
    ] as const) {
      it(`${profile.name}: ${level} ${code} shows the governance panels with data`, {
        timeout: 480_000,
      }, async () => {
        const page = await browser.newPage({ viewport: profile.viewport, hasTouch: !profile.wall });
        try {
          await open(page, `${baseUrl}/grassroots/${code}?${profile.query}`, code);
          // The lifecycle funnel counts events of the last 30 days: the simulated platform always has some.
          await expect
            .poll(() =>
              page.locator('[data-testid="gr-funnel"] [data-stage="reported"]').getAttribute('data-count'),
            )
            .toMatch(/^[1-9]\d*$/);
          await expect.poll(() => page.locator('[data-testid="gr-by-type"] [data-total]').count()).toBe(1);
          // Simulated figures are labelled as such; event positions are approximate.
          expect(await page.locator('.gr-funnel, [data-testid="gr-funnel"]').count()).toBeGreaterThan(0);
          await expect.poll(() => page.locator('[data-testid="simulated"]').count()).toBeGreaterThan(2);
          await expect.poll(() => page.locator('[data-testid="gr-map-note"]').count()).toBe(1);
          await shoot(page, `grassroots-${level}-${profile.name}`);
          await check(page, 'grassroots', level, profile);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('wall: the county screen ranks the townships and shows its governance panels', {
    timeout: 480_000,
  }, async () => {
    const page = await browser.newPage({ viewport: WALL.viewport });
    try {
      await open(page, `${baseUrl}/grassroots/331023?${WALL.query}`, '331023');
      await expect
        .poll(() =>
          page.locator('[data-testid="gr-funnel"] [data-stage="reported"]').getAttribute('data-count'),
        )
        .toMatch(/^[1-9]\d*$/);
      await shoot(page, 'grassroots-county-wall');
      await check(page, 'grassroots', 'county', WALL);
    } finally {
      await page.close();
    }
  });
});

describe('township and village defaults', () => {
  for (const profile of [WALL, TABLET]) {
    it(`${profile.name}: the village overview shows its basics and its nearest facilities with distance`, {
      timeout: 480_000,
    }, async () => {
      const page = await browser.newPage({ viewport: profile.viewport, hasTouch: !profile.wall });
      try {
        await open(page, `${baseUrl}/overview/${VILLAGE}?${profile.query}`, VILLAGE);
        await page.locator('[data-testid="gr-basics"][data-ready="true"]').waitFor({ timeout: 60_000 });
        await expect
          .poll(() => page.locator('[data-testid="gr-nearby"] [data-place]').count())
          .toBeGreaterThan(0);
        const distance = await page.locator('[data-testid="gr-nearby"] [data-place]').first().textContent();
        expect(distance).toMatch(/\d+(\.\d)? 公里/);
        await checkRuralServices(page, true);
        // A department tile without a figure of its own says why, from the systems' own lists.
        const parks = (await (
          await fetch(`${simUrl}/parking-platform/api/v2/parks?pageSize=200`)
        ).json()) as {
          data: { list: { villageCode: string }[] };
        };
        const parking = page.locator('.department--parking [data-testid="department-reason"]');
        if (parks.data.list.some((l) => l.villageCode === VILLAGE)) expect(await parking.count()).toBe(0);
        else await expect.poll(() => parking.textContent()).toMatch(/^本村无停车场 · 最近：.+ \d+\.\d 公里$/);
        const stations = (await (await fetch(`${simUrl}/env-monitor/air/stations`)).json()) as {
          result: { VillageCode: string }[];
        };
        const eco = page.locator('.department--eco [data-testid="department-reason"]');
        if (stations.result.some((st) => st.VillageCode === VILLAGE)) expect(await eco.count()).toBe(0);
        else await expect.poll(() => eco.textContent()).toMatch(/^本村无空气监测站/);
        if (!profile.wall) {
          // On a tablet the nearest facilities are above the fold.
          const box = await page.locator('[data-panel-id="nearby"]').boundingBox();
          expect(box && box.y + 40 < profile.viewport.height, `nearby at ${box?.y}`).toBe(true);
        }
        await shoot(page, `overview-village-${profile.name}`);
        await check(page, 'overview', 'village', profile);
      } finally {
        await page.close();
      }
    });
  }

  it('wall: the township overview shows its own basics and its place among the county’s townships', {
    timeout: 480_000,
  }, async () => {
    const page = await browser.newPage({ viewport: WALL.viewport });
    try {
      await open(page, `${baseUrl}/overview/${TOWNSHIP}?${WALL.query}`, TOWNSHIP);
      await page.locator('[data-testid="gr-basics"][data-ready="true"]').waitFor({ timeout: 60_000 });
      await checkRuralServices(page, false);
      await shoot(page, 'overview-township-wall');
      await check(page, 'overview', 'township', WALL);
    } finally {
      await page.close();
    }
  });

  it('tablet: village parking lists the nearest lots first and names the township whose figures it shows', {
    timeout: 480_000,
  }, async () => {
    const page = await browser.newPage({ viewport: TABLET.viewport, hasTouch: true });
    try {
      await open(page, `${baseUrl}/parking/${VILLAGE}?${TABLET.query}`, VILLAGE);
      await expect
        .poll(() => page.locator('[data-testid="gr-nearby"] [data-kind="parkingLot"] [data-place]').count())
        .toBeGreaterThan(0);
      const box = await page.locator('[data-panel-id="nearby"]').boundingBox();
      expect(box && box.y + 40 < TABLET.viewport.height, `nearby at ${box?.y}`).toBe(true);
      await expect
        .poll(() => page.locator('[data-panel-id="parent-kpis"] .panel__title').textContent())
        .toContain('平桥镇');
      await expect.poll(() => page.locator('[data-testid="parent-kpis"] .kpi').count()).toBeGreaterThan(0);
      expect(await page.getByText('本区域无停车场').count()).toBe(0);
      await shoot(page, `parking-village-${TABLET.name}`);
      await check(page, 'parking', 'village', TABLET);
    } finally {
      await page.close();
    }
  });
});

describe('a grassroots platform outage', () => {
  it('turns the governance panels stale with their last values kept; other cockpits untouched', {
    timeout: 480_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await open(page, `${baseUrl}/grassroots/${TOWNSHIP}?screen=desk`, TOWNSHIP);
      const funnel = page.locator('[data-testid="gr-funnel"] [data-stage="reported"]');
      await expect.poll(() => funnel.getAttribute('data-count')).toMatch(/^[1-9]\d*$/);
      await fault('grassroots', 'outage');
      await expect
        .poll(
          () => page.locator('[data-panel-id="funnel"] .panel__footer .badge').getAttribute('data-status'),
          {
            timeout: 60_000,
          },
        )
        .not.toBe('ok');
      expect(await funnel.getAttribute('data-count')).toMatch(/^[1-9]\d*$/);
      await shoot(page, 'grassroots-township-stale');
    } finally {
      await fault('grassroots', 'none');
      await page.close();
    }
  });
});
