import './setup';
import type { Level, ProfileId } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import { guidanceQuery, parkingSnapshotQuery } from './api/parking.api';
import { useParkingUi } from './store';
import { useParkingLayers } from './useParkingLayers';

/**
 * The parking cockpit's host: keeps the region's snapshot live, draws the lots, heatmap, screens and guidance
 * routes on the one map, and resets the selection when the scope changes. It renders no panel.
 */
export default function ParkingHost({
  regionCode,
}: {
  level: Level;
  regionCode: string;
  profile: ProfileId;
}) {
  const snapshot = useQuery(parkingSnapshotQuery(regionCode));
  useLiveSnapshot('parking', regionCode);
  const destination = useParkingUi((s) => s.destination);
  const selectedLotId = useParkingUi((s) => s.selectedLotId);
  const selectLot = useParkingUi((s) => s.selectLot);
  // The same query (by key) as the guidance panel's: one request.
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
    snapshot: snapshot.data,
    guidance: destination ? guidance.data : undefined,
    destination: destination?.position ?? null,
    selectedLotId,
    onLotClick: selectLot,
  });
  return null;
}
