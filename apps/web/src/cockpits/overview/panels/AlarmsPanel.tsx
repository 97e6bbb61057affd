import type { OverviewSnapshot } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { FreshnessBadge, Panel } from '../../../components/Panel';
import { formatClock } from '../../../lib/format';

/** Alarms of the region, and the state of every department system feeding it. */
export function AlarmsPanel({ snapshot }: { snapshot: OverviewSnapshot | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const alarms = snapshot?.alarms ?? [];
  return (
    <Panel title={t('overview.alarms')} source="BFF" at={snapshot?.generatedAt}>
      {alarms.length === 0 ? (
        <p className="muted">{t('overview.noAlarms')}</p>
      ) : (
        <ul className="alarms">
          {alarms.map((a) => (
            <li key={a.id} className={`alarm alarm--${a.severity}`}>
              {lang === 'en' ? a.title.en : a.title.zh}
            </li>
          ))}
        </ul>
      )}
      <ul className="sources" data-testid="sources">
        {snapshot?.sources.map((s) => (
          <li key={s.system} data-system={s.system} data-status={s.status}>
            <span>{lang === 'en' ? s.name.en : s.name.zh}</span>
            <FreshnessBadge status={s.status} />
            {s.status !== 'ok' && s.lastGoodAt && (
              <span className="muted">
                {t('panel.lastGood')} {formatClock(s.lastGoodAt)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
