import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { RegionCode } from './region';
import { Series, SnapshotBase } from './snapshot';

const d = (description: string) => ({ description });

export const EcoPollutant = z
  .enum(['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_1h', 'o3_8h'])
  .meta({ id: 'EcoPollutant', description: 'HJ 633-2012 pollutant; concentrations in μg/m³, CO in mg/m³' });

const Concentrations = z
  .object({
    pm25: z.number().nullable(),
    pm10: z.number().nullable(),
    so2: z.number().nullable(),
    no2: z.number().nullable(),
    co: z.number().nullable(),
    o3_1h: z.number().nullable(),
  })
  .meta(d('Hourly concentrations: μg/m³, co in mg/m³; null when missing or flagged invalid'));

export const AqiReading = z
  .object({
    aqi: z.number().int().meta(d('HJ 633-2012 AQI, computed by the BFF from the concentrations')),
    level: z.number().int().min(1).max(6),
    category: z.string().meta(d('优 / 良 / 轻度污染 / 中度污染 / 重度污染 / 严重污染')),
    categoryEn: z.string(),
    color: z.string().meta(d('Official HJ 633 colour of the level')),
    primary: z.array(EcoPollutant).meta(d('Primary pollutant(s), only when AQI > 50')),
    exceeding: z.array(EcoPollutant).meta(d('Pollutants with IAQI > 100')),
    iaqi: z.partialRecord(EcoPollutant, z.number()).meta(d('Individual AQI of each pollutant')),
  })
  .meta({ id: 'AqiReading' });
export type AqiReading = z.infer<typeof AqiReading>;

const Site = {
  code: z.string(),
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  villageCode: RegionCode,
  townshipCode: RegionCode,
};

export const EcoAirStation = z
  .object({
    ...Site,
    kind: z.string().meta(d('国控 / 省控 / 县控')),
    at: IsoDateTime.nullable().meta(d('End of the averaging hour (UTC)')),
    concentrations: Concentrations,
    reading: AqiReading.nullable().meta(d('Hourly AQI; null when the station has no valid value this hour')),
  })
  .meta({ id: 'EcoAirStation' });
export type EcoAirStation = z.infer<typeof EcoAirStation>;

export const EcoDailyAqi = z
  .object({
    date: z.string().meta(d('Beijing date YYYY-MM-DD')),
    aqi: z
      .number()
      .int()
      .nullable()
      .meta(
        d(
          'Daily AQI (24 h means, O3 MDA8) over the valid statistics; null when none is valid. Partial when complete is false',
        ),
      ),
    complete: z
      .boolean()
      .optional()
      .meta(
        d(
          'All six HJ 663 items (PM2.5, PM10, SO2, NO2, CO, O3 MDA8) have enough valid hours. false: an incomplete day, shown as such and not counted in the good-day share',
        ),
      ),
    missing: z
      .array(z.string())
      .optional()
      .meta(d('The items short of valid hours on an incomplete day (pm25, pm10, so2, no2, co, o3_8h)')),
    level: z.number().int().nullable(),
    color: z.string().nullable(),
    primary: z.array(EcoPollutant),
  })
  .meta({ id: 'EcoDailyAqi' });

const GoodDayShare = z.object({
  from: z.string(),
  to: z.string(),
  validDays: z.number().int(),
  goodDays: z.number().int(),
  share: z.number().nullable().meta(d('Good days ÷ valid days (AQI ≤ 100)')),
});

export const EcoGoodDays = z
  .object({
    target: z.number().meta(d('Target share of good days, e.g. 0.95')),
    month: GoodDayShare,
    year: GoodDayShare.extend({
      slackDays: z.number().int().meta(d('Non-good days still allowed this year to meet the target')),
      reachable: z.boolean(),
      onTrack: z.boolean(),
      countedDays: z
        .number()
        .int()
        .meta(
          d(
            'Days of the year so far that have a daily AQI (valid or not): the stored daily history (backfilled on first start) plus the last 30 days',
          ),
        ),
      storedDays: z
        .number()
        .int()
        .meta(d('Of the counted days, those that come from the stored daily history only')),
    }),
    historyFrom: z
      .string()
      .meta(
        d(
          'First counted date of the year: the stored history reaches back to the first start (the platform itself keeps about 30 days)',
        ),
      ),
  })
  .meta({ id: 'EcoGoodDays' });

export const EcoTownshipAir = z
  .object({
    regionCode: RegionCode,
    name: z.string(),
    stations: z.number().int(),
    aqi: z.number().int().nullable().meta(d('Null: the township has no air station')),
    color: z.string().nullable(),
    category: z.string().nullable(),
    pm25: z.number().nullable().meta(d('μg/m³')),
  })
  .meta({ id: 'EcoTownshipAir' });

export const EcoSurface = z
  .object({
    method: z.string().meta(d('Interpolation method, e.g. "IDW p=2"')),
    pollutant: z.literal('pm25'),
    unit: z.string(),
    at: IsoDateTime,
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).meta(d('[west, south, east, north]')),
    cols: z.number().int(),
    rows: z.number().int(),
    cellSizeDeg: z.tuple([z.number(), z.number()]),
    values: z.array(z.number().nullable()).meta(d('Row-major, row 0 north, cell centres; μg/m³')),
  })
  .meta({ id: 'EcoSurface', description: 'PM2.5 surface interpolated between the stations (approximate)' });
export type EcoSurface = z.infer<typeof EcoSurface>;

export const EcoEpisode = z
  .object({
    stationCode: z.string(),
    stationName: z.string(),
    startAt: IsoDateTime,
    endAt: IsoDateTime.meta(d('End of the last hour over AQI 100 (exclusive)')),
    hours: z.number().int(),
    peakAqi: z.number().int(),
    ongoing: z.boolean().meta(d('The latest hour is still over 100')),
    windFromDeg: z.number().nullable().meta(d('Wind at the start, degrees it blows from')),
    upwind: z.array(z.object({ code: z.string(), name: z.string(), distanceM: z.number() })),
  })
  .meta({ id: 'EcoEpisode', description: 'AQI > 100 for at least 2 consecutive hours (last 72 h)' });
export type EcoEpisode = z.infer<typeof EcoEpisode>;

export const EcoWaterSection = z
  .object({
    ...Site,
    river: z.string(),
    waterbody: z.enum(['river', 'lake']),
    targetClass: z.string().meta(d('Target class label, e.g. III')),
    at: IsoDateTime.nullable(),
    class: z
      .number()
      .int()
      .min(1)
      .max(6)
      .nullable()
      .meta(
        d(
          'Official section class of the latest sample (GB 3838-2002 items, TN and faecal coliform excluded, per 环办〔2011〕22号)',
        ),
      ),
    label: z.string().nullable().meta(d('I … V, 劣V')),
    color: z.string().nullable(),
    compliant: z.boolean().nullable(),
    share: z.number().nullable().meta(d('Share of samples meeting the target over the last 30 days')),
    samples: z.number().int(),
    tn: z
      .object({
        class: z.number().int().min(1).max(6),
        label: z.string(),
        value: z.number().meta(d('mg/L')),
        meetsTarget: z
          .boolean()
          .meta(d('TN class ≤ the target class (shown beside the class, never inside it)')),
      })
      .nullable()
      .optional()
      .meta(
        d(
          'Lakes and reservoirs: total nitrogen assessed on its own (环办〔2011〕22号); null when not measured',
        ),
      ),
    trophic: z
      .object({
        tli: z.number().meta(d('综合营养状态指数 TLI(Σ), one decimal')),
        level: z.enum(['贫营养', '中营养', '轻度富营养', '中度富营养', '重度富营养']),
      })
      .nullable()
      .optional()
      .meta(d('Lakes and reservoirs: trophic level of the latest sample with chla, TP, TN, SD and CODMn')),
    failing: z.array(
      z.object({
        parameter: z.string(),
        value: z.number(),
        label: z.string(),
        limitMin: z.number().optional(),
        limitMax: z.number().optional(),
      }),
    ),
  })
  .meta({ id: 'EcoWaterSection' });
export type EcoWaterSection = z.infer<typeof EcoWaterSection>;

const PeriodAssessment = z.object({
  leq: z.number().meta(d('Energy-average Leq, dB(A), one decimal')),
  limit: z.number(),
  compliant: z.boolean().meta(d('Unrounded energy average ≤ limit')),
  exceedanceDb: z.number().meta(d('Unrounded average − limit (two decimals), 0 when compliant')),
  hours: z.number().int(),
});

export const EcoNoisePoint = z
  .object({
    ...Site,
    zone: z.enum(['0', '1', '2', '3', '4a', '4b']),
    limits: z.object({ day: z.number(), night: z.number() }),
    at: IsoDateTime.nullable(),
    leq: z.number().nullable().meta(d('Latest hourly Leq, dB(A)')),
    compliant: z.boolean().nullable().meta(d('Latest hour against the limit of its period')),
    day: PeriodAssessment.nullable().meta(d('Latest complete day (06–22 h)')),
    night: PeriodAssessment.nullable().meta(d('Latest complete night (22–06 h)')),
    nightExceedanceHours: z.number().int().meta(d('Night hours over the night limit, last 7 days')),
    maxNightExceedanceDb: z.number(),
  })
  .meta({ id: 'EcoNoisePoint' });
export type EcoNoisePoint = z.infer<typeof EcoNoisePoint>;

export const EcoNoiseZone = z.object({
  zone: z.enum(['0', '1', '2', '3', '4a', '4b']),
  limits: z.object({ day: z.number(), night: z.number() }),
  sites: z.number().int(),
  dayShare: z.number().nullable(),
  nightShare: z.number().nullable(),
  nightExceedanceHours: z.number().int(),
  maxNightExceedanceDb: z.number(),
});

/** The eco cockpit's snapshot. */
export const EcoSnapshot = SnapshotBase.extend({
  theme: z.literal('eco'),
  air: z.object({
    at: IsoDateTime.nullable().meta(d('End of the latest hour')),
    stationCount: z.number().int().meta(d('Air stations inside the region')),
    reading: AqiReading.nullable().meta(
      d('Region AQI from the mean concentrations of its stations; null when it has none (see stationCount)'),
    ),
    concentrations: Concentrations,
    stations: z.array(EcoAirStation).meta(d('Every county station (the map shows them all)')),
    daily: z.array(EcoDailyAqi).meta(d('Region daily AQI, oldest first, last 30 days')),
    goodDays: EcoGoodDays.nullable(),
    townships: z.array(EcoTownshipAir).meta(d('Township ranking, best first, stationless last')),
    surface: EcoSurface.nullable(),
    episodes: z.array(EcoEpisode),
    nearestStations: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          distanceM: z.number().meta(d('Straight-line distance from the region’s (approximate) centroid, m')),
          aqi: z.number().int().nullable(),
          color: z.string().nullable(),
          category: z.string().nullable(),
        }),
      )
      .optional()
      .meta(d('For a region without an air station: the three nearest stations with their current AQI')),
  }),
  water: z.object({
    sections: z.array(EcoWaterSection),
    classCounts: z
      .array(z.object({ label: z.string(), color: z.string(), count: z.number().int() }))
      .meta(d('Sections of the region per class of the latest sample, I … 劣V')),
    complianceShare: z.number().nullable().meta(d('Sections of the region meeting their target now')),
  }),
  noise: z.object({
    points: z.array(EcoNoisePoint),
    zones: z.array(EcoNoiseZone).meta(d('Region points per functional zone, last 7 days')),
  }),
}).meta({ id: 'EcoSnapshot' });
export type EcoSnapshot = z.infer<typeof EcoSnapshot>;

export const EcoWindow = z.enum(['24h', '7d', '30d']).meta({ id: 'EcoWindow' });
export type EcoWindow = z.infer<typeof EcoWindow>;

export const EcoStationDetail = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['air', 'water', 'noise']),
    lon: z.number().nullable().meta(d('Null while the station list cannot be obtained upstream')),
    lat: z.number().nullable(),
    villageCode: RegionCode.nullable(),
    window: EcoWindow,
    series: z.array(Series).meta(d('Per parameter over the window (AQI, PM2.5 … / water parameters / Leq)')),
    yearOnYear: z.array(
      z.object({
        indicatorId: z.string(),
        currentMean: z.number().nullable(),
        previousMean: z.number().nullable().meta(d('Same period last year; null when there is no data')),
        change: z.number().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'EcoStationDetail', description: 'One monitoring station: its series and year-on-year' });
export type EcoStationDetail = z.infer<typeof EcoStationDetail>;
