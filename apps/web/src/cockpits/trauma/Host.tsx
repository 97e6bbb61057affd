import './i18n';
import './trauma.css';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { PanelScope } from '../../layout/types';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import { fitPadding, getMapRuntime } from '../../map/runtime';
import { useUi } from '../../stores/ui';
import { traumaSnapshotQuery } from './api/trauma.api';
import { focusBounds } from './layers/focus';
import { useTraumaLayers } from './layers/useTraumaLayers';
import { newSevereCases, routeBounds } from './model';
import { focusedTransport, isAnnounced } from './panels/views';
import { useTraumaUi } from './store';

/**
 * 创伤急救快速响应, once per screen: the live subscription, the map layers (routes, ambulances, hospitals,
 * isochrones), and bringing a new severe case to the front (focus + a flight to its route). Renders no panel:
 * the panels read the same snapshot query and the focus from the theme's store.
 */
export default function TraumaHost({ regionCode }: Omit<PanelScope, 'theme'>) {
  const snapshot = useQuery(traumaSnapshotQuery(regionCode));
  useLiveSnapshot('trauma', regionCode);
  const profile = useUi((s) => s.profile);
  const { showCoverage, focusId, focusAt, focus } = useTraumaUi();
  const data = snapshot.data;

  // A new severe case comes to the front: the green channel highlights it and the map flies to its route.
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

  const focused = focusedTransport(data, focusId);
  const announced = isAnnounced(focused, { focusId, focusAt }, Date.now());
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
  return null;
}
