import type { StoredAlarm } from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { healthQuery } from '../app/health.api';
import { Forbidden } from '../auth/Forbidden';
import { LanguageButton } from '../auth/LanguageButton';
import { can, homePath } from '../auth/redirect';
import { useSessionUser } from '../auth/session.api';
import { UserMenu } from '../auth/UserMenu';
import { ApiRequestError } from '../lib/api';
import { formatClock, formatDate } from '../lib/format';
import {
  type AlarmFilters,
  ackAlarm,
  alarmDetailQuery,
  createSilence,
  deadLettersQuery,
  departmentsListQuery,
  dispatchAlarm,
  endSilence,
  reportPath,
  reportQuery,
  resolveAlarm,
  screensQuery,
  silencesQuery,
  storedAlarmsQuery,
} from './alerts.api';
import { alarmStateCounts, beijingDate } from './ops-transform';
import { useLiveAlarmLists } from './useLiveAlarmLists';
import '../admin/admin.css';
import './alerts.css';
import './i18n';
import './ops-i18n';

const when = (at: string | null | undefined) => (at ? `${formatDate(at)} ${formatClock(at)}` : '—');

const TABS = [
  { path: 'alarms', permission: 'ops:view' },
  { path: 'systems', permission: 'ops:view' },
  { path: 'silences', permission: 'ops:view' },
  { path: 'screens', permission: 'ops:view' },
  { path: 'deadLetters', permission: 'user:admin' },
  { path: 'report', permission: 'ops:view' },
] as const;

/** `/ops/*`: the inspection desk (运维巡检). Touch-friendly: every control is at least 44 px. */
export default function OpsPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { search } = useLocation();
  if (!user) return null;
  const allowed = TABS.filter((tab) => can(user, tab.permission));
  if (allowed.length === 0) return <Forbidden reason="permission" />;
  const element = (path: (typeof TABS)[number]['path']): ReactNode => {
    switch (path) {
      case 'alarms':
        return <AlarmsTab />;
      case 'systems':
        return <SystemsTab />;
      case 'silences':
        return <SilencesTab />;
      case 'screens':
        return <ScreensTab />;
      case 'deadLetters':
        return <DeadLettersTab />;
      case 'report':
        return <ReportTab />;
    }
  };
  return (
    <div className="admin" data-testid="ops">
      <header className="header admin__header">
        <div className="header__brand">
          <h1 className="header__title">{t('alerts.ops.title')}</h1>
          <span className="header__subtitle">{t('app.title')}</span>
        </div>
        <nav className="admin__tabs" aria-label={t('alerts.ops.title')}>
          {allowed.map((tab) => (
            <NavLink
              key={tab.path}
              to={`/ops/${tab.path}${search}`}
              className="admin__tab"
              data-testid={`ops-tab-${tab.path}`}
            >
              {t(`alerts.ops.tabs.${tab.path}`)}
            </NavLink>
          ))}
        </nav>
        <div className="header__right">
          <Link className="button button--ghost" to={homePath(user, search)}>
            {t('alerts.policy.back')}
          </Link>
          <UserMenu />
          <LanguageButton />
        </div>
      </header>
      <main className="admin__main">
        <Routes>
          <Route index element={<Navigate to={`${allowed[0]!.path}${search}`} replace />} />
          {TABS.map((tab) => (
            <Route
              key={tab.path}
              path={tab.path}
              element={can(user, tab.permission) ? element(tab.path) : <Forbidden reason="permission" />}
            />
          ))}
          <Route path="*" element={<Navigate to={allowed[0]!.path} replace />} />
        </Routes>
      </main>
    </div>
  );
}

function Busy() {
  const { t } = useTranslation();
  return (
    <p className="muted" aria-busy="true">
      {t('alerts.ops.loading')}
    </p>
  );
}

function errorText(err: unknown) {
  return err instanceof ApiRequestError ? err.message : String(err);
}

// ---- alarms ------------------------------------------------------------------------------------------

function AlarmsTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AlarmFilters>({});
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery(storedAlarmsQuery(filters));
  // The list and the open detail follow the live topic of the user's scope (a slow poll is the fallback).
  useLiveAlarmLists();
  const set = (k: keyof AlarmFilters, v: string) => setFilters((f) => ({ ...f, [k]: v || undefined }));
  const counts = list.data ? alarmStateCounts(list.data.items) : null;
  return (
    <section className="admin-section" data-testid="ops-alarms">
      <div className="alerts-filters">
        <label>
          {t('ops.alarm.state')}
          <select
            value={filters.state ?? ''}
            onChange={(e) => set('state', e.target.value)}
            data-testid="filter-state"
          >
            <option value="">{t('ops.all')}</option>
            {(['firing', 'acknowledged', 'dispatched', 'resolved'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`ops.states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ops.alarm.severity')}
          <select value={filters.severity ?? ''} onChange={(e) => set('severity', e.target.value)}>
            <option value="">{t('ops.all')}</option>
            {(['critical', 'warning', 'info'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`alerts.severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ops.alarm.source')}
          <input
            value={filters.source ?? ''}
            onChange={(e) => set('source', e.target.value)}
            placeholder="env-monitor"
          />
        </label>
        {counts && (
          <span className="muted" data-testid="alarm-counts">
            {(['firing', 'acknowledged', 'dispatched', 'resolved'] as const)
              .map((s) => `${t(`ops.states.${s}`)} ${counts[s]} 条`)
              .join(' · ')}
          </span>
        )}
      </div>
      {!list.data ? (
        list.error ? (
          <p role="alert">{errorText(list.error)}</p>
        ) : (
          <Busy />
        )
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('ops.alarm.none')}</p>
      ) : (
        <table className="alerts-table" data-testid="ops-alarm-list">
          <thead>
            <tr>
              <th>{t('ops.alarm.summary')}</th>
              <th>{t('ops.alarm.severity')}</th>
              <th>{t('ops.alarm.state')}</th>
              <th>{t('ops.alarm.source')}</th>
              <th>{t('ops.alarm.firstFiredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((a) => (
              <tr
                key={a.id}
                data-severity={a.severity}
                data-state={a.state}
                data-alarm-id={a.id}
                data-rule={a.ruleId}
                onClick={() => setSelected(a.id)}
                aria-selected={selected === a.id}
              >
                <td>
                  <button type="button" className="button button--ghost" onClick={() => setSelected(a.id)}>
                    {a.summary}
                  </button>
                  {a.fireCount > 1 && <span className="muted"> ×{a.fireCount}</span>}
                </td>
                <td>{t(`alerts.severity.${a.severity}`)}</td>
                <td>{t(`ops.states.${a.state}`)}</td>
                <td>{a.source}</td>
                <td>{when(a.firstFiredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <AlarmDetailView id={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}

export function AlarmDetailView({ id, onClose }: { id: string; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const detail = useQuery(alarmDetailQuery(id));
  const departments = useQuery(departmentsListQuery());
  const [departmentId, setDepartmentId] = useState('');
  const [note, setNote] = useState('');
  const [cause, setCause] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await queryClient.invalidateQueries({ queryKey: ['alarms'] });
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (!detail.data) return detail.error ? <p role="alert">{errorText(detail.error)}</p> : <Busy />;
  const a: StoredAlarm = detail.data;
  const open = a.state !== 'resolved';
  const deptName = (id: string | null) => {
    const d = departments.data?.items.find((x) => x.id === id);
    return d ? (i18n.language === 'en' ? d.name.en : d.name.zh) : (id ?? '—');
  };
  return (
    <section className="admin-section" data-testid="alarm-detail" data-state={a.state}>
      <h2>
        {a.summary} <span className="muted">({t(`ops.states.${a.state}`)})</span>
      </h2>
      <p className="muted">
        {t('ops.alarm.rule')} {a.ruleId} · {a.regionCode} · {a.source}
        {a.acknowledgedBy && ` · ${t('ops.alarm.ackBy')} ${a.acknowledgedBy}`}
        {a.departmentId && ` · ${t('ops.alarm.dispatchedTo')} ${deptName(a.departmentId)}`}
        {a.cause && ` · ${t('ops.alarm.cause')} ${a.cause}`}
      </p>
      <ol className="alerts-timeline" data-testid="alarm-timeline">
        {detail.data.transitions.map((tr) => (
          <li key={tr.id} data-kind={tr.kind}>
            {when(tr.at)} · {t(`ops.kinds.${tr.kind}`)} · {tr.actor}
            {tr.note && ` · ${tr.note}`}
          </li>
        ))}
      </ol>
      {open && (
        <div className="alerts-row-actions">
          {a.state === 'firing' && can(user, 'alarm:ack') && (
            <button
              type="button"
              className="button"
              data-testid="alarm-ack"
              onClick={() => void run(() => ackAlarm(a.id))}
            >
              {t('ops.alarm.ack')}
            </button>
          )}
          {can(user, 'alarm:dispatch') && a.state !== 'dispatched' && (
            <form
              className="alerts-filters"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void run(() => dispatchAlarm(a.id, departmentId, note));
              }}
            >
              <label>
                {t('ops.alarm.department')}
                <select
                  value={departmentId}
                  onChange={(e) => setDepartmentId(e.target.value)}
                  required
                  data-testid="dispatch-department"
                >
                  <option value="" />
                  {departments.data?.items.map((d) => (
                    <option key={d.id} value={d.id}>
                      {i18n.language === 'en' ? d.name.en : d.name.zh}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('ops.alarm.note')}
                <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="dispatch-note" />
              </label>
              <button type="submit" className="button" data-testid="alarm-dispatch">
                {t('ops.alarm.dispatch')}
              </button>
            </form>
          )}
          {can(user, 'alarm:dispatch') && (
            <form
              className="alerts-filters"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void run(() => resolveAlarm(a.id, cause));
              }}
            >
              <label>
                {t('ops.alarm.cause')}
                <input
                  value={cause}
                  onChange={(e) => setCause(e.target.value)}
                  required
                  data-testid="resolve-cause"
                />
              </label>
              <button type="submit" className="button" data-testid="alarm-resolve">
                {t('ops.alarm.resolve')}
              </button>
            </form>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {onClose && (
        <div>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('ops.close')}
          </button>
        </div>
      )}
    </section>
  );
}

// ---- systems -----------------------------------------------------------------------------------------

function SystemsTab() {
  const { t } = useTranslation();
  const health = useQuery(healthQuery());
  if (!health.data) return <Busy />;
  return (
    <section className="admin-section" data-testid="ops-systems">
      <p>
        {t('ops.system.bff')} {health.data.version} · {t(`ops.system.status.${health.data.status}`)} ·{' '}
        {t('ops.system.uptime', { minutes: Math.round(health.data.uptimeSeconds / 60) })}
      </p>
      <table className="alerts-table">
        <thead>
          <tr>
            <th>{t('ops.system.name')}</th>
            <th>{t('ops.system.breaker')}</th>
            <th>{t('ops.system.errorRate')}</th>
            <th>{t('ops.system.dropped')}</th>
            <th>{t('ops.system.lastSuccess')}</th>
          </tr>
        </thead>
        <tbody>
          {health.data.upstreams.map((u) => (
            <tr
              key={u.system}
              data-severity={u.breaker === 'closed' ? undefined : 'critical'}
              data-system={u.system}
            >
              <td>
                {u.system}
                {u.simulated && <span className="muted"> · {t('panel.simulated')}</span>}
              </td>
              <td>{u.breaker}</td>
              <td>{(u.errorRate * 100).toFixed(1)}%</td>
              <td>{u.droppedRecords} 条</td>
              <td>{when(u.lastSuccessAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('ops.system.historyNote')}</p>
    </section>
  );
}

// ---- silences ----------------------------------------------------------------------------------------

function SilencesTab() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const silences = useQuery(silencesQuery());
  const [draft, setDraft] = useState({ ruleId: '', regionCode: '', source: '', reason: '', hours: '2' });
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await createSilence({
        ruleId: draft.ruleId.trim() || null,
        regionCode: draft.regionCode.trim() || null,
        source: draft.source.trim() || null,
        reason: draft.reason,
        endsAt: new Date(Date.now() + Number(draft.hours) * 3600_000).toISOString(),
      });
      await queryClient.invalidateQueries({ queryKey: ['ops', 'silences'] });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const now = Date.now();
  return (
    <section className="admin-section" data-testid="ops-silences">
      {can(user, 'alarm:rule:edit') && (
        <form className="alerts-form" onSubmit={(e) => void submit(e)}>
          {(['ruleId', 'regionCode', 'source', 'reason'] as const).map((k) => (
            <label key={k}>
              {t(`ops.silence.${k}`)}
              <input
                value={draft[k]}
                required={k === 'reason'}
                onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
              />
            </label>
          ))}
          <label>
            {t('ops.silence.hours')}
            <input
              inputMode="decimal"
              value={draft.hours}
              onChange={(e) => setDraft((d) => ({ ...d, hours: e.target.value }))}
            />
          </label>
          <button type="submit" className="button">
            {t('ops.silence.create')}
          </button>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
        </form>
      )}
      {!silences.data ? (
        <Busy />
      ) : silences.data.items.length === 0 ? (
        <p className="muted">{t('ops.silence.none')}</p>
      ) : (
        <table className="alerts-table">
          <thead>
            <tr>
              <th>{t('ops.silence.reason')}</th>
              <th>{t('ops.silence.match')}</th>
              <th>{t('ops.silence.author')}</th>
              <th>{t('ops.silence.window')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {silences.data.items.map((s) => (
              <tr key={s.id}>
                <td>{s.reason}</td>
                <td>{[s.ruleId, s.regionCode, s.source].filter(Boolean).join(' · ') || t('ops.all')}</td>
                <td>{s.createdBy}</td>
                <td>
                  {when(s.startsAt)} – {when(s.endsAt)}
                </td>
                <td>
                  {Date.parse(s.endsAt) > now && can(user, 'alarm:rule:edit') && (
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() =>
                        void endSilence(s.id).then(() =>
                          queryClient.invalidateQueries({ queryKey: ['ops', 'silences'] }),
                        )
                      }
                    >
                      {t('ops.silence.end')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// ---- screens -----------------------------------------------------------------------------------------

function ScreensTab() {
  const { t } = useTranslation();
  const screens = useQuery(screensQuery());
  if (!screens.data) return screens.error ? <p role="alert">{errorText(screens.error)}</p> : <Busy />;
  if (screens.data.items.length === 0) return <p className="muted">{t('alerts.ops.screens.none')}</p>;
  return (
    <table className="alerts-table" data-testid="ops-screens">
      <thead>
        <tr>
          <th>{t('alerts.ops.screens.name')}</th>
          <th>{t('alerts.ops.screens.lastBeat')}</th>
          <th>{t('alerts.ops.screens.version')}</th>
          <th>{t('alerts.ops.screens.heap')}</th>
          <th>{t('alerts.ops.screens.fps')}</th>
          <th>{t('alerts.ops.screens.errors')}</th>
        </tr>
      </thead>
      <tbody>
        {screens.data.items.map((s) => (
          <tr key={s.deviceId} data-state={s.silent ? 'silent' : 'ok'}>
            <td>
              {s.name} · {s.silent ? t('alerts.ops.screens.silent') : t('alerts.ops.screens.ok')}
            </td>
            <td>
              {s.lastHeartbeatAt ? when(s.lastHeartbeatAt) : t('alerts.ops.screens.never')}
              {s.silentSeconds !== null && ` (${s.silentSeconds} 秒前)`}
            </td>
            <td>{s.version ?? '—'}</td>
            <td>{s.heapUsedBytes !== null ? `${(s.heapUsedBytes / 1048576).toFixed(0)} MB` : '—'}</td>
            <td>{s.framesPerSecond !== null ? `${s.framesPerSecond} fps` : '—'}</td>
            <td>
              {s.errorCount ?? '—'}
              {s.lastError && <span className="muted"> · {s.lastError}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---- dead letters ------------------------------------------------------------------------------------

function DeadLettersTab() {
  const { t } = useTranslation();
  const dead = useQuery(deadLettersQuery());
  if (!dead.data) return dead.error ? <p role="alert">{errorText(dead.error)}</p> : <Busy />;
  if (dead.data.items.length === 0) return <p className="muted">{t('alerts.ops.deadLetters.none')}</p>;
  return (
    <table className="alerts-table" data-testid="ops-dead-letters">
      <thead>
        <tr>
          <th>{t('alerts.ops.deadLetters.url')}</th>
          <th>{t('alerts.ops.deadLetters.attempts')}</th>
          <th>{t('alerts.ops.deadLetters.error')}</th>
          <th>{t('alerts.ops.deadLetters.at')}</th>
        </tr>
      </thead>
      <tbody>
        {dead.data.items.map((d) => (
          <tr key={d.id} data-severity="critical">
            <td>{d.url}</td>
            <td>{d.attempts}</td>
            <td>
              {d.lastStatus !== null && `HTTP ${d.lastStatus} · `}
              {d.lastError}
            </td>
            <td>{when(d.deadAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---- daily report ------------------------------------------------------------------------------------

function ReportTab() {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => beijingDate(new Date()));
  const report = useQuery(reportQuery(date));
  return (
    <section className="admin-section" data-testid="ops-report">
      <div className="alerts-filters">
        <label>
          {t('ops.report.date')}
          <input
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="report-date"
          />
        </label>
        <a className="button button--ghost" href={reportPath(date, 'csv')} data-testid="report-csv">
          CSV
        </a>
        <a
          className="button button--ghost"
          href={reportPath(date, 'html')}
          target="_blank"
          rel="noreferrer"
          data-testid="report-html"
        >
          HTML
        </a>
      </div>
      {!report.data ? (
        report.error ? (
          <p role="alert">{errorText(report.error)}</p>
        ) : (
          <Busy />
        )
      ) : (
        <>
          <h2>{t('ops.report.systems')}</h2>
          <table className="alerts-table">
            <tbody>
              {report.data.systems.map((s) => (
                <tr key={s.system}>
                  <td>{s.system}</td>
                  <td>
                    {s.availability === null ? '—' : `${(s.availability * 100).toFixed(1)}%`} ({s.probes}{' '}
                    {t('ops.report.probes')})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('ops.report.quality')}</h2>
          <table className="alerts-table">
            <tbody>
              {report.data.dataQuality.map((q) => (
                <tr key={`${q.departmentId}|${q.source}`}>
                  <td>{q.departmentId}</td>
                  <td>{q.source}</td>
                  <td>{q.findings} 条</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('ops.report.alarms')}</h2>
          {report.data.alarms.length === 0 ? (
            <p className="muted">{t('ops.alarm.none')}</p>
          ) : (
            <table className="alerts-table" data-testid="report-alarms">
              <tbody>
                {report.data.alarms.map((a) => (
                  <tr key={a.id} data-severity={a.severity} data-alarm-id={a.id}>
                    <td>{a.summary}</td>
                    <td>{t(`ops.states.${a.state}`)}</td>
                    <td>
                      {t('ops.report.tta')}{' '}
                      {a.secondsToAcknowledge === null
                        ? '—'
                        : `${Math.round(a.secondsToAcknowledge / 60)} 分钟`}
                    </td>
                    <td>
                      {t('ops.report.ttr')}{' '}
                      {a.secondsToResolve === null ? '—' : `${Math.round(a.secondsToResolve / 60)} 分钟`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
