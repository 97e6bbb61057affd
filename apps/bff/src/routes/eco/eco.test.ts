import { EcoStationDetail } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';

let sim: Awaited<ReturnType<typeof startSimulator>>;
let app: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
  app = createTestApp({ services: testServices(sim.url) });
});
afterAll(async () => {
  await sim?.close();
});

async function detail(path: string) {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return EcoStationDetail.parse(await res.json());
}

describe('GET /api/v1/eco/stations/{code}', () => {
  it("gives an air station's hourly AQI and pollutants over the window, and no data for last year", async () => {
    const day = await detail('/api/v1/eco/stations/5101A?window=24h');
    expect(day.kind).toBe('air');
    expect(day.name).toBe('县行政中心');
    const aqi = day.series.find((s) => s.indicatorId === 'aqi')!;
    expect(aqi.points).toHaveLength(24);
    expect(aqi.points.at(-1)!.at).toBe('2026-10-03T04:00:00.000Z');
    expect(day.series.map((s) => s.indicatorId)).toEqual([
      'aqi',
      'pm25',
      'pm10',
      'so2',
      'no2',
      'co',
      'o3_1h',
    ]);
    const yoy = day.yearOnYear.find((y) => y.indicatorId === 'pm25')!;
    const pm = day.series.find((s) => s.indicatorId === 'pm25')!.points.flatMap((p) => p.value ?? []);
    // Means are published at the standard's precision: whole μg/m³ (CO one decimal), AQI an integer.
    expect(yoy.currentMean).toBe(Math.round(pm.reduce((a, b) => a + b, 0) / pm.length));
    for (const y of day.yearOnYear) {
      const digits = y.indicatorId === 'co' ? 1 : 0;
      if (y.currentMean !== null)
        expect(Number(y.currentMean.toFixed(digits)), y.indicatorId).toBe(y.currentMean);
    }
    expect(yoy.previousMean).toBeNull();
    expect(yoy.change).toBeNull();
    expect(yoy.note).toMatch(/30/);
    const week = await detail('/api/v1/eco/stations/5101A?window=7d');
    expect(week.series[0]!.points).toHaveLength(24 * 7);
    const month = await detail('/api/v1/eco/stations/5101A?window=30d');
    expect(month.series[0]!.points).toHaveLength(24 * 30);
  });

  it('gives water parameters every 4 h (TN left out for a river) and a noise Leq', async () => {
    const river = await detail('/api/v1/eco/stations/SFX04?window=24h');
    expect(river.kind).toBe('water');
    expect(river.series.map((s) => s.indicatorId)).toEqual(['ph', 'do', 'codMn', 'nh3n', 'tp']);
    expect(river.series[0]!.points).toHaveLength(6);
    const reservoir = await detail('/api/v1/eco/stations/LSM01?window=24h');
    expect(reservoir.series.map((s) => s.indicatorId)).toContain('tn');
    const noise = await detail('/api/v1/eco/stations/N007');
    expect(noise.window).toBe('24h');
    expect(noise.series[0]!.unit).toBe('dB(A)');
    expect(noise.series[0]!.points).toHaveLength(24);
  });

  it('400s bad input and 404s an unknown station', async () => {
    const bad = await app.request('/api/v1/eco/stations/5101A?window=1y');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
    expect((await app.request('/api/v1/eco/stations/x;drop')).status).toBe(400);
    const missing = await app.request('/api/v1/eco/stations/ZZZ99');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('STATION_NOT_FOUND');
  });
});
