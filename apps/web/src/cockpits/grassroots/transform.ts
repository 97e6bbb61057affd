import {
  GRASSROOTS_STAGES,
  type GrassrootsEventType,
  type GrassrootsSnapshot,
  type GrassrootsStage,
} from '@cockpit/contracts';
import { beijingDateKey } from '@cockpit/domain/time';

export type GrassrootsEventPoint = GrassrootsSnapshot['eventPoints'][number];

/**
 * Pure view models of the grassroots-governance panels (基层治理): each takes the snapshot (undefined while
 * loading) and the panel's options, and says `loading` until the data has arrived — never an absence early.
 */

export type Loadable<T> = { state: 'loading' } | ({ state: 'ready' } & T);

/** Colours of the event types, shared by the map, the legend and the charts. */
export const EVENT_TYPE_COLORS: Record<GrassrootsEventType, string> = {
  dispute: '#ff6b81',
  safety: '#f5a524',
  sanitation: '#3ddc97',
  livelihood: '#4f8dff',
  petition: '#b37feb',
  fire: '#ff4d4f',
  flood: '#36c3f0',
  other: '#8c96a5',
};

// --- lifecycle funnel ---

export type FunnelRow = { stage: GrassrootsStage; reached: number; share: number | null };

/**
 * 上报 → 受理 → 流转 → 办结 → 评价: the snapshot counts each event once, at the furthest stage it reached; a
 * funnel shows how many reached at least each stage (so every row includes the rows after it), and its share
 * of those reported.
 */
export function funnelView(s: GrassrootsSnapshot | undefined): Loadable<{ rows: FunnelRow[]; open: number }> {
  if (!s) return { state: 'loading' };
  const at = new Map(s.funnel.map((f) => [f.stage, f.count]));
  const reachedAt = (i: number) =>
    GRASSROOTS_STAGES.slice(i).reduce((sum, stage) => sum + (at.get(stage) ?? 0), 0);
  const total = reachedAt(0);
  const rows = GRASSROOTS_STAGES.map((stage, i) => {
    const reached = reachedAt(i);
    return { stage, reached, share: total > 0 ? reached / total : null };
  });
  // Open: reported, accepted or transferred, not yet closed.
  const open = total - reachedAt(GRASSROOTS_STAGES.indexOf('closed'));
  return { state: 'ready', rows, open };
}

// --- overdue cases ---

/** Whole days and hours of an age in hours: 50 → {d: 2, h: 2}. */
export function ageParts(hours: number): { d: number; h: number } {
  const whole = Math.max(0, Math.floor(hours));
  return { d: Math.floor(whole / 24), h: whole % 24 };
}

export function overdueView(s: GrassrootsSnapshot | undefined, limit: number) {
  if (!s) return { state: 'loading' } as const;
  const rows = [...s.overdue].sort((a, b) => b.overdueHours - a.overdueHours).slice(0, limit);
  return { state: 'ready', rows, total: s.overdue.length, capped: s.overdue.length >= 50 } as const;
}

// --- escalations ---

export function escalationsView(s: GrassrootsSnapshot | undefined, limit: number, countyOnly: boolean) {
  if (!s) return { state: 'loading' } as const;
  const all = countyOnly ? s.escalations.filter((e) => e.to === 'county') : s.escalations;
  const rows = [...all].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  const toCounty = s.escalations.filter((e) => e.to === 'county').length;
  const toTownship = s.escalations.filter((e) => e.to === 'township').length;
  return { state: 'ready', rows, toCounty, toTownship } as const;
}

// --- grid workers ---

export function gridWorkersView(s: GrassrootsSnapshot | undefined, limit: number) {
  if (!s) return { state: 'loading' } as const;
  const rows = [...s.gridWorkers]
    .sort((a, b) => b.visitsToday + b.checkInsToday - (a.visitsToday + a.checkInsToday))
    .slice(0, limit);
  const totals = s.gridWorkers.reduce(
    (t, w) => ({
      checkIns: t.checkIns + w.checkInsToday,
      km: t.km + w.patrolKmToday,
      visits: t.visits + w.visitsToday,
      active: t.active + (w.checkInsToday > 0 ? 1 : 0),
    }),
    { checkIns: 0, km: 0, visits: 0, active: 0 },
  );
  return { state: 'ready', rows, totals, workers: s.gridWorkers.length } as const;
}

// --- events by type over 30 days ---

/** Dates (ascending) and one series per type with at least one event, counts aligned to the dates (0 where absent). */
export function eventsByTypeView(s: GrassrootsSnapshot | undefined) {
  if (!s) return { state: 'loading' } as const;
  const dates = [...new Set(s.eventsByType.flatMap((t) => t.daily.map((d) => d.date)))].sort();
  const series = s.eventsByType
    .map((t) => {
      const by = new Map(t.daily.map((d) => [d.date, d.count]));
      const counts = dates.map((d) => by.get(d) ?? 0);
      return { type: t.type, counts, total: counts.reduce((a, b) => a + b, 0) };
    })
    .filter((t) => t.total > 0)
    .sort((a, b) => b.total - a.total);
  return { state: 'ready', dates, series, total: series.reduce((a, t) => a + t.total, 0) } as const;
}

// --- today's events (overview) ---

/** Events reported on the snapshot's Beijing date, by type, with the open and overdue counts. */
export function eventsTodayView(s: GrassrootsSnapshot | undefined) {
  if (!s) return { state: 'loading' } as const;
  const day = beijingDateKey(Date.parse(s.asOf ?? s.generatedAt));
  const today = s.eventPoints.filter((p) => beijingDateKey(Date.parse(p.reportedAt)) === day);
  const byType = countBy(today, (p) => p.type);
  const funnel = funnelView(s);
  return {
    state: 'ready',
    day,
    reported: today.length,
    closed: today.filter((p) => p.stage === 'closed' || p.stage === 'rated').length,
    open: funnel.state === 'ready' ? funnel.open : 0,
    overdue: s.overdue.length,
    overdueCapped: s.overdue.length >= 50,
    byType: [...byType.entries()].sort((a, b) => b[1] - a[1]),
  } as const;
}

function countBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const it of items) out.set(key(it), (out.get(key(it)) ?? 0) + 1);
  return out;
}

// --- basics, homestays, devices, flood (overview and governance) ---

/** Present-or-absent parts of the snapshot: loading, not published for this region, or the part itself. */
export function partView<K extends 'basics' | 'homestays' | 'devices' | 'flood'>(
  s: GrassrootsSnapshot | undefined,
  key: K,
): { state: 'loading' } | { state: 'none' } | { state: 'ready'; part: NonNullable<GrassrootsSnapshot[K]> } {
  if (!s) return { state: 'loading' };
  const part = s[key];
  return part ? { state: 'ready', part: part as NonNullable<GrassrootsSnapshot[K]> } : { state: 'none' };
}

/** Flood points to list: above warning first, then unmanned duty points, then the rest by name. */
export function floodRows(points: readonly FloodPointLike[], limit: number): FloodPointLike[] {
  const rank = (p: FloodPointLike) => (p.aboveWarning ? 0 : p.manned === false ? 1 : 2);
  return [...points].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh')).slice(0, limit);
}
type FloodPointLike = NonNullable<GrassrootsSnapshot['flood']>['points'][number];

// --- rural services: homestays, 浙农码 scans, convenience service points ---

/**
 * 农村服务: homestays today, 浙农码 scans (kept per township: a village is shown its township's, and `scansOf`
 * names it), and the convenience service points open now. Loading until the snapshot has arrived; a part the
 * platform has not given (null) stays unknown rather than becoming an absence.
 */
export function ruralServicesView(s: GrassrootsSnapshot | undefined, limit: number) {
  if (!s) return { state: 'loading' } as const;
  const products = [...s.farmCodes]
    .sort((a, b) => b.scansToday - a.scansToday || b.scans30d - a.scans30d)
    .slice(0, limit);
  const owner = s.farmCodes.find((f) => f.regionCode !== undefined);
  const scans = s.farmCodes.length
    ? {
        today: s.farmCodes.reduce((sum, f) => sum + f.scansToday, 0),
        days30: s.farmCodes.reduce((sum, f) => sum + f.scans30d, 0),
      }
    : null;
  const points = s.servicePoints;
  return {
    state: 'ready',
    homestays: s.homestays,
    scans,
    products,
    scansOf: owner?.regionCode
      ? { code: owner.regionCode, name: owner.regionName ?? owner.regionCode }
      : null,
    servicePoints: points
      ? { ...points, openRate: points.total > 0 ? points.open / points.total : null }
      : null,
  } as const;
}

// --- nearby facilities (village) ---

export function nearbyView(
  s: GrassrootsSnapshot | undefined,
  kinds: readonly ('parkingLot' | 'ambulanceStation' | 'hospital')[],
  limit: number,
) {
  if (!s) return { state: 'loading' } as const;
  const groups = kinds.map((kind) => ({
    kind,
    places: s.nearby
      .filter((p) => p.kind === kind)
      .sort((a, b) => a.distanceKm - b.distanceKm)
      .slice(0, limit),
  }));
  return { state: 'ready', groups } as const;
}

// --- place in the parent's rankings ---

export function parentRanksView(s: GrassrootsSnapshot | undefined) {
  if (!s) return { state: 'loading' } as const;
  const rows = s.parentRanks.map((r) => ({
    ...r,
    /** 0 = best third, 1 = middle, 2 = last third (colour). */
    tier: r.of <= 1 ? 0 : r.rank <= Math.ceil(r.of / 3) ? 0 : r.rank > r.of - Math.ceil(r.of / 3) ? 2 : 1,
  }));
  return { state: 'ready', rows, parentCode: s.parentRanks[0]?.parentCode ?? null } as const;
}

// --- map: event points by type and the heat of a time window ---

export const HEAT_WINDOWS = { '24h': 24, '3d': 72, '7d': 168 } as const;
export type HeatWindow = keyof typeof HEAT_WINDOWS;

/** Event points reported within the window before `nowMs` (the snapshot's time), of the types shown. */
export function pointsInWindow(
  points: readonly GrassrootsEventPoint[],
  nowMs: number,
  window: HeatWindow,
  hidden: ReadonlySet<GrassrootsEventType> = new Set(),
): GrassrootsEventPoint[] {
  const from = nowMs - HEAT_WINDOWS[window] * 3_600_000;
  return points.filter((p) => {
    const t = Date.parse(p.reportedAt);
    return t > from && t <= nowMs && !hidden.has(p.type);
  });
}

/**
 * Event density on a lon/lat grid: each event adds a Gaussian kernel (sigma in cells), weighted by severity
 * (high 3, medium 2, low 1); values normalised to 0..1 by the maximum. Returns null with no events.
 */
export function heatGrid(
  points: readonly Pick<GrassrootsEventPoint, 'lon' | 'lat' | 'severity'>[],
  bbox: [number, number, number, number],
  cols: number,
  rows: number,
  sigmaCells = 1.5,
): { values: Float32Array; cols: number; rows: number; bbox: [number, number, number, number] } | null {
  if (points.length === 0) return null;
  const [w, s, e, n] = bbox;
  const values = new Float32Array(cols * rows);
  const reach = Math.ceil(sigmaCells * 3);
  const weight = { high: 3, medium: 2, low: 1 } as const;
  for (const p of points) {
    const cx = ((p.lon - w) / (e - w)) * cols - 0.5;
    const cy = ((n - p.lat) / (n - s)) * rows - 0.5;
    for (let y = Math.max(0, Math.floor(cy - reach)); y <= Math.min(rows - 1, Math.ceil(cy + reach)); y++)
      for (let x = Math.max(0, Math.floor(cx - reach)); x <= Math.min(cols - 1, Math.ceil(cx + reach)); x++) {
        const d2 = (x - cx) ** 2 + (y - cy) ** 2;
        values[y * cols + x]! += weight[p.severity] * Math.exp(-d2 / (2 * sigmaCells * sigmaCells));
      }
  }
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  if (max > 0) for (let i = 0; i < values.length; i++) values[i]! /= max;
  return { values, cols, rows, bbox };
}

/** The bbox of some points, padded by `pad` of its size (at least 0.01°) on each side. */
export function paddedBbox(
  points: readonly { lon: number; lat: number }[],
  pad = 0.15,
): [number, number, number, number] | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  const dx = Math.max(0.01, (e - w) * pad);
  const dy = Math.max(0.01, (n - s) * pad);
  return [w - dx, s - dy, e + dx, n + dy];
}
