/** Pure helpers of the audit page: the filter form ⇄ the query string of /audit and /audit.csv. */

export type AuditFilters = {
  actor: string;
  action: string;
  target: string;
  /** `datetime-local` input values, read as Beijing time (UTC+8, no daylight saving). */
  from: string;
  to: string;
};

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', target: '', from: '', to: '' };

/** `2026-12-01T08:30` (Beijing) → `2026-12-01T00:30:00.000Z`; empty or malformed → null. */
export function beijingLocalToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s ?? 0));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The query string for the filters (empty ones left out), plus paging when given. */
export function auditParams(filters: AuditFilters, paging: { limit?: number; before?: number | null } = {}) {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'target'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  const from = beijingLocalToIso(filters.from);
  const to = beijingLocalToIso(filters.to);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (paging.limit) params.set('limit', String(paging.limit));
  if (paging.before) params.set('before', String(paging.before));
  return params;
}

export function auditPath(
  filters: AuditFilters,
  paging: { limit?: number; before?: number | null } = {},
): string {
  const qs = auditParams(filters, paging).toString();
  return `/api/v1/audit${qs ? `?${qs}` : ''}`;
}

/** The CSV export of exactly what the filters select (no paging: the whole selection). */
export function auditCsvHref(filters: AuditFilters): string {
  const qs = auditParams(filters).toString();
  return `/api/v1/audit.csv${qs ? `?${qs}` : ''}`;
}
