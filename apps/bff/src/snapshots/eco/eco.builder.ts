import type {
  Alarm,
  Breakdown,
  EcoSnapshot,
  IndicatorDefinition,
  IndicatorValue,
  Series,
} from '@cockpit/contracts';
import type { DailyAqiRecord } from '@cockpit/domain/eco';
import { haversineM } from '@cockpit/domain/routing';
import type { Region } from '../../geo/hierarchy';
import type { DatasetRead } from '../../indicators/dataset-cache';
import { seedDefinitions } from '../../indicators/definitions';
import { airNowFrom, type EcoShares } from '../../indicators/value-registry';
import type {
  AirObservation,
  NoiseObservation,
  WaterObservation,
  WindObservation,
} from '../../upstreams/env-monitor/adapter';
import { readOf, type ThemeBuilder, type ValueInputs } from '../builder';
import { indicatorValues } from '../indicator-values';
import { sourceStatus } from '../values';
import {
  airStations,
  belowTargetSince,
  dailyAqi,
  episodes,
  goodDays,
  hourlyReading,
  meanConcentrations,
  mergeAir,
  noise,
  noiseNightShare,
  pm25Surface,
  regionAirHours,
  stationsIn,
  waterClassCounts,
  waterComplianceShare,
  waterSections,
} from './eco.compute';
import { type EcoSites, ecoDatasets, storedDailyAqi } from './eco.data';

const HOUR_MS = 3600_000;
const COUNTY = '331023';

type History<T> = { latestMs: number | null; rows: T[] };
export type EcoReads = {
  realtime: DatasetRead<AirObservation[]>;
  sites: DatasetRead<EcoSites>;
  airHistory: DatasetRead<History<AirObservation>>;
  wind: DatasetRead<History<WindObservation>>;
  water: DatasetRead<History<WaterObservation>>;
  noise: DatasetRead<History<NoiseObservation>>;
  /** The region's stored daily AQI (the year to date); absent in tests of the pure build. */
  storedDaily?: DatasetRead<DailyAqiRecord[]>;
};

/**
 * The environment datasets as the value functions read them: each region's current air reading from the
 * latest hour's observations, and its good-day, water and noise shares computed as the eco cockpit computes
 * them (memoised; `known` gives the shares a build has already computed for its region).
 */
function ecoValueInputs(opts: {
  reads: EcoReads;
  air: readonly AirObservation[];
  storedDailyOf: (code: string) => readonly DailyAqiRecord[];
  known?: { code: string; shares: EcoShares };
  observedAt?: { water: string | null; noise: string | null };
}): ValueInputs {
  const { reads, air } = opts;
  const sites = reads.sites.value ?? { air: [], water: [], noise: [] };
  const latestAt = air.at(-1)?.at ?? null;
  const latestObs = latestAt ? air.filter((o) => o.at === latestAt) : [];
  const memo = new Map<string, EcoShares>(opts.known ? [[opts.known.code, opts.known.shares]] : []);
  const sharesOf = (c: string): EcoShares => {
    let e = memo.get(c);
    if (!e) {
      const codes = new Set(stationsIn(c, sites.air).map((s) => s.code));
      const g = goodDays(dailyAqi(regionAirHours(air, codes)), undefined, [...opts.storedDailyOf(c)]);
      const w = waterSections(stationsIn(c, sites.water), reads.water.value?.rows ?? []);
      const n = noise(stationsIn(c, sites.noise), reads.noise.value?.rows ?? []);
      e = {
        goodDayShareMonth: g?.month.share ?? null,
        goodDayShareYear: g?.year.share ?? null,
        waterCompliance: waterComplianceShare(w),
        noiseNightCompliance: noiseNightShare(n.points),
      };
      memo.set(c, e);
    }
    return e;
  };
  return {
    units: { nowMs: latestAt ? Date.parse(latestAt) : 0, airNow: airNowFrom(latestObs), eco: sharesOf },
    reads: new Map<string, DatasetRead<unknown>>([
      ['env.airRealtime', worse(reads.realtime, reads.airHistory)],
      ['env.airHistory', reads.airHistory],
      ['eco.water', reads.water],
      ['eco.noise', reads.noise],
    ]),
    observedAt: (id) =>
      (id === 'eco.water'
        ? opts.observedAt?.water
        : id === 'eco.noise'
          ? opts.observedAt?.noise
          : latestAt) ?? undefined,
  };
}

/** The eco snapshot of one region, pure. */
export function buildEco(input: {
  region: Region;
  county: Region;
  townships: readonly Region[];
  children: readonly Region[];
  /** Any region by code (the roll-up walks down to the villages). */
  regionOf: (code: string) => Region | undefined;
  /** The stored indicator definitions (default: the seed). */
  definitions?: readonly IndicatorDefinition[];
  reads: EcoReads;
  now: number;
}): EcoSnapshot {
  const { region, reads } = input;
  const code = region.code;
  const sites = reads.sites.value ?? { air: [], water: [], noise: [] };
  const air = mergeAir(reads.airHistory.value?.rows ?? [], reads.realtime.value ?? []);
  const latestAt = air.at(-1)?.at ?? null;
  const latestObs = latestAt ? air.filter((o) => o.at === latestAt) : [];

  // Air: stations (all county ones on the map), region reading from the mean concentrations.
  const stations = airStations(sites.air, latestObs);
  const regionStations = stationsIn(code, sites.air);
  const regionCodes = new Set(regionStations.map((s) => s.code));
  const hours = regionAirHours(air, regionCodes);
  const latestHour = hours.at(-1);
  const current = latestHour && latestHour.at === latestAt ? latestHour : undefined;
  const daily = dailyAqi(hours);
  const good = goodDays(daily, undefined, reads.storedDaily?.value ?? []);
  const townships = input.townships
    .map((t) => {
      const inT = stationsIn(t.code, sites.air);
      const conc = meanConcentrations(latestObs.filter((o) => inT.some((s) => s.code === o.stationCode)));
      const reading = inT.length ? hourlyReading(conc) : null;
      return {
        regionCode: t.code,
        name: t.name,
        stations: inT.length,
        aqi: reading ? reading.aqi : null,
        color: reading ? reading.color : null,
        category: reading ? reading.category : null,
        pm25: inT.length ? conc.pm25 : null,
      };
    })
    .sort((a, b) => (a.aqi ?? Number.POSITIVE_INFINITY) - (b.aqi ?? Number.POSITIVE_INFINITY));
  const latestMs = latestAt ? Date.parse(latestAt) : input.now;
  const recentEpisodes = episodes(
    regionStations,
    air.filter((o) => regionCodes.has(o.stationCode)),
    reads.wind.value?.rows ?? [],
    latestMs - 72 * HOUR_MS,
  );
  const surface = pm25Surface(stations, input.county.feature, input.county.bbox);

  // Water and noise.
  const sections = waterSections(stationsIn(code, sites.water), reads.water.value?.rows ?? []);
  const noiseParts = noise(stationsIn(code, sites.noise), reads.noise.value?.rows ?? []);
  const waterShare = waterComplianceShare(sections);

  // Indicators with their freshness, through the registry of value functions (the region's own shares are
  // the ones computed above).
  const waterAt =
    sections
      .map((s) => s.at)
      .filter((a): a is string => a !== null)
      .sort()
      .at(-1) ?? null;
  const noiseAt =
    noiseParts.points
      .map((p) => p.at)
      .filter((a): a is string => a !== null)
      .sort()
      .at(-1) ?? null;
  const airRead = worse(reads.realtime, reads.airHistory);
  const values = indicatorValues({
    definitions: input.definitions ?? seedDefinitions(),
    regionOf: input.regionOf,
    ...ecoValueInputs({
      reads,
      air,
      storedDailyOf: () => reads.storedDaily?.value ?? [],
      known: {
        code,
        shares: {
          goodDayShareMonth: good?.month.share ?? null,
          goodDayShareYear: good?.year.share ?? null,
          waterCompliance: waterShare,
          noiseNightCompliance: noiseNightShare(noiseParts.points),
        },
      },
      observedAt: { water: waterAt, noise: noiseAt },
    }),
  });
  const indicators: IndicatorValue[] = values.ofTheme('eco', code);

  const series: Series[] = [
    {
      indicatorId: 'eco.aqi',
      unit: '',
      points: hours.map((h) => ({ at: h.at, value: h.reading?.aqi ?? null })),
      status: airRead.status,
    },
    {
      indicatorId: 'eco.pm25',
      unit: 'μg/m³',
      points: hours.map((h) => ({ at: h.at, value: h.conc.pm25 })),
      status: airRead.status,
    },
  ];

  const breakdowns: Breakdown[] = input.children.length
    ? [
        {
          indicatorId: 'eco.aqi',
          unit: values.definition('eco.aqi')?.unit ?? '',
          children: input.children.map((c) => ({
            regionCode: c.code,
            name: c.name,
            value: values.valueAt('eco.aqi', c.code),
          })),
        },
      ]
    : [];

  const alarms: Alarm[] = [
    ...recentEpisodes
      .filter((e) => e.ongoing)
      .map(
        (e): Alarm => ({
          id: `AIR_EPISODE:${e.stationCode}:${e.startAt}`,
          kind: 'AIR_EPISODE',
          severity: e.peakAqi > 150 ? 'alarm' : 'warning',
          title: {
            zh: `${e.stationName} AQI 超 100 已 ${e.hours} 小时（峰值 ${e.peakAqi}）${
              e.upwind.length ? `，上风向：${e.upwind.map((u) => u.name).join('、')}` : ''
            }`,
            en: `${e.stationName}: AQI over 100 for ${e.hours} h (peak ${e.peakAqi})${
              e.upwind.length ? `; upwind: ${e.upwind.map((u) => u.code).join(', ')}` : ''
            }`,
          },
          regionCode: e.stationCode
            ? (sites.air.find((s) => s.code === e.stationCode)?.villageCode ?? null)
            : null,
          entityId: e.stationCode,
          since: e.startAt,
        }),
      ),
    ...sections
      .filter((s) => s.compliant === false)
      .map(
        (s): Alarm => ({
          id: `WATER_BELOW_TARGET:${s.code}`,
          kind: 'WATER_BELOW_TARGET',
          severity: (s.class ?? 0) >= 5 ? 'alarm' : 'warning',
          title: {
            zh: `${s.name} ${s.label}类（目标 ${s.targetClass}类）：${s.failing.map((f) => `${f.label} ${f.value}（${limitText(f)}）`).join('、')}`,
            en: `${s.name} class ${s.label} (target ${s.targetClass}): ${s.failing.map((f) => `${f.parameter} ${f.value} (${limitText(f)})`).join(', ')}`,
          },
          regionCode: s.villageCode,
          entityId: s.code,
          since: belowTargetSince(s, reads.water.value?.rows ?? []),
        }),
      ),
    ...noiseParts.points
      .filter((p) => p.night && !p.night.compliant)
      .map(
        (p): Alarm => ({
          id: `NOISE_NIGHT:${p.code}`,
          kind: 'NOISE_NIGHT',
          severity: 'warning',
          title: {
            zh: `${p.name} 夜间 ${p.night!.leq.toFixed(1)} dB(A)，超标 ${dbText(p.night!.exceedanceDb)} dB(A)（${p.zone} 类区限值 ${p.limits.night}）`,
            en: `${p.name}: night ${p.night!.leq.toFixed(1)} dB(A), ${dbText(p.night!.exceedanceDb)} dB(A) over the zone ${p.zone} limit ${p.limits.night}`,
          },
          regionCode: p.villageCode,
          entityId: p.code,
          since: null,
        }),
      ),
  ];

  return {
    theme: 'eco',
    regionCode: code,
    level: region.level,
    generatedAt: new Date(input.now).toISOString(),
    indicators,
    series,
    breakdowns,
    sources: [
      sourceStatus('env-monitor', [
        reads.realtime,
        reads.sites,
        reads.airHistory,
        reads.wind,
        reads.water,
        reads.noise,
      ]),
    ],
    alarms,
    air: {
      at: latestAt,
      stationCount: regionStations.length,
      reading: current?.reading ?? null,
      concentrations: current?.conc ?? {
        pm25: null,
        pm10: null,
        so2: null,
        no2: null,
        co: null,
        o3_1h: null,
      },
      stations,
      daily,
      goodDays: good,
      townships,
      surface,
      episodes: recentEpisodes,
      ...(regionStations.length === 0 && stations.length > 0
        ? { nearestStations: nearestStations(region.centroid, stations) }
        : {}),
    },
    water: { sections, classCounts: waterClassCounts(sections), complianceShare: waterShare },
    noise: noiseParts,
  };
}

/** An exceedance in dB(A) at one decimal; a positive one below 0.05 reads "<0.1", never "0". */
const dbText = (db: number) => (db > 0 && db < 0.05 ? '<0.1' : db.toFixed(1));

/** The target class's limit of a failing parameter, e.g. ≤ 0.5 or ≥ 5. */
function limitText(f: { limitMin?: number | undefined; limitMax?: number | undefined }): string {
  if (f.limitMin !== undefined && f.limitMax !== undefined) return `${f.limitMin}–${f.limitMax}`;
  return f.limitMax !== undefined ? `≤ ${f.limitMax}` : `≥ ${f.limitMin}`;
}

function worse<A, B>(a: DatasetRead<A>, b: DatasetRead<B>): DatasetRead<unknown> {
  const rank = { ok: 0, stale: 1, error: 2 } as const;
  return rank[a.status] >= rank[b.status] ? a : b;
}

/** The three air stations nearest to a point (a region's centroid), with their current AQI. */
function nearestStations(
  [lon, lat]: readonly [number, number],
  stations: readonly EcoSnapshot['air']['stations'][number][],
) {
  return stations
    .map((s) => ({ s, d: haversineM(lon, lat, s.lon, s.lat) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ s, d }) => ({
      code: s.code,
      name: s.name,
      distanceM: Math.round(d),
      aqi: s.reading?.aqi ?? null,
      color: s.reading?.color ?? null,
      category: s.reading?.category ?? null,
    }));
}

export const ecoBuilder: ThemeBuilder = {
  theme: 'eco',
  // The whole county at once, with each region's stored daily AQI (its year to date).
  valueInputs: async (ctx, read) => {
    const ds = ecoDatasets(ctx);
    const regions = [...ctx.hierarchy.regions.keys()];
    const all = await read([
      ctx.datasets.air,
      ...Object.values(ds),
      ...regions.map((code) => storedDailyAqi(ctx, code)),
    ]);
    const reads: EcoReads = {
      realtime: readOf(all, ctx.datasets.air),
      sites: readOf(all, ds.sites),
      airHistory: readOf(all, ds.airHistory),
      wind: readOf(all, ds.wind),
      water: readOf(all, ds.water),
      noise: readOf(all, ds.noise),
    };
    return ecoValueInputs({
      reads,
      air: mergeAir(reads.airHistory.value?.rows ?? [], reads.realtime.value ?? []),
      storedDailyOf: (code) => readOf(all, storedDailyAqi(ctx, code)).value ?? [],
    });
  },
  datasets: (ctx, region) => [
    ctx.datasets.air,
    ...Object.values(ecoDatasets(ctx)),
    storedDailyAqi(ctx, region.code),
  ],
  build: (ctx, region, reads, now): EcoSnapshot => {
    const ds = ecoDatasets(ctx);
    const county = ctx.hierarchy.get(COUNTY)!;
    return buildEco({
      region,
      county,
      townships: county.childCodes.map((c) => ctx.hierarchy.get(c)!),
      children: region.childCodes.map((c) => ctx.hierarchy.get(c)!),
      regionOf: (c) => ctx.hierarchy.get(c),
      definitions: ctx.indicators.list(),
      reads: {
        realtime: readOf(reads, ctx.datasets.air),
        sites: readOf(reads, ds.sites),
        airHistory: readOf(reads, ds.airHistory),
        wind: readOf(reads, ds.wind),
        water: readOf(reads, ds.water),
        noise: readOf(reads, ds.noise),
        storedDaily: readOf(reads, storedDailyAqi(ctx, region.code)),
      },
      now,
    });
  },
};
