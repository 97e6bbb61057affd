import { create } from 'zustand';

/** UI state of the trauma cockpit only: the isochrone toggle and the case brought to the front. */
type TraumaUi = {
  showCoverage: boolean;
  toggleCoverage: () => void;
  /** The case whose green channel is in front (a new severe case, or one tapped). */
  focusId: string | null;
  /** When the focus was set by a new severe case (for the highlight), epoch ms. */
  focusAt: number | null;
  focus: (id: string | null, announced?: boolean) => void;
};

export const useTraumaUi = create<TraumaUi>()((set) => ({
  showCoverage: false,
  toggleCoverage: () => set((s) => ({ showCoverage: !s.showCoverage })),
  focusId: null,
  focusAt: null,
  focus: (id, announced = false) => set({ focusId: id, focusAt: announced ? Date.now() : null }),
}));
