import { Health } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/create-test-app';
import { buildHealth } from './health.handlers';

const source = { version: 't', startedAt: 0, upstreams: () => [] };

describe('health: the holiday calendar', () => {
  it('reads today from the State Council schedule', () => {
    const h = buildHealth(source, Date.parse('2026-10-02T04:00:00Z'));
    expect(h.calendar).toEqual({
      date: '2026-10-02',
      dayKind: 'holiday',
      source: 'official',
      coveredFrom: '2025-01-01',
      coveredTo: '2027-12-31',
    });
  });

  it('says when a date falls outside the table and weekday/weekend is used instead', () => {
    const h = buildHealth(source, Date.parse('2028-10-02T04:00:00Z'));
    expect(h.calendar).toMatchObject({ date: '2028-10-02', dayKind: 'workday', source: 'fallback' });
  });

  it('is part of GET /api/v1/health', async () => {
    const body = Health.parse(await (await createTestApp().request('/api/v1/health')).json());
    expect(body.calendar?.coveredTo).toBe('2027-12-31');
  });
});
