import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamClient } from '../http-client';
import { fetchGuideScreens, fetchLotHistory, fetchLots, fetchRecords, HISTORY_DAYS } from './adapter';

// The real simulator over HTTP, frozen at Golden Week day 3, 12:00 Beijing.
const NOW = Date.parse('2026-10-03T04:00:00Z');
let sim: Awaited<ReturnType<typeof startSimulator>>;
let client: UpstreamClient;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date(NOW) });
  client = new UpstreamClient({ system: 'parking-platform', baseUrl: sim.url, timeoutMs: 5000, retries: 0 });
});
afterAll(async () => {
  await sim?.close();
});

describe('parking-platform adapter', () => {
  it('reads 28 days of 15-min history, oldest first, without gaps or duplicates at the seam', async () => {
    const h = await fetchLotHistory(client, 'PK0001');
    expect(h.lotId).toBe('PK0001');
    expect(h.berthTotal).toBe(320);
    const at = h.samples.map((s) => s.at);
    expect(at.at(-1)).toBe(NOW);
    expect(at[0]).toBeGreaterThanOrEqual(NOW - HISTORY_DAYS * 86_400_000);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBe(15 * 60_000);
    expect(h.samples.every((s) => s.occupied + s.free === 320)).toBe(true);
    expect(h.samples.length).toBe(HISTORY_DAYS * 96 + 1);
  });

  it('fails with the platform code for an unknown lot (HTTP 200, code 4004)', async () => {
    await expect(fetchLotHistory(client, 'PK9999')).rejects.toThrow(/4004/);
  });

  it('maps the guide screens with tier, targets, online state and heartbeat', async () => {
    const screens = await fetchGuideScreens(client);
    expect(screens).toHaveLength(14);
    expect(new Set(screens.map((s) => s.tier))).toEqual(new Set([1, 2, 3]));
    const gs005 = screens.find((s) => s.screenId === 'GS005')!;
    expect(gs005.targets.length).toBeGreaterThan(0);
    for (const s of screens) {
      if (s.online) expect(Date.parse(s.lastHeartbeatAt!)).toBeLessThanOrEqual(NOW);
    }
  });

  it('masks every plate at the boundary: nothing but 浙J·***12 shapes leaves the adapter', async () => {
    const raw = (await (await fetch(`${sim.url}/parking-platform/api/v2/records?pageSize=200`)).json()) as {
      data: { list: { plateNo: string }[] };
    };
    const plates = raw.data.list.map((r) => r.plateNo);
    expect(plates.length).toBeGreaterThan(0);
    const w = await fetchRecords(client, { minutes: 60 });
    expect(w.records.length).toBeGreaterThan(plates.length - 1);
    const json = JSON.stringify(w);
    for (const p of plates) expect(json).not.toContain(p);
    for (const r of w.records) expect(r.plateMasked).toMatch(/^[\u4e00-\u9fa5][A-Z]·\*\*\*[A-Z0-9]{2}$/u);
    expect(w.toMs - w.fromMs).toBe(60 * 60_000);
  });

  it('reads a given window for one lot', async () => {
    const w = await fetchRecords(client, { minutes: 120, lotId: 'PK0003', endMs: NOW });
    expect(w.records.length).toBeGreaterThan(0);
    expect(w.records.every((r) => r.lotId === 'PK0003')).toBe(true);
    expect(
      w.records.every((r) => Date.parse(r.inAt) >= NOW - 120 * 60_000 && Date.parse(r.inAt) <= NOW),
    ).toBe(true);
  });

  it('rejects a renamed field (drift) instead of passing on bad lots', async () => {
    await fetch(`${sim.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: 'parking-platform', mode: 'drift' }),
    });
    try {
      await expect(fetchLots(client)).rejects.toThrow(/failed validation/);
    } finally {
      await fetch(`${sim.url}/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ system: 'parking-platform', mode: 'none' }),
      });
    }
  });
});
