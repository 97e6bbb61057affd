import type { ForecastPoint } from './trend';

/**
 * The forecast a snapshot carries for an indicator, if any. Today only the parking snapshot has one (the region's
 * occupancy, +15/+30/+60 min with its band, in `occupancy.forecast`); other indicators have none.
 */
export function forecastOf(snapshot: unknown, indicatorId: string): ForecastPoint[] {
  if (indicatorId !== 'parking.occupancyRate' || !snapshot || typeof snapshot !== 'object') return [];
  const occupancy = (snapshot as { occupancy?: { forecast?: unknown } }).occupancy;
  if (!occupancy || !Array.isArray(occupancy.forecast)) return [];
  return (occupancy.forecast as { at: string; rate: number; lower: number; upper: number }[]).map((p) => ({
    at: p.at,
    value: p.rate,
    lower: p.lower,
    upper: p.upper,
  }));
}
