import type { TraumaSnapshot } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/Panel';
import { formatPercent } from '../../../lib/format';
import { useSource } from './common';

/** Readiness of the hospitals that receive ambulances: ED load, CT, trauma team, door-to-CT. */
export function HospitalBoard({ snapshot }: { snapshot: TraumaSnapshot | undefined }) {
  const { t } = useTranslation();
  const src = useSource(snapshot);
  const rows = (snapshot?.hospitals ?? []).filter((h) => h.receivesAmbulances);
  const yes = (v: boolean) => (v ? '✓' : '✗');
  return (
    <Panel title={t('trauma.hospitals')} {...src} className="panel--compact">
      <table className="board" data-testid="hospital-board">
        <thead>
          <tr>
            <th />
            <th>{t('trauma.edLoad')}</th>
            <th>{t('trauma.ct')}</th>
            <th>{t('trauma.team')}</th>
            <th>{t('trauma.doorToCt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.hospitalId} data-hospital={h.hospitalId} data-readiness={h.readiness}>
              <td>
                <span className={`readiness readiness--${h.readiness}`}>
                  {t(`trauma.readiness.${h.readiness}`)}
                </span>{' '}
                {h.name}
              </td>
              <td>{h.edLoad === null ? '—' : formatPercent(h.edLoad)}</td>
              <td>{h.capabilities.ct ? yes(h.ctAvailable) : '—'}</td>
              <td>{h.capabilities.traumaCenter ? yes(h.traumaTeamReady) : '—'}</td>
              <td>{h.doorToCtMinutes === null ? '—' : `${h.doorToCtMinutes} ${t('trauma.minutes')}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
