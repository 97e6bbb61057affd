import {
  applyPersonalView,
  type EffectiveLayout,
  PersonalLayoutView,
  type PersonalViewChoice,
  type ProfileId,
} from '@cockpit/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getJson, sendJson } from '../lib/api';
import type { EffectiveLayoutState } from './useEffectiveLayout';

const viewPath = (layoutId: string, profile: ProfileId) =>
  `/api/v1/me/layout-views/${encodeURIComponent(layoutId)}?${new URLSearchParams({ profile })}`;

export const personalViewQuery = (layoutId: string, profile: ProfileId) =>
  queryOptions({
    queryKey: ['layout-view', layoutId, profile] as const,
    queryFn: ({ signal }) => getJson(viewPath(layoutId, profile), PersonalLayoutView, signal),
    staleTime: 60_000,
  });

/** Personal views (个性化) exist on tablets, for stored layouts, outside the studio's preview frame. */
export const personalViewsApply = (profile: ProfileId, state: EffectiveLayoutState) =>
  profile.startsWith('tablet') &&
  state.status === 'ready' &&
  state.source === 'api' &&
  !new URLSearchParams(window.location.search).has('studio');

export type PersonalView = {
  /** The layout as this person sees it (the published one where views do not apply). */
  state: EffectiveLayoutState;
  /** The published layout and this person's choice, when views apply here. */
  editable: { published: EffectiveLayout; choice: PersonalViewChoice; stored: boolean } | null;
  save: (choice: PersonalViewChoice) => void;
  reset: () => void;
};

/**
 * A leader's own view of the scope's layout on a tablet: hidden, reordered and pinned panels, stored per
 * user by the BFF and applied with `applyPersonalView` (panels the published layout no longer has are dropped
 * quietly). Until the stored view has arrived the screen shows loading, never the panels it may hide.
 */
export function usePersonalView(state: EffectiveLayoutState, profile: ProfileId): PersonalView {
  const queryClient = useQueryClient();
  const applies = personalViewsApply(profile, state);
  const published = state.status === 'ready' ? state.layout : null;
  const layoutId = published?.layoutId ?? '';
  const view = useQuery({ ...personalViewQuery(layoutId, profile), enabled: applies });
  const key = personalViewQuery(layoutId, profile).queryKey;

  const save = useCallback(
    (choice: PersonalViewChoice) => {
      const previous = queryClient.getQueryData(key);
      queryClient.setQueryData(key, {
        layoutId,
        profile,
        ...choice,
        updatedAt: new Date().toISOString(),
      });
      sendJson('PUT', viewPath(layoutId, profile), { profile, ...choice }, PersonalLayoutView)
        .then((stored) => queryClient.setQueryData(key, stored))
        .catch(() => queryClient.setQueryData(key, previous));
    },
    [queryClient, key, layoutId, profile],
  );
  const reset = useCallback(() => {
    queryClient.setQueryData(key, {
      layoutId,
      profile,
      hidden: [],
      order: [],
      pinned: [],
      updatedAt: null,
    });
    sendJson('DELETE', viewPath(layoutId, profile), undefined).catch(() =>
      queryClient.invalidateQueries({ queryKey: key }),
    );
  }, [queryClient, key, layoutId, profile]);

  if (!applies || !published || state.status !== 'ready') return { state, editable: null, save, reset };
  // A view that cannot be read (e.g. the BFF refuses): the published layout, without the edit mode.
  if (view.error) return { state, editable: null, save, reset };
  if (!view.data) return { state: { status: 'loading' }, editable: null, save, reset };
  const choice = { hidden: view.data.hidden, order: view.data.order, pinned: view.data.pinned };
  return {
    state: { ...state, layout: applyPersonalView(published, choice) },
    editable: { published, choice, stored: view.data.updatedAt !== null },
    save,
    reset,
  };
}

/** The choice with one panel moved one place up or down in the person's sequence of visible panels. */
export function moved(
  shown: readonly { id: string }[],
  choice: PersonalViewChoice,
  id: string,
  by: -1 | 1,
): PersonalViewChoice {
  const ids = shown.map((p) => p.id);
  const i = ids.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= ids.length) return choice;
  const order = [...ids];
  [order[i], order[j]] = [order[j] as string, order[i] as string];
  return { ...choice, order };
}
