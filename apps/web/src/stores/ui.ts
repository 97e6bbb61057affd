import { create } from 'zustand';
import type { Canvas, ScreenProfile } from '../app/screen';

/** UI state only: server data lives in TanStack Query. */
type UiState = {
  profile: ScreenProfile;
  canvas: Canvas;
  hoveredRegionCode: string | null;
  setScreen: (profile: ScreenProfile, canvas: Canvas) => void;
  setHoveredRegion: (code: string | null) => void;
};

export const useUi = create<UiState>()((set) => ({
  profile: 'desk',
  canvas: { width: 3840, height: 2160 },
  hoveredRegionCode: null,
  setScreen: (profile, canvas) => set({ profile, canvas }),
  setHoveredRegion: (code) => set({ hoveredRegionCode: code }),
}));
