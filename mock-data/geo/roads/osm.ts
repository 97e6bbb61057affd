/**
 * Importing a real road network: a GeoJSON export of OpenStreetMap ways (overpass-turbo /
 * osmtogeojson style, tags either flattened into `properties` or nested under `properties.tags`),
 * normalised to the four road classes of `roads.geojson`:
 *
 * | highway                                              | class      | default km/h |
 * | ---------------------------------------------------- | ---------- | ------------ |
 * | motorway / trunk                                     | expressway | 100 / 80     |
 * | primary / secondary                                  | arterial   | 60 / 50      |
 * | motorway_link, trunk_link, primary_link, secondary_link | arterial | 40           |
 * | tertiary / tertiary_link                             | collector  | 40 / 30      |
 * | residential, unclassified, service, living_street, road | local   | 30           |
 *
 * Other ways (footway, path, track, construction, …) are ignored. `maxspeed` overrides the default
 * (numbers, "60 km/h", "30 mph"); `oneway=yes|true|1` keeps the digitised direction, `oneway=-1`
 * (or `reverse`) reverses the coordinates, `oneway=no` is two-way, and without a tag `motorway`
 * and roundabouts are one-way as in OSM. Ways are split at every vertex they share with another
 * way (or with themselves), so each feature runs between junctions. Coordinates are rounded to
 * 6 decimals, which keeps shared OSM nodes shared.
 */
import type { Pos } from '../types';
import { dedupe, keyOf, toMicro } from './geom';
import type { DraftRoad, RoadClass } from './types';

export const OSM_HIGHWAYS: Readonly<Record<string, { class: RoadClass; speedKph: number }>> = {
  motorway: { class: 'expressway', speedKph: 100 },
  trunk: { class: 'expressway', speedKph: 80 },
  motorway_link: { class: 'arterial', speedKph: 40 },
  trunk_link: { class: 'arterial', speedKph: 40 },
  primary: { class: 'arterial', speedKph: 60 },
  secondary: { class: 'arterial', speedKph: 50 },
  primary_link: { class: 'arterial', speedKph: 40 },
  secondary_link: { class: 'arterial', speedKph: 40 },
  tertiary: { class: 'collector', speedKph: 40 },
  tertiary_link: { class: 'collector', speedKph: 30 },
  residential: { class: 'local', speedKph: 30 },
  unclassified: { class: 'local', speedKph: 30 },
  service: { class: 'local', speedKph: 30 },
  living_street: { class: 'local', speedKph: 30 },
  road: { class: 'local', speedKph: 30 },
};

type Tags = Record<string, string>;

/** Flattened tags of a feature: `properties.tags` (if an object) merged over plain string properties. */
export function osmTags(properties: unknown): Tags {
  const tags: Tags = {};
  if (typeof properties !== 'object' || properties === null) return tags;
  const put = (obj: object) => {
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v === 'string') tags[k] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') tags[k] = String(v);
    }
  };
  put(properties);
  const nested: unknown = (properties as { tags?: unknown }).tags;
  if (typeof nested === 'object' && nested !== null) put(nested);
  return tags;
}

/** Parse an OSM `maxspeed` value to km/h, or undefined ("none", "walk", "CN:urban", …). */
export function parseMaxspeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?\s*$/i.exec(value.split(';')[0] ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === 'mph') return Math.round(n * 1.609344);
  if (unit === 'knots') return Math.round(n * 1.852);
  return n;
}

/** Direction from the `oneway` tag: 1 forward, −1 reversed, 0 two-way. */
export function onewayOf(tags: Tags): -1 | 0 | 1 {
  const v = tags.oneway?.trim().toLowerCase();
  if (v === 'yes' || v === 'true' || v === '1') return 1;
  if (v === '-1' || v === 'reverse') return -1;
  if (v === 'no' || v === 'false' || v === '0') return 0;
  if (tags.highway === 'motorway') return 1;
  if (tags.junction === 'roundabout' || tags.junction === 'circular') return 1;
  return 0;
}

function wayId(feature: { id?: unknown; properties?: unknown }, tags: Tags, index: number): string {
  const raw =
    tags['@id'] ??
    (typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined) ??
    tags.osm_id ??
    tags.id;
  const id = raw?.replace(/^(way|w)\//i, '').replace(/[^0-9A-Za-z_-]/g, '');
  return id !== undefined && id !== '' ? id : `f${index}`;
}

function isPosArray(v: unknown): v is number[][] {
  return (
    Array.isArray(v) &&
    v.every(
      (c: unknown) =>
        Array.isArray(c) &&
        c.length >= 2 &&
        typeof c[0] === 'number' &&
        typeof c[1] === 'number' &&
        Number.isFinite(c[0]) &&
        Number.isFinite(c[1]),
    )
  );
}

export interface OsmImport {
  roads: DraftRoad[];
  /** `highway=traffic_signals` nodes (micro-degrees), if the export contains them as Points. */
  trafficSignals: Pos[];
  notes: string[];
}

interface Way {
  id: string;
  name?: string;
  class: RoadClass;
  speedKph: number;
  oneway: boolean;
  pts: Pos[];
}

/** Normalise an OSM GeoJSON export to draft roads (split at shared vertices). */
export function roadsFromOsm(collection: unknown): OsmImport {
  const features: unknown = (collection as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) throw new Error('OSM import: expected a GeoJSON FeatureCollection');
  const ways: Way[] = [];
  const trafficSignals: Pos[] = [];
  const ignored = new Map<string, number>();
  features.forEach((f: unknown, index) => {
    if (typeof f !== 'object' || f === null) return;
    const feature = f as {
      id?: unknown;
      properties?: unknown;
      geometry?: { type?: unknown; coordinates?: unknown };
    };
    const tags = osmTags(feature.properties);
    const g = feature.geometry;
    if (g?.type === 'Point') {
      const c = g.coordinates;
      if (tags.highway === 'traffic_signals' && isPosArray([c])) {
        const [lon, lat] = c as number[];
        trafficSignals.push(toMicro([lon!, lat!]));
      }
      return;
    }
    const highway = tags.highway;
    if (highway === undefined) return;
    const spec = OSM_HIGHWAYS[highway];
    if (!spec || tags.area === 'yes') {
      ignored.set(highway, (ignored.get(highway) ?? 0) + 1);
      return;
    }
    const parts: unknown[] =
      g?.type === 'LineString'
        ? [g.coordinates]
        : g?.type === 'MultiLineString' && Array.isArray(g.coordinates)
          ? g.coordinates
          : [];
    const dir = onewayOf(tags);
    const id = wayId(feature, tags, index);
    const name = tags.name ?? tags['name:zh'];
    parts.forEach((part, p) => {
      if (!isPosArray(part)) return;
      let pts = dedupe(part.map((c) => toMicro([c[0]!, c[1]!])));
      if (pts.length < 2) return;
      if (dir === -1) pts = pts.reverse();
      ways.push({
        id: parts.length > 1 ? `${id}-p${p + 1}` : id,
        ...(name !== undefined && name !== '' ? { name } : {}),
        class: spec.class,
        speedKph: parseMaxspeed(tags.maxspeed) ?? spec.speedKph,
        oneway: dir !== 0,
        pts,
      });
    });
  });

  // split at vertices shared between ways (or visited twice by one way)
  const uses = new Map<string, number>();
  for (const w of ways) for (const p of w.pts) uses.set(keyOf(p), (uses.get(keyOf(p)) ?? 0) + 1);
  const roads: DraftRoad[] = [];
  const seen = new Map<string, number>();
  for (const w of ways) {
    const pieces: Pos[][] = [];
    let cur: Pos[] = [w.pts[0]!];
    for (let i = 1; i < w.pts.length; i++) {
      const p = w.pts[i]!;
      cur.push(p);
      if (i < w.pts.length - 1 && (uses.get(keyOf(p)) ?? 0) > 1) {
        pieces.push(cur);
        cur = [p];
      }
    }
    pieces.push(cur);
    // duplicate way ids in the export get a suffix so ids stay unique
    const n = (seen.get(w.id) ?? 0) + 1;
    seen.set(w.id, n);
    const base = `osm-${w.id}${n > 1 ? `-d${n}` : ''}`;
    pieces.forEach((pts, k) => {
      roads.push({
        id: pieces.length > 1 ? `${base}-${String(k + 1).padStart(2, '0')}` : base,
        ...(w.name !== undefined ? { name: w.name } : {}),
        class: w.class,
        speedKph: w.speedKph,
        oneway: w.oneway,
        pts,
      });
    });
  }
  const notes: string[] = [`OSM import: ${ways.length} ways → ${roads.length} road features`];
  if (ignored.size > 0) {
    const list = [...ignored].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k} ×${v}`);
    notes.push(`OSM import: ignored highway=${list.join(', ')}`);
  }
  return { roads, trafficSignals, notes };
}
