import type { TraumaCasesOptions } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { useTraumaUi } from '../store';
import { Countdown, useSource, useTraumaSnapshot } from './common';
import { casesView } from './views';

/** trauma.cases: every active case: severity, leg, destination hospital and an ETA countdown. No patient identity. */
export default function CasesPanel({ options, scope }: PanelProps<z.infer<typeof TraumaCasesOptions>>) {
  const { t, i18n } = useTranslation();
  const { snapshot, receivedAt } = useTraumaSnapshot(scope.regionCode);
  const focusId = useTraumaUi((s) => s.focusId);
  const focus = useTraumaUi((s) => s.focus);
  const src = useSource(snapshot);
  const view = casesView(snapshot, options, focusId);
  const total = view.state === 'ready' ? view.total : 0;
  return (
    <Panel
      title={i18n.language === 'en' ? `${t('trauma.cases')} (${total})` : `${t('trauma.cases')}（${total}）`}
      {...src}
      className="trauma-cases"
    >
      {view.state === 'loading' ? (
        <Loading />
      ) : view.cases.length === 0 ? (
        <p className="muted">{t('trauma.noActive')}</p>
      ) : (
        <ul className="cases" data-testid="cases">
          {view.cases.map((c) => (
            <li key={c.incidentId}>
              <button
                type="button"
                className={`case ${c.incidentId === view.focusId ? 'case--focus' : ''}`}
                data-incident={c.incidentId}
                onClick={() => focus(c.incidentId)}
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
