import './i18n';
import './parking.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../lib/api';
import { indicatorCatalogQuery } from '../../lib/snapshot';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import type { CockpitProps } from '../registry';
import { guidanceQuery, parkingSnapshotQuery } from './api/parking.api';
import { AlarmsPanel } from './panels/AlarmsPanel';
import { CurvePanel } from './panels/CurvePanel';
import { GuidancePanel } from './panels/GuidancePanel';
import { KpiPanel } from './panels/KpiPanel';
import { LotDetailPanel } from './panels/LotDetailPanel';
import { LotListPanel } from './panels/LotListPanel';
import { useParkingUi } from './store';
import { useParkingLayers } from './useParkingLayers';

/** 智慧诱导停车: the region's parking at a glance, live, and guidance to a destination. */
export default function ParkingCockpit({ level, regionCode }: CockpitProps) {
  const { t } = useTranslation();
  const snapshot = useQuery(parkingSnapshotQuery(regionCode));
  const catalog = useQuery(indicatorCatalogQuery());
  useLiveSnapshot('parking', regionCode);
  const data = snapshot.data;

  const destination = useParkingUi((s) => s.destination);
  const selectedLotId = useParkingUi((s) => s.selectedLotId);
  const selectLot = useParkingUi((s) => s.selectLot);
  const guidance = useQuery({
    ...guidanceQuery(destination?.position ?? [0, 0], null),
    enabled: destination !== null,
  });

  // A new scope starts without a selected lot; leaving the cockpit forgets the guidance too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection is reset whenever the scope changes
  useEffect(() => {
    selectLot(null);
  }, [regionCode, selectLot]);
  useEffect(
    () => () => {
      useParkingUi.getState().setDestination(null);
      useParkingUi.getState().selectLot(null);
    },
    [],
  );

  useParkingLayers({
    snapshot: data,
    guidance: destination ? guidance.data : undefined,
    destination: destination?.position ?? null,
    selectedLotId,
    onLotClick: selectLot,
  });

  const guidanceError =
    guidance.error instanceof ApiRequestError
      ? guidance.error.message
      : guidance.error
        ? String(guidance.error)
        : null;

  return (
    <>
      <aside className="column column--left parking-column" data-level={level} data-region={regionCode}>
        <KpiPanel snapshot={data} catalog={catalog.data} />
        <CurvePanel snapshot={data} />
        <LotListPanel
          snapshot={data}
          title={t('parking.busiest')}
          ids={data?.topLotIds ?? []}
          limit={5}
          testId="busiest-lots"
          emptyText={t('parking.noLots')}
          showNearest
        />
        <LotListPanel
          snapshot={data}
          title={t('parking.scenic')}
          ids={data?.scenicLotIds ?? []}
          limit={4}
          testId="scenic-lots"
          emptyText={t('parking.noScenic')}
        />
      </aside>
      <aside className="column column--right parking-column">
        <GuidancePanel
          sources={data?.sources}
          lots={data?.lots ?? []}
          guidance={destination ? guidance.data : undefined}
          loading={guidance.isFetching}
          error={guidanceError}
        />
        {selectedLotId && <LotDetailPanel lotId={selectedLotId} sources={data?.sources} />}
        <AlarmsPanel snapshot={data} />
      </aside>
    </>
  );
}
