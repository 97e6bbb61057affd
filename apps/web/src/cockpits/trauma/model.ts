import type {
  ActiveTransport,
  AmbulanceState,
  GreenChannelSignal,
  HospitalReadiness,
} from '@cockpit/contracts';
import { formatBeijing } from '@cockpit/domain/time';
import { type GpsFix, interpolateFix } from '@cockpit/domain/trauma';

/** Pure helpers of the trauma cockpit (colours, countdown, animation state), unit tested. */

export type Rgba = [number, number, number, number];

/** Pre-emption state colours: green only for a held green; amber while requested. */
export const SIGNAL_COLORS: Record<GreenChannelSignal['state'], Rgba> = {
  pending: [150, 170, 200, 255],
  requested: [245, 165, 36, 255],
  green_held: [46, 204, 113, 255],
  // The green went back to the normal cycle (90 s cap, or the ambulance stopped): amber outline colour of "waiting".
  hold_ended: [245, 165, 36, 160],
  released: [80, 96, 120, 200],
};

/** Readiness uses the semantic status colours. */
export const READINESS_COLORS: Record<HospitalReadiness['readiness'], Rgba> = {
  ready: [46, 204, 113, 255],
  limited: [245, 165, 36, 255],
  overloaded: [255, 77, 79, 255],
};

export const AMBULANCE_COLORS: Record<AmbulanceState['status'], Rgba> = {
  idle: [169, 187, 214, 255],
  dispatched: [255, 107, 129, 255],
  on_scene: [255, 200, 87, 255],
  transporting: [255, 77, 79, 255],
  at_hospital: [54, 195, 240, 255],
};

/** Drive-time bands 5/10/15/30 min: viridis (colour-blind safe); beyond 30 min dark purple. */
export const BAND_COLORS: readonly Rgba[] = [
  [253, 231, 37, 230],
  [94, 201, 98, 230],
  [33, 145, 140, 230],
  [59, 82, 139, 230],
];
export const BEYOND_COLOR: Rgba = [68, 1, 84, 230];
export const bandColor = (band: number): Rgba => BAND_COLORS[band] ?? BEYOND_COLOR;

/** Seconds left of an ETA given when the snapshot arrived (`receivedAtMs`), never negative. */
export function remainingSeconds(etaSeconds: number, receivedAtMs: number, nowMs: number): number {
  return Math.max(0, Math.round(etaSeconds - (nowMs - receivedAtMs) / 1000));
}

/**
 * An ETA as people read it on a wall: a countdown in whole minutes (rounded up: "22 分钟" while 21 min 10 s
 * remain), never "22:07", which reads as a clock time; and, separately, the arrival clock time in Beijing
 * time ("22:07 到达"). Under a minute: "不足 1 分钟".
 */
export function etaText(
  seconds: number,
  nowMs: number,
  lang = 'zh-CN',
): { countdown: string; minutes: number; arrival: string } {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.ceil(s / 60);
  const en = lang.startsWith('en');
  const clock = formatBeijing(nowMs + s * 1000, 'HH:mm');
  const countdown =
    s === 0
      ? en
        ? 'arriving'
        : '即将到达'
      : s < 60
        ? en
          ? '< 1 min'
          : '不足 1 分钟'
        : en
          ? `${minutes} min`
          : `${minutes} 分钟`;
  return { countdown, minutes, arrival: en ? `arrives ${clock}` : `${clock} 到达` };
}

export const isSevere = (t: Pick<ActiveTransport, 'severity'>) =>
  t.severity === 'severe' || t.severity === 'critical';

/**
 * Severe cases that were not in `known` (ids already seen). The first snapshot seeds `known` without
 * announcing anything (a wall that starts up should not fly around).
 */
export function newSevereCases(
  transports: readonly ActiveTransport[],
  known: ReadonlySet<string> | null,
): ActiveTransport[] {
  if (known === null) return [];
  return transports.filter((t) => isSevere(t) && !known.has(t.incidentId));
}

/** Bounding box [[w, s], [e, n]] of a route (or the scene alone). */
export function routeBounds(t: ActiveTransport): [[number, number], [number, number]] {
  const pts = t.route?.path.length ? t.route.path : [t.scene];
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const [lon, lat] of pts) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  const pad = 0.004;
  return [
    [w - pad, s - pad],
    [e + pad, n + pad],
  ];
}

/** Cumulative share of the path length at each vertex (0 … 1), for TripsLayer timestamps. */
export function pathTimestamps(path: readonly (readonly [number, number])[], loop = 1000): number[] {
  const out = [0];
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const kx = Math.cos((a[1] * Math.PI) / 180);
    total += Math.hypot((b[0] - a[0]) * kx, b[1] - a[1]);
    out.push(total);
  }
  return out.map((d) => (total > 0 ? (d / total) * loop : 0));
}

/** One ambulance's animation: from where it was drawn to its newest fix, over `durationMs` of real time. */
export type Track = { from: GpsFix; to: GpsFix; headingDeg: number; fixAt: string };

/**
 * Tracks after a new snapshot. An ambulance with a new fix starts from where it is drawn now (so it never
 * jumps back) and moves to the new fix over `durationMs`; an unchanged fix keeps its track.
 */
export function nextTracks(
  prev: ReadonlyMap<string, Track>,
  ambulances: readonly AmbulanceState[],
  nowMs: number,
  durationMs: number,
): Map<string, Track> {
  const out = new Map<string, Track>();
  for (const a of ambulances) {
    const old = prev.get(a.ambulanceId);
    if (old && old.fixAt === a.fixAt) {
      out.set(a.ambulanceId, old);
      continue;
    }
    const start = old ? positionOf(old, nowMs) : { lon: a.lon, lat: a.lat, headingDeg: a.headingDeg };
    out.set(a.ambulanceId, {
      from: { lon: start.lon, lat: start.lat, atMs: nowMs },
      to: { lon: a.lon, lat: a.lat, atMs: nowMs + durationMs },
      headingDeg: a.speedKmh > 0 ? a.headingDeg : start.headingDeg,
      fixAt: a.fixAt,
    });
  }
  return out;
}

/** Where a track is drawn at `nowMs` (clamped to its ends), with its heading. */
export function positionOf(track: Track, nowMs: number): { lon: number; lat: number; headingDeg: number } {
  const p = interpolateFix(track.from, track.to, nowMs, { fallbackHeadingDeg: track.headingDeg });
  return { lon: p.lon, lat: p.lat, headingDeg: p.stationary ? track.headingDeg : p.headingDeg };
}
