/**
 * Map context that lets an operator recognise the county: the 始丰溪 and the streams from the monitored
 * reservoirs, the reservoirs, township seats and three landmarks. Everything is derived from the project's
 * own data (the valley trace the road network was built along, the simulator's monitoring sites, the
 * township seats of townships.csv, the facilities), so every feature is `accuracy: "approximate"` and says
 * what it was derived from. Roads are not repeated here: the BFF adds the expressway and arterials from
 * roads.geojson when it serves the context.
 */

import { SPOT_SPECS } from '../upstreams/county/model';
import { WATER_SECTIONS } from '../upstreams/env/stations';
import type { Anchor } from '../upstreams/geo';
import { LOT_SPECS } from '../upstreams/parking/lots';
import { RIVER } from './roads/synthetic';
import type { Pos, TownshipRow } from './types';

export type ContextKind = 'river' | 'stream' | 'reservoir' | 'seat' | 'landmark';

export type ContextFeature = {
  type: 'Feature';
  properties: { id: string; kind: ContextKind; name: string; accuracy: 'approximate'; derivedFrom: string };
  geometry: { type: 'Point'; coordinates: Pos } | { type: 'LineString'; coordinates: Pos[] };
};

/** Only fixed anchors are used: a position relative to a seat is the simulator's own placement rule. */
const fixed = (a: Anchor): Pos | null => ('at' in a ? [a.at[0], a.at[1]] : null);

const round = (p: Pos): Pos => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];

/** The river: the valley trace with the monitored sections threaded in (west → east), so sections sit on it. */
function riverLine(): Pos[] {
  const sections = WATER_SECTIONS.filter((s) => s.waterBody === 'river').flatMap((s) => {
    const p = fixed(s.anchor);
    return p ? [p] : [];
  });
  const west = Math.min(...sections.map((p) => p[0]));
  const east = Math.max(...sections.map((p) => p[0]));
  // Inside the monitored stretch the sections are the truth the map must agree with; outside it, the trace.
  const trace = RIVER.filter((p) => p[0] < west - 0.02 || p[0] > east + 0.02);
  return [...trace, ...sections].sort((a, b) => a[0] - b[0]).map(round);
}

/** The point of a line nearest to p (on a vertex or a segment). */
function nearestOnLine(line: readonly Pos[], p: Pos): Pos {
  let best: Pos = line[0]!;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    const q: Pos = [a[0] + t * dx, a[1] + t * dy];
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = q;
    }
  }
  return best;
}

type FacilityPoint = { properties: { id: string; name: string }; geometry: { coordinates: number[] } };

/** 国清寺 (the simulator's scenic spot), 天台山游客中心 (its car park) and the county hospital (facilities). */
function landmarks(
  facilities: readonly FacilityPoint[],
): { id: string; name: string; at: Pos; derivedFrom: string }[] {
  const out: { id: string; name: string; at: Pos; derivedFrom: string }[] = [];
  const temple = SPOT_SPECS.find((s) => s.name === '国清寺');
  const templeAt = temple && fixed(temple.anchor);
  if (templeAt)
    out.push({
      id: 'landmark-guoqing',
      name: '国清寺',
      at: templeAt,
      derivedFrom: 'scenic spot of the county-services simulator',
    });
  const centre = LOT_SPECS.find((l) => l.parkName === '天台山游客中心停车场');
  const centreAt = centre && fixed(centre.anchor);
  if (centreAt)
    out.push({
      id: 'landmark-visitor-centre',
      name: '天台山游客中心',
      at: centreAt,
      derivedFrom: 'its car park in the parking simulator',
    });
  const hospital = facilities.find((f) => f.properties.name === '天台县人民医院');
  if (hospital)
    out.push({
      id: 'landmark-county-hospital',
      name: '天台县人民医院',
      at: [hospital.geometry.coordinates[0]!, hospital.geometry.coordinates[1]!],
      derivedFrom: 'facilities.geojson (approximate)',
    });
  return out;
}

export function deriveContext(townships: readonly TownshipRow[], facilities: readonly FacilityPoint[]) {
  const river = riverLine();
  const features: ContextFeature[] = [
    {
      type: 'Feature',
      properties: {
        id: 'river-shifengxi',
        kind: 'river',
        name: '始丰溪',
        accuracy: 'approximate',
        derivedFrom:
          'valley trace of roads/synthetic.ts threaded through the monitored sections (env/stations.ts)',
      },
      geometry: { type: 'LineString', coordinates: river },
    },
  ];
  for (const r of WATER_SECTIONS.filter((s) => s.waterBody === 'reservoir')) {
    const at = fixed(r.anchor);
    if (!at) continue;
    const mouth = nearestOnLine(river, at);
    // A stream from the reservoir to the river, bent a little so it does not read as a ruler line.
    const mid: Pos = [(at[0] + mouth[0]) / 2 + (mouth[1] - at[1]) * 0.15, (at[1] + mouth[1]) / 2];
    features.push({
      type: 'Feature',
      properties: {
        id: `stream-${r.code}`,
        kind: 'stream',
        name: `${r.name}下游河道（示意）`,
        accuracy: 'approximate',
        derivedFrom: 'schematic: reservoir site (env/stations.ts) to the nearest point of the river',
      },
      geometry: { type: 'LineString', coordinates: [at, mid, mouth].map(round) },
    });
    features.push({
      type: 'Feature',
      properties: {
        id: `reservoir-${r.code}`,
        kind: 'reservoir',
        name: r.name,
        accuracy: 'approximate',
        derivedFrom: 'monitoring site of the environment system (env/stations.ts)',
      },
      geometry: { type: 'Point', coordinates: round(at) },
    });
  }
  for (const t of [...townships].sort((a, b) => a.code.localeCompare(b.code))) {
    features.push({
      type: 'Feature',
      properties: {
        id: `seat-${t.code}`,
        kind: 'seat',
        name: t.name,
        accuracy: 'approximate',
        derivedFrom: 'hand-placed seat of townships.csv',
      },
      geometry: { type: 'Point', coordinates: round(t.seat) },
    });
  }
  for (const b of landmarks(facilities)) {
    features.push({
      type: 'Feature',
      properties: {
        id: b.id,
        kind: 'landmark',
        name: b.name,
        accuracy: 'approximate',
        derivedFrom: b.derivedFrom,
      },
      geometry: { type: 'Point', coordinates: round(b.at) },
    });
  }
  return { type: 'FeatureCollection' as const, features };
}
