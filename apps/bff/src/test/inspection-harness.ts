import { COUNTY_CODE } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { expect } from 'vitest';
import type { Services } from '../services';
import { createTestApp, testServices } from './create-test-app';

/** Virtual seconds per platform pass of the inspection tests. */
export const STEP_S = 10;

/**
 * The inspection against the real simulator (frozen at `simStart`, faults injected over its /admin) and the
 * whole app over its own store. The alarm engine's and the inspector's clock is virtual (`clock`, epoch ms):
 * each step advances it STEP_S seconds and runs one platform pass; the upstream clients refresh in real time,
 * so a step waits for the condition it needs, never for a span of time.
 */
export class InspectionHarness {
  clock: number;

  private constructor(
    readonly sim: Awaited<ReturnType<typeof startSimulator>>,
    readonly services: Services,
    readonly app: ReturnType<typeof createTestApp>,
    clock: number,
  ) {
    this.clock = clock;
    services.alarms.now = () => this.clock;
    services.inspector.now = () => this.clock;
  }

  static async start(
    opts: { simStart?: Date; clock?: number; services?: Parameters<typeof testServices>[1] } = {},
  ): Promise<InspectionHarness> {
    const simStart = opts.simStart ?? new Date('2026-10-03T04:00:00Z');
    const sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: simStart });
    const services = testServices(sim.url, opts.services);
    const app = createTestApp({ services });
    await app.ready;
    const h = new InspectionHarness(sim, services, app, opts.clock ?? simStart.getTime());
    await services.alarms.list({}, COUNTY_CODE); // bound
    return h;
  }

  async setFault(system: string, mode: string, extra: Record<string, number> = {}) {
    const res = await fetch(`${this.sim.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system, mode, ...extra }),
    });
    expect(res.status).toBe(200);
  }

  /** One platform pass STEP_S virtual seconds after the last. */
  async step() {
    this.clock += STEP_S * 1000;
    await this.services.inspector.platformPass();
    // Let the refreshes the pass started finish before the next one looks (a condition, not a span).
    await new Promise((r) => setImmediate(r));
  }

  /** Steps until `done` holds (at most `max` steps); returns the virtual seconds it took. */
  async stepUntil(done: () => Promise<boolean>, what: string, max = 400): Promise<number> {
    const from = this.clock;
    for (let i = 0; i < max; i++) {
      if (await done()) return (this.clock - from) / 1000;
      await this.step();
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`never happened within ${max} steps: ${what}`);
  }

  close() {
    return this.sim.close();
  }
}
