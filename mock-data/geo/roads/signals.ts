/**
 * Signalised intersections (APPROXIMATE): chosen among the road vertices where at least three road
 * segments meet (never on the expressway), in the urban core and around each township seat.
 * Names are neutral ("城区信号灯 12", "平桥镇信号灯 2"); no street names are invented.
 */
import { pointInRings } from '../planar';
import type { Pos } from '../types';
import { distKm, fromMicro, KX, KY, keyOf, toMicro } from './geom';
import { buildVertexGraph } from './graph';
import type { DraftRoad, RoadClass, RoadInputs } from './types';

const WEIGHT: Record<RoadClass, number> = { expressway: 0, arterial: 3, collector: 2, local: 1 };

export interface SignalPick {
  id: string;
  name: string;
  townshipCode: string;
  at: Pos;
}

export interface SignalOptions {
  core: { center: Pos; rxKm: number; ryKm: number };
  /** Number of signals in the urban core. */
  coreCount: number;
  /** Minimum spacing between two signals, km. */
  minSpacingKm: number;
  /** Signals per township seat by township (defaults by kind). */
  perSeat: (t: RoadInputs['townships'][number]) => number;
  /** Radius around a seat in which its signals are picked, km. */
  seatRadiusKm: number;
  /** Use these vertices (micro-degrees), e.g. OSM traffic_signals nodes, instead of choosing. */
  given?: readonly Pos[];
}

/** Township whose region contains the point (nearest seat as a fallback). */
export function townshipOf(p: Pos, inputs: RoadInputs): string {
  const deg = fromMicro(p);
  const hit = inputs.townships.find((t) => pointInRings(deg, t.rings));
  if (hit) return hit.code;
  let best = inputs.townships[0]!;
  for (const t of inputs.townships) if (distKm(p, toMicro(t.seat)) < distKm(p, toMicro(best.seat))) best = t;
  return best.code;
}

interface Candidate {
  at: Pos;
  score: number;
}

export function chooseSignals(
  roads: readonly DraftRoad[],
  inputs: RoadInputs,
  opts: SignalOptions,
): SignalPick[] {
  const graph = buildVertexGraph(roads);
  const onExpressway = new Set<string>();
  for (const r of roads) if (r.class === 'expressway') for (const p of r.pts) onExpressway.add(keyOf(p));

  if (opts.given) {
    const picks = opts.given
      .filter((p) => graph.index.has(keyOf(p)) && !onExpressway.has(keyOf(p)))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const unique = picks.filter((p, i) => i === 0 || keyOf(p) !== keyOf(picks[i - 1]!));
    return unique.map((at, i) => ({
      id: `signal-${String(i + 1).padStart(4, '0')}`,
      name: `信号灯 ${i + 1}`,
      townshipCode: townshipOf(at, inputs),
      at,
    }));
  }

  // score every vertex where ≥ 3 segments meet by the classes of the roads through it
  const classesAt = new Map<string, Set<RoadClass>>();
  const roadsAt = new Map<string, Set<string>>();
  for (const r of roads) {
    for (const p of r.pts) {
      const k = keyOf(p);
      const set = classesAt.get(k) ?? new Set<RoadClass>();
      set.add(r.class);
      classesAt.set(k, set);
      const ids = roadsAt.get(k) ?? new Set<string>();
      ids.add(r.id);
      roadsAt.set(k, ids);
    }
  }
  const candidates: Candidate[] = [];
  graph.positions.forEach((at, v) => {
    const k = keyOf(at);
    if (graph.neighbours[v]!.size < 3 || onExpressway.has(k)) return;
    const classes = [...(classesAt.get(k) ?? [])];
    const score =
      graph.neighbours[v]!.size + classes.reduce((s, c) => s + WEIGHT[c], 0) + (roadsAt.get(k)?.size ?? 0);
    candidates.push({ at, score });
  });
  const byScore = (centre: Pos) => (a: Candidate, b: Candidate) =>
    b.score - a.score ||
    distKm(a.at, centre) - distKm(b.at, centre) ||
    a.at[0] - b.at[0] ||
    a.at[1] - b.at[1];

  const taken: Pos[] = [];
  const farEnough = (p: Pos) => taken.every((q) => distKm(p, q) >= opts.minSpacingKm);
  const picks: SignalPick[] = [];

  // urban core: candidates inside the core ellipse, best scores first
  const c = toMicro(opts.core.center);
  const inCore = (p: Pos) =>
    (((p[0] - c[0]) * KX) / opts.core.rxKm) ** 2 + (((p[1] - c[1]) * KY) / opts.core.ryKm) ** 2 <= 1;
  const core: Pos[] = [];
  for (const cand of candidates.filter((x) => inCore(x.at)).sort(byScore(c))) {
    if (core.length >= opts.coreCount) break;
    if (!farEnough(cand.at)) continue;
    core.push(cand.at);
    taken.push(cand.at);
  }
  core
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .forEach((at, i) => {
      picks.push({
        id: `signal-core-${String(i + 1).padStart(2, '0')}`,
        name: `城区信号灯 ${i + 1}`,
        townshipCode: townshipOf(at, inputs),
        at,
      });
    });

  // town centres: the best candidates within seatRadiusKm of each seat (outside the core)
  for (const t of inputs.townships) {
    const n = opts.perSeat(t);
    if (n <= 0) continue;
    const seat = toMicro(t.seat);
    const near = candidates
      .filter((x) => !inCore(x.at) && distKm(x.at, seat) <= opts.seatRadiusKm)
      .sort(byScore(seat));
    const mine: Pos[] = [];
    for (const cand of near) {
      if (mine.length >= n) break;
      if (!farEnough(cand.at)) continue;
      mine.push(cand.at);
      taken.push(cand.at);
    }
    mine
      .sort((a, b) => distKm(a, seat) - distKm(b, seat) || a[0] - b[0])
      .forEach((at, i) => {
        picks.push({
          id: `signal-${t.code}-${i + 1}`,
          name: `${t.name}信号灯 ${i + 1}`,
          townshipCode: t.code,
          at,
        });
      });
  }
  return picks;
}
