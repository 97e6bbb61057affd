import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamClient } from '../http-client';
import {
  fetchAirHourly,
  fetchAirRealtime,
  fetchAirStations,
  fetchNoiseHourly,
  fetchNoisePoints,
  fetchWaterData,
  fetchWaterStations,
  fetchWindHourly,
} from './adapter';

// Against the real simulator (frozen clock): the adapter is the only place that knows its shapes.
let sim: Awaited<ReturnType<typeof startSimulator>>;
let client: UpstreamClient;
const NOW = Date.parse('2026-10-03T04:00:00Z');
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date(NOW) });
  client = new UpstreamClient({ system: 'env-monitor', baseUrl: sim.url, timeoutMs: 3000 });
});
afterAll(async () => {
  await sim?.close();
});

const fault = (mode: string) =>
  fetch(`${sim.url}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system: 'env-monitor', mode }),
  });

describe('env-monitor adapter', () => {
  it('lists the stations, sections and points with their positions and village codes', async () => {
    const air = await fetchAirStations(client);
    expect(air.map((s) => s.code)).toEqual(['5101A', '5102A', '5103A', '5104A', '5105A', '5106A']);
    expect(air[0]).toMatchObject({ name: '县行政中心', villageCode: expect.stringMatching(/^331023\d{6}$/) });
    const water = await fetchWaterStations(client);
    expect(water).toHaveLength(8);
    expect(water.find((s) => s.code === 'LSM01')!.waterbody).toBe('lake');
    expect(water.find((s) => s.code === 'SFX04')).toMatchObject({ waterbody: 'river', targetClass: 'III' });
    const noise = await fetchNoisePoints(client);
    expect(noise.find((p) => p.code === 'N009')!.zone).toBe('4b');
  });

  it('maps hourly history to UTC instants, one row per station and hour, flagged values as missing', async () => {
    const rows = await fetchAirHourly(client, { startMs: NOW - 7 * 86_400_000, endMs: NOW });
    expect(rows).toHaveLength(6 * (7 * 24 + 1));
    expect(rows.at(-1)!.at).toBe('2026-10-03T04:00:00.000Z');
    const raw = (await (
      await fetch(`${sim.url}/env-monitor/air/hourly?start=2026-09-26%2012:00:00&end=2026-10-03%2012:00:00`)
    ).json()) as { result: Record<string, string>[] };
    const flagged = raw.result.filter((r) => r.PM2_5_Flag !== '');
    expect(flagged.length).toBeGreaterThan(0); // weekly calibration hours, missing values
    for (const r of flagged) {
      const mapped = rows.find(
        (o) =>
          o.stationCode === r.StationCode &&
          o.at === new Date(Date.parse(`${r.TimePoint!.replace(' ', 'T')}+08:00`)).toISOString(),
      )!;
      expect(mapped.pm25).toBeNull();
    }
    const valid = raw.result.find((r) => r.PM2_5_Flag === '')!;
    const same = rows.find(
      (o) =>
        o.stationCode === valid.StationCode &&
        o.at === new Date(Date.parse(`${valid.TimePoint!.replace(' ', 'T')}+08:00`)).toISOString(),
    )!;
    expect(same.pm25).toBe(Number(valid.PM2_5));
  });

  it('reads wind, water and noise', async () => {
    const wind = await fetchWindHourly(client);
    expect(wind).toHaveLength(6);
    for (const w of wind) {
      expect(w.fromDeg).toBeGreaterThanOrEqual(0);
      expect(w.fromDeg).toBeLessThan(360);
    }
    const water = await fetchWaterData(client, { startMs: NOW - 86_400_000, endMs: NOW });
    expect(water).toHaveLength(8 * 7);
    expect(water.every((w) => w.ph !== null && w.do !== null)).toBe(true);
    const noise = await fetchNoiseHourly(client);
    expect(noise).toHaveLength(9);
    expect(noise[0]!.at).toBe('2026-10-03T04:00:00.000Z');
  });

  it('fails on a renamed field (drift) rather than passing empty values on', async () => {
    await fault('drift');
    try {
      await expect(fetchAirRealtime(client)).rejects.toThrow(/failed validation/);
      await expect(fetchAirHourly(client)).rejects.toThrow(/failed validation/);
    } finally {
      await fault('none');
    }
    expect(await fetchAirRealtime(client)).toHaveLength(6);
  });
});
