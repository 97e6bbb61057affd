import { GrassrootsSnapshot } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-07-15T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});

async function snapshot(app: ReturnType<typeof createTestApp>, code: string) {
  const res = await app.request(`/api/v1/cockpits/grassroots/${code}/snapshot`);
  expect(res.status).toBe(200);
  return GrassrootsSnapshot.parse(await res.json());
}

describe('grassroots snapshot', () => {
  it('answers a valid snapshot at county, township and village level', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    for (const code of ['331023', '331023001']) {
      const snap = await snapshot(app, code);
      expect(snap.theme).toBe('grassroots');
      expect(snap.regionCode).toBe(code);
      expect(snap.simulated).toBe(true);
    }
  });
});
