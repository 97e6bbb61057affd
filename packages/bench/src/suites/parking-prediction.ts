import type { Row } from '../harness';

/** Prediction error of free berths against the simulator's truth (filled in by the parking cockpit). */
export async function parkingPredictionSuite(): Promise<Row[]> {
  return [];
}
