import './i18n';
import './trauma.css';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { indicatorCatalogQuery } from '../../lib/snapshot';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import { fitPadding, getMapRuntime } from '../../map/runtime';
import { useUi } from '../../stores/ui';
import type { CockpitProps } from '../registry';
import { traumaSnapshotQuery } from './api/trauma.api';
import { focusBounds } from './layers/focus';
import { useTraumaLayers } from './layers/useTraumaLayers';
import { newSevereCases, routeBounds } from './model';
import { CasesPanel } from './panels/CasesPanel';
import { CoveragePanel } from './panels/CoveragePanel';
import { GreenChannelPanel } from './panels/GreenChannelPanel';
import { HospitalBoard } from './panels/HospitalBoard';
import { KpiPanel } from './panels/KpiPanel';
import { useTraumaUi } from './store';

/** How long a new severe case stays highlighted at the front of the wall. */
const ANNOUNCE_MS = 90_000;

/** 创伤急救快速响应: every transport under way, its hospital and its green channel, live. */
export default function TraumaCockpit({ regionCode }: CockpitProps) {
  const snapshot = useQuery(traumaSnapshotQuery(regionCode));
  const catalog = useQuery(indicatorCatalogQuery());
  useLiveSnapshot('trauma', regionCode);
  const profile = useUi((s) => s.profile);
  const { showCoverage, focusId, focusAt, focus } = useTraumaUi();
  const data = snapshot.data;
  const receivedAt = snapshot.dataUpdatedAt || Date.now();

  // A new severe case comes to the front: highlighted green-channel panel and a flight to its route.
  const known = useRef<{ regionCode: string; ids: Set<string> } | null>(null);
  const flown = useRef<string | null>(null);
  useEffect(() => {
    if (!data) return;
    // Per region: the first snapshot of a region seeds the known cases without announcing them.
    const seen = known.current?.regionCode === data.regionCode ? known.current.ids : null;
    const fresh = newSevereCases(data.transports, seen);
    known.current = {
      regionCode: data.regionCode,
      ids: new Set([...(seen ?? []), ...data.transports.map((t) => t.incidentId)]),
    };
    if (fresh[0]) focus(fresh[0].incidentId, true);
  }, [data, focus]);

  const focused = data?.transports.find((t) => t.incidentId === focusId) ?? data?.transports[0];
  const announced = Boolean(
    focused && focused.incidentId === focusId && focusAt && Date.now() - focusAt < ANNOUNCE_MS,
  );
  const flightKey =
    announced && focused
      ? `${focused.incidentId}:${focused.phase}:${focused.route ? 'route' : 'scene'}`
      : null;
  useEffect(() => {
    if (!flightKey || !focused || flown.current === flightKey) return;
    flown.current = flightKey;
    const { map } = getMapRuntime();
    // Route, ambulance and the chosen hospital all in view (not only the route).
    const bounds = data ? focusBounds(focused, data) : routeBounds(focused);
    map.fitBounds(bounds, {
      padding: fitPadding(map, profile === 'wall' ? 160 : 60),
      duration: 1200,
      maxZoom: 14,
    });
  }, [flightKey, focused, data, profile]);

  const onPick = useCallback((id: string) => focus(id), [focus]);
  useTraumaLayers({ snapshot: data, showCoverage, focusId: focused?.incidentId ?? null, profile, onPick });

  return (
    <>
      <aside className="column column--left trauma">
        <GreenChannelPanel
          snapshot={data}
          transport={focused}
          receivedAt={receivedAt}
          announced={announced}
        />
        <CasesPanel
          snapshot={data}
          receivedAt={receivedAt}
          focusId={focused?.incidentId ?? null}
          onFocus={onPick}
        />
        <HospitalBoard snapshot={data} />
      </aside>
      <aside className="column column--right trauma">
        <KpiPanel snapshot={data} catalog={catalog.data} />
        <CoveragePanel snapshot={data} />
      </aside>
    </>
  );
}
