/** Pure helpers of the audit page: the filter form ⇄ the query string of /audit and /audit.csv. */
import { parseBeijingLocal } from '@cockpit/domain/time';

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
  const ms = parseBeijingLocal(local);
  return ms === undefined ? null : new Date(ms).toISOString();
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
