import '../setup';
import type { ParkingLotListOptions, ParkingSnapshot } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatDistance, formatPercent } from '../../../lib/format';
import { parkingSnapshotQuery } from '../api/parking.api';
import { useParkingUi } from '../store';
import { freeAt, lotsByIds } from '../transform';
import { sourceOf, statusOf } from './common';

/** The `parking.lot-list` panel type: the busiest lots (with the nearest outside a region without lots) or the scenic ones. */
export default function LotListPanelType({
  options,
  scope,
}: PanelProps<z.infer<typeof ParkingLotListOptions>>) {
  const { t } = useTranslation();
  const snapshot = useQuery(parkingSnapshotQuery(scope.regionCode)).data;
  return options.list === 'busiest' ? (
    <LotListPanel
      snapshot={snapshot}
      title={t('parking.busiest')}
      ids={snapshot?.topLotIds ?? []}
      limit={options.limit}
      testId="busiest-lots"
      emptyText={t('parking.noLots')}
      showNearest
    />
  ) : (
    <LotListPanel
      snapshot={snapshot}
      title={t('parking.scenic')}
      ids={snapshot?.scenicLotIds ?? []}
      limit={options.limit}
      testId="scenic-lots"
      emptyText={t('parking.noScenic')}
    />
  );
}

/** A list of lots (busiest, or scenic): occupancy bar, free now, free in 30 min. A row opens the lot. */
export function LotListPanel({
  snapshot,
  title,
  ids,
  limit,
  testId,
  emptyText,
  showNearest = false,
}: {
  snapshot: ParkingSnapshot | undefined;
  title: string;
  ids: readonly string[];
  limit: number;
  testId: string;
  /** What an empty list means here (e.g. 本区域无景区停车场). */
  emptyText: string;
  /** In a region without lots, list the nearest lots outside it with their distance instead. */
  showNearest?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const select = useParkingUi((s) => s.selectLot);
  const selected = useParkingUi((s) => s.selectedLotId);
  const lots = lotsByIds(snapshot?.lots ?? [], ids).slice(0, limit);
  return (
    <Panel
      title={title}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={snapshot?.dataTime ?? undefined}
      status={statusOf(snapshot)}
      className="parking-list"
    >
      {!snapshot ? (
        <Loading />
      ) : lots.length === 0 ? (
        <>
          <p className="muted">{emptyText}</p>
          {showNearest && snapshot.nearestLots && snapshot.nearestLots.length > 0 && (
            <>
              <div className="chart-caption">{t('parking.nearest')}</div>
              <ol className="lot-list" data-testid="nearest-lots">
                {snapshot.nearestLots.map((l) => (
                  <li key={l.lotId} className="lot-row lot-row--near" data-lot={l.lotId}>
                    <span className="lot-row__name">{l.name}</span>
                    <span className="lot-row__rate">{formatDistance(l.distanceM, i18n.language)}</span>
                    <span className="lot-row__free">
                      {l.berthFree}
                      <small> / {l.berthTotal}</small>
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      ) : (
        <>
          <div className="lot-list__head" aria-hidden="true">
            <span />
            <span>{t('parking.occupancy')}</span>
            <span />
            <span>{t('parking.freeSoon')}</span>
          </div>
          <ol className="lot-list" data-testid={testId}>
            {lots.map((l) => {
              const f30 = freeAt(l, 30);
              return (
                <li key={l.lotId}>
                  <button
                    type="button"
                    className={`lot-row lot-row--${l.level}${selected === l.lotId ? ' is-selected' : ''}`}
                    data-lot={l.lotId}
                    onClick={() => select(l.lotId)}
                  >
                    <span className="lot-row__name">
                      {l.name}
                      {l.sensorSilent && <span className="lot-row__flag">{t('parking.sensorSilent')}</span>}
                    </span>
                    <span className="lot-row__bar" aria-hidden="true">
                      <span style={{ width: `${Math.round((l.occupancyRate ?? 0) * 100)}%` }} />
                    </span>
                    <span className="lot-row__rate">{formatPercent(l.occupancyRate ?? 0)}</span>
                    <span className="lot-row__free">
                      {l.berthFree}
                      <small> → {f30 ?? '—'}</small>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Panel>
  );
}
