import { describe, expect, it } from 'vitest';
import { auditCsvHref, auditPath, beijingLocalToIso, EMPTY_AUDIT_FILTERS } from './audit';

describe('audit filters', () => {
  it('reads the time inputs as Beijing time', () => {
    expect(beijingLocalToIso('2026-12-01T08:30')).toBe('2026-12-01T00:30:00.000Z');
    expect(beijingLocalToIso('2026-12-01T02:00')).toBe('2026-11-30T18:00:00.000Z');
    expect(beijingLocalToIso('')).toBeNull();
    expect(beijingLocalToIso('yesterday')).toBeNull();
  });
  it('leaves empty filters out and encodes the rest', () => {
    expect(auditPath(EMPTY_AUDIT_FILTERS)).toBe('/api/v1/audit');
    expect(
      auditPath({ ...EMPTY_AUDIT_FILTERS, actor: ' admin ', target: 'user:平桥 1' }, { limit: 50 }),
    ).toBe('/api/v1/audit?actor=admin&target=user%3A%E5%B9%B3%E6%A1%A5+1&limit=50');
  });
  it('pages with the cursor of the previous page', () => {
    expect(auditPath(EMPTY_AUDIT_FILTERS, { limit: 50, before: 1234 })).toBe(
      '/api/v1/audit?limit=50&before=1234',
    );
  });
  it('exports exactly the filtered selection as CSV, without paging', () => {
    expect(
      auditCsvHref({
        ...EMPTY_AUDIT_FILTERS,
        action: 'personal.reveal',
        from: '2026-12-01T08:00',
        to: '2026-12-01T09:00',
      }),
    ).toBe(
      '/api/v1/audit.csv?action=personal.reveal&from=2026-12-01T00%3A00%3A00.000Z&to=2026-12-01T01%3A00%3A00.000Z',
    );
  });
});
