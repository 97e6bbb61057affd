/**
 * Ambulance coverage of villages (急救半径覆盖). The caller computes each village's road travel time
 * from the nearest ambulance station (`travelTimesFrom` + `nodeTimesAtPoints` of the router).
 *
 * Rule: a village is covered when its travel time is ≤ `thresholdS` (default 900 s = 15 min; exactly
 * 900 s is covered) and a coverage gap otherwise. `Infinity` (unreachable or not snappable) is a gap.
 * Band shares are cumulative: the share of villages reached within 5 / 10 / 15 / 30 minutes.
 */
import { DEFAULT_BANDS } from '../routing/isochrone';

export interface VillageTravelTime {
  villageCode: string;
  townshipCode: string;
  /** Seconds from the nearest ambulance station; `Infinity` when unreachable. */
  seconds: number;
}

export interface CoverageOptions {
  /** Default 900 s. */
  thresholdS?: number;
  /** Cumulative bands, seconds ascending. Default 300, 600, 900, 1800 (the router's DEFAULT_BANDS). */
  bands?: readonly number[];
}

export interface CoverageBand {
  maxS: number;
  /** Villages with seconds ≤ maxS. */
  count: number;
  share: number;
}

export interface CoverageStats {
  villages: number;
  covered: number;
  gaps: number;
  /** Villages with an infinite travel time (included in gaps). */
  unreachable: number;
  coveredShare: number | null;
  within: CoverageBand[];
  /** The village with the longest travel time (ties: lowest code). */
  worst: { villageCode: string; seconds: number } | null;
}

export interface TownshipCoverage extends CoverageStats {
  townshipCode: string;
}

export interface CoverageSummary {
  thresholdS: number;
  /** Gap villages, worst first (ties by village code). */
  gaps: VillageTravelTime[];
  /** By township code. */
  townships: TownshipCoverage[];
  county: CoverageStats;
}

/** True when a travel time is within the coverage threshold (≤, default 900 s). */
export function isCovered(seconds: number, thresholdS = 900): boolean {
  return seconds <= thresholdS;
}

const worse = (a: VillageTravelTime, b: VillageTravelTime) =>
  b.seconds - a.seconds || (a.villageCode < b.villageCode ? -1 : a.villageCode > b.villageCode ? 1 : 0);

function statsOf(
  list: readonly VillageTravelTime[],
  thresholdS: number,
  bands: readonly number[],
): CoverageStats {
  const n = list.length;
  const covered = list.filter((v) => isCovered(v.seconds, thresholdS)).length;
  let worst: VillageTravelTime | null = null;
  for (const v of list) if (worst === null || worse(v, worst) < 0) worst = v;
  return {
    villages: n,
    covered,
    gaps: n - covered,
    unreachable: list.filter((v) => v.seconds === Number.POSITIVE_INFINITY).length,
    coveredShare: n === 0 ? null : covered / n,
    within: bands.map((maxS) => {
      const count = list.filter((v) => v.seconds <= maxS).length;
      return { maxS, count, share: n === 0 ? 0 : count / n };
    }),
    worst: worst === null ? null : { villageCode: worst.villageCode, seconds: worst.seconds },
  };
}

/**
 * Coverage gaps and per-township summary. Throws RangeError for a NaN or negative time, a duplicate
 * village code, a threshold ≤ 0, or bands that are not strictly ascending positive numbers.
 */
export function coverageSummary(
  villages: readonly VillageTravelTime[],
  opts: CoverageOptions = {},
): CoverageSummary {
  const thresholdS = opts.thresholdS ?? 900;
  const bands = opts.bands ?? DEFAULT_BANDS;
  if (!(thresholdS > 0)) throw new RangeError(`coverageSummary: thresholdS must be > 0, got ${thresholdS}`);
  bands.forEach((b, i) => {
    if (!(b > 0) || (i > 0 && b <= bands[i - 1]!)) {
      throw new RangeError('coverageSummary: bands must be strictly ascending positive seconds');
    }
  });
  const seen = new Set<string>();
  const groups = new Map<string, VillageTravelTime[]>();
  for (const v of villages) {
    if (typeof v.seconds !== 'number' || Number.isNaN(v.seconds) || v.seconds < 0) {
      throw new RangeError(
        `coverageSummary: village ${v.villageCode}: seconds must be ≥ 0 or Infinity, got ${String(v.seconds)}`,
      );
    }
    if (seen.has(v.villageCode)) {
      throw new RangeError(`coverageSummary: duplicate village ${JSON.stringify(v.villageCode)}`);
    }
    seen.add(v.villageCode);
    let g = groups.get(v.townshipCode);
    if (!g) {
      g = [];
      groups.set(v.townshipCode, g);
    }
    g.push(v);
  }
  return {
    thresholdS,
    gaps: villages.filter((v) => !isCovered(v.seconds, thresholdS)).sort(worse),
    townships: [...groups.keys()]
      .sort()
      .map((townshipCode) => ({ townshipCode, ...statsOf(groups.get(townshipCode)!, thresholdS, bands) })),
    county: statsOf(villages, thresholdS, bands),
  };
}
