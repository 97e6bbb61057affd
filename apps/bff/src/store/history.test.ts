import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDayHours, HOURLY_RETENTION_DAYS, hourKey } from './history';
import { openStore } from './sqlite';
import type { Store } from './types';

const DAY = 24 * 3600_000;
const T0 = Date.parse('2026-01-10T05:00:00Z');
let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cockpit-history-store-'));
  store = await openStore(dir);
});
afterAll(async () => {
  await store?.close();
});

const row = (value: number | null) => [
  { indicatorId: 'parking.freeBerths', regionCode: '331023', value, status: 'ok' as const },
];

describe('history store', () => {
  it('stores hours under their start, to the minute', () => {
    expect(hourKey('2026-01-10T05:59:59.999Z')).toBe('2026-01-10T05:00Z');
    expect(beijingDayHours('2026-01-10')).toEqual({ from: '2026-01-09T16:00Z', to: '2026-01-10T16:00Z' });
  });

  it('replaces a backfilled hour with a live one, never the other way round', async () => {
    await store.history.backfillHours([{ ...row(1)[0]!, hour: new Date(T0).toISOString() }]);
    await store.history.writeHour(new Date(T0).toISOString(), row(2));
    expect(await store.history.backfillHours([{ ...row(3)[0]!, hour: new Date(T0).toISOString() }])).toBe(0);
    const [r] = await store.history.hourly('parking.freeBerths', '331023', hourKey(T0), hourKey(T0));
    expect(r).toMatchObject({ value: 2, backfilled: false });
  });

  it(`keeps hours ${HOURLY_RETENTION_DAYS} days back from the newest written, and the daily rows for ever`, async () => {
    await store.history.aggregateDays(['2026-01-10'], { lastOf: [], skip: [] });
    const keptMs = T0 + DAY; // 399 days before the write below
    await store.history.writeHour(new Date(keptMs).toISOString(), row(5));
    const later = T0 + (HOURLY_RETENTION_DAYS + 0.5) * DAY;
    await store.history.writeHour(new Date(later).toISOString(), row(7));
    const all = await store.history.hourly('parking.freeBerths', '331023', hourKey(T0), hourKey(later));
    expect(all.map((r) => r.value)).toEqual([5, 7]);
    expect(await store.history.daily('parking.freeBerths', '331023', '2026-01-10', '2026-01-10')).toEqual([
      expect.objectContaining({ value: 2, hours: 1, quality: 'partial' }),
    ]);
  });
});
