/** [west, south, east, north] in degrees (WGS84 lon/lat). */
export type BBox = [number, number, number, number];
export type LonLat = [number, number];

/** True when the point lies inside or on the edge of the box. */
export function bboxContains(bbox: BBox, [lon, lat]: LonLat): boolean {
  const [west, south, east, north] = bbox;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}
