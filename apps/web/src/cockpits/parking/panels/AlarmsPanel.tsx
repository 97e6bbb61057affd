import '../setup';
import type { ParkingAlarmsOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatClock } from '../../../lib/format';
import { parkingSnapshotQuery } from '../api/parking.api';
import { useParkingUi } from '../store';
import { loc, sourceOf, statusOf } from './common';

/** Lots over 95 % full, screens offline or out of sync, sensors silent. A lot alarm opens the lot. */
export default function AlarmsPanel({ options, scope }: PanelProps<z.infer<typeof ParkingAlarmsOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useQuery(parkingSnapshotQuery(scope.regionCode)).data;
  const LIMIT = options.limit;
  const select = useParkingUi((s) => s.selectLot);
  const alarms = snapshot?.alarms ?? [];
  const lotIds = new Set(snapshot?.lots.map((l) => l.lotId));
  return (
    <Panel
      title={`${t('parking.alarms')}${alarms.length ? ` · ${alarms.length}` : ''}`}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={snapshot?.dataTime ?? undefined}
      status={statusOf(snapshot)}
      className="parking-alarms"
    >
      {!snapshot ? (
        <Loading />
      ) : alarms.length === 0 ? (
        <p className="muted">{t('parking.noAlarms')}</p>
      ) : (
        <ul className="alarms parking-alarm-list" data-testid="parking-alarms">
          {alarms.slice(0, LIMIT).map((a) => (
            <li key={a.id} className={`alarm alarm--${a.severity}`} data-kind={a.kind}>
              {a.entityId && lotIds.has(a.entityId) ? (
                <button type="button" className="alarm__link" onClick={() => select(a.entityId)}>
                  {loc(a.title, i18n.language)}
                </button>
              ) : (
                <span>{loc(a.title, i18n.language)}</span>
              )}
              {a.since && <span className="muted"> · {formatClock(a.since)}</span>}
            </li>
          ))}
          {alarms.length > LIMIT && <li className="muted">… +{alarms.length - LIMIT}</li>}
        </ul>
      )}
    </Panel>
  );
}
