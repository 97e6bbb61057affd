import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamClient, UpstreamError } from '../http-client';
import {
  fetchDevices,
  fetchEvents,
  fetchFarmScans,
  fetchFloodPoints,
  fetchGrids,
  fetchHomestays,
  fetchPatrols,
  fetchServicePoints,
  fetchVillageBasics,
} from './adapter';

const DAY_MS = 86_400_000;
let sim: Awaited<ReturnType<typeof startSimulator>>;
const client = (opts: { timeoutMs?: number } = {}) =>
  new UpstreamClient({
    system: 'grassroots',
    baseUrl: sim.url,
    retries: 0,
    timeoutMs: opts.timeoutMs ?? 4000,
  });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-07-15T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});
async function fault(mode: string, extra: Record<string, number> = {}) {
  const res = await fetch(`${sim.url}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system: 'grassroots', mode, ...extra }),
  });
  expect(res.status).toBe(200);
}
afterEach(() => fault('none'));

const now = () => sim.clock.nowMs();
const range = (days: number) => ({ fromMs: now() - days * DAY_MS, toMs: now() });

describe('grassroots adapter against the simulator', () => {
  it('maps every endpoint to internal shapes, for all 395 villages', async () => {
    const c = client();
    const grids = await fetchGrids(c);
    expect(new Set(grids.items.map((g) => g.villageCode)).size).toBe(395);
    expect(grids.asOf).toBe(new Date(now()).toISOString());
    const patrols = await fetchPatrols(c);
    expect(patrols.items).toHaveLength(grids.items.length);
    const events = await fetchEvents(c, range(30));
    expect(events.items.length).toBeGreaterThan(2000); // more than one page of 2,000
    const e = events.items[0]!;
    expect(e.stages[0]!.stage).toBe('reported');
    expect(e.stages[0]!.at).toBe(e.reportedAt);
    expect(events.items.some((x) => x.escalations.some((s) => s.to === 'county'))).toBe(true);
    // Resident names and phones are in the raw records; they leave the adapter masked, and phones not at all.
    const raw = (await (await fetch(`${sim.url}/grassroots/api/v1/shijian?meiye=5`)).json()) as {
      shuju: { jilu: { sjbh: string; sbrxm: string; sbrdh: string }[] };
    };
    const text = JSON.stringify(events.items);
    for (const r of raw.shuju.jilu) {
      expect(r.sbrdh).toMatch(/^1\d{10}$/);
      expect(text).not.toContain(r.sbrdh);
      const mine = events.items.find((x) => x.eventId === r.sjbh)!;
      expect(mine.reporterMasked).not.toBe(r.sbrxm);
      expect(mine.reporterMasked.startsWith(r.sbrxm[0]!)).toBe(true);
    }
    expect(grids.items[0]!.workerNameMasked).toContain('*');
    const basics = await fetchVillageBasics(c, 2025);
    expect(basics.items).toHaveLength(395);
    expect(basics.items.every((b) => b.year === 2025 && b.aged60Plus >= b.livingAlone)).toBe(true);
    expect((await fetchHomestays(c, range(2))).items.every((h) => h.occupiedBeds <= h.beds)).toBe(true);
    const scans = await fetchFarmScans(c, range(0));
    expect(new Set(scans.items.map((s) => s.name))).toContain('天台黄茶');
    expect((await fetchServicePoints(c)).items.length).toBeGreaterThanOrEqual(395);
    const devices = await fetchDevices(c);
    expect(devices.items.every((d) => d.online <= d.total)).toBe(true);
    const flood = await fetchFloodPoints(c);
    expect(flood.items.filter((p) => p.kind === 'duty').every((p) => p.manned !== null)).toBe(true);
    expect(flood.items.filter((p) => p.kind !== 'duty').every((p) => p.warningLevelM !== null)).toBe(true);
    expect(c.droppedRecords).toBe(0);
  });

  it('latency: answers, later', async () => {
    await fault('latency', { latencyMs: 200 });
    expect((await fetchServicePoints(client())).items.length).toBeGreaterThan(0);
  });

  it('errors: a 5xx in its own style fails the call as http', async () => {
    await fault('errors', { errorRate: 1 });
    await expect(fetchGrids(client())).rejects.toMatchObject({ kind: 'http' });
  });

  it('timeout: a hanging answer fails the call as timeout', async () => {
    await fault('timeout');
    await expect(fetchDevices(client({ timeoutMs: 300 }))).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('malformed: a broken body fails the call as malformed', async () => {
    await fault('malformed');
    await expect(fetchFloodPoints(client())).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('drift: renamed fields drop every record, counted, and the call fails rather than answer nothing', async () => {
    await fault('drift');
    const c = client();
    const err = await fetchServicePoints(c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).kind).toBe('malformed');
    expect(c.droppedRecords).toBeGreaterThanOrEqual(395);
    await expect(fetchEvents(c, range(1))).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('outage: the connection is cut, the call fails as network', async () => {
    await fault('outage');
    await expect(fetchGrids(client())).rejects.toMatchObject({ kind: 'network' });
  });
});
