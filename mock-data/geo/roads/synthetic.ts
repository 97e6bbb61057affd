/**
 * The synthetic (APPROXIMATE) trunk network of Tiantai: no real road data was available offline,
 * so the main roads are laid out from a few plausible rules about the basin's geography:
 *
 * - an urban street grid in the core (赤城/始丰/福溪 街道, ~121.00–121.06 E, 29.12–29.17 N);
 * - small street grids around every township seat;
 * - arterial corridors between the 15 seats (+ the urban core): a minimum spanning tree over
 *   terrain-weighted distances (leaving the 始丰溪 valley costs more), plus extra links wherever the
 *   tree would force a detour of more than 60 % (a greedy spanner), drawn with seeded bends;
 * - the 上三高速 (Shangyu–Sanmen expressway) W→E through the basin north of the river with three
 *   interchanges; it meets the other roads ONLY at its interchanges.
 *
 * Everything is deterministic (seeded PRNGs, no Math.random).
 */
import { seededRandom } from '../prng';
import type { Pos, Ring } from '../types';
import { addSpur } from './attach';
import { bendyLine, distKm, KX, KY, lineInside, nearestOnSegment, toMicro } from './geom';
import type { DraftRoad, RoadInputs } from './types';

/** Centre and semi-axes (km) of the urban core (street grid). */
export const CORE = { center: [121.031, 29.146] as Pos, rxKm: 3.0, ryKm: 2.5 } as const;

/** A rough trace of 始丰溪 (degrees), west → east: the valley floor the corridors prefer. */
export const RIVER: readonly Pos[] = [
  [120.74, 29.096],
  [120.8, 29.104],
  [120.86, 29.122],
  [120.92, 29.134],
  [120.97, 29.128],
  [121.02, 29.121],
  [121.06, 29.117],
  [121.1, 29.114],
  [121.15, 29.106],
  [121.19, 29.1],
  [121.23, 29.104],
];

/** The expressway: control points (degrees); those with `ic` (a location hint, not a real name) are interchanges. */
export const EXPRESSWAY_PLAN: readonly { at: Pos; ic?: string }[] = [
  { at: [120.734, 29.161] },
  { at: [120.8, 29.169] },
  { at: [120.879, 29.175], ic: '平桥镇附近' },
  { at: [120.945, 29.171] },
  { at: [121.006, 29.174], ic: '城区附近' },
  { at: [121.062, 29.181] },
  { at: [121.129, 29.159], ic: '坦头镇附近' },
  { at: [121.19, 29.15] },
  { at: [121.249, 29.147] },
];
export const EXPRESSWAY_ID = 'expressway-shangsan';
export const EXPRESSWAY_NAME = '上三高速';

export const SPEED = {
  expressway: 100,
  valley: 60,
  hill: 50,
  mountain: 40,
  urbanArterial: 50,
  collector: 40,
  local: 30,
};

export interface TrunkResult {
  roads: DraftRoad[];
  /** Interchange vertices (micro-degrees) with their names. */
  interchanges: { name: string; at: Pos }[];
  notes: string[];
}

/** Local km offsets (east, north) from a centre in degrees → micro-degrees. */
function offset(center: Pos, eastKm: number, northKm: number): Pos {
  const c = toMicro(center);
  return [Math.round(c[0] + eastKm / KX), Math.round(c[1] + northKm / KY)];
}

/** Distance (km) from a micro-degree position to the river trace. */
function riverKm(p: Pos): number {
  const river = RIVER.map(toMicro);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < river.length; i++)
    best = Math.min(best, nearestOnSegment(p, river[i]!, river[i + 1]!).km);
  return best;
}

/** How far off the valley floor a straight line runs: mean over samples of max(0, d − 4.5 km) / 4 km. */
function offValley(a: Pos, b: Pos): number {
  const n = 24;
  let s = 0;
  for (let k = 0; k <= n; k++) {
    const t = k / n;
    const d = riverKm([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    s += Math.max(0, d - 4.5) / 4;
  }
  return s / (n + 1);
}

/**
 * A street through a rotated local frame: from (u0, v) to (u1, v) when `alongU`, else (v, u0)–(v, u1),
 * with vertices every ~0.3 km jittered sideways by up to `jitterKm`.
 */
function street(
  center: Pos,
  angle: number,
  fixed: number,
  from: number,
  to: number,
  alongU: boolean,
  rng: () => number,
  jitterKm: number,
): Pos[] {
  const n = Math.max(1, Math.round(Math.abs(to - from) / 0.3));
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const pts: Pos[] = [];
  for (let k = 0; k <= n; k++) {
    const s = from + ((to - from) * k) / n;
    const j = k === 0 || k === n ? 0 : (rng() * 2 - 1) * jitterKm;
    const u = alongU ? s : fixed + j;
    const v = alongU ? fixed + j : s;
    pts.push(offset(center, u * cos - v * sin, u * sin + v * cos));
  }
  return pts;
}

/** Urban core grid: collectors, a cross of arterials, and a one-way couplet. Returns roads and gates. */
function coreGrid(county: readonly Ring[]): { roads: DraftRoad[]; gates: Pos[] } {
  const rng = seededRandom('roads:core-grid');
  const angle = (4 * Math.PI) / 180;
  const { rxKm, ryKm } = CORE;
  const spacing = 0.55;
  const roads: DraftRoad[] = [];
  const gates: Pos[] = [];
  // north–south streets (constant u), west → east
  for (let i = -5; i <= 5; i++) {
    const u = i * spacing + (i === 0 ? 0 : (rng() * 2 - 1) * 0.08);
    const half = ryKm * Math.sqrt(Math.max(0, 1 - (u / rxKm) ** 2));
    const v0 = -half * (0.85 + 0.2 * rng());
    const v1 = half * (0.85 + 0.2 * rng());
    if (v1 - v0 < 0.8) continue;
    const arterial = i === 0;
    const pts = street(CORE.center, angle, u, v0, v1, false, rng, arterial ? 0.015 : 0.03);
    if (!lineInside(pts, county)) continue;
    roads.push({
      id: `urban-ns-${String(i + 6).padStart(2, '0')}`,
      class: arterial ? 'arterial' : 'collector',
      speedKph: arterial ? SPEED.urbanArterial : SPEED.collector,
      oneway: false,
      pts,
    });
    if (arterial) gates.push(pts[0]!, pts[pts.length - 1]!);
  }
  // east–west streets (constant v), south → north
  for (let j = -4; j <= 4; j++) {
    const v = j * spacing + (j === 0 ? 0 : (rng() * 2 - 1) * 0.08);
    const half = rxKm * Math.sqrt(Math.max(0, 1 - (v / ryKm) ** 2));
    const u0 = -half * (0.85 + 0.2 * rng());
    const u1 = half * (0.85 + 0.2 * rng());
    if (u1 - u0 < 0.8) continue;
    const arterial = j === 0 || j === -2;
    // one-way couplet either side of the central arterial: j = 1 eastbound, j = −1 westbound
    const oneway = j === 1 || j === -1;
    let pts = street(CORE.center, angle, v, u0, u1, true, rng, arterial ? 0.015 : 0.03);
    if (j === -1) pts = pts.reverse();
    if (!lineInside(pts, county)) continue;
    roads.push({
      id: `urban-ew-${String(j + 5).padStart(2, '0')}`,
      class: arterial ? 'arterial' : 'collector',
      speedKph: arterial ? SPEED.urbanArterial : SPEED.collector,
      oneway,
      pts,
    });
    if (j === 0) gates.push(pts[0]!, pts[pts.length - 1]!);
  }
  return { roads, gates };
}

/** A small street grid around a township seat. */
function townGrid(t: RoadInputs['townships'][number], county: readonly Ring[]): DraftRoad[] {
  const rng = seededRandom(`roads:town-grid:${t.code}`);
  const big = t.kind === 'subdistrict';
  const lines = big ? 4 : t.kind === 'town' ? 3 : 2;
  const spacing = big ? 0.45 : t.kind === 'town' ? 0.4 : 0.35;
  const angle = ((rng() * 2 - 1) * 20 * Math.PI) / 180;
  const half = ((lines - 1) / 2) * spacing + 0.25;
  const roads: DraftRoad[] = [];
  for (const alongU of [false, true]) {
    for (let k = 0; k < lines; k++) {
      const fixed = (k - (lines - 1) / 2) * spacing + (rng() * 2 - 1) * 0.05;
      const from = -half * (0.9 + 0.2 * rng());
      const to = half * (0.9 + 0.2 * rng());
      const pts = street(t.seat, angle, fixed, from, to, alongU, rng, 0.025);
      if (!lineInside(pts, county)) continue;
      const main = big || k === Math.floor((lines - 1) / 2);
      roads.push({
        id: `town-${t.code}-${alongU ? 'ew' : 'ns'}-${k + 1}`,
        class: main ? 'collector' : 'local',
        speedKph: main ? SPEED.collector : SPEED.local,
        oneway: false,
        pts,
      });
    }
  }
  return roads;
}

interface Node {
  key: string;
  name: string;
  at: Pos;
}

/** Corridors between seats: terrain-weighted MST plus a greedy 1.6-spanner over links ≤ 15 km. */
export function corridorPairs(nodes: readonly Node[]): { a: number; b: number; off: number; km: number }[] {
  const cand: { a: number; b: number; off: number; km: number; w: number }[] = [];
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      const pa = nodes[a]!.at;
      const pb = nodes[b]!.at;
      const km = distKm(pa, pb);
      const off = offValley(pa, pb);
      cand.push({ a, b, off, km, w: km * (1 + 1.2 * off) });
    }
  }
  cand.sort((x, y) => x.w - y.w || x.a - y.a || x.b - y.b);
  // Kruskal
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const chosen = new Set<number>();
  cand.forEach((c, i) => {
    const ra = find(c.a);
    const rb = find(c.b);
    if (ra !== rb) {
      parent[ra] = rb;
      chosen.add(i);
    }
  });
  // greedy spanner: add a link when the current network's weighted distance exceeds 1.6 × direct
  const n = nodes.length;
  const dist = (s: number, t: number): number => {
    const d = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const seen = new Array<boolean>(n).fill(false);
    d[s] = 0;
    for (;;) {
      let u = -1;
      for (let i = 0; i < n; i++) if (!seen[i] && (u < 0 || d[i]! < d[u]!)) u = i;
      if (u < 0 || d[u] === Number.POSITIVE_INFINITY) break;
      if (u === t) return d[u]!;
      seen[u] = true;
      for (const i of chosen) {
        const c = cand[i]!;
        const v = c.a === u ? c.b : c.b === u ? c.a : -1;
        if (v >= 0 && d[u]! + c.w < d[v]!) d[v] = d[u]! + c.w;
      }
    }
    return d[t]!;
  };
  cand.forEach((c, i) => {
    if (chosen.has(i) || c.km > 15) return;
    if (dist(c.a, c.b) > 1.6 * c.w) chosen.add(i);
  });
  return [...chosen].sort((x, y) => x - y).map((i) => cand[i]!);
}

export function buildSyntheticTrunk(inputs: RoadInputs): TrunkResult {
  const county = inputs.county;
  const notes: string[] = [];
  const core = coreGrid(county);
  const roads: DraftRoad[] = [...core.roads];
  const chicheng = inputs.townships.find((t) => t.name === '赤城街道');
  for (const t of inputs.townships) {
    if (t === chicheng) continue; // its seat lies in the core grid
    roads.push(...townGrid(t, county));
  }

  // corridors between the seats and the urban core
  const nodes: Node[] = [
    { key: 'core', name: '城区', at: toMicro(CORE.center) },
    ...inputs.townships.map((t) => ({ key: t.code, name: t.name, at: toMicro(t.seat) })),
  ];
  const coreLinked = new Set(['core', chicheng?.code]);
  const pairs = corridorPairs(nodes).filter(
    (p) => !(coreLinked.has(nodes[p.a]!.key) && coreLinked.has(nodes[p.b]!.key)),
  );
  for (const p of pairs) {
    const na = nodes[p.a]!;
    const nb = nodes[p.b]!;
    // a corridor to the core ends at the nearest end of the core's arterial cross
    const gate = (other: Pos) =>
      core.gates.reduce((best, g) => (distKm(g, other) < distKm(best, other) ? g : best), core.gates[0]!);
    const from = na.key === 'core' ? gate(nb.at) : na.at;
    const to = nb.key === 'core' ? gate(na.at) : nb.at;
    const km = distKm(from, to);
    const mountain = p.off > 0.9;
    const speedKph = p.off < 0.25 ? SPEED.valley : mountain ? SPEED.mountain : SPEED.hill;
    const rng = seededRandom(`roads:corridor:${na.key}-${nb.key}`);
    let pts: Pos[] | undefined;
    for (let attempt = 0; attempt < 8 && pts === undefined; attempt++) {
      const damp = 1 - attempt / 8;
      const line = bendyLine(from, to, rng, {
        stepKm: mountain ? 0.2 : 0.7,
        ampKm: damp * Math.min(mountain ? 1.4 : 0.9, (mountain ? 0.1 : 0.06) * km),
        ...(mountain ? { wiggleKm: 0.18 * damp, wiggleWaveKm: 1.7 } : {}),
      });
      if (lineInside(line, county)) pts = line;
    }
    if (pts === undefined) {
      notes.push(`corridor ${na.name}–${nb.name} leaves the county even when straight`);
      pts = [from, to];
    }
    roads.push({
      id: `corridor-${na.key}-${nb.key}`,
      name: `${na.name}—${nb.name} 干线`,
      class: 'arterial',
      speedKph,
      oneway: false,
      pts,
    });
  }
  // the 赤城 seat sits at the northern edge of the core: tie it to the nearest core street
  if (chicheng) {
    addSpur(
      roads,
      {
        id: `corridor-${chicheng.code}-core`,
        name: `${chicheng.name}—城区 干线`,
        class: 'arterial',
        speedKph: SPEED.urbanArterial,
        to: toMicro(chicheng.seat),
      },
      { include: (r) => r.id.startsWith('urban-') },
    );
  }
  return { roads, interchanges: [], notes };
}

/** The expressway polyline (micro-degrees) and its interchange vertices. */
export function expresswayLine(county: readonly Ring[]): {
  pts: Pos[];
  interchanges: { name: string; at: Pos }[];
} {
  const rng = seededRandom('roads:expressway');
  const pts: Pos[] = [];
  const interchanges: { name: string; at: Pos }[] = [];
  EXPRESSWAY_PLAN.forEach((c, i) => {
    const at = toMicro(c.at);
    if (c.ic) interchanges.push({ name: c.ic, at });
    const next = EXPRESSWAY_PLAN[i + 1];
    if (!next) {
      pts.push(at);
      return;
    }
    const seg = bendyLine(at, toMicro(next.at), rng, { stepKm: 1.0, ampKm: 0.12 });
    pts.push(...seg.slice(0, -1));
  });
  if (!lineInside(pts, county)) throw new Error('expressway leaves the county');
  return { pts, interchanges };
}

/**
 * Add the expressway and one link road per interchange to the nearest arterial/collector (call
 * after the rest of the trunk has been noded, so the link attaches to a proper vertex).
 */
export function addExpressway(roads: DraftRoad[], county: readonly Ring[]): { name: string; at: Pos }[] {
  const { pts, interchanges } = expresswayLine(county);
  interchanges.forEach((ic, i) => {
    const link = addSpur(
      roads,
      {
        id: `interchange-${i + 1}`,
        name: `${EXPRESSWAY_NAME}互通连接线 ${i + 1}（${ic.name}）`,
        class: 'arterial',
        speedKph: SPEED.urbanArterial,
        to: ic.at,
      },
      { include: (r) => r.class === 'arterial' || r.class === 'collector' },
    );
    if (link) link.pts.reverse(); // digitise from the interchange outwards
  });
  roads.push({
    id: EXPRESSWAY_ID,
    name: EXPRESSWAY_NAME,
    class: 'expressway',
    speedKph: SPEED.expressway,
    oneway: false,
    pts,
  });
  return interchanges;
}
