import type { Alarm, AlarmsOptions, SourceStatus, Theme } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FreshnessBadge, Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { durationParts, formatClock } from '../../lib/format';
import { panelFreshness } from '../../lib/indicator-format';
import { StoredAlarmList } from './StoredAlarmList';
import { alarmRows } from './transform';

type Options = z.infer<typeof AlarmsOptions>;

/** What the list needs of any theme's snapshot (the overview adds which cockpits are still pending). */
export type AlarmsData = {
  alarms: Alarm[];
  sources: SourceStatus[];
  generatedAt: string;
  alarmsPending?: Theme[] | undefined;
};

const DEFAULTS: Options = { title: null, severity: 'all', limit: 20, showSources: true };

/** The `alarms` panel type: the scope's alarms from its theme's snapshot. */
export default function AlarmsPanelType({ options, scope }: PanelProps<Options>) {
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, scope.regionCode));
  return (
    <AlarmsPanel
      snapshot={snapshot.data}
      options={options}
      stored={<StoredAlarmList regionCode={scope.regionCode} limit={options.limit} />}
    />
  );
}

/**
 * Every cockpit's alarms for the region (rolled up by the BFF: severity, cockpit or system, how long) and the
 * state of every department system feeding it. "No alarms" only once every cockpit has reported.
 */
export function AlarmsPanel({
  snapshot,
  options = DEFAULTS,
  stored,
}: {
  snapshot: AlarmsData | undefined;
  options?: Options;
  /** The stored inspection alarms (with their lifecycle), shown above the snapshot's computed ones. */
  stored?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { rows: alarms, more } = alarmRows(snapshot?.alarms ?? [], options);
  const pending = snapshot?.alarmsPending ?? [];
  const sourceName = (a: Alarm) => {
    if (a.theme && a.theme !== 'overview') return t(`theme.${a.theme}`);
    const s = snapshot?.sources.find((x) => x.system === a.system);
    return s ? (lang === 'en' ? s.name.en : s.name.zh) : t('theme.overview');
  };
  const duration = (since: string | null) => {
    if (!since) return null;
    const d = durationParts(Date.parse(since), Date.now());
    if (!d) return null;
    return t('overview.alarmFor', {
      duration: d.h ? t('overview.hours', { h: d.h, m: d.m }) : t('overview.minutes', { n: d.m }),
    });
  };
  return (
    <Panel
      title={options.title ? (lang === 'en' ? options.title.en : options.title.zh) : t('overview.alarms')}
      sources={snapshot?.sources}
      at={snapshot?.generatedAt}
      className="panel--alarms"
    >
      {stored}
      {!snapshot ? (
        <Loading />
      ) : (
        <>
          {alarms.length === 0 && pending.length === 0 && <p className="muted">{t('overview.noAlarms')}</p>}
          {alarms.length > 0 && (
            <ul className="alarms" data-testid="alarms" data-scroll="list">
              {alarms.map((a) => (
                <li
                  key={a.id}
                  className={`alarm alarm--${a.severity}`}
                  data-kind={a.kind}
                  data-theme={a.theme}
                  data-severity={a.severity}
                >
                  <span className="alarm__title">{lang === 'en' ? a.title.en : a.title.zh}</span>
                  <span className="alarm__meta muted">
                    {sourceName(a)}
                    {duration(a.since) && ` · ${duration(a.since)}`}
                  </span>
                </li>
              ))}
              {more > 0 && <li className="muted">… +{more}</li>}
            </ul>
          )}
          {pending.length > 0 && (
            <p className="muted" data-testid="alarms-pending" aria-busy="true">
              {t('overview.alarmsPending', {
                themes: pending.map((p) => t(`theme.${p}`)).join(lang === 'en' ? ', ' : '、'),
              })}
            </p>
          )}
        </>
      )}
      {options.showSources && (
        <ul className="sources" data-testid="sources" data-scroll="list">
          {snapshot?.sources.map((s) => {
            const f = panelFreshness(undefined, [s]);
            return (
              <li key={s.system} data-system={s.system} data-status={s.status}>
                <span>{lang === 'en' ? s.name.en : s.name.zh}</span>
                {f && <FreshnessBadge status={f.status} down={f.down} />}
                {s.simulated && <span className="muted">{t('panel.simulated')}</span>}
                {s.status !== 'ok' && s.lastGoodAt && (
                  <span className="muted">
                    {t('panel.lastGood')} {formatClock(s.lastGoodAt)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
