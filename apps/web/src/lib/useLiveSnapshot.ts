import { Snapshot, type Theme } from '@cockpit/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useUi } from '../stores/ui';
import { liveMuxOf } from './live-mux';
import { snapshotKey } from './snapshot';

/**
 * Keeps the snapshot of one cockpit scope live for as long as the component is mounted, on the screen's one
 * live stream (lib/live-mux.ts).
 */
export function useLiveSnapshot(theme: Theme, regionCode: string) {
  const queryClient = useQueryClient();
  const setLiveState = useUi((s) => s.setLiveState);
  useEffect(
    () =>
      liveMuxOf(queryClient).subscribe({
        topics: [`snapshot:${theme}:${regionCode}`],
        keyOf: () => snapshotKey(theme, regionCode),
        // Every live snapshot passes the contracts' snapshot schema before it enters the cache.
        schemaOf: () => Snapshot,
        onState: setLiveState,
      }),
    [theme, regionCode, queryClient, setLiveState],
  );
}
