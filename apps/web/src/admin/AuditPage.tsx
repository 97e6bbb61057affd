import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDate } from '../lib/format';
import { auditQuery } from './admin.api';
import { type AuditFilters, auditCsvHref, EMPTY_AUDIT_FILTERS } from './audit';

const PAGE = 50;

/**
 * The audit trail, newest first: filters (actor, action, target, time), paging by cursor (each page asks for
 * rows older than the last one), and a CSV export of exactly the filtered selection.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  // The cursors of the pages walked so far; the last one is the page on screen.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const before = cursors[cursors.length - 1] ?? null;
  const audit = useQuery(auditQuery(filters, before, PAGE));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setCursors([null]);
  };
  const field = (key: keyof AuditFilters, type = 'text') => (
    <label className="field">
      <span>{t(`admin.audit.${key}`)}</span>
      <input
        name={key}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section className="admin-section" data-testid="admin-audit">
      <h2>
        {t('admin.tabs.audit')} <small className="muted">· {t('admin.audit.newestFirst')}</small>
      </h2>
      <form className="admin-form admin-form--filters" onSubmit={apply} data-testid="audit-filters">
        <div className="admin-form__grid">
          {field('actor')}
          {field('action')}
          {field('target')}
          {field('from', 'datetime-local')}
          {field('to', 'datetime-local')}
        </div>
        <div className="admin-form__actions">
          <button type="submit" className="button button--primary">
            {t('admin.audit.search')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setDraft(EMPTY_AUDIT_FILTERS);
              setFilters(EMPTY_AUDIT_FILTERS);
              setCursors([null]);
            }}
          >
            {t('admin.audit.reset')}
          </button>
          <a className="button button--ghost" href={auditCsvHref(filters)} download data-testid="audit-csv">
            {t('admin.audit.csv')}
          </a>
        </div>
      </form>
      {audit.isPending ? (
        <p className="muted">{t('admin.loading')}</p>
      ) : audit.isError ? (
        <p className="form-error">{t('admin.loadError', { message: audit.error.message })}</p>
      ) : (
        <>
          <div className="data-table__scroll">
            <table data-testid="audit-table">
              <thead>
                <tr>
                  <th>{t('admin.audit.at')}</th>
                  <th>{t('admin.audit.actor')}</th>
                  <th>{t('admin.audit.action')}</th>
                  <th>{t('admin.audit.target')}</th>
                  <th>{t('admin.audit.summary')}</th>
                  <th>{t('admin.audit.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((row) => (
                  <tr key={row.id} data-action={row.action}>
                    <td className="nowrap">
                      {formatDate(row.at)} {formatClock(row.at)}
                    </td>
                    <td>{row.actor}</td>
                    <td>
                      <code>{row.action}</code>
                    </td>
                    <td>{row.target ?? '—'}</td>
                    <td className="audit-summary">{row.summary}</td>
                    <td>{row.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {audit.data.items.length === 0 && <p className="muted data-table__empty">{t('admin.none')}</p>}
          </div>
          <div className="pager">
            <button
              type="button"
              className="button button--ghost"
              disabled={cursors.length <= 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              {t('admin.audit.newer')}
            </button>
            <span>{cursors.length}</span>
            <button
              type="button"
              className="button button--ghost"
              disabled={audit.data.nextBefore === null}
              onClick={() => setCursors([...cursors, audit.data.nextBefore])}
            >
              {t('admin.audit.older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
