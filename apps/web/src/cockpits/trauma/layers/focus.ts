import type { ActiveTransport, TraumaSnapshot } from '@cockpit/contracts';

type LonLat = [number, number];

/**
 * What must be in view when the map flies to a case: its route (or the scene), its ambulance where it is
 * now, and the hospital it is taken to (chosen, or recorded by dispatch).
 */
export function focusBounds(
  t: ActiveTransport,
  snapshot: Pick<TraumaSnapshot, 'ambulances' | 'hospitals'>,
): [LonLat, LonLat] {
  const pts: LonLat[] = [
    [t.scene[0], t.scene[1]],
    ...(t.route?.path ?? []).map((p) => [p[0], p[1]] as LonLat),
  ];
  const ambulance = snapshot.ambulances.find((a) => a.ambulanceId === t.ambulanceId);
  if (ambulance) pts.push([ambulance.lon, ambulance.lat]);
  const hospitalId = t.hospital?.hospitalId;
  const hospital = snapshot.hospitals.find((h) => h.hospitalId === hospitalId);
  if (hospital) pts.push([hospital.lon, hospital.lat]);
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  const pad = 0.004;
  return [
    [Math.min(...lons) - pad, Math.min(...lats) - pad],
    [Math.max(...lons) + pad, Math.max(...lats) + pad],
  ];
}

/**
 * The point of a route nearest to p (metric-ish: longitude scaled by cos latitude), so an ambulance drawn
 * between two GPS fixes sits on its road rather than cutting the corner.
 */
export function snapToPath(path: readonly (readonly [number, number])[], p: LonLat): LonLat {
  if (path.length === 0) return p;
  if (path.length === 1) return [path[0]![0], path[0]![1]];
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best: LonLat = [path[0]![0], path[0]![1]];
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const dx = (b[0] - a[0]) * k;
    const dy = b[1] - a[1];
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * k * dx + (p[1] - a[1]) * dy) / len));
    const q: LonLat = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    const d = ((q[0] - p[0]) * k) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = q;
    }
  }
  return best;
}
