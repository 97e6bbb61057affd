import {
  COUNTY_CODE,
  type IndicatorDefinitionInput,
  type IndicatorValue,
  ParkingSnapshot,
  TraumaSnapshot,
} from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../test/create-test-app';

/** A derived indicator of a theme, stored through the API (no code for it anywhere). */
const derived = (
  id: string,
  theme: 'parking' | 'trauma',
  unit: string,
  formula: IndicatorDefinitionInput['formula'],
  source: IndicatorDefinitionInput['source'],
): IndicatorDefinitionInput => ({
  id,
  name: { zh: id, en: id },
  unit,
  field: theme,
  theme,
  definition: { zh: '派生指标（测试）', en: 'Derived (test)' },
  departmentId: theme === 'parking' ? 'enforcement' : 'emergency-120',
  source,
  levels: ['county', 'township', 'village'],
  rollup: { rule: 'none' },
  updateFrequencySeconds: 10,
  freshnessTargetSeconds: 25,
  direction: 'higherIsBetter',
  thresholds: { warning: null, alarm: null },
  target: null,
  formula,
  status: 'active',
});

describe('a theme snapshot computes its indicators from the stored definitions and the one registry', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('shows a newly stored derived indicator in the parking and trauma snapshots, without code', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const create = (body: IndicatorDefinitionInput) =>
      app.request('/api/v1/indicators', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const freeShare = derived(
      'parking.freeShareTest',
      'parking',
      '%',
      { op: 'ratio', numerator: 'parking.freeBerths', denominator: 'parking.berthTotal' },
      { system: 'parking-platform', dataset: 'parking.lots' },
    );
    const toScene = derived(
      'trauma.callToSceneTest',
      'trauma',
      '分钟',
      { op: 'sum', terms: ['trauma.callToDispatchMinutes', 'trauma.medianResponseMinutes'] },
      { system: 'emergency-120', dataset: 'emergency.incidents' },
    );
    expect((await create(freeShare)).status).toBe(201);
    expect((await create(toScene)).status).toBe(201);

    const snapshot = async (theme: 'parking' | 'trauma', code: string) => {
      const body = await (await app.request(`/api/v1/cockpits/${theme}/${code}/snapshot`)).json();
      return theme === 'parking' ? ParkingSnapshot.parse(body) : TraumaSnapshot.parse(body);
    };
    const pick = (items: IndicatorValue[], id: string) => items.find((v) => v.indicatorId === id);
    // Polls for the first read of the datasets, not a timing.
    const ready = async (theme: 'parking' | 'trauma', code: string, id: string) => {
      let s = await snapshot(theme, code);
      for (let i = 0; i < 100 && typeof pick(s.indicators, id)?.value !== 'number'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        s = await snapshot(theme, code);
      }
      return s.indicators;
    };

    for (const code of [COUNTY_CODE, '331023002']) {
      const parking = await ready('parking', code, 'parking.berthTotal');
      const free = pick(parking, 'parking.freeBerths')!.value!;
      const total = pick(parking, 'parking.berthTotal')!.value!;
      const share = pick(parking, freeShare.id)!;
      expect(share.unit).toBe('%');
      expect(share.status).toBe('ok');
      expect(share.value).toBeCloseTo(free / total, 4);
    }

    const trauma = await ready('trauma', COUNTY_CODE, 'trauma.callToDispatchMinutes');
    const a = pick(trauma, 'trauma.callToDispatchMinutes')!.value!;
    const b = pick(trauma, 'trauma.medianResponseMinutes')!.value!;
    expect(pick(trauma, toScene.id)!.value).toBeCloseTo(a + b, 1);
  }, 90_000);
});
