import type { Alarm, OverviewSnapshot } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { FreshnessBadge, Loading, Panel } from '../../../components/Panel';
import { durationParts, formatClock } from '../../../lib/format';
import { panelFreshness } from '../../../lib/indicator-format';

/**
 * Every cockpit's alarms for the region (rolled up by the BFF: severity, cockpit or system, how long) and the
 * state of every department system feeding it. "No alarms" only once every cockpit has reported.
 */
export function AlarmsPanel({ snapshot }: { snapshot: OverviewSnapshot | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const alarms = snapshot?.alarms ?? [];
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
      title={t('overview.alarms')}
      sources={snapshot?.sources}
      at={snapshot?.generatedAt}
      className="panel--alarms"
    >
      {!snapshot ? (
        <Loading />
      ) : (
        <>
          {alarms.length === 0 && pending.length === 0 && <p className="muted">{t('overview.noAlarms')}</p>}
          {alarms.length > 0 && (
            <ul className="alarms" data-testid="alarms">
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
      <ul className="sources" data-testid="sources">
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
    </Panel>
  );
}
