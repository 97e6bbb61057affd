import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorSeries } from '@cockpit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/sqlite';
import type { Store } from '../../store/types';
import { addUser, bearer, signIn } from '../../test/auth-fixtures';
import { createTestApp, testServices } from '../../test/create-test-app';

/** The series API over a store holding fixed history (no upstream: the values are written here). */

const H = 3600_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const TOWN = '331023105'; // 平桥镇
let store: Store;
let app: ReturnType<typeof createTestApp>;
let townToken = '';

beforeAll(async () => {
  store = await openStore(mkdtempSync(join(tmpdir(), 'cockpit-series-')));
  // 10 days of hours: free berths at the county = hour index; a village row too.
  for (let i = 0; i < 240; i++)
    await store.history.writeHour(new Date(T0 + i * H).toISOString(), [
      { indicatorId: 'parking.freeBerths', regionCode: '331023', value: i, status: 'ok' },
      { indicatorId: 'parking.freeBerths', regionCode: TOWN, value: i === 5 ? null : 2 * i, status: 'ok' },
    ]);
  await store.history.aggregateDays(['2026-11-02', '2026-11-03'], { lastOf: [], skip: [] });
  app = createTestApp({ services: testServices(undefined, { history: store.history }) });
  await addUser(app, { username: 'town-viewer', roles: ['viewer'], scope: TOWN });
  townToken = (await signIn(app, 'town-viewer')).token;
}, 120_000);

afterAll(async () => {
  await store?.close();
});

const get = async (path: string, token?: string) => {
  const res = await app.request(path, token ? { headers: bearer(token) } : undefined);
  return {
    status: res.status,
    body: (await res.json()) as IndicatorSeries & { error?: { code: string; message: string } },
  };
};
const url = (q: string, id = 'parking.freeBerths') => `/api/v1/indicators/${id}/series?${q}`;

describe('GET /api/v1/indicators/{id}/series', () => {
  it('returns the stored hours of the window as [time, value]', async () => {
    const { status, body } = await get(
      url('region=331023&from=2026-11-01T10:00:00Z&to=2026-11-01T13:00:00Z'),
    );
    expect(status).toBe(200);
    expect(body.points).toEqual([
      ['2026-11-01T10:00:00.000Z', 10],
      ['2026-11-01T11:00:00.000Z', 11],
      ['2026-11-01T12:00:00.000Z', 12],
      ['2026-11-01T13:00:00.000Z', 13],
    ]);
    expect(body).toMatchObject({ unit: '个', step: 'hour', downsampled: null, backfilledPoints: 0 });
  });

  it('downsamples a large window by bucket mean, nulls left out of the mean', async () => {
    // 2026-11-01T00Z … 2026-11-01T11Z = 12 steps, at most 4 points → 3-hour buckets.
    const { body } = await get(url(`region=${TOWN}&from=2026-11-01T00:00Z&to=2026-11-01T11:00Z&maxPoints=4`));
    expect(body.downsampled).toEqual({ method: 'mean', bucketSeconds: 3 * 3600, maxPoints: 4 });
    expect(body.points).toEqual([
      ['2026-11-01T00:00:00.000Z', 2], // 0, 2, 4
      ['2026-11-01T03:00:00.000Z', 7], // 6, 8, (null)
      ['2026-11-01T06:00:00.000Z', 14],
      ['2026-11-01T09:00:00.000Z', 20],
    ]);
  });

  it('serves the daily rows by Beijing day', async () => {
    const { status, body } = await get(url('region=331023&step=day&from=2026-11-02&to=2026-11-03'));
    expect(status).toBe(200);
    // Beijing 2 November = UTC 1 Nov 16:00 … 2 Nov 15:00: hours 16 … 39, mean 27.5.
    expect(body.points).toEqual([
      ['2026-11-01T16:00:00.000Z', 27.5],
      ['2026-11-02T16:00:00.000Z', 51.5],
    ]);
  });

  it.each([
    ['a malformed date', url('region=331023&from=yesterday'), 400, 'BAD_TIME_RANGE'],
    ['a time without a zone', url('region=331023&from=2026-11-01T10:00:00'), 400, 'BAD_TIME_RANGE'],
    ['an impossible date', url('region=331023&from=2026-02-30'), 400, 'BAD_TIME_RANGE'],
    [
      'from after to',
      url('region=331023&from=2026-11-03T00:00Z&to=2026-11-02T00:00Z'),
      400,
      'BAD_TIME_RANGE',
    ],
    [
      'an hourly window past retention',
      url('region=331023&from=2025-01-01&to=2026-11-01'),
      400,
      'WINDOW_TOO_LARGE',
    ],
    ['an unknown indicator', url('region=331023', 'no.such'), 400, 'UNKNOWN_INDICATOR'],
    [
      'a level where it does not exist',
      url('region=331023001040', 'urban.casesReported'),
      400,
      'LEVEL_NOT_AVAILABLE',
    ],
    ['a bad step', url('region=331023&step=week'), 400, 'VALIDATION'],
    ['a malformed region', url('region=12'), 400, 'VALIDATION'],
    ['no region', url(''), 400, 'VALIDATION'],
    ['a region that does not exist', url('region=331023999'), 404, 'REGION_NOT_FOUND'],
  ])('answers %s with %i %s', async (_what, path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    if (code !== 'VALIDATION') expect(res.body.error?.code).toBe(code);
    else expect(res.body.error?.message).toBeTruthy();
  });

  it('refuses a region outside the scope (403 through the guard) and serves one inside', async () => {
    const out = await get(url('region=331023'), townToken);
    expect(out.status).toBe(403);
    expect(out.body.error?.code).toBe('OUT_OF_SCOPE');
    const inside = await get(url(`region=${TOWN}&from=2026-11-01T01:00Z&to=2026-11-01T01:00Z`), townToken);
    expect(inside.status).toBe(200);
    expect(inside.body.points).toEqual([['2026-11-01T01:00:00.000Z', 2]]);
  });
});
