/**
 * Parking guidance (停车诱导): rank the lots for a destination.
 *
 * Scoring is a GENERALISED COST in minutes, computed for each lot on its own (no normalisation against the
 * other candidates, which is what makes the ranking monotonic):
 *
 *   cost = drive minutes
 *        + walkWeight × walk minutes            (walk minutes = walk metres ÷ 1.2 m/s ≈ 4.3 km/h)
 *        + price per hour × stay hours ÷ value of time per minute
 *        + fullRiskMinutes × exp(−free on arrival ÷ freeScale)   (expected cost of finding it full / queueing)
 *
 * Lower cost ranks first; ties break by lotId (code-unit order, locale-independent). Each term is
 * non-decreasing in drive time, walk distance and price and non-increasing in the free berths on arrival,
 * so improving any one of them never makes a lot rank lower.
 *
 * Defaults (configurable, judgement values — not calibrated on Tiantai data): walking valued 1.5× driving
 * time; 2 h stay; value of time 60 CNY/h (1 CNY ≙ 1 min — price is the last criterion, so it weighs least:
 * 5 CNY/h for 2 h ≙ 10 min); an unknown price assumed 2 CNY/h (a common county-town tariff); full-risk
 * penalty 12 min with a 5-berth scale (1 free → 9.8 min, 5 → 4.4, 20 → 0.2).
 *
 * Distances without a road network: drive = straight line × 1.4 road factor at 30 km/h (urban average
 * incl. junctions), flagged `estimated`; walk = straight line × 1.25 detour factor.
 */
import type { LonLat } from '../geo/bbox';
import { haversineM, type RouteResult } from '../routing/index';
import { fullThreshold } from './predict';
import type { LocalizedText } from './types';

export type { LocalizedText };

export interface PoiPreset {
  id: string;
  name: LocalizedText;
  lon: number;
  lat: number;
  /** true when the position is an approximation (not surveyed). */
  approximate: boolean;
}

/** Preset destinations (points of interest) offered in the guidance panel. */
export const POI_PRESETS: readonly PoiPreset[] = [
  {
    id: 'guoqing-temple',
    name: { zh: '国清寺', en: 'Guoqing Temple' },
    lon: 121.0415,
    lat: 29.1747,
    approximate: false,
  },
  {
    id: 'tiantaishan-visitor-center',
    name: { zh: '天台山游客中心', en: 'Mount Tiantai Visitor Center' },
    lon: 121.05,
    lat: 29.18,
    approximate: true,
  },
  {
    id: 'county-peoples-hospital',
    name: { zh: '天台县人民医院', en: "Tiantai County People's Hospital" },
    lon: 121.028,
    lat: 29.143,
    approximate: true,
  },
  {
    id: 'city-core',
    name: { zh: '城区核心（县政府一带）', en: 'Town centre (county government area)' },
    lon: 121.005,
    lat: 29.143,
    approximate: true,
  },
];

/** A destination: a map click, a searched place, or a preset point of interest. */
export type Destination =
  | { kind: 'click'; lon: number; lat: number }
  | { kind: 'search'; name: string; lon: number; lat: number }
  | { kind: 'preset'; id: string };

export interface ResolvedDestination {
  position: LonLat;
  label: LocalizedText | null;
  approximate: boolean;
}

function assertLonLat(lon: number, lat: number): void {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    throw new RangeError(`invalid position (${lon}, ${lat})`);
}

/** The position (and label) of a destination; null for an unknown preset id. */
export function resolveDestination(dest: Destination): ResolvedDestination | null {
  switch (dest.kind) {
    case 'preset': {
      const p = POI_PRESETS.find((x) => x.id === dest.id);
      return p ? { position: [p.lon, p.lat], label: p.name, approximate: p.approximate } : null;
    }
    case 'search':
      assertLonLat(dest.lon, dest.lat);
      return { position: [dest.lon, dest.lat], label: { zh: dest.name, en: dest.name }, approximate: false };
    case 'click':
      assertLonLat(dest.lon, dest.lat);
      return { position: [dest.lon, dest.lat], label: null, approximate: false };
    default:
      return null;
  }
}

/** Straight-line → road distance factor for the drive estimate. */
export const ROAD_FACTOR = 1.4;
/** Average urban driving speed for the drive estimate, km/h. */
export const ESTIMATED_DRIVE_KPH = 30;
/** Straight-line → walking distance factor. */
export const WALK_DETOUR_FACTOR = 1.25;
/** Walking speed used for the walk-time term, m/s (≈ 4.3 km/h). */
export const WALK_SPEED_MPS = 1.2;
/** Lots farther than this walk from the destination are excluded (unless none qualifies). */
export const DEFAULT_MAX_WALK_M = 1200;

export interface DriveEstimate {
  seconds: number;
  meters: number;
  /** true: straight line × 1.4 at 30 km/h; false: from a road-network route. */
  estimated: boolean;
}

/** Drive time without a road network: haversine × 1.4 at 30 km/h. */
export function estimateDrive(from: LonLat, to: LonLat): DriveEstimate {
  assertLonLat(from[0], from[1]);
  assertLonLat(to[0], to[1]);
  const meters = haversineM(from[0], from[1], to[0], to[1]) * ROAD_FACTOR;
  return { seconds: meters / (ESTIMATED_DRIVE_KPH / 3.6), meters, estimated: true };
}

/** Drive time from a road-network route, falling back to `estimateDrive` when there is no route. */
export function driveFromRoute(result: RouteResult | null, from: LonLat, to: LonLat): DriveEstimate {
  if (!result) return estimateDrive(from, to);
  return { seconds: result.durationS, meters: result.distanceM, estimated: false };
}

/** Walking distance: haversine × 1.25 detour factor, metres. */
export function walkMeters(from: LonLat, to: LonLat): number {
  assertLonLat(from[0], from[1]);
  assertLonLat(to[0], to[1]);
  return haversineM(from[0], from[1], to[0], to[1]) * WALK_DETOUR_FACTOR;
}

export interface LotCandidate {
  lotId: string;
  name: string;
  capacity: number;
  freeNow: number;
  /** Expected free berths when the driver arrives (the prediction at the drive-time horizon). */
  freeOnArrival: number;
  driveSeconds: number;
  walkMeters: number;
  /** CNY per hour; 0 = free of charge; undefined = unknown. */
  pricePerHour?: number;
  /** true when driveSeconds is a straight-line estimate. */
  driveEstimated?: boolean;
}

export interface RankWeights {
  /** Multiplier of walk minutes relative to drive minutes. */
  walkWeight: number;
  /** Expected stay, hours (price × stay = parking fee). */
  stayHours: number;
  /** Value of time, CNY per hour (converts the fee to minutes). */
  valueOfTimePerHour: number;
  /** Price assumed for lots of unknown price, CNY per hour. */
  unknownPricePerHour: number;
  /** Penalty in minutes for a lot expected to be full on arrival. */
  fullRiskMinutes: number;
  /** Free berths over which the full-risk penalty decays by e. */
  freeScale: number;
}

export const DEFAULT_WEIGHTS: Readonly<RankWeights> = {
  walkWeight: 1.5,
  stayHours: 2,
  valueOfTimePerHour: 60,
  unknownPricePerHour: 2,
  fullRiskMinutes: 12,
  freeScale: 5,
};

export interface RankOptions {
  weights?: Partial<RankWeights>;
  /** How many lots to return (default 3). */
  topN?: number;
  /** Maximum walk from lot to destination, metres (default 1,200). */
  maxWalkM?: number;
  /** Drive up to this is a SHORT_DRIVE, seconds (default 300). */
  shortDriveS?: number;
  /** Walk up to this is a SHORT_WALK, metres (default 300). */
  shortWalkM?: number;
  /** Known price up to this is CHEAP, CNY per hour (default 2). */
  cheapPricePerHour?: number;
}

export type ReasonCode =
  | 'FREE_ON_ARRIVAL'
  | 'FULL_RISK'
  | 'SHORT_DRIVE'
  | 'DRIVE_TIME'
  | 'SHORT_WALK'
  | 'WALK'
  | 'LONG_WALK'
  | 'FREE_OF_CHARGE'
  | 'CHEAP'
  | 'PRICE'
  | 'PRICE_UNKNOWN';

export interface Reason {
  code: ReasonCode;
  /** The number behind the reason (berths, seconds, metres or CNY/h); null for PRICE_UNKNOWN. */
  value: number | null;
  text: LocalizedText;
}

export interface CostBreakdown {
  driveMin: number;
  walkMin: number;
  priceMin: number;
  fullRiskMin: number;
  total: number;
}

export interface RankedLot {
  rank: number;
  lotId: string;
  name: string;
  /** Generalised cost in minutes (lower is better). */
  cost: number;
  breakdown: CostBreakdown;
  reasons: Reason[];
  candidate: LotCandidate;
}

export type ExclusionCode = 'NO_FREE_ON_ARRIVAL' | 'TOO_FAR_TO_WALK' | 'INVALID';

export interface RankResult {
  recommendations: RankedLot[];
  /** 'walk' when no lot was within the walk limit and the limit was dropped. */
  relaxed: 'walk' | null;
  excluded: { lotId: string; code: ExclusionCode }[];
}

function validCandidate(c: LotCandidate): boolean {
  const nums = [c.capacity, c.freeNow, c.freeOnArrival, c.driveSeconds, c.walkMeters];
  if (!nums.every(Number.isFinite) || c.driveSeconds < 0 || c.walkMeters < 0 || c.capacity < 0) return false;
  return c.pricePerHour === undefined || (Number.isFinite(c.pricePerHour) && c.pricePerHour >= 0);
}

/** Generalised cost (minutes) of one candidate. */
export function lotCost(c: LotCandidate, weights: Partial<RankWeights> = {}): CostBreakdown {
  const w = { ...DEFAULT_WEIGHTS, ...weights };
  const driveMin = c.driveSeconds / 60;
  const walkMin = (w.walkWeight * c.walkMeters) / WALK_SPEED_MPS / 60;
  const price = c.pricePerHour ?? w.unknownPricePerHour;
  const priceMin = w.valueOfTimePerHour > 0 ? (price * w.stayHours) / (w.valueOfTimePerHour / 60) : 0;
  const fullRiskMin = w.fullRiskMinutes * Math.exp(-Math.max(0, c.freeOnArrival) / w.freeScale);
  return { driveMin, walkMin, priceMin, fullRiskMin, total: driveMin + walkMin + priceMin + fullRiskMin };
}

const fmtMeters = (m: number): LocalizedText => {
  if (m >= 1000) {
    const km = (Math.round(m / 100) / 10).toFixed(1);
    return { zh: `${km} 公里`, en: `${km} km` };
  }
  const r = Math.max(10, Math.round(m / 10) * 10);
  return { zh: `${r} 米`, en: `${r} m` };
};

const fmtPrice = (p: number): string => String(Math.round(p * 100) / 100);

function reasonsFor(
  c: LotCandidate,
  opts: Required<Omit<RankOptions, 'weights' | 'topN'>>,
  relaxed: boolean,
): Reason[] {
  const out: Reason[] = [];
  const free = Math.max(0, Math.round(c.freeOnArrival));
  out.push({
    code: 'FREE_ON_ARRIVAL',
    value: free,
    text: { zh: `预计到达时空余 ${free} 个泊位`, en: `${free} free berths expected on arrival` },
  });
  if (c.freeOnArrival <= fullThreshold(c.capacity))
    out.push({
      code: 'FULL_RISK',
      value: free,
      text: { zh: '到达时可能已满，请备选', en: 'May be full on arrival — keep an alternative' },
    });
  const min = Math.max(1, Math.ceil(c.driveSeconds / 60));
  const est = c.driveEstimated ? { zh: '（估算）', en: ' (estimated)' } : { zh: '', en: '' };
  out.push({
    code: c.driveSeconds <= opts.shortDriveS ? 'SHORT_DRIVE' : 'DRIVE_TIME',
    value: Math.round(c.driveSeconds),
    text: { zh: `驾车约 ${min} 分钟${est.zh}`, en: `About ${min} min drive${est.en}` },
  });
  const walk = fmtMeters(c.walkMeters);
  const walkCode: ReasonCode =
    c.walkMeters <= opts.shortWalkM
      ? 'SHORT_WALK'
      : relaxed && c.walkMeters > opts.maxWalkM
        ? 'LONG_WALK'
        : 'WALK';
  out.push({
    code: walkCode,
    value: Math.round(c.walkMeters),
    text:
      walkCode === 'LONG_WALK'
        ? { zh: `步行较远，约 ${walk.zh}`, en: `Long walk, about ${walk.en}` }
        : { zh: `步行约 ${walk.zh}`, en: `About ${walk.en} walk` },
  });
  if (c.pricePerHour === undefined)
    out.push({ code: 'PRICE_UNKNOWN', value: null, text: { zh: '收费标准未知', en: 'Price unknown' } });
  else if (c.pricePerHour === 0)
    out.push({ code: 'FREE_OF_CHARGE', value: 0, text: { zh: '免费停车', en: 'Free of charge' } });
  else {
    const p = fmtPrice(c.pricePerHour);
    out.push({
      code: c.pricePerHour <= opts.cheapPricePerHour ? 'CHEAP' : 'PRICE',
      value: c.pricePerHour,
      text:
        c.pricePerHour <= opts.cheapPricePerHour
          ? { zh: `收费低，${p} 元/小时`, en: `Cheap: ${p} CNY/h` }
          : { zh: `收费 ${p} 元/小时`, en: `${p} CNY/h` },
    });
  }
  return out;
}

const byIdOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rank candidate lots for a destination and return the best `topN` (default 3) with structured reasons.
 * Excluded: lots expected to have < 1 free berth on arrival, and lots farther than `maxWalkM` (default
 * 1,200 m) from the destination — unless no lot is within the walk limit, in which case the limit is dropped
 * and `relaxed: 'walk'` is returned (those lots get a LONG_WALK reason). Invalid candidates (non-finite or
 * negative numbers) are excluded as INVALID.
 */
export function rankLots(candidates: readonly LotCandidate[], options: RankOptions = {}): RankResult {
  const topN = options.topN ?? 3;
  if (!Number.isInteger(topN) || topN < 0) throw new RangeError(`topN must be an integer ≥ 0 (got ${topN})`);
  const opts = {
    maxWalkM: options.maxWalkM ?? DEFAULT_MAX_WALK_M,
    shortDriveS: options.shortDriveS ?? 300,
    shortWalkM: options.shortWalkM ?? 300,
    cheapPricePerHour: options.cheapPricePerHour ?? 2,
  };
  const excluded: RankResult['excluded'] = [];
  const withFree: LotCandidate[] = [];
  for (const c of candidates) {
    if (!validCandidate(c)) excluded.push({ lotId: c.lotId, code: 'INVALID' });
    else if (c.freeOnArrival < 1) excluded.push({ lotId: c.lotId, code: 'NO_FREE_ON_ARRIVAL' });
    else withFree.push(c);
  }
  const near = withFree.filter((c) => c.walkMeters <= opts.maxWalkM);
  const relaxed = near.length === 0 && withFree.length > 0;
  const pool = relaxed ? withFree : near;
  if (!relaxed)
    for (const c of withFree)
      if (c.walkMeters > opts.maxWalkM) excluded.push({ lotId: c.lotId, code: 'TOO_FAR_TO_WALK' });

  const scored = pool.map((c) => ({ c, b: lotCost(c, options.weights) }));
  scored.sort((x, y) => x.b.total - y.b.total || byIdOrder(x.c.lotId, y.c.lotId));
  const recommendations = scored.slice(0, topN).map(({ c, b }, i) => ({
    rank: i + 1,
    lotId: c.lotId,
    name: c.name,
    cost: b.total,
    breakdown: b,
    reasons: reasonsFor(c, opts, relaxed),
    candidate: c,
  }));
  excluded.sort((a, b) => byIdOrder(a.lotId, b.lotId));
  return { recommendations, relaxed: relaxed ? 'walk' : null, excluded };
}

export interface LotSite {
  lotId: string;
  name: string;
  capacity: number;
  freeNow: number;
  /** Entrance (or centroid) of the lot. */
  position: LonLat;
  pricePerHour?: number;
}

/**
 * Assemble a ranking candidate: drive from the origin (the supplied drive function, e.g. a road-network
 * route, or `estimateDrive`), walk to the destination, and the free berths expected on arrival from
 * `freeAt(lotId, driveMinutes)` (typically `predictFreeAt(...)` at the drive-time horizon).
 */
export function buildCandidate(
  lot: LotSite,
  origin: LonLat,
  destination: LonLat,
  freeAt: (lotId: string, horizonMin: number) => number,
  drive: (from: LonLat, to: LonLat) => DriveEstimate = estimateDrive,
): LotCandidate {
  const d = drive(origin, lot.position);
  const candidate: LotCandidate = {
    lotId: lot.lotId,
    name: lot.name,
    capacity: lot.capacity,
    freeNow: lot.freeNow,
    freeOnArrival: freeAt(lot.lotId, d.seconds / 60),
    driveSeconds: d.seconds,
    walkMeters: walkMeters(lot.position, destination),
    driveEstimated: d.estimated,
  };
  if (lot.pricePerHour !== undefined) candidate.pricePerHour = lot.pricePerHour;
  return candidate;
}
