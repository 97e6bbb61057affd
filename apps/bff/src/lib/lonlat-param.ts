import { parseLonLat } from '@cockpit/contracts';
import type { LonLat } from '@cockpit/domain/routing';
import { HttpError } from './errors';

/** A "lon,lat" query parameter as [lon, lat] (the contracts' one parser); 400 VALIDATION naming it otherwise. */
export function lonLatParam(text: string, name: string): LonLat {
  const p = parseLonLat(text);
  if (!p) throw new HttpError(400, 'VALIDATION', `${name}: expected "lon,lat" in decimal degrees (WGS84)`);
  return p;
}
