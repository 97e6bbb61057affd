import type { TraumaNearestOptions } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { useSource, useTraumaSnapshot } from './common';
import { type NearestRow, nearestView } from './views';

/** trauma.nearest: a village's nearest 120 stations and receiving hospitals, by drive time (approximate). */
export default function NearestPanel({ options, scope }: PanelProps<z.infer<typeof TraumaNearestOptions>>) {
  const { t } = useTranslation();
  const { snapshot } = useTraumaSnapshot(scope.regionCode);
  const src = useSource(snapshot);
  const view = nearestView(snapshot, options);
  const rows = (title: string, list: NearestRow[], testId: string) => (
    <>
      <h3 className="trauma-subtitle">{title}</h3>
      <table className="board" data-testid={testId}>
        <tbody>
          {list.map((r) => (
            <tr key={r.id} data-facility={r.id}>
              <td>{r.name}</td>
              <td>{r.minutes === null ? t('trauma.unreachable') : `${r.minutes} ${t('trauma.minutes')}`}</td>
              <td className="muted">
                {r.km} {t('trauma.km')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
  return (
    <Panel title={t('trauma.nearest')} source={src.source} sources={src.sources} className="panel--compact">
      {view.state === 'loading' ? (
        <Loading />
      ) : view.state === 'not-village' ? (
        <p className="muted">{t('trauma.nearestNotVillage')}</p>
      ) : (
        <>
          {rows(t('trauma.nearestStations'), view.stations, 'nearest-stations')}
          {rows(t('trauma.nearestHospitals'), view.hospitals, 'nearest-hospitals')}
          <p className="muted trauma-note">{t('trauma.nearestNote')}</p>
        </>
      )}
    </Panel>
  );
}
