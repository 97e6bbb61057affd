import { COUNTY_CODE } from '@cockpit/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSessionUser } from '../auth/session.api';
import { useOpenStoredAlarms } from '../panels/alarms/stored';

/**
 * Keeps the filtered alarm lists and the alarm details of the ops desk current from the live stream: they
 * follow alarms:all:<the user's scope> (every stored transition is republished there) and are fetched again
 * whenever it changes. Their own polls are only a slow fallback.
 */
export function useLiveAlarmLists(): void {
  const user = useSessionUser();
  const scope = user?.scope ?? COUNTY_CODE;
  const queryClient = useQueryClient();
  const live = useOpenStoredAlarms(scope);
  const first = useRef(true);
  const changedAt = live.dataUpdatedAt;
  useEffect(() => {
    if (!changedAt) return;
    if (first.current) {
      first.current = false;
      return;
    }
    void queryClient.invalidateQueries({ queryKey: ['alarms', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['alarms', 'detail'] });
  }, [changedAt, queryClient]);
}
