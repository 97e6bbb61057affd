import type { Browser, Page } from 'playwright-core';
import { alternate, type Row } from '../harness';
import { percentile } from '../stats';

const PINGQIAO = '331023105';
const PANELS = 40;

/** A wall arrangement of 40 panels (3×2 cells each, 8 a row), every one reading live data, and no map. */
function heavyWall() {
  // Types whose defaults bind no single indicator (a layout naming an indicator "" is refused).
  const types = ['ranking', 'kpi-tiles', 'table', 'alarms', 'text', 'department-tiles'];
  return {
    map: null,
    panels: Array.from({ length: PANELS }, (_, i) => ({
      id: `p${i + 1}`,
      type: types[i % types.length] ?? 'text',
      x: (i % 8) * 3,
      y: Math.floor(i / 8) * 2,
      w: 3,
      h: 2,
      options: {},
    })),
  };
}

/** Stores a 平桥镇-only overview layout with 40 panels on the wall (the heaviest a publish accepts). */
async function storeHeavyLayout(bffUrl: string): Promise<string> {
  const list = (await (await fetch(`${bffUrl}/api/v1/layouts`)).json()) as {
    items: { layoutId: string; theme: string; level: string | null; regionCode: string | null }[];
  };
  const own = list.items.find((i) => i.regionCode === PINGQIAO && i.theme === 'overview');
  if (own) await fetch(`${bffUrl}/api/v1/layouts/${own.layoutId}`, { method: 'DELETE' });
  const base = list.items.find((i) => i.theme === 'overview' && i.level === null && i.regionCode === null);
  if (!base) throw new Error('no overview layout stored');
  const stored = (await (await fetch(`${bffUrl}/api/v1/layouts/${base.layoutId}`)).json()) as {
    document: { profiles: Record<string, unknown> };
  };
  const document = {
    ...stored.document,
    level: 'township',
    regionCode: PINGQIAO,
    profiles: { ...stored.document.profiles, wall: heavyWall() },
  };
  const res = await fetch(`${bffUrl}/api/v1/layouts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ document }),
  });
  if (!res.ok) throw new Error(`storing the 40-panel layout: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { layoutId: string }).layoutId;
}

/**
 * Frame times (ms between animation frames) while one panel is dragged across the editing grid and back,
 * 60 mouse steps each way: the p95 of one drag.
 */
async function dragFrameP95(page: Page): Promise<number> {
  const item = page.locator('[data-testid="studio-item"][data-item-id="p1"]');
  const box = await item.boundingBox();
  if (!box) throw new Error('no panel p1 on the editing grid');
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);

  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + box.width * 4, y + box.height, { steps: 60 });
  await page.mouse.move(x, y, { steps: 60 });
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
  return percentile(frames, 95);
}

async function openStudio(browser: Browser, bffUrl: string, live: boolean): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1200 } });
  const params = new URLSearchParams({
    theme: 'overview',
    level: 'township',
    region: PINGQIAO,
    profile: 'wall',
    ...(live ? {} : { live: '0' }),
  });
  await page.goto(`${bffUrl}/studio?${params}`);
  await page
    .locator('[data-testid="studio-item"][data-item-id="p40"]')
    .waitFor({ state: 'attached', timeout: 120_000 });
  if (live) {
    // The preview has drawn its 40 panels with data (the iframe is the real screen).
    const frame = page.frameLocator('[data-testid="studio-preview"]');
    await frame.locator('[data-panel-id="p40"] .panel').waitFor({ timeout: 120_000 });
  }
  return page;
}

/**
 * The studio with 40 panels stays responsive: p95 frame time while dragging a panel on the editing grid over
 * the live preview (the real screen with its data, in the frame), against the same grid without the
 * preview. Alternating runs; each a fresh page.
 */
export async function studioEditorSuite(ctx: {
  browser: Browser;
  bffUrl: string;
  runs: number;
}): Promise<Row[]> {
  const layoutId = await storeHeavyLayout(ctx.bffUrl);
  const once = async (live: boolean) => {
    const page = await openStudio(ctx.browser, ctx.bffUrl, live);
    try {
      return await dragFrameP95(page);
    } finally {
      await page.close();
    }
  };
  try {
    const result = await alternate(
      ctx.runs,
      () => once(true),
      () => once(false),
    );
    return [
      {
        suite: 'studio-editor',
        figure: `drag on the editing grid, ${PANELS} panels: p95 frame time`,
        unit: 'ms',
        subject: result.subject,
        baseline: result.baseline,
        ratio: result.subject / result.baseline,
        note: `median of ${ctx.runs}; baseline = the same grid without the live preview (software GL)`,
      },
    ];
  } finally {
    await fetch(`${ctx.bffUrl}/api/v1/layouts/${layoutId}`, { method: 'DELETE' });
  }
}
