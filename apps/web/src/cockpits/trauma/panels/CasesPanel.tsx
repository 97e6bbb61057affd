import type { TraumaSnapshot } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { Loading, Panel } from '../../../components/Panel';
import { Countdown, useSource } from './common';

type Props = {
  snapshot: TraumaSnapshot | undefined;
  receivedAt: number;
  focusId: string | null;
  onFocus: (incidentId: string) => void;
};

/** Every active case: severity, leg, destination hospital and an ETA countdown. No patient identity. */
export function CasesPanel({ snapshot, receivedAt, focusId, onFocus }: Props) {
  const { t, i18n } = useTranslation();
  const src = useSource(snapshot);
  const list = snapshot?.transports ?? [];
  return (
    <Panel
      title={
        i18n.language === 'en'
          ? `${t('trauma.cases')} (${list.length})`
          : `${t('trauma.cases')}（${list.length}）`
      }
      {...src}
      className="trauma-cases"
    >
      {!snapshot ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('trauma.noActive')}</p>
      ) : (
        <ul className="cases" data-testid="cases">
          {list.map((c) => (
            <li key={c.incidentId}>
              <button
                type="button"
                className={`case ${c.incidentId === focusId ? 'case--focus' : ''}`}
                data-incident={c.incidentId}
                onClick={() => onFocus(c.incidentId)}
              >
                <span className={`sev sev--${c.severity}`}>{t(`trauma.severity.${c.severity}`)}</span>
                <span className="case__what">
                  {t(`trauma.injury.${c.injuryType}`)} · {t(`trauma.phase.${c.phase}`)}
                </span>
                <span className="case__to">{c.hospital?.name ?? '—'}</span>
                {c.eta ? (
                  <Countdown etaSeconds={c.eta.withPreemptionS} receivedAt={receivedAt} />
                ) : (
                  <span>—</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
