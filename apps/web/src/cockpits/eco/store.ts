import type { EcoWindow } from '@cockpit/contracts';
import { create } from 'zustand';

export type EcoMapMode = 'air' | 'water' | 'noise';

/** UI state of the eco cockpit only: map mode, trend window, selected station. */
export const useEcoUi = create<{
  mode: EcoMapMode;
  window: EcoWindow;
  selected: string | null;
  setMode: (mode: EcoMapMode) => void;
  setWindow: (window: EcoWindow) => void;
  select: (code: string | null) => void;
}>((set) => ({
  mode: 'air',
  window: '24h',
  selected: null,
  setMode: (mode) => set({ mode }),
  setWindow: (window) => set({ window }),
  select: (selected) => set({ selected }),
}));
