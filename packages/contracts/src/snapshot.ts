import { z } from 'zod';
import { IndicatorStatus, IndicatorValue, IsoDateTime } from './indicator';
import { Level, RegionCode } from './region';
import { Theme } from './theme';

export const Localized = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'Localized' });
export type Localized = z.infer<typeof Localized>;

export const RollupRule = z.enum(['sum', 'mean', 'weightedMean', 'max', 'min', 'ratio', 'none']).meta({
  id: 'RollupRule',
  description:
    'How a region value is made from the units below it; ratio = a quotient of two summed indicators; none = computed afresh at each level (medians, pooled AQI)',
});

export const IndicatorMeta = z
  .object({
    id: z.string(),
    name: Localized,
    unit: z.string().meta({ description: 'Display unit, e.g. 个, 件, 人次, %' }),
    theme: Theme,
    levels: z.array(Level).meta({ description: 'Levels at which the indicator exists' }),
    source: z.string().meta({ description: 'Upstream system id' }),
    rollup: RollupRule,
    freshnessTargetSeconds: z.number().int().positive(),
    description: Localized.optional(),
  })
  .meta({ id: 'IndicatorMeta', description: 'An indicator of the registry' });
export type IndicatorMeta = z.infer<typeof IndicatorMeta>;

export const SeriesPoint = z.object({ at: IsoDateTime, value: z.number().nullable() });
export const Series = z
  .object({
    indicatorId: z.string(),
    unit: z.string(),
    points: z.array(SeriesPoint),
    status: IndicatorStatus,
    regionCode: RegionCode.optional().meta({
      description:
        "The region the series belongs to, when it is not the snapshot's own region (e.g. a village shown its township's series); the screen must name it",
    }),
    regionName: z.string().optional().meta({ description: 'Name of that region, when regionCode is given' }),
  })
  .meta({ id: 'Series', description: 'A time series of one indicator for the region' });
export type Series = z.infer<typeof Series>;

export const ChildValue = z.object({
  regionCode: RegionCode,
  name: z.string(),
  value: z.number().nullable(),
});
export const Breakdown = z
  .object({
    indicatorId: z.string(),
    unit: z.string(),
    children: z.array(ChildValue),
    regionCode: RegionCode.optional().meta({
      description:
        "Whose children these are, when not the snapshot's region: a village is ranked among its township's villages",
    }),
    regionName: z.string().optional(),
  })
  .meta({ id: 'Breakdown', description: "One indicator across the region's children, for rankings" });
export type Breakdown = z.infer<typeof Breakdown>;

export const SourceStatus = z
  .object({
    system: z.string(),
    name: Localized,
    status: IndicatorStatus,
    lastGoodAt: IsoDateTime.nullable(),
    error: z.string().optional().meta({ description: 'Why the last refresh failed, when it did' }),
    simulated: z.boolean().optional().meta({
      description:
        'true when the system is served by the bundled simulator (demo data), not the department’s live system',
    }),
  })
  .meta({ id: 'SourceStatus', description: 'Freshness of one upstream system as seen by this snapshot' });
export type SourceStatus = z.infer<typeof SourceStatus>;

export const Alarm = z
  .object({
    id: z.string().meta({ description: 'Stable id: the same condition keeps the same id' }),
    kind: z.string(),
    severity: z.enum(['warning', 'alarm']),
    title: Localized,
    regionCode: RegionCode.nullable(),
    entityId: z.string().nullable(),
    since: IsoDateTime.nullable(),
    theme: Theme.optional().meta({
      description: 'The cockpit that raised it (on the overview, which rolls every cockpit up)',
    }),
    system: z.string().optional().meta({ description: 'The department system whose data raised it' }),
  })
  .meta({ id: 'Alarm' });
export type Alarm = z.infer<typeof Alarm>;

/** What every cockpit snapshot carries. */
export const SnapshotBase = z.object({
  regionCode: RegionCode,
  level: Level,
  generatedAt: IsoDateTime,
  indicators: z.array(IndicatorValue),
  series: z.array(Series),
  breakdowns: z.array(Breakdown),
  sources: z.array(SourceStatus),
  alarms: z.array(Alarm),
});

export const DepartmentSummary = z
  .object({
    theme: z.enum(['parking', 'trauma', 'eco']),
    headline: IndicatorValue,
    secondary: z.array(IndicatorValue),
    note: Localized.nullable().meta({ description: 'e.g. the AQI category, or the busiest lot' }),
    reason: Localized.nullable().optional().meta({
      description:
        'Why the region has no figure of its own, stated once the data proving it has arrived (本村无停车场 · 最近：… 2.3 公里; 本村无空气监测站，显示所属乡镇（…）: the headline is then that region’s); null: it has its own',
    }),
  })
  .meta({ id: 'DepartmentSummary', description: 'The summary tile of a department cockpit on the overview' });
export type DepartmentSummary = z.infer<typeof DepartmentSummary>;

export const OverviewSnapshot = SnapshotBase.extend({
  theme: z.literal('overview'),
  summaries: z.array(DepartmentSummary),
  alarmsPending: z.array(Theme).optional().meta({
    description:
      'Department cockpits whose alarms are not rolled up yet (their first data is still loading): the alarm list is incomplete, not empty',
  }),
}).meta({ id: 'OverviewSnapshot', description: '县域总览: the plan’s fields for one region' });
export type OverviewSnapshot = z.infer<typeof OverviewSnapshot>;

export const IndicatorCatalog = z
  .object({ indicators: z.array(IndicatorMeta) })
  .meta({ id: 'IndicatorCatalog' });
