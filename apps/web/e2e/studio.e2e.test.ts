import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signInContext, waitForRegion, watch } from './browser';
import { ensureUser, signInAs } from './session';

const baseUrl = inject('baseUrl');
const adminToken = inject('sessionToken');
/** Pictures of the options form (apps/web/e2e/artifacts/, not committed). */
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const PINGQIAO = '331023105'; // 平桥镇
const STUDIO = `/studio?theme=overview&level=township&region=${PINGQIAO}&profile=wall`;
const PASSWORD = 'studio-e2e-Passw0rd!';
// A title with markup in it: it must show as these characters on the wall, never as markup.
const TITLE = '<b>停车</b>占用率排名<script>window.__owned=1</script>';

// Analysts of the department that owns the parking indicators (the BFF lets an analyst bind only those).
const ANALYST = { roles: ['analyst'], scope: '331023', departmentId: 'enforcement' };
const ANALYST_A = { username: 'analyst-a', displayName: '分析员甲', ...ANALYST };
const ANALYST_B = { username: 'analyst-b', displayName: '分析员乙', ...ANALYST };
const LEADER = { username: 'leader-tablet', displayName: '平板领导', roles: ['leader'], scope: '331023' };

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const user of [ANALYST_A, ANALYST_B, LEADER])
    await ensureUser(baseUrl, adminToken, { ...user, password: PASSWORD });
  browser = await launch({ signedIn: false });
});
afterAll(async () => {
  await browser?.close();
});

async function contextOf(username: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1200 } });
  if (username) await signInAs(context, baseUrl, username, PASSWORD);
  else await signInContext(context);
  return context;
}

/** The studio of 平桥镇's overview on the wall profile, loaded with its live preview and editing grid. */
async function openStudio(context: BrowserContext, path = STUDIO): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  try {
    await page.getByTestId('studio-editor').waitFor({ timeout: 120_000 });
    // The editing grid lies on the preview's layout grid, so it appears once the preview has laid out.
    await page.locator('[data-testid="studio-item"]').first().waitFor({ timeout: 180_000 });
  } catch (e) {
    await page.screenshot({ path: `${ARTIFACTS}failed-studio-open.png` });
    throw e;
  }
  return page;
}

const baseVersion = async (page: Page) =>
  Number(await page.getByTestId('studio-editor').getAttribute('data-base-version'));

/** The map shows the region: a cold BFF on a busy 2-core machine may take minutes to its first data. */
async function waitForScope(page: Page, code: string) {
  // The layout first: the map moves into the layout's grid when it arrives (and shows its region again).
  await page.getByTestId('layout').waitFor({ state: 'attached', timeout: 240_000 });
  await page
    .locator(`[data-testid="map"][data-ready-region="${code}"]`)
    .waitFor({ state: 'attached', timeout: 240_000 });
  await waitForRegion(page, code);
}

/** The panel ids a wall page shows now. */
const wallPanels = (page: Page) =>
  page
    .locator('[data-testid="layout"] .layout-cell')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-panel-id')));

describe('the layout studio, end to end', () => {
  it('an analyst adds and resizes a ranking, publishes; the wall switches; a stale analyst rebases; a rollback restores', async () => {
    // A wall showing 平桥镇.
    const wallContext = await contextOf(null);
    const wall = await wallContext.newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto(`${baseUrl}/overview/${PINGQIAO}?screen=wall`);
    await waitForScope(wall, PINGQIAO);
    await wall.locator('[data-panel-id="rural-services"] .panel').waitFor({ timeout: 120_000 });
    const firstPanels = await wallPanels(wall);
    await wall.evaluate(() => {
      (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
    });

    // Two analysts open the same scope in the studio.
    const a = await openStudio(await contextOf(ANALYST_A.username));
    const watchA = watch(a, baseUrl);
    // B edits on the bare grid (`live=0`, no preview frame): three screens in software GL are too much for
    // a shared 2-core machine, and B's part is the 409, not the preview.
    const b = await openStudio(await contextOf(ANALYST_B.username), `${STUDIO}&live=0`);
    const startVersion = await baseVersion(a);
    expect(await baseVersion(b)).toBe(startVersion);
    // The preview is the real screen at 3840×2160, scaled into the frame.
    const frame = a.frameLocator('[data-testid="studio-preview"]');
    await frame.locator('[data-panel-id="rural-services"] .panel').waitFor({ timeout: 120_000 });

    // B removes the department tiles (bound to no indicator, so any analyst may) with the keyboard: select,
    // Delete. The draft autosaves.
    await b.locator('[data-testid="studio-item"][data-item-id="departments"]').click();
    await b.keyboard.press('Delete');
    await expect.poll(() => b.locator('[data-item-id="departments"]').count()).toBe(0);
    await expect.poll(() => b.getByTestId('studio-draft').textContent()).toContain('草稿已自动保存');

    // A replaces the rural-services panel with a ranking bound to a parking indicator.
    await a.locator('[data-testid="studio-item"][data-item-id="rural-services"]').click();
    await a.locator('[data-item-id="rural-services"] [data-testid="studio-item-delete"]').click();
    await a.locator('[data-testid="palette-item"][data-panel-type="ranking"]').click();
    const added = a.locator('[data-testid="studio-item"][data-item-id="ranking-2"]');
    await added.waitFor();
    const options = a.getByTestId('studio-options');
    await options.locator('input[name="title.on"]').check();
    await options.locator('input[name="title.zh"]').fill(TITLE);
    await options.locator('input[name="title.en"]').fill(TITLE);
    await options.getByTestId('indicator-search').fill('parking.occupancyRate');
    await options.locator('[data-indicator-id="parking.occupancyRate"] input').check();
    // The preview follows as they type: the ranking in the real screen carries the title.
    await expect
      .poll(() => frame.locator('[data-panel-id="ranking-2"] .panel__title').textContent())
      .toBe(TITLE);
    // The picker greys what A (enforcement) may not bind, with the reason: the BFF would answer 403.
    await options.getByTestId('indicator-search').fill('eco.aqi');
    const foreign = options.locator('[data-indicator-id="eco.aqi"]');
    await expect.poll(() => foreign.getAttribute('data-bindable')).toBe('false');
    expect(await foreign.locator('input').isDisabled()).toBe(true);
    expect(await foreign.getByTestId('indicator-not-bindable').textContent()).toContain('属于其他部门');
    await options.getByTestId('indicator-search').fill('parking.occupancyRate');
    // Worst first: occupancy is worse when higher, so the fullest places lead.
    await options.locator('select[name="sort"]').selectOption('worstFirst');
    await options.screenshot({ path: `${ARTIFACTS}studio-options-sort.png` });

    // Resize: drag its bottom edge up by one row.
    const before = await added.boundingBox();
    const handle = added.locator('.react-resizable-handle-s');
    const h = await handle.boundingBox();
    if (!before || !h) throw new Error('no ranking on the editing grid');
    const rowPitch = before.height / 3; // the ranking is 3 rows high (the default size)
    await a.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await a.mouse.down();
    await a.mouse.move(h.x + h.width / 2, h.y + h.height / 2 - rowPitch, { steps: 12 });
    await a.mouse.up();
    await expect.poll(async () => (await added.boundingBox())?.height ?? 0).toBeLessThan(before.height * 0.8);
    await a.screenshot({ path: `${ARTIFACTS}studio-wall.png` });

    await a.getByTestId('studio-publish-message').fill('平桥镇：民宿换为停车占用率排名');
    await a.getByTestId('studio-publish').click();
    // The notice says what happened (on a failure, the BFF's reason).
    await expect
      .poll(() => a.getByTestId('studio-notice').textContent(), { timeout: 60_000 })
      .toContain('已发布为第');
    await expect.poll(() => baseVersion(a)).toBe(startVersion + 1);

    // The wall switches over the live stream, without a reload. How fast (the 5 s) is measured by
    // `pnpm bench studio`, not asserted here: on a busy machine it is slower, not wrong.
    await expect.poll(() => wallPanels(wall), { timeout: 60_000 }).toContain('ranking-2');
    expect(await wallPanels(wall)).not.toContain('rural-services');
    const title = wall.locator('[data-panel-id="ranking-2"] .panel__title');
    expect(await title.textContent()).toBe(TITLE);
    expect(
      await wall.locator('[data-panel-id="ranking-2"] b, [data-panel-id="ranking-2"] script').count(),
    ).toBe(0);
    expect(await wall.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(
      await wall.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    // The published document has the ranking one row shorter, bound to the parking indicator.
    const stored = (await (
      await fetch(
        `${baseUrl}/api/v1/layouts/${await a.getByTestId('studio-editor').getAttribute('data-layout-id')}`,
        {
          headers: { authorization: `Bearer ${adminToken}` },
        },
      )
    ).json()) as {
      document: { profiles: { wall: { panels: { id: string; h: number; options: unknown }[] } } };
    };
    const ranking = stored.document.profiles.wall.panels.find((p) => p.id === 'ranking-2');
    expect(ranking?.h).toBe(2);
    expect(ranking?.options).toMatchObject({ indicatorIds: ['parking.occupancyRate'], sort: 'worstFirst' });

    // B, still on the first version, publishes: 409, shown with what A changed; B rebases and publishes.
    await b.getByTestId('studio-publish-message').fill('去掉部门驾驶舱');
    await b.getByTestId('studio-publish').click();
    const conflict = b.getByTestId('studio-conflict');
    await conflict.waitFor();
    expect(await conflict.locator('[data-change="added"]').textContent()).toContain('ranking-2');
    await b.getByTestId('studio-rebase').click();
    await expect.poll(() => baseVersion(b)).toBe(startVersion + 1);
    // The rebased draft keeps A's ranking and B's removal.
    expect(await b.locator('[data-item-id="ranking-2"]').count()).toBe(1);
    expect(await b.locator('[data-item-id="departments"]').count()).toBe(0);
    await b.getByTestId('studio-publish').click();
    await expect
      .poll(() => b.getByTestId('studio-notice').textContent(), { timeout: 60_000 })
      .toContain('已发布为第');
    await expect.poll(() => baseVersion(b)).toBe(startVersion + 2);
    await expect.poll(() => wallPanels(wall)).not.toContain('departments');
    expect(await wallPanels(wall)).toContain('ranking-2');

    // The versions list names who published and why; A rolls back to the first version.
    await a.reload();
    await a.getByTestId('studio-editor').waitFor({ timeout: 120_000 });
    const versions = a.getByTestId('studio-version');
    await expect.poll(() => versions.count()).toBeGreaterThanOrEqual(3);
    expect(await versions.first().textContent()).toContain('analyst-b');
    expect(await versions.nth(1).textContent()).toContain('平桥镇：民宿换为停车占用率排名');
    await a
      .locator(
        `[data-testid="studio-version"][data-version="${startVersion}"] [data-testid="studio-rollback"]`,
      )
      .click();
    try {
      await expect.poll(() => baseVersion(a)).toBe(startVersion + 3);
    } catch (e) {
      // The notice says why a rollback did not land (the BFF's reason), if it did not.
      await a.screenshot({ path: `${ARTIFACTS}failed-studio-rollback.png` });
      const notice = await a
        .getByTestId('studio-notice')
        .textContent()
        .catch(() => '');
      throw new Error(`rollback: ${notice}`, { cause: e });
    }
    await expect.poll(async () => (await wallPanels(wall)).sort()).toEqual([...firstPanels].sort());
    expect(watchA.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);

    // The studio on a tablet profile, for the record.
    await a.goto(
      `${baseUrl}/studio?theme=overview&level=township&region=${PINGQIAO}&profile=tablet-portrait`,
    );
    // A fresh studio page with its live preview: beside a CPU hog it took over a minute (a bound, not a wait).
    await a.locator('[data-testid="studio-item"]').first().waitFor({ timeout: 180_000 });
    await a
      .frameLocator('[data-testid="studio-preview"]')
      .locator('[data-testid="layout"] .panel')
      .first()
      .waitFor();
    await a.screenshot({ path: `${ARTIFACTS}studio-tablet.png`, fullPage: true });

    // A gauge with its own thresholds: the form starts from the indicator's bands (in percent) and names
    // limits out of order for the indicator's direction as they are typed; the preview shows the gauge.
    await a.locator('[data-testid="palette-item"][data-panel-type="gauge"]').click();
    await a.locator('[data-testid="studio-item"][data-item-id="gauge"]').waitFor();
    const form = a.getByTestId('studio-options');
    await form.getByTestId('indicator-search').fill('parking.occupancyRate');
    await form.locator('[data-indicator-id="parking.occupancyRate"] input').check();
    const thresholds = form.getByTestId('studio-thresholds');
    await expect
      .poll(() => thresholds.getByTestId('studio-thresholds-default').textContent())
      .toContain('预警 85% · 告警 95%');
    await thresholds.locator('input[name="thresholds.on"]').check();
    await expect.poll(() => thresholds.locator('input[name="thresholds.alarm"]').inputValue()).toBe('95');
    await thresholds.locator('input[name="thresholds.alarm"]').fill('80');
    await expect
      .poll(() => form.getByTestId('studio-option-issue').first().textContent())
      .toContain('告警线须高于预警线');
    await thresholds.locator('input[name="thresholds.warning"]').fill('70');
    await expect.poll(() => form.getByTestId('studio-option-issue').count()).toBe(0);
    await thresholds.locator('input[name="thresholds.colors.on"]').check();
    await a
      .frameLocator('[data-testid="studio-preview"]')
      .locator('[data-panel-id="gauge"] .panel')
      .waitFor();
    await form.screenshot({ path: `${ARTIFACTS}studio-options-thresholds.png` });
    await wall.close();
    await a.close();
    await b.close();
  }, 900_000); // a bound for a busy 2-core machine drawing three screens in software GL, not an expected time

  it('a leader hides a panel on the tablet; it stays hidden after a reload; reset brings it back', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 1366 }, hasTouch: true });
    await signInAs(context, baseUrl, LEADER.username, PASSWORD);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/overview/${PINGQIAO}?screen=tablet`);
    await waitForScope(page, PINGQIAO);
    await page.getByTestId('personal-edit').click();
    const sheet = page.getByTestId('personal-view');
    const target = await sheet.locator('li[data-panel-id]').first().getAttribute('data-panel-id');
    if (!target) throw new Error('no panel to hide');
    await page.getByTestId(`personal-hide-${target}`).click();
    await expect.poll(() => page.locator(`.layout-cell[data-panel-id="${target}"]`).count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}personal-view-tablet.png` });

    await page.reload();
    await waitForScope(page, PINGQIAO);
    // The stored view has arrived (the edit button says so) before the absence is checked.
    await expect.poll(() => page.getByTestId('personal-edit').getAttribute('data-view-stored')).toBe('yes');
    await page.locator('[data-testid="layout"] .layout-cell').first().waitFor();
    expect(await page.locator(`.layout-cell[data-panel-id="${target}"]`).count()).toBe(0);

    await page.getByTestId('personal-edit').click();
    await page.getByTestId('personal-reset').click();
    await expect.poll(() => page.locator(`.layout-cell[data-panel-id="${target}"]`).count()).toBe(1);
    await context.close();
  }, 300_000);
});
