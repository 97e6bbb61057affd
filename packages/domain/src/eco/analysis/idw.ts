/**
 * Inverse-distance-weighted (IDW) surface, e.g. of PM2.5 between monitoring stations.
 *
 *   v(x) = Σ wᵢ·vᵢ / Σ wᵢ,  wᵢ = 1 / dᵢ^p,  dᵢ = haversine distance in metres, p = 2 by default
 *
 * - Exact at stations: a point within `exactWithinM` (default 0.001 m) of a station takes that
 *   station's value (the mean, if several stations are that close).
 * - `radiusM` (optional): only stations within it (inclusive) contribute; a point with none → NaN.
 * - Stations with a non-finite value (offline) are ignored.
 * - IDW is a weighted mean, so every value lies between the min and max of the station values.
 *
 * Grid layout: cells of `cellSizeDeg` (one number, or [dLon, dLat]) starting at the bbox's
 * north-west corner; `cols = ⌈width / dLon⌉`, `rows = ⌈height / dLat⌉`, so the grid may extend past
 * the east / south edge (the returned `bbox` is the grid's own extent). Values are row-major,
 * row 0 = northernmost, each value taken at the cell centre.
 */
import { haversineM } from '../../routing/graph';

/** [west, south, east, north] in degrees. */
export type IdwBBox = readonly [number, number, number, number];

export interface IdwStation {
  lon: number;
  lat: number;
  value: number;
  id?: string;
}

export interface IdwOptions {
  /** Default 2. */
  power?: number;
  /** Search radius in metres; default unlimited. */
  radiusM?: number;
  /** Default 0.001 m. */
  exactWithinM?: number;
}

export interface IdwGridOptions extends IdwOptions {
  bbox: IdwBBox;
  cellSizeDeg: number | readonly [number, number];
}

export interface IdwGrid {
  /** The grid's extent [west, south, east, north] (≥ the requested bbox). */
  bbox: [number, number, number, number];
  cols: number;
  rows: number;
  cellSizeDeg: [number, number];
  /** Row-major, row 0 north; NaN where no station is within the radius. */
  values: Float32Array;
  method: string;
}

interface Prepared {
  lon: number;
  lat: number;
  value: number;
}

function prepare(fn: string, stations: readonly IdwStation[]): Prepared[] {
  const out: Prepared[] = [];
  stations.forEach((s, i) => {
    if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat) || Math.abs(s.lat) > 90) {
      throw new RangeError(`${fn}: stations[${i}] has invalid coordinates`);
    }
    if (Number.isFinite(s.value)) out.push({ lon: s.lon, lat: s.lat, value: s.value });
  });
  return out;
}

function options(fn: string, opts: IdwOptions): { power: number; radiusM: number; exact: number } {
  const power = opts.power ?? 2;
  const radiusM = opts.radiusM ?? Number.POSITIVE_INFINITY;
  const exact = opts.exactWithinM ?? 0.001;
  if (!(power > 0) || !Number.isFinite(power)) throw new RangeError(`${fn}: power must be > 0, got ${power}`);
  if (!(radiusM > 0)) throw new RangeError(`${fn}: radiusM must be > 0, got ${radiusM}`);
  if (!(exact >= 0)) throw new RangeError(`${fn}: exactWithinM must be ≥ 0, got ${exact}`);
  return { power, radiusM, exact };
}

function idwAt(
  stations: readonly Prepared[],
  lon: number,
  lat: number,
  power: number,
  radiusM: number,
  exact: number,
): number {
  let num = 0;
  let den = 0;
  let exactSum = 0;
  let exactN = 0;
  for (const s of stations) {
    const d = haversineM(lon, lat, s.lon, s.lat);
    if (d <= exact) {
      exactSum += s.value;
      exactN++;
      continue;
    }
    if (exactN > 0 || d > radiusM) continue;
    const w = power === 2 ? 1 / (d * d) : d ** -power;
    num += w * s.value;
    den += w;
  }
  if (exactN > 0) return exactSum / exactN;
  return den > 0 ? num / den : Number.NaN;
}

/** IDW value at one point (NaN when no station is within the radius, or none has a value). */
export function sampleIdw(
  stations: readonly IdwStation[],
  lon: number,
  lat: number,
  opts: IdwOptions = {},
): number {
  const fn = 'sampleIdw';
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new RangeError(`${fn}: lon/lat must be finite`);
  const o = options(fn, opts);
  return idwAt(prepare(fn, stations), lon, lat, o.power, o.radiusM, o.exact);
}

/** IDW surface over a lon/lat grid (layout in the module comment). */
export function idwGrid(stations: readonly IdwStation[], opts: IdwGridOptions): IdwGrid {
  const fn = 'idwGrid';
  const o = options(fn, opts);
  const [west, south, east, north] = opts.bbox;
  if (![west, south, east, north].every(Number.isFinite) || !(east > west) || !(north > south)) {
    throw new RangeError(`${fn}: bbox must be [west, south, east, north] with east > west and north > south`);
  }
  const [dLon, dLat] =
    typeof opts.cellSizeDeg === 'number' ? [opts.cellSizeDeg, opts.cellSizeDeg] : opts.cellSizeDeg;
  if (!(dLon > 0) || !(dLat > 0)) throw new RangeError(`${fn}: cellSizeDeg must be > 0`);
  // Float guard: 0.3 / 0.1 = 2.9999999999999996, 0.30000000000000004 / 0.1 must still give 3 columns.
  const cols = Math.max(1, Math.ceil((east - west) / dLon - 1e-9));
  const rows = Math.max(1, Math.ceil((north - south) / dLat - 1e-9));
  if (cols * rows > 4_000_000) throw new RangeError(`${fn}: ${cols}×${rows} cells is too many`);
  const prepared = prepare(fn, stations);
  const values = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const lat = north - (r + 0.5) * dLat;
    for (let c = 0; c < cols; c++) {
      const lon = west + (c + 0.5) * dLon;
      values[r * cols + c] = idwAt(prepared, lon, lat, o.power, o.radiusM, o.exact);
    }
  }
  return {
    bbox: [west, north - rows * dLat, west + cols * dLon, north],
    cols,
    rows,
    cellSizeDeg: [dLon, dLat],
    values,
    method: `IDW p=${o.power}`,
  };
}
