import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatIndicator } from '../src/lib/indicator-format';
import { launch, waitForRegion, watch } from './browser';

const baseUrl = inject('baseUrl');
const simUrl = inject('simUrl');
const setSimSpeed = async (speed: number) => {
  const res = await fetch(`${simUrl}/admin/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ speed }),
  });
  expect(res.status).toBe(200);
};
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Snapshot = { indicators: { indicatorId: string; value: number | null; unit: string; status: string }[] };

describe('live deltas on a wall', () => {
  it('keeps the wall equal to a fresh snapshot across accelerated changes', async () => {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    const w = watch(page, baseUrl);
    // Count what the stream delivers (observation only: the app's own EventSource is untouched).
    await page.addInitScript(() => {
      const counts = { snapshot: 0, delta: 0, reset: 0, opened: 0 };
      (window as unknown as { __live: typeof counts }).__live = counts;
      const Original = window.EventSource;
      window.EventSource = class extends Original {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          // The screen's one stream is reopened when a lazily loaded panel adds a topic (lib/live-mux.ts);
          // each opening starts with a full snapshot of every topic.
          if (decodeURIComponent(String(url)).includes('snapshot:')) counts.opened++;
          // The cockpit's snapshot topics only (a layout topic's stamp is another stream's business).
          for (const kind of ['snapshot', 'delta', 'reset'] as const)
            this.addEventListener(kind, (e) => {
              const topic = (JSON.parse((e as MessageEvent).data) as { topic?: string }).topic;
              if (kind === 'reset' || topic?.startsWith('snapshot:')) counts[kind]++;
            });
        }
      };
    });
    await page.goto(`${baseUrl}/overview/331023?screen=wall`);
    await waitForRegion(page, '331023');
    await expect.poll(() => page.locator('[data-indicator]').count(), { timeout: 30_000 }).toBeGreaterThan(3);

    // The simulator runs 60× and the BFF pushes every 2 s: let 8 deltas land on the wall.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __live: { delta: number } }).__live.delta), {
        timeout: 120_000,
      })
      .toBeGreaterThanOrEqual(8);
    const counts = await page.evaluate(
      () => (window as unknown as { __live: { snapshot: number; opened: number; reset: number } }).__live,
    );
    // Full snapshots only where a stream opened, never in the middle of one; no reset.
    expect(counts.reset).toBe(0);
    expect(counts.snapshot).toBeGreaterThanOrEqual(1);
    expect(counts.snapshot).toBeLessThanOrEqual(counts.opened);

    // Every figure on the wall equals the same figure in a snapshot fetched now. Freeze the simulated world
    // first (the test controls simulator time): once the BFF's next refreshes have carried the still state to
    // the wall, page and snapshot are compared between the same two changes, however busy the machine is.
    await setSimSpeed(0);
    const shown = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-indicator]')].map((el) => ({
          id: el.dataset.indicator!,
          status: el.dataset.status!,
          text: el.querySelector('.kpi__value')?.textContent ?? '',
        })),
      );
    const mismatches = async () => {
      const before = await shown();
      const fresh = (await page.evaluate(async () =>
        (await fetch('/api/v1/cockpits/overview/331023/snapshot', { cache: 'no-store' })).json(),
      )) as Snapshot;
      const after = await shown();
      if (JSON.stringify(before) !== JSON.stringify(after)) return ['the wall changed while comparing'];
      const byId = new Map(fresh.indicators.map((i) => [i.indicatorId, i]));
      return after
        .filter((tile) => byId.has(tile.id))
        .flatMap((tile) => {
          const v = byId.get(tile.id)!;
          const text = formatIndicator(v.value, v.unit, 'zh-CN').text;
          return text === tile.text && v.status === tile.status ? [] : [`${tile.id}: ${tile.text} ≠ ${text}`];
        });
    };
    try {
      await expect.poll(mismatches, { timeout: 60_000, interval: 250 }).toEqual([]);
    } finally {
      await setSimSpeed(60);
    }
    expect(w.consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);
});
