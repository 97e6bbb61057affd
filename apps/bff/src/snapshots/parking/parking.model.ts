/**
 * The parking theme's shared computations (snapshot, guidance and lot detail use the same ones): the
 * holiday calendar, per-lot prediction profiles (built once per history refresh), and the contract view of
 * a lot with its prediction.
 */
import type { ParkingFreePrediction, ParkingGuideScreen, ParkingLot } from '@cockpit/contracts';
import { officialDayKind } from '@cockpit/domain/calendar';
import {
  buildProfile,
  checkScreens,
  type DayKindOf,
  type GuideScreen as DomainScreen,
  type LotStatus,
  type OccupancySample,
  occupancyLevel,
  occupancyRate,
  type Profile,
  predictFree,
  RECENT_WINDOW_MIN,
  SENSOR_SILENT_MS,
} from '@cockpit/domain/parking';
import type { GuideScreenState, LotHistory, ParkingLotState } from '../../upstreams/parking-platform/adapter';

/**
 * Public holidays and 调休 make-up workdays: the shared State Council schedule (`@cockpit/domain/calendar`,
 * 2025–2027, sources cited there). Outside it, weekday/weekend.
 */
export const PARKING_CALENDAR: DayKindOf = officialDayKind;

/** Histories of all lots as loaded together (one dataset value). */
export type HistoryBundle = { loadedAt: number; lots: ReadonlyMap<string, LotHistory> };

const profileMemo = new WeakMap<HistoryBundle, Map<string, Profile>>();

/** Prediction profiles per lot, built once per history refresh (memoised on the bundle object). */
export function profilesOf(bundle: HistoryBundle | undefined): ReadonlyMap<string, Profile> {
  if (!bundle) return new Map();
  let profiles = profileMemo.get(bundle);
  if (!profiles) {
    profiles = new Map();
    for (const [lotId, h] of bundle.lots) profiles.set(lotId, buildProfile(h.samples, PARKING_CALENDAR));
    profileMemo.set(bundle, profiles);
  }
  return profiles;
}

/** The data time: the latest lot report (the platform's "now"; real time may run at another pace). */
export function dataTimeOf(lots: readonly ParkingLotState[]): number | null {
  let max = Number.NEGATIVE_INFINITY;
  for (const l of lots) max = Math.max(max, Date.parse(l.updatedAt));
  return Number.isFinite(max) ? max : null;
}

const LIVE_KEEP_MS = 3 * 3600_000;

/**
 * The live readings of every lot seen at each refresh of the lots dataset, for the last 3 h. The histories
 * are refreshed rarely (hourly), so this fills the recent part: the trend of the prediction, the end of the
 * 24 h curve and the occupancy an hour ago for the flows. Observing the same lots value twice does nothing.
 */
export class LiveBuffer {
  private readonly seen = new WeakSet<object>();
  private readonly byLot = new Map<string, OccupancySample[]>();

  observe(lots: readonly ParkingLotState[] | undefined): void {
    if (!lots || this.seen.has(lots)) return;
    this.seen.add(lots);
    for (const lot of lots) {
      const at = Date.parse(lot.updatedAt);
      if (!Number.isFinite(at)) continue;
      let arr = this.byLot.get(lot.lotId);
      if (!arr) {
        arr = [];
        this.byLot.set(lot.lotId, arr);
      }
      const last = arr.at(-1);
      if (!last || at > last.at) arr.push({ at, occupied: lot.berthOccupied });
      while (arr.length > 0 && arr[0]!.at < at - LIVE_KEEP_MS) arr.shift();
    }
  }

  samples(lotId: string): readonly OccupancySample[] {
    return this.byLot.get(lotId) ?? [];
  }
}

const buffers = new WeakMap<object, LiveBuffer>();

/** One live buffer per service (keyed by its lots dataset object). */
export function liveBufferOf(key: object): LiveBuffer {
  let b = buffers.get(key);
  if (!b) {
    b = new LiveBuffer();
    buffers.set(key, b);
  }
  return b;
}

/** A lot's observations in [from, to]: history samples and live readings, by time, without duplicates. */
export function samplesBetween(
  lotId: string,
  history: LotHistory | undefined,
  live: LiveBuffer | undefined,
  from: number,
  to: number,
): OccupancySample[] {
  const byAt = new Map<number, number>();
  for (const s of history?.samples ?? []) if (s.at >= from && s.at <= to) byAt.set(s.at, s.occupied);
  for (const s of live?.samples(lotId) ?? []) if (s.at >= from && s.at <= to) byAt.set(s.at, s.occupied);
  return [...byAt.entries()].sort((a, b) => a[0] - b[0]).map(([at, occupied]) => ({ at, occupied }));
}

/** Recent observations of a lot: history and live readings within the recent window, plus the live reading. */
export function recentSamples(
  lot: ParkingLotState,
  history: LotHistory | undefined,
  nowMs: number,
  live?: LiveBuffer,
): OccupancySample[] {
  const samples = samplesBetween(lot.lotId, history, live, nowMs - RECENT_WINDOW_MIN * 60_000 + 1, nowMs);
  const at = Date.parse(lot.updatedAt);
  if (Number.isFinite(at) && at <= nowMs && !samples.some((s) => s.at === at))
    samples.push({ at, occupied: lot.berthOccupied });
  return samples;
}

export type PredictContext = {
  profiles: ReadonlyMap<string, Profile>;
  histories: ReadonlyMap<string, LotHistory>;
  live?: LiveBuffer | undefined;
  nowMs: number;
};

/** Predicted free berths of a lot at the given horizons (minutes). */
export function predictLot(
  lot: ParkingLotState,
  ctx: PredictContext,
  horizons: readonly number[],
): ParkingFreePrediction[] {
  const profile = ctx.profiles.get(lot.lotId) ?? buildProfile([], PARKING_CALENDAR);
  const recent = recentSamples(lot, ctx.histories.get(lot.lotId), ctx.nowMs, ctx.live);
  return predictFree(profile, recent, ctx.nowMs, horizons, lot.berthTotal, PARKING_CALENDAR).map((p) => ({
    horizonMin: p.horizonMin,
    at: new Date(p.atMs).toISOString(),
    free: p.free,
    lower: p.lower,
    upper: p.upper,
    method: p.method,
  }));
}

export function lotStatus(lot: ParkingLotState): LotStatus {
  return {
    lotId: lot.lotId,
    name: lot.name,
    berthTotal: lot.berthTotal,
    berthOccupied: lot.berthOccupied,
    updateTimeMs: Date.parse(lot.updatedAt),
  };
}

/** The contract view of a lot: live state, occupancy class and +15/+30/+60 prediction. */
export function lotView(lot: ParkingLotState, ctx: PredictContext): ParkingLot {
  const rate = occupancyRate(lot);
  return {
    lotId: lot.lotId,
    name: lot.name,
    kind: lot.kind,
    category: lot.category,
    lon: lot.lon,
    lat: lot.lat,
    villageCode: lot.villageCode,
    townshipCode: lot.townshipCode,
    berthTotal: lot.berthTotal,
    berthFree: lot.berthFree,
    berthOccupied: lot.berthOccupied,
    occupancyRate: rate === null ? null : Math.round(rate * 10000) / 10000,
    level: occupancyLevel(rate ?? 0),
    pricePerHour: lot.pricePerHour,
    updatedAt: lot.updatedAt,
    sensorSilent: ctx.nowMs - Date.parse(lot.updatedAt) > SENSOR_SILENT_MS,
    prediction: predictLot(lot, ctx, [15, 30, 60]),
  };
}

export function domainScreen(s: GuideScreenState): DomainScreen {
  return {
    screenId: s.screenId,
    name: s.name,
    tier: s.tier,
    targets: s.targets,
    online: s.online,
    lastHeartbeatMs: s.lastHeartbeatAt === null ? null : Date.parse(s.lastHeartbeatAt),
  };
}

/**
 * The platform's time as the guide-screen dataset shows it: the latest heartbeat any screen reported. A
 * screen's heartbeat is judged against this, not against the BFF's clock or the lots' data time: the two
 * datasets are fetched separately, and a late refresh of the screens (the BFF busy) must not make every
 * screen look silent. Without any heartbeat, the given fallback (the lots' data time).
 */
export function screensDataTime(screens: readonly GuideScreenState[], fallbackMs: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of screens) if (s.lastHeartbeatAt) max = Math.max(max, Date.parse(s.lastHeartbeatAt));
  return Number.isFinite(max) ? max : fallbackMs;
}

/** Screens with what they show, what they should show, and their issues. */
export function screenViews(
  screens: readonly GuideScreenState[],
  lots: readonly ParkingLotState[],
  nowMs: number,
): ParkingGuideScreen[] {
  const checks = checkScreens(screens.map(domainScreen), lots.map(lotStatus), nowMs);
  return screens.map((s, i) => {
    const check = checks[i]!;
    return {
      screenId: s.screenId,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      villageCode: s.villageCode,
      tier: s.tier,
      online: s.online,
      lastHeartbeatAt: s.lastHeartbeatAt,
      directions: check.expectedByDirection.map((d) => {
        const shown = s.targets.filter((t) => t.direction === d.direction).map((t) => t.displayFree);
        return {
          direction: d.direction,
          lotIds: d.lotIds,
          displayed: shown.some((v) => v === null) ? null : shown.reduce<number>((a, v) => a + (v ?? 0), 0),
          expectedFree: d.free,
          expectedText: d.text,
        };
      }),
      issues: check.issues.map((x) => ({ code: x.code, detail: x.detail })),
    };
  });
}
