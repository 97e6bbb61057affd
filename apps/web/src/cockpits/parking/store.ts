import { create } from 'zustand';
import type { LonLat } from './api/parking.api';

export type Destination = { position: LonLat; label: { zh: string; en: string }; id: string };

/** UI state of the parking cockpit: the selected lot and the chosen destination. */
type ParkingUi = {
  selectedLotId: string | null;
  destination: Destination | null;
  selectLot: (lotId: string | null) => void;
  setDestination: (d: Destination | null) => void;
};

export const useParkingUi = create<ParkingUi>()((set) => ({
  selectedLotId: null,
  destination: null,
  selectLot: (selectedLotId) => set({ selectedLotId }),
  setDestination: (destination) => set({ destination }),
}));
