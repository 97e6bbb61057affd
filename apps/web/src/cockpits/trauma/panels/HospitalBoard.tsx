import type { TraumaHospitalsOptions } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatPercent } from '../../../lib/format';
import { useSource, useTraumaSnapshot } from './common';
import { hospitalsView } from './views';

/** trauma.hospitals: readiness of the hospitals that receive ambulances: ED load, CT, trauma team, door-to-CT. */
export default function HospitalBoard({
  options,
  scope,
}: PanelProps<z.infer<typeof TraumaHospitalsOptions>>) {
  const { t } = useTranslation();
  const { snapshot } = useTraumaSnapshot(scope.regionCode);
  const src = useSource(snapshot);
  const rows = hospitalsView(snapshot, options);
  const yes = (v: boolean) => (v ? '✓' : '✗');
  return (
    <Panel title={t('trauma.hospitals')} {...src} className="panel--compact">
      {!rows ? (
        <Loading />
      ) : (
        // More hospitals than rows: the table scrolls on purpose (slowly by itself on a wall), its head kept.
        <div className="board-scroll auto-scroll" data-scroll="list" data-scroll-list="">
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
        </div>
      )}
    </Panel>
  );
}
