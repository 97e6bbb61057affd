import { create } from 'zustand';
import type { Canvas, ScreenProfile } from '../app/screen';
import type { LiveState } from '../lib/live';
import type { ContextGroup } from '../map/contextGroups';

/** UI state only: server data lives in TanStack Query. */
type UiState = {
  profile: ScreenProfile;
  canvas: Canvas;
  hoveredRegionCode: string | null;
  /** The region whose geometry the map has drawn; until it is the current one the map shows loading. */
  mapShownRegion: string | null;
  setMapShownRegion: (code: string | null) => void;
  liveState: LiveState;
  setLiveState: (state: LiveState) => void;
  /** While set, the next click on the map picks a point (e.g. a destination) instead of drilling down. */
  mapPick: ((lonLat: [number, number]) => void) | null;
  setMapPick: (pick: ((lonLat: [number, number]) => void) | null) => void;
  setScreen: (profile: ScreenProfile, canvas: Canvas) => void;
  setHoveredRegion: (code: string | null) => void;
  /** Context layers of the map switched off (the map-layers panel). */
  hiddenMapGroups: ContextGroup[];
  toggleMapGroup: (group: ContextGroup) => void;
};

export const useUi = create<UiState>()((set) => ({
  profile: 'desk',
  canvas: { width: 3840, height: 2160 },
  hoveredRegionCode: null,
  mapShownRegion: null,
  setMapShownRegion: (mapShownRegion) => set({ mapShownRegion }),
  liveState: 'connecting',
  setLiveState: (liveState) => set({ liveState }),
  mapPick: null,
  setMapPick: (mapPick) => set({ mapPick }),
  setScreen: (profile, canvas) => set({ profile, canvas }),
  setHoveredRegion: (code) => set({ hoveredRegionCode: code }),
  hiddenMapGroups: [],
  toggleMapGroup: (group) =>
    set((s) => ({
      hiddenMapGroups: s.hiddenMapGroups.includes(group)
        ? s.hiddenMapGroups.filter((g) => g !== group)
        : [...s.hiddenMapGroups, group],
    })),
}));
