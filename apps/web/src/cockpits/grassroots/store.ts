import type { GrassrootsEventType } from '@cockpit/contracts';
import { create } from 'zustand';
import type { HeatWindow } from './transform';

/** UI state of the grassroots cockpit only: the heat window of the event map and the types hidden. */
export const useGrassrootsUi = create<{
  window: HeatWindow;
  hidden: ReadonlySet<GrassrootsEventType>;
  setWindow: (window: HeatWindow) => void;
  toggle: (type: GrassrootsEventType) => void;
  reset: () => void;
}>((set) => ({
  window: '7d',
  hidden: new Set(),
  setWindow: (window) => set({ window }),
  toggle: (type) =>
    set((s) => {
      const hidden = new Set(s.hidden);
      if (hidden.has(type)) hidden.delete(type);
      else hidden.add(type);
      return { hidden };
    }),
  reset: () => set({ window: '7d', hidden: new Set() }),
}));
