/**
 * The eco cockpit's figures, pure: from adapted upstream rows to contract parts. Every standard figure
 * comes from `@cockpit/domain/eco` (HJ 633-2012, GB 3838-2002, GB 3096-2008); the upstream's own AQI,
 * quality, class, limit and exceedance fields are ignored.
 */
import type {
  AqiReading,
  EcoAirStation,
  EcoEpisode,
  EcoNoisePoint,
  EcoSnapshot,
  EcoSurface,
  EcoWaterSection,
} from '@cockpit/contracts';
import {
  type AqiSample,
  assessNoise,
  assessSection,
  beijingDateOf,
  classifyWater,
  computeAqi,
  DAILY_EVALUATION_ITEMS,
  type DailyAqiRecord,
  dailyAirQuality,
  detectEpisodes,
  type HourlyAirSample,
  idwGrid,
  monthGoodDayShare,
  NOISE_LIMITS,
  noiseComplianceSummary,
  noisePeriodOfHour,
  trophicLevelIndex,
  upwindStations,
  WATER_CLASSES,
  WATER_PARAMETERS,
  type WaterSample,
  waterCompliance,
  yearToDateGoodDays,
} from '@cockpit/domain/eco';
import { booleanPointInPolygon } from '@turf/turf';
import type { AreaFeature } from '../../geo/hierarchy';
import { inRegion } from '../../indicators/rollup';
import type {
  AirObservation,
  AirStation,
  NoiseObservation,
  NoisePoint,
  WaterObservation,
  WaterStation,
  WindObservation,
} from '../../upstreams/env-monitor/adapter';

const HOUR_MS = 3600_000;
export const CONC_KEYS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_1h'] as const;
type ConcKey = (typeof CONC_KEYS)[number];
export type Concentrations = Record<ConcKey, number | null>;

/** The county's target share of good days (优良天数比例). */
export const GOOD_DAY_TARGET = 0.95;
export const IDW_METHOD = 'IDW p=2';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** HJ 633 hourly AQI of a set of concentrations; null when none is valid or the sample cannot be rated. */
export function hourlyReading(c: Concentrations): AqiReading | null {
  const sample: AqiSample = {};
  for (const k of CONC_KEYS) {
    const v = c[k];
    if (v !== null) sample[k] = v;
  }
  if (Object.keys(sample).length === 0) return null;
  try {
    const r = computeAqi(sample, { period: 'hour' });
    return {
      aqi: r.aqi,
      level: r.level,
      category: r.category,
      categoryEn: r.categoryEn,
      color: r.color,
      primary: r.primary,
      exceeding: r.exceeding,
      iaqi: r.iaqi,
    };
  } catch {
    // e.g. SO2 over 800 μg/m³ without its 24 h mean: no rating rather than a wrong one.
    return null;
  }
}

/** Mean concentration of each pollutant over observations (missing values left out). */
export function meanConcentrations(obs: readonly AirObservation[]): Concentrations {
  const out = {} as Concentrations;
  for (const k of CONC_KEYS) {
    const vs = obs.map((o) => o[k]).filter((v): v is number => v !== null);
    // Published precision: μg/m³ as integers, CO one decimal.
    out[k] = vs.length ? round(vs.reduce((a, b) => a + b, 0) / vs.length, k === 'co' ? 1 : 0) : null;
  }
  return out;
}

const concOf = (o: AirObservation): Concentrations => ({
  pm25: o.pm25,
  pm10: o.pm10,
  so2: o.so2,
  no2: o.no2,
  co: o.co,
  o3_1h: o.o3_1h,
});

/** History rows plus newer realtime rows, one per station and hour, oldest first. */
export function mergeAir(history: readonly AirObservation[], realtime: readonly AirObservation[]) {
  const byKey = new Map<string, AirObservation>();
  for (const o of [...history, ...realtime]) byKey.set(`${o.stationCode}@${o.at}`, o);
  return [...byKey.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Hours (ISO, end of hour) → observations of the given stations at that hour. */
function byHour(obs: readonly AirObservation[], stationCodes: ReadonlySet<string>) {
  const hours = new Map<string, AirObservation[]>();
  for (const o of obs) {
    if (!stationCodes.has(o.stationCode)) continue;
    const list = hours.get(o.at);
    if (list) list.push(o);
    else hours.set(o.at, [o]);
  }
  return hours;
}

export type RegionAirHour = { at: string; conc: Concentrations; reading: AqiReading | null };

/** The region's hourly AQI: mean concentrations of its stations each hour, then HJ 633. */
export function regionAirHours(obs: readonly AirObservation[], stationCodes: ReadonlySet<string>) {
  const out: RegionAirHour[] = [];
  for (const [at, list] of byHour(obs, stationCodes)) {
    const conc = meanConcentrations(list);
    out.push({ at, conc, reading: hourlyReading(conc) });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : 1));
}

/** Daily AQI per Beijing date from hourly region concentrations (hours labelled by their END). */
export function dailyAqi(hours: readonly RegionAirHour[]): EcoSnapshot['air']['daily'] {
  const byDate = new Map<string, HourlyAirSample[]>();
  for (const h of hours) {
    const atMs = Date.parse(h.at) - HOUR_MS; // start of the averaging hour
    const date = beijingDateOf(atMs);
    const list = byDate.get(date) ?? [];
    list.push({ atMs, ...h.conc, o3: h.conc.o3_1h });
    byDate.set(date, list);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, samples]) => {
      const r = dailyAirQuality(samples, { date });
      return {
        date,
        complete: r.complete,
        missing: DAILY_EVALUATION_ITEMS.filter((item) => r.incomplete.includes(item)),
        aqi: r.aqi?.aqi ?? null,
        level: r.aqi?.level ?? null,
        color: r.aqi?.color ?? null,
        primary: r.aqi?.primary ?? [],
      };
    });
}

/**
 * Month and year good-day share as of the latest date, against the target. The year to date counts the
 * stored daily history (`stored`: the region's HJ 633 daily AQI kept by the BFF) with the recent window.
 */
export function goodDays(
  daily: EcoSnapshot['air']['daily'],
  target = GOOD_DAY_TARGET,
  stored: readonly DailyAqiRecord[] = [],
): EcoSnapshot['air']['goodDays'] {
  const first = daily[0];
  const last = daily.at(-1);
  if (!first || !last) return null;
  const [y, m] = last.date.split('-').map(Number) as [number, number];
  // An incomplete day (HJ 663: a pollutant short of valid hours) is not a valid evaluation day.
  const records = daily.map((d) => ({ date: d.date, aqi: d.aqi, complete: d.complete !== false }));
  const month = monthGoodDayShare(records, y, m);
  const year = yearToDateGoodDays(stored, records, { target, asOf: last.date });
  return {
    target,
    month: pickShare(month),
    year: {
      ...pickShare(year),
      slackDays: year.slackDays,
      reachable: year.reachable,
      onTrack: year.onTrack,
      countedDays: year.countedDays,
      storedDays: year.storedDays,
    },
    historyFrom: year.firstDate ?? first.date,
  };
}

const pickShare = (s: {
  from: string;
  to: string;
  validDays: number;
  goodDays: number;
  share: number | null;
}) => ({
  from: s.from,
  to: s.to,
  validDays: s.validDays,
  goodDays: s.goodDays,
  share: s.share,
});

/** Every station with its latest hour. */
export function airStations(
  stations: readonly AirStation[],
  obs: readonly AirObservation[],
): EcoAirStation[] {
  const latest = new Map<string, AirObservation>();
  for (const o of obs) latest.set(o.stationCode, o);
  return stations.map((s) => {
    const o = latest.get(s.code);
    const conc: Concentrations = o
      ? concOf(o)
      : { pm25: null, pm10: null, so2: null, no2: null, co: null, o3_1h: null };
    return {
      code: s.code,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      villageCode: s.villageCode,
      townshipCode: s.townshipCode,
      kind: s.kind,
      at: o?.at ?? null,
      concentrations: conc,
      reading: hourlyReading(conc),
    };
  });
}

/** PM2.5 over the county by inverse-distance weighting (p = 2) between stations, cells outside it null. */
export function pm25Surface(
  stations: readonly EcoAirStation[],
  county: AreaFeature,
  bbox: readonly [number, number, number, number],
  cellSizeDeg = 0.01,
): EcoSurface | null {
  const points = stations.flatMap((s) =>
    s.concentrations.pm25 === null ? [] : [{ lon: s.lon, lat: s.lat, value: s.concentrations.pm25 }],
  );
  const at = stations
    .map((s) => s.at)
    .filter((a): a is string => a !== null)
    .sort()
    .at(-1);
  if (points.length === 0 || !at) return null;
  // Every region's snapshot shows the same county surface: made once per set of readings, not per region.
  const key = `${at}|${bbox.join(',')}|${cellSizeDeg}|${points.map((p) => `${p.lon},${p.lat},${p.value}`).join(';')}`;
  if (lastSurface?.county === county && lastSurface.key === key) return lastSurface.surface;
  const surface = computeSurface(points, at, county, bbox, cellSizeDeg);
  lastSurface = { county, key, surface };
  return surface;
}

let lastSurface: { county: AreaFeature; key: string; surface: EcoSurface } | undefined;

function computeSurface(
  points: { lon: number; lat: number; value: number }[],
  at: string,
  county: AreaFeature,
  bbox: readonly [number, number, number, number],
  cellSizeDeg: number,
): EcoSurface {
  const grid = idwGrid(points, { bbox, cellSizeDeg, power: 2 });
  const [west, , , north] = grid.bbox;
  const [dLon, dLat] = grid.cellSizeDeg;
  const values: (number | null)[] = [];
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const v = grid.values[r * grid.cols + c]!;
      const centre: [number, number] = [west + (c + 0.5) * dLon, north - (r + 0.5) * dLat];
      values.push(Number.isFinite(v) && booleanPointInPolygon(centre, county) ? round(v, 1) : null);
    }
  }
  return {
    method: IDW_METHOD,
    pollutant: 'pm25',
    unit: 'μg/m³',
    at,
    bbox: grid.bbox,
    cols: grid.cols,
    rows: grid.rows,
    cellSizeDeg: grid.cellSizeDeg,
    values,
  };
}

/**
 * AQI > 100 for ≥ 2 h at each station (its own hourly AQI), with the stations upwind at the episode's
 * start (wind at that station, ±45°). `sinceMs` keeps the recent ones.
 */
export function episodes(
  stations: readonly AirStation[],
  obs: readonly AirObservation[],
  wind: readonly WindObservation[],
  sinceMs: number,
): EcoEpisode[] {
  const latestMs = Math.max(...obs.map((o) => Date.parse(o.at)));
  const out: EcoEpisode[] = [];
  for (const s of stations) {
    const series = obs
      .filter((o) => o.stationCode === s.code)
      .map((o) => ({ atMs: Date.parse(o.at) - HOUR_MS, aqi: hourlyReading(concOf(o))?.aqi ?? null }));
    for (const e of detectEpisodes(s.code, series)) {
      if (e.endMs < sinceMs) continue;
      const startHourEnd = new Date(e.startMs + HOUR_MS).toISOString();
      const w = wind.find((x) => x.stationCode === s.code && x.at === startHourEnd);
      const upwind =
        w && w.speedMs >= 0.5
          ? upwindStations(
              s,
              stations.filter((o) => o.code !== s.code),
              w.fromDeg,
            ).map((u) => ({ code: u.station.code, name: u.station.name, distanceM: Math.round(u.distanceM) }))
          : [];
      out.push({
        stationCode: s.code,
        stationName: s.name,
        startAt: new Date(e.startMs).toISOString(),
        endAt: new Date(e.endMs).toISOString(),
        hours: e.hours,
        peakAqi: e.peakAqi,
        ongoing: e.endMs >= latestMs,
        windFromDeg: w?.fromDeg ?? null,
        upwind,
      });
    }
  }
  return out.sort((a, b) => (a.startAt < b.startAt ? 1 : -1));
}

const waterSample = (o: WaterObservation): WaterSample => {
  const s: WaterSample = {};
  for (const k of ['ph', 'do', 'codMn', 'nh3n', 'tp', 'tn'] as const) {
    const v = o[k];
    if (v !== null) s[k] = v;
  }
  return s;
};

const PARAM_NAME = new Map(WATER_PARAMETERS.map((p) => [p.key, p.name]));

/** Each section's GB 3838 class now, its share of samples meeting the target, and what fails. */
export function waterSections(
  sections: readonly WaterStation[],
  obs: readonly WaterObservation[],
): EcoWaterSection[] {
  return sections.map((s) => {
    const samples = obs
      .filter((o) => o.sectionCode === s.code)
      .map((o) => ({ atMs: Date.parse(o.at), sample: waterSample(o) }))
      .filter((x) => Object.keys(x.sample).length > 0);
    const c = waterCompliance(
      { sectionId: s.code, target: s.targetClass, waterbody: s.waterbody, method: 'official' },
      samples,
    );
    const info = c.current ? WATER_CLASSES[c.current.class - 1] : undefined;
    const lake = s.waterbody === 'lake' ? lakeStatus(s, obs) : {};
    return {
      code: s.code,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      villageCode: s.villageCode,
      townshipCode: s.townshipCode,
      river: s.river,
      waterbody: s.waterbody,
      targetClass: s.targetClass,
      at: c.current ? new Date(c.current.atMs).toISOString() : null,
      class: c.current?.class ?? null,
      label: c.current?.label ?? null,
      color: info?.color ?? null,
      compliant: c.current?.compliant ?? null,
      share: c.share,
      samples: c.samples,
      ...lake,
      failing: c.failing.map((f) => ({
        parameter: f.parameter,
        label: PARAM_NAME.get(f.parameter) ?? f.parameter,
        value: f.value,
        ...(f.limit.min !== undefined ? { limitMin: f.limit.min } : {}),
        ...(f.limit.max !== undefined ? { limitMax: f.limit.max } : {}),
      })),
    };
  });
}

/** A lake's or reservoir's TN status and trophic level (TLI), from its latest samples that carry them. */
function lakeStatus(
  s: WaterStation,
  obs: readonly WaterObservation[],
): Pick<EcoWaterSection, 'tn' | 'trophic'> {
  const mine = obs.filter((o) => o.sectionCode === s.code).sort((a, b) => (a.at < b.at ? 1 : -1));
  const withTn = mine.find((o) => o.tn !== null);
  const target = WATER_CLASSES.find((c) => c.label === s.targetClass)?.class ?? 3;
  let tn: EcoWaterSection['tn'] = null;
  if (withTn && withTn.tn !== null) {
    const cls = classifyWater({ tn: withTn.tn }, { waterbody: 'lake' }).class;
    tn = { class: cls, label: WATER_CLASSES[cls - 1]!.label, value: withTn.tn, meetsTarget: cls <= target };
  }
  const full = mine.find(
    (o) => o.chla !== null && o.tp !== null && o.tn !== null && o.sd !== null && o.codMn !== null,
  );
  const trophic = full
    ? trophicLevelIndex({ chla: full.chla!, tp: full.tp!, tn: full.tn!, sd: full.sd!, codMn: full.codMn! })
    : null;
  return { tn, trophic };
}

/** Start of the current run of samples below the section's target (null when it meets it now). */
export function belowTargetSince(
  section: Pick<EcoWaterSection, 'code' | 'targetClass' | 'waterbody' | 'compliant'>,
  obs: readonly WaterObservation[],
): string | null {
  if (section.compliant !== false) return null;
  const target = WATER_CLASSES.find((c) => c.label === section.targetClass)?.class ?? 3;
  const samples = obs.filter((o) => o.sectionCode === section.code).sort((a, b) => (a.at < b.at ? -1 : 1));
  let since: string | null = null;
  for (const o of samples) {
    const { tn, ...s } = waterSample(o); // the official class leaves TN out (环办〔2011〕22号)
    if (Object.keys(s).length === 0) continue;
    const below = assessSection(s, { waterbody: section.waterbody }).class > target;
    since = below ? (since ?? o.at) : null;
  }
  return since;
}

export function waterClassCounts(sections: readonly EcoWaterSection[]) {
  return WATER_CLASSES.map((c) => ({
    label: c.label,
    color: c.color,
    count: sections.filter((s) => s.class === c.class).length,
  }));
}

/** Noise points: latest hour, latest assessed day and night (energy averages), night exceedances. */
export function noise(points: readonly NoisePoint[], obs: readonly NoiseObservation[]) {
  const samplesOf = (code: string) =>
    obs.filter((o) => o.pointCode === code).map((o) => ({ atMs: Date.parse(o.at) - HOUR_MS, leq: o.leq }));
  const summary = noiseComplianceSummary(
    points.map((p) => ({ siteId: p.code, zone: p.zone, samples: samplesOf(p.code) })),
  );
  const result: EcoNoisePoint[] = points.map((p) => {
    const limits = NOISE_LIMITS[p.zone];
    const samples = samplesOf(p.code);
    const last = samples.at(-1);
    const periodOfLast = last ? noisePeriodOfHour(last.atMs).period : null;
    const latestAssessed = (period: 'day' | 'night') => {
      const r = summary.periods
        .filter((x) => x.siteId === p.code && x.period === period && x.sufficient)
        .at(-1);
      return r
        ? {
            leq: round(r.leq, 1),
            limit: r.assessment.limit,
            compliant: r.assessment.compliant,
            exceedanceDb: Math.max(0, round(r.leq - r.assessment.limit, 2)),
            hours: r.hours,
          }
        : null;
    };
    const nightOver = samples.filter(
      (s) => noisePeriodOfHour(s.atMs).period === 'night' && s.leq > limits.night,
    );
    return {
      code: p.code,
      name: p.name,
      lon: p.lon,
      lat: p.lat,
      villageCode: p.villageCode,
      townshipCode: p.townshipCode,
      zone: p.zone,
      limits: { day: limits.day, night: limits.night },
      at: last ? new Date(last.atMs + HOUR_MS).toISOString() : null,
      leq: last?.leq ?? null,
      compliant:
        last && periodOfLast
          ? assessNoise({ zone: p.zone, period: periodOfLast, leq: last.leq }).compliant
          : null,
      day: latestAssessed('day'),
      night: latestAssessed('night'),
      nightExceedanceHours: nightOver.length,
      maxNightExceedanceDb: nightOver.length
        ? round(Math.max(...nightOver.map((s) => s.leq - limits.night)), 1)
        : 0,
    };
  });
  const zones = summary.zones.map((z) => ({
    zone: z.zone,
    limits: z.limits,
    sites: z.sites,
    dayShare: z.day.share,
    nightShare: z.night.share,
    nightExceedanceHours: z.nightExceedances.hours,
    maxNightExceedanceDb: z.nightExceedances.maxExceedanceDb,
  }));
  return { points: result, zones };
}

export const stationsIn = <T extends { villageCode: string }>(code: string, xs: readonly T[]) =>
  xs.filter((x) => inRegion(code, x.villageCode));

/** The share of the assessed (non-null) ones that are true; null when none is assessed. */
const knownShare = (xs: readonly (boolean | null)[]) => {
  const known = xs.filter((x): x is boolean => x !== null);
  return known.length ? known.filter(Boolean).length / known.length : null;
};

/** 断面水质达标率: sections whose latest sample meets their target ÷ sections with a sample. */
export const waterComplianceShare = (sections: readonly Pick<EcoWaterSection, 'compliant'>[]) =>
  knownShare(sections.map((s) => s.compliant));

/** 夜间噪声达标率: points whose latest assessed night is within the limit ÷ points with an assessed night. */
export const noiseNightShare = (points: readonly Pick<EcoNoisePoint, 'night'>[]) =>
  knownShare(points.map((p) => p.night?.compliant ?? null));
