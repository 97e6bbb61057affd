import { z } from 'zod';
import type { LonLat } from './region';

/** The text form of a point in a query string: "lon,lat" in decimal degrees (spaces around either allowed). */
export const LON_LAT_PATTERN = /^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/;

/**
 * The one parser of "lon,lat" texts (query parameters of guidance, routing, …): [lon, lat], or undefined
 * when the text is not two decimal numbers separated by a comma, or when the longitude is outside
 * [-180, 180] or the latitude outside [-90, 90].
 */
export function parseLonLat(text: string): LonLat | undefined {
  if (typeof text !== 'string' || !LON_LAT_PATTERN.test(text)) return undefined;
  const [lon, lat] = text.split(',').map((s) => Number(s.trim())) as [number, number];
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return undefined;
  return [lon, lat];
}

/** The inverse: "lon,lat" with `digits` decimals (6 ≈ 0.1 m). */
export function formatLonLat(p: readonly [number, number], digits = 6): string {
  return `${p[0].toFixed(digits)},${p[1].toFixed(digits)}`;
}

/** A "lon,lat" query parameter, validated by `parseLonLat` (the pattern appears in the OpenAPI document). */
export const LonLatText = z
  .string()
  .regex(LON_LAT_PATTERN, 'expected "lon,lat" in decimal degrees')
  .refine(
    (text) => parseLonLat(text) !== undefined,
    'longitude must lie in [-180, 180] and latitude in [-90, 90]',
  )
  .meta({ description: '"lon,lat" in WGS84 decimal degrees', example: '121.0415,29.1747' });
