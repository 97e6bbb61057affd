import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchEvents } from '../../upstreams/grassroots/adapter';
import { UpstreamClient } from '../../upstreams/http-client';
import { eventWindow } from './grassroots.data';

// The simulator's clock under the test's control: it moves only when `real` does (60 simulated s per real s).
let real = 0;
let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    seed: 20211,
    speed: 60,
    startAt: new Date('2026-07-15T04:00:00Z'),
    realNow: () => real,
  });
});
afterAll(async () => {
  await sim?.close();
});

const DAY_MS = 86_400_000;
const advanceSimHours = (h: number) => {
  real += (h * 3_600_000) / 60;
};

describe('the 30-day event window', () => {
  it('merges the recent events into the window and matches a whole fetch for them', {
    timeout: 120_000,
  }, async () => {
    const client = new UpstreamClient({
      system: 'grassroots',
      baseUrl: sim.url,
      retries: 0,
      timeoutMs: 20_000,
    });
    const load = eventWindow(client);
    const first = await load();
    expect(Date.parse(first.asOf)).toBe(sim.clock.nowMs());
    advanceSimHours(5);
    const second = await load(); // incremental: the last two days fetched again
    const now = sim.clock.nowMs();
    expect(Date.parse(second.asOf)).toBe(now);
    const whole = await fetchEvents(client, { fromMs: now - 30 * DAY_MS + 60_000, toMs: now });
    // The same events reported in the window (new ones of the last five hours included)…
    expect(second.items.map((e) => e.eventId).sort()).toEqual(whole.items.map((e) => e.eventId).sort());
    expect(second.items.length).toBeGreaterThan(first.items.length - 200);
    // …and, for the last two days, the same lifecycle as now.
    const recent = (e: { reportedAt: string }) => Date.parse(e.reportedAt) >= now - 2 * DAY_MS;
    const stageOf = new Map(whole.items.filter(recent).map((e) => [e.eventId, e.stage]));
    for (const e of second.items.filter(recent)) expect(e.stage, e.eventId).toBe(stageOf.get(e.eventId));
    // A jump of the upstream clock past the recent range refetches the whole window.
    advanceSimHours(72);
    const third = await load();
    const later = await fetchEvents(client, {
      fromMs: sim.clock.nowMs() - 30 * DAY_MS + 60_000,
      toMs: sim.clock.nowMs(),
    });
    expect(third.items.map((e) => `${e.eventId}:${e.stage}`).sort()).toEqual(
      later.items.map((e) => `${e.eventId}:${e.stage}`).sort(),
    );
  });
});
