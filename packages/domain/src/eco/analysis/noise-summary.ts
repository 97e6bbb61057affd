/**
 * Noise compliance by functional zone (声环境功能区达标) from hourly Leq samples, GB 3096-2008.
 *
 * - Ld / Ln are ENERGY averages of the hourly Leq over the period, not arithmetic means:
 *   L = 10·log10( mean( 10^(Li/10) ) ) — e.g. 60 and 70 dB average to 67.4 dB, not 65.
 * - Day = 06:00–22:00 (16 h), night = 22:00–06:00 (8 h), Beijing time (`noisePeriodAt`). An hour
 *   belongs to the period in which it STARTS (`atMs` = start of the hour). A night is labelled with the
 *   date on which it starts: 00:00–06:00 of D belong to the night of D − 1.
 * - A site-period is assessed only with at least `minDayHours` (default 12 of 16) / `minNightHours`
 *   (default 6 of 8) hours — 75 % coverage, this module's choice; thinner periods are reported with
 *   `sufficient: false` and left out of the shares.
 * - Compliance share per zone and period = compliant site-periods ÷ assessed site-periods
 *   (`assessNoise`: Leq ≤ limit complies).
 * - Night exceedances: night HOURS whose own Leq is over the zone's night limit (all hours, whatever
 *   the coverage), with the largest exceedance in dB (rounded to 0.1 like `assessNoise`).
 */
import type { NoiseAssessment, NoisePeriod, NoiseZone } from '../noise';
import { assessNoise, NOISE_LIMITS, NOISE_ZONES, noisePeriodAt } from '../noise';
import { addDays, BEIJING_OFFSET_MS, beijingDateOf, HOUR_MS } from './time';

export interface NoiseHourly {
  /** Start of the hour, epoch ms. */
  atMs: number;
  /** Hourly Leq, dB(A). */
  leq: number;
}

export interface NoiseSite {
  siteId: string;
  zone: NoiseZone;
  samples: readonly NoiseHourly[];
}

export interface NoisePeriodResult {
  siteId: string;
  zone: NoiseZone;
  /** Beijing date the period starts on. */
  date: string;
  period: NoisePeriod;
  hours: number;
  /** Energy-average Leq of the period's hours. */
  leq: number;
  sufficient: boolean;
  assessment: NoiseAssessment;
}

export interface PeriodCompliance {
  /** Assessed site-periods (sufficient coverage). */
  periods: number;
  compliant: number;
  share: number | null;
}

export interface NightExceedance {
  siteId: string;
  atMs: number;
  leq: number;
  exceedanceDb: number;
}

export interface ZoneNoiseSummary {
  zone: NoiseZone;
  limits: { day: number; night: number };
  sites: number;
  day: PeriodCompliance;
  night: PeriodCompliance;
  nightExceedances: {
    hours: number;
    maxExceedanceDb: number;
    /** The hour with the largest exceedance (first one on a tie), or null. */
    worst: NightExceedance | null;
  };
}

export interface NoiseSummary {
  /** Zones that have at least one site, in GB 3096 zone order. */
  zones: ZoneNoiseSummary[];
  /** Every site-period, by site, date, then day before night. */
  periods: NoisePeriodResult[];
}

export interface NoiseSummaryOptions {
  /** Default 12. */
  minDayHours?: number;
  /** Default 6. */
  minNightHours?: number;
}

/** Energy average of sound levels in dB: 10·log10(mean(10^(L/10))). RangeError when empty or non-finite. */
export function energyAverageDb(levels: readonly number[]): number {
  if (levels.length === 0) throw new RangeError('energyAverageDb: no levels');
  let sum = 0;
  for (const l of levels) {
    if (!Number.isFinite(l)) throw new RangeError(`energyAverageDb: levels must be finite, got ${l}`);
    sum += 10 ** (l / 10);
  }
  return 10 * Math.log10(sum / levels.length);
}

/** Period and the date it starts on, for the hour starting at `atMs`. */
export function noisePeriodOfHour(atMs: number): { period: NoisePeriod; date: string } {
  const period = noisePeriodAt(new Date(atMs));
  const date = beijingDateOf(atMs);
  const hour = new Date(atMs + BEIJING_OFFSET_MS).getUTCHours();
  // 00:00–06:00: the night began the previous evening.
  return { period, date: period === 'night' && hour < 6 ? addDays(date, -1) : date };
}

const periodRank = (p: NoisePeriod) => (p === 'day' ? 0 : 1);

/** Zone summary of noise compliance (rules in the module comment). */
export function noiseComplianceSummary(
  sites: readonly NoiseSite[],
  opts: NoiseSummaryOptions = {},
): NoiseSummary {
  const fn = 'noiseComplianceSummary';
  const minHours: Record<NoisePeriod, number> = {
    day: opts.minDayHours ?? 12,
    night: opts.minNightHours ?? 6,
  };
  const periods: NoisePeriodResult[] = [];
  const byZone = new Map<NoiseZone, { sites: number; night: NightExceedance[] }>();
  const seenSites = new Set<string>();

  for (const site of sites) {
    if (!Object.hasOwn(NOISE_LIMITS, site.zone)) {
      throw new RangeError(`${fn}: unknown zone ${JSON.stringify(site.zone)} of site ${site.siteId}`);
    }
    if (seenSites.has(site.siteId)) throw new RangeError(`${fn}: duplicate site ${site.siteId}`);
    seenSites.add(site.siteId);
    const limits = NOISE_LIMITS[site.zone];
    let z = byZone.get(site.zone);
    if (!z) {
      z = { sites: 0, night: [] };
      byZone.set(site.zone, z);
    }
    z.sites++;

    const groups = new Map<string, { date: string; period: NoisePeriod; levels: number[] }>();
    const hoursSeen = new Set<number>();
    for (const h of site.samples) {
      if (!Number.isFinite(h.atMs) || !Number.isFinite(h.leq)) {
        throw new RangeError(`${fn}: site ${site.siteId}: atMs and leq must be finite`);
      }
      const hourKey = Math.floor(h.atMs / HOUR_MS);
      if (hoursSeen.has(hourKey)) {
        throw new RangeError(
          `${fn}: site ${site.siteId}: two samples in hour ${new Date(h.atMs).toISOString()}`,
        );
      }
      hoursSeen.add(hourKey);
      const { period, date } = noisePeriodOfHour(h.atMs);
      const key = `${date}/${period}`;
      let g = groups.get(key);
      if (!g) {
        g = { date, period, levels: [] };
        groups.set(key, g);
      }
      g.levels.push(h.leq);
      if (period === 'night' && h.leq > limits.night) {
        const a = assessNoise({ zone: site.zone, period: 'night', leq: h.leq });
        z.night.push({ siteId: site.siteId, atMs: h.atMs, leq: h.leq, exceedanceDb: a.exceedance });
      }
    }
    const sitePeriods = [...groups.values()].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : periodRank(a.period) - periodRank(b.period),
    );
    for (const g of sitePeriods) {
      const leq = energyAverageDb(g.levels);
      periods.push({
        siteId: site.siteId,
        zone: site.zone,
        date: g.date,
        period: g.period,
        hours: g.levels.length,
        leq,
        sufficient: g.levels.length >= minHours[g.period],
        assessment: assessNoise({ zone: site.zone, period: g.period, leq }),
      });
    }
  }

  const compliance = (zone: NoiseZone, period: NoisePeriod): PeriodCompliance => {
    const ps = periods.filter((p) => p.zone === zone && p.period === period && p.sufficient);
    const compliant = ps.filter((p) => p.assessment.compliant).length;
    return { periods: ps.length, compliant, share: ps.length === 0 ? null : compliant / ps.length };
  };

  const zones: ZoneNoiseSummary[] = [];
  for (const info of NOISE_ZONES) {
    const z = byZone.get(info.zone);
    if (!z) continue;
    let worst: NightExceedance | null = null;
    for (const e of z.night) {
      if (worst === null || e.leq - info.night > worst.leq - info.night) worst = e;
    }
    zones.push({
      zone: info.zone,
      limits: { day: info.day, night: info.night },
      sites: z.sites,
      day: compliance(info.zone, 'day'),
      night: compliance(info.zone, 'night'),
      nightExceedances: {
        hours: z.night.length,
        maxExceedanceDb: worst === null ? 0 : worst.exceedanceDb,
        worst,
      },
    });
  }
  return { zones, periods };
}
