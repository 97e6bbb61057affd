import { LiveSnapshotEvent, Snapshot } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';

// The web validates every live event with the contracts' schemas before it enters the query cache (lib/live.ts):
// the envelope with LiveSnapshotEvent and the snapshot with Snapshot. What the BFF sends must pass them, or a
// wall would drop every event and keep resyncing.
let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});

describe('live snapshot events pass the schemas the web validates them with', () => {
  it('for every theme, at county, township and village', async () => {
    const services = testServices(sim.url);
    createTestApp({ services });
    for (const theme of ['overview', 'parking', 'trauma', 'eco'] as const)
      for (const code of ['331023', '331023105', '331023105200']) {
        const topic = `snapshot:${theme}:${code}`;
        await services.publisher.ensure([topic]);
        const frame = services.hub.currentFrame(topic)!.frame.toString();
        const data = /^data: (.*)$/m.exec(frame)![1]!;
        const event = LiveSnapshotEvent.safeParse(JSON.parse(data));
        expect(event.success, `${topic}: ${event.error?.issues[0]?.message}`).toBe(true);
        const snapshot = Snapshot.safeParse(event.data!.snapshot);
        expect(snapshot.success, `${topic}: ${JSON.stringify(snapshot.error?.issues[0])}`).toBe(true);
      }
  }, 120_000);
});
