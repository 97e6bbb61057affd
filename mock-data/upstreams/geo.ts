/**
 * Geography for the simulator: township seats and village positions, loaded once at start-up from the geo
 * data folder (default: mock-data/geo/data, overridable). Every simulated entity is placed near a real place
 * and given the code of the nearest village position and that village's township.
 *
 * Preferred inputs: village-positions.geojson (395 points) and townships.geojson (15 polygons with a `seat`).
 * Fallback while those are not there yet: townships.csv (with approximate seats) and villages.csv (no
 * coordinates) — villages are then spread deterministically around their township seat. All positions are
 * approximate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signed, unit } from './random';

export type LonLat = readonly [number, number];

export interface Township {
  code: string;
  name: string;
  kind: string;
  seat: LonLat;
}

export interface Village {
  code: string;
  name: string;
  townCode: string;
  lon: number;
  lat: number;
}

/** A position with its administrative codes (what every simulated entity carries). */
export interface Placed {
  lon: number;
  lat: number;
  villageCode: string;
  townCode: string;
}

export interface Geo {
  dir: string;
  townships: readonly Township[];
  villages: readonly Village[];
  villageSource: 'geojson' | 'synthetic';
  township(code: string): Township;
  village(code: string): Village | undefined;
  nearestVillage(lon: number, lat: number): Village;
  place(lon: number, lat: number): Placed;
}

export const DEFAULT_GEO_DIR = fileURLToPath(new URL('../geo/data/', import.meta.url));

export const COUNTY_CODE = '331023';
const KM_PER_DEG_LAT = 110.574;
const COS_LAT = Math.cos((29.15 * Math.PI) / 180);
const KM_PER_DEG_LON = 111.32 * COS_LAT;

/** Great-circle distance in km. */
export function distanceKm(a: LonLat, b: LonLat): number {
  const r = 6371.0088;
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Initial bearing from a to b, degrees clockwise from north, 0..360. */
export function bearingDeg(a: LonLat, b: LonLat): number {
  const toRad = Math.PI / 180;
  const y = Math.sin((b[0] - a[0]) * toRad) * Math.cos(b[1] * toRad);
  const x =
    Math.cos(a[1] * toRad) * Math.sin(b[1] * toRad) -
    Math.sin(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.cos((b[0] - a[0]) * toRad);
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/** Moves a point by dx km east and dy km north (local flat approximation, fine within the county). */
export function offsetKm(p: LonLat, dxEastKm: number, dyNorthKm: number): LonLat {
  return [p[0] + dxEastKm / KM_PER_DEG_LON, p[1] + dyNorthKm / KM_PER_DEG_LAT];
}

/** Local east/north displacement in km from a to b. */
export function displacementKm(a: LonLat, b: LonLat): { east: number; north: number } {
  return { east: (b[0] - a[0]) * KM_PER_DEG_LON, north: (b[1] - a[1]) * KM_PER_DEG_LAT };
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? '').trim();
    });
    return row;
  });
}

interface GeoJsonFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

function readFeatures(path: string): GeoJsonFeature[] | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('features' in parsed)) return undefined;
    const features = (parsed as { features: unknown }).features;
    return Array.isArray(features) ? (features as GeoJsonFeature[]) : undefined;
  } catch {
    return undefined; // a file being written right now, or broken: use the fallback
  }
}

function isLonLat(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

function loadTownships(dir: string): Township[] {
  const csvPath = join(dir, 'townships.csv');
  const fromCsv = new Map<string, Township>();
  if (existsSync(csvPath)) {
    for (const r of readCsv(csvPath)) {
      const code = r.code ?? '';
      const lon = Number(r.seat_lon_approx);
      const lat = Number(r.seat_lat_approx);
      if (/^\d{9}$/.test(code) && Number.isFinite(lon) && Number.isFinite(lat)) {
        fromCsv.set(code, { code, name: r.name ?? code, kind: r.kind ?? 'town', seat: [lon, lat] });
      }
    }
  }
  const features = readFeatures(join(dir, 'townships.geojson'));
  if (features) {
    const out: Township[] = [];
    for (const f of features) {
      const p = f.properties ?? {};
      const code = typeof p.code === 'string' ? p.code : undefined;
      if (!code || !/^\d{9}$/.test(code)) continue;
      const csv = fromCsv.get(code);
      const seat = isLonLat(p.seat) ? ([p.seat[0], p.seat[1]] as const) : csv?.seat;
      if (!seat) continue;
      out.push({
        code,
        name: typeof p.name === 'string' ? p.name : (csv?.name ?? code),
        kind: typeof p.kind === 'string' ? p.kind : (csv?.kind ?? 'town'),
        seat,
      });
    }
    if (out.length > 0) return out.sort((a, b) => a.code.localeCompare(b.code));
  }
  if (fromCsv.size === 0) throw new Error(`no township data in ${dir}`);
  return [...fromCsv.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function loadVillagesGeojson(dir: string, townCodes: Set<string>): Village[] | undefined {
  const features = readFeatures(join(dir, 'village-positions.geojson'));
  if (!features) return undefined;
  const out: Village[] = [];
  for (const f of features) {
    const p = f.properties ?? {};
    const code = typeof p.code === 'string' ? p.code : undefined;
    const coords = f.geometry?.type === 'Point' ? f.geometry.coordinates : undefined;
    if (!code || !/^\d{12}$/.test(code) || !isLonLat(coords)) continue;
    const townCode = typeof p.parentCode === 'string' ? p.parentCode : code.slice(0, 9);
    if (!townCodes.has(townCode) || !code.startsWith(townCode)) continue;
    out.push({
      code,
      name: typeof p.name === 'string' ? p.name : code,
      townCode,
      lon: coords[0],
      lat: coords[1],
    });
  }
  return out.length >= 100 ? out.sort((a, b) => a.code.localeCompare(b.code)) : undefined;
}

/** Fallback: spread each township's villages on a jittered golden-angle spiral around its seat. */
function synthesizeVillages(dir: string, townships: Township[]): Village[] {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const rows = readCsv(join(dir, 'villages.csv'));
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    const tc = r.township_code ?? '';
    if (!byCode.has(tc) || !/^\d{12}$/.test(r.code ?? '')) continue;
    const g = groups.get(tc) ?? [];
    g.push(r);
    groups.set(tc, g);
  }
  const out: Village[] = [];
  for (const [tc, list] of groups) {
    const seat = byCode.get(tc)?.seat;
    if (!seat) continue;
    const n = list.length;
    const urban = tc.endsWith('001') || tc.endsWith('002') || tc.endsWith('003');
    const radius = Math.min(urban ? 3 : 7, Math.sqrt(n) * (urban ? 0.45 : 0.75));
    list.forEach((r, i) => {
      const code = r.code ?? '';
      const rr = radius * Math.sqrt((i + 0.5) / n) * (0.85 + 0.3 * unit('village-r', code));
      const th = i * 2.399963 + 0.4 * signed('village-th', code);
      const [lon, lat] = offsetKm(seat, rr * Math.cos(th), rr * Math.sin(th));
      out.push({ code, name: r.name ?? code, townCode: tc, lon: round6(lon), lat: round6(lat) });
    });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

export function loadGeo(dir: string = DEFAULT_GEO_DIR): Geo {
  const townships = loadTownships(dir);
  const townCodes = new Set(townships.map((t) => t.code));
  const fromGeojson = loadVillagesGeojson(dir, townCodes);
  const villages = fromGeojson ?? synthesizeVillages(dir, townships);
  if (villages.length === 0) throw new Error(`no village data in ${dir}`);
  const villageByCode = new Map(villages.map((v) => [v.code, v]));
  const townByCode = new Map(townships.map((t) => [t.code, t]));
  const xs = Float64Array.from(villages, (v) => v.lon * KM_PER_DEG_LON);
  const ys = Float64Array.from(villages, (v) => v.lat * KM_PER_DEG_LAT);

  const nearestVillage = (lon: number, lat: number): Village => {
    const x = lon * KM_PER_DEG_LON;
    const y = lat * KM_PER_DEG_LAT;
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let i = 0; i < xs.length; i++) {
      const dx = (xs[i] ?? 0) - x;
      const dy = (ys[i] ?? 0) - y;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    const v = villages[best];
    if (!v) throw new Error('no villages');
    return v;
  };

  return {
    dir,
    townships,
    villages,
    villageSource: fromGeojson ? 'geojson' : 'synthetic',
    township(code) {
      const t = townByCode.get(code);
      if (!t) throw new Error(`unknown township ${code}`);
      return t;
    },
    village: (code) => villageByCode.get(code),
    nearestVillage,
    place(lon, lat) {
      const v = nearestVillage(lon, lat);
      return { lon: round6(lon), lat: round6(lat), villageCode: v.code, townCode: v.townCode };
    },
  };
}

/** Where an entity sits: a fixed point, or an offset (km east / north) from a township seat. */
export type Anchor = { at: LonLat } | { seatOf: string; dx: number; dy: number };

export const at = (lon: number, lat: number): Anchor => ({ at: [lon, lat] });
export const nearSeat = (townCode: string, dx = 0.15, dy = 0.1): Anchor => ({ seatOf: townCode, dx, dy });

/** Resolves an anchor to a position with its village and township codes. */
export function placeAnchor(geo: Geo, anchor: Anchor): Placed {
  if ('at' in anchor) return geo.place(anchor.at[0], anchor.at[1]);
  const [lon, lat] = offsetKm(geo.township(anchor.seatOf).seat, anchor.dx, anchor.dy);
  return geo.place(lon, lat);
}
