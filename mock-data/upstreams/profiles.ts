/**
 * Shared demand shapes (pure functions of time). Parking, tourism, traffic, 120 and health models all build
 * on these, so the systems tell a coherent story: a Golden-Week morning fills the scenic lots, congests the
 * roads to 国清寺 and raises the traffic-injury rate at the same time.
 */
import { beijingParts, type DayInfo, dayInfo } from './calendar';

/** Control points (hour of day → value), periodic over 24 h, smoothly (cosine) interpolated. */
export type DailyCurve = readonly (readonly [number, number])[];

export function dailyCurve(points: DailyCurve, hourFrac: number): number {
  const n = points.length;
  if (n === 0) return 0;
  const h = ((hourFrac % 24) + 24) % 24;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    if (!a || !b) break;
    const ha = a[0];
    const hb = i + 1 < n ? b[0] : b[0] + 24;
    const hh = h < ha ? h + 24 : h;
    if (hh >= ha && hh < hb) {
      const f = (hh - ha) / (hb - ha);
      const s = (1 - Math.cos(Math.PI * f)) / 2;
      return a[1] + (b[1] - a[1]) * s;
    }
  }
  return points[0]?.[1] ?? 0;
}

/** Month → general tourism season factor. */
const SEASON = [0.6, 0.7, 0.85, 1, 1, 0.9, 1.05, 1.1, 0.9, 1.05, 0.95, 0.7];
export function seasonFactor(month: number): number {
  return SEASON[month - 1] ?? 1;
}

/** Day-level scenic demand (1 ≈ a top Golden-Week day). */
export function scenicDayFactor(info: DayInfo): number {
  if (info.holiday) {
    const { dayNo, length, scenicIntensity } = info.holiday;
    let shape = 1;
    if (length >= 3) {
      if (dayNo === 1) shape = 0.85;
      else if (dayNo === length) shape = 0.6;
      else if (dayNo === length - 1) shape = 0.8;
    }
    return scenicIntensity * shape;
  }
  if (info.kind === 'weekend') return info.summer ? 0.68 : 0.58;
  return info.summer ? 0.42 : 0.3;
}

const SCENIC_HOURS: DailyCurve = [
  [0, 0.03],
  [6, 0.04],
  [7.5, 0.25],
  [9, 0.7],
  [10.5, 0.97],
  [12.5, 1],
  [14, 0.95],
  [15.5, 0.75],
  [17, 0.38],
  [18.5, 0.12],
  [21, 0.05],
];

/** Scenic-area demand at t, 0..~1.1 (day factor × season × hour shape). */
export function scenicDemand(t: number): number {
  const info = dayInfo(t);
  const { hourFrac } = beijingParts(t);
  return scenicDayFactor(info) * seasonFactor(info.month) * dailyCurve(SCENIC_HOURS, hourFrac);
}

const TRAFFIC_WORKDAY: DailyCurve = [
  [0, 0.03],
  [5, 0.05],
  [6.5, 0.35],
  [7.75, 1],
  [8.75, 0.8],
  [10, 0.45],
  [12, 0.5],
  [14, 0.42],
  [16.5, 0.6],
  [17.75, 0.97],
  [18.75, 0.75],
  [20, 0.4],
  [22, 0.15],
];
const TRAFFIC_WEEKEND: DailyCurve = [
  [0, 0.04],
  [6, 0.06],
  [8, 0.3],
  [10.5, 0.58],
  [12.5, 0.45],
  [16.5, 0.62],
  [18, 0.5],
  [20, 0.35],
  [22.5, 0.12],
];
const TRAFFIC_HOLIDAY: DailyCurve = [
  [0, 0.05],
  [6, 0.08],
  [8, 0.45],
  [9.75, 0.78],
  [12, 0.55],
  [15.75, 0.72],
  [18, 0.5],
  [20.5, 0.3],
  [23, 0.1],
];

/** Road-traffic intensity at t, 0..1 (1 = a workday rush-hour peak). */
export function trafficIntensity(t: number): number {
  const info = dayInfo(t);
  const { hourFrac } = beijingParts(t);
  const curve =
    info.kind === 'workday' ? TRAFFIC_WORKDAY : info.kind === 'weekend' ? TRAFFIC_WEEKEND : TRAFFIC_HOLIDAY;
  return dailyCurve(curve, hourFrac);
}

const OUTPATIENT_HOURS: DailyCurve = [
  [0, 0.02],
  [7, 0.05],
  [8, 0.8],
  [9.5, 1],
  [11, 0.75],
  [12, 0.25],
  [14, 0.6],
  [15.5, 0.55],
  [17, 0.15],
  [18, 0.05],
];

/** Outpatient arrival intensity (relative). */
export function outpatientIntensity(t: number): number {
  const info = dayInfo(t);
  const { hourFrac } = beijingParts(t);
  const day = info.kind === 'workday' ? 1 : info.kind === 'weekend' ? 0.55 : 0.4;
  return day * dailyCurve(OUTPATIENT_HOURS, hourFrac);
}

const ED_HOURS: DailyCurve = [
  [0, 0.35],
  [4, 0.25],
  [8, 0.45],
  [10.5, 0.75],
  [13, 0.6],
  [16, 0.65],
  [20, 0.78],
  [22.5, 0.55],
];

/** Emergency-department load shape (0..1) before noise. */
export function edLoadShape(t: number): number {
  const info = dayInfo(t);
  const { hourFrac } = beijingParts(t);
  const day = info.kind === 'holiday' ? 1.1 : info.kind === 'weekend' ? 1.05 : 1;
  return dailyCurve(ED_HOURS, hourFrac) * day;
}
