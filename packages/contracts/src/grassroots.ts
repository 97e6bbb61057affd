import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { RegionCode } from './region';
import { Localized, SnapshotBase } from './snapshot';

/**
 * 基层治理 (grassroots governance, "一中心四平台一网格"): the county social-governance platform
 * (县社会治理中心 / 基层治理综合信息平台). Every figure comes from the bundled simulator and is labelled
 * simulated. Personal data: a resident's name and phone never appear unmasked; a grid worker's name is
 * masked unless the viewer holds `personal:view`.
 */

export const GRASSROOTS_EVENT_TYPES = [
  'dispute', // 矛盾纠纷
  'safety', // 安全隐患
  'sanitation', // 环境卫生
  'livelihood', // 民生诉求
  'petition', // 信访
  'fire', // 消防
  'flood', // 防汛
  'other', // 其他
] as const;
export const GrassrootsEventType = z.enum(GRASSROOTS_EVENT_TYPES).meta({ id: 'GrassrootsEventType' });
export type GrassrootsEventType = z.infer<typeof GrassrootsEventType>;

/** 上报 → 受理 → 流转 → 办结 → 评价 */
export const GRASSROOTS_STAGES = ['reported', 'accepted', 'transferred', 'closed', 'rated'] as const;
export const GrassrootsStage = z.enum(GRASSROOTS_STAGES).meta({ id: 'GrassrootsStage' });
export type GrassrootsStage = z.infer<typeof GrassrootsStage>;

export const HandlingLevel = z
  .enum(['village', 'township', 'county'])
  .meta({ id: 'HandlingLevel', description: '处置层级: 村, 镇 (街道), 县 (矛调中心)' });

export const GrassrootsSeverity = z.enum(['low', 'medium', 'high']).meta({ id: 'GrassrootsSeverity' });

/** One event point on the map (no personal data). */
export const GrassrootsEventPoint = z
  .object({
    id: z.string(),
    type: GrassrootsEventType,
    stage: GrassrootsStage,
    severity: GrassrootsSeverity,
    villageCode: RegionCode,
    lon: z.number(),
    lat: z.number(),
    reportedAt: IsoDateTime,
    overdue: z.boolean(),
  })
  .meta({ id: 'GrassrootsEventPoint' });

/** An open case past its deadline, with its age. */
export const OverdueCase = z
  .object({
    id: z.string(),
    type: GrassrootsEventType,
    severity: GrassrootsSeverity,
    villageCode: RegionCode,
    villageName: z.string(),
    handlingLevel: HandlingLevel,
    stage: GrassrootsStage,
    reportedAt: IsoDateTime,
    deadlineAt: IsoDateTime,
    ageHours: z.number().meta({ description: 'Hours since reported, at the snapshot time' }),
    overdueHours: z.number().meta({ description: 'Hours past the deadline' }),
    summary: z.string().meta({ description: 'Synthetic one-line description; resident names/phones masked' }),
    reporterMasked: z.string().nullable().meta({ description: 'Reporter name, always masked (e.g. 张*)' }),
  })
  .meta({ id: 'OverdueCase' });

export const Escalation = z
  .object({
    eventId: z.string(),
    type: GrassrootsEventType,
    villageCode: RegionCode,
    villageName: z.string(),
    from: HandlingLevel,
    to: HandlingLevel,
    at: IsoDateTime,
  })
  .meta({
    id: 'Escalation',
    description: 'An event escalated up a level (to the county 矛调中心 when to = county)',
  });

export const GridWorkerActivity = z
  .object({
    gridId: z.string(),
    gridName: z.string(),
    villageCode: RegionCode,
    workerName: z
      .string()
      .meta({ description: 'Synthetic; masked (e.g. 王*明) unless the viewer holds personal:view' }),
    checkInsToday: z.number().int(),
    patrolKmToday: z.number(),
    visitsToday: z.number().int(),
    eventsReportedToday: z.number().int(),
  })
  .meta({ id: 'GridWorkerActivity' });

export const VillageBasics = z
  .object({
    year: z.number().int(),
    registeredPopulation: z.number().int(),
    residentPopulation: z.number().int(),
    households: z.number().int(),
    aged60Plus: z.number().int(),
    elderlyLivingAlone: z.number().int().meta({ description: '独居老人 (count only)' }),
    lowIncomeHouseholds: z.number().int().meta({ description: '低保户 (count only)' }),
    collectiveIncomeWanYuan: z
      .number()
      .meta({ description: '村集体经济收入, 万元 (summed above village level)' }),
    collectiveIncomeYoY: z
      .number()
      .nullable()
      .meta({ description: 'Year-on-year change, share (0.08 = +8 %)' }),
    incomeTrend: z
      .array(z.object({ year: z.number().int(), wanYuan: z.number() }))
      .meta({ description: 'Collective income of the last five years' }),
    areaKm2: z.number(),
  })
  .meta({
    id: 'VillageBasics',
    description: 'Basics of a region (summed over its villages above village level)',
  });

export const Homestays = z
  .object({
    count: z.number().int(),
    beds: z.number().int(),
    occupancyRate: z.number().nullable().meta({ description: 'Today, share 0..1' }),
    daily: z
      .array(z.object({ date: z.string(), occupancyRate: z.number() }))
      .meta({ description: '30 days' }),
  })
  .meta({ id: 'Homestays', description: '民宿' });

export const DEVICE_KINDS = ['camera', 'waterGauge', 'smoke', 'other'] as const;
export const PerceptionDevices = z
  .object({
    total: z.number().int(),
    online: z.number().int(),
    byKind: z.array(
      z.object({
        kind: z.enum(DEVICE_KINDS),
        name: Localized,
        total: z.number().int(),
        online: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PerceptionDevices', description: '感知设备' });

export const FloodPoint = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['duty', 'reservoir', 'river']),
    villageCode: RegionCode,
    lon: z.number(),
    lat: z.number(),
    manned: z.boolean().nullable().meta({ description: 'Duty points only' }),
    waterLevelM: z.number().nullable().meta({ description: 'Gauges only' }),
    warningLevelM: z.number().nullable(),
    aboveWarning: z.boolean(),
  })
  .meta({ id: 'FloodPoint', description: '防汛 duty point or reservoir / river gauge' });

export const FarmCodeScans = z
  .object({
    product: z.string(),
    name: Localized,
    scansToday: z.number().int(),
    scans30d: z.number().int(),
    regionCode: RegionCode.optional().meta({
      description:
        "Whose scans these are, when not the snapshot's region (scans are kept per township: a village is shown its township's)",
    }),
    regionName: z.string().optional(),
  })
  .meta({ id: 'FarmCodeScans', description: '浙农码 scans of one county speciality' });

export const NearbyPlace = z
  .object({
    kind: z.enum(['parkingLot', 'ambulanceStation', 'hospital']),
    id: z.string(),
    name: z.string(),
    regionCode: RegionCode.nullable(),
    distanceKm: z.number().meta({ description: 'Straight-line distance (approximate)' }),
  })
  .meta({ id: 'NearbyPlace' });

export const ParentRank = z
  .object({
    indicatorId: z.string(),
    parentCode: RegionCode,
    rank: z.number().int().meta({ description: '1 = best, read with the indicator direction' }),
    of: z.number().int(),
    value: z.number().nullable(),
  })
  .meta({ id: 'ParentRank', description: "This region's place among its parent's children" });

/** The grassroots-governance snapshot. The standard `indicators`, `series`, `breakdowns` carry the grassroots.* indicators. */
/** A part of the grassroots snapshot that can be unknown (its dataset never loaded). */
export const GrassrootsPart = z.enum([
  'events',
  'grids',
  'patrols',
  'basics',
  'homestays',
  'devices',
  'flood',
  'servicePoints',
  'farmCodes',
  'nearby.parkingLot',
  'nearby.ambulanceStation',
  'nearby.hospital',
]);
export type GrassrootsPart = z.infer<typeof GrassrootsPart>;

export const GrassrootsSnapshot = SnapshotBase.extend({
  theme: z.literal('grassroots'),
  asOf: IsoDateTime.nullable().meta({ description: 'Time of the grassroots platform data' }),
  simulated: z.literal(true).meta({ description: 'Every figure comes from the bundled simulator' }),
  funnel: z.array(z.object({ stage: GrassrootsStage, count: z.number().int() })).meta({
    description: 'Events reported in the last 30 days by the furthest stage reached',
  }),
  eventsByType: z
    .array(
      z.object({
        type: GrassrootsEventType,
        daily: z.array(z.object({ date: z.string(), count: z.number().int() })),
      }),
    )
    .meta({ description: 'Events reported per type per day, last 30 days' }),
  eventPoints: z
    .array(GrassrootsEventPoint)
    .meta({ description: 'Events of the last 7 days (capped at 2,000)' }),
  overdue: z.array(OverdueCase).meta({ description: 'Open overdue cases, oldest first (capped at 50)' }),
  escalations: z
    .array(Escalation)
    .meta({ description: 'Escalations of the last 7 days, newest first (capped at 50)' }),
  gridWorkers: z
    .array(GridWorkerActivity)
    .meta({ description: 'Grid workers of the region, most active first (capped at 50)' }),
  basics: VillageBasics.nullable(),
  homestays: Homestays.nullable(),
  devices: PerceptionDevices.nullable(),
  flood: z
    .object({
      points: z.array(FloodPoint),
      dutyPoints: z.number().int(),
      manned: z.number().int(),
      aboveWarning: z.number().int(),
    })
    .nullable(),
  servicePoints: z.object({ total: z.number().int(), open: z.number().int() }).nullable(),
  farmCodes: z.array(FarmCodeScans),
  nearby: z
    .array(NearbyPlace)
    .meta({ description: 'Village level: nearest lots, 120 stations and hospital' }),
  parentRanks: z
    .array(ParentRank)
    .meta({ description: "Township/village: its place in its parent's rankings" }),
  unavailable: z.array(GrassrootsPart).default([]).meta({
    description:
      'Parts whose dataset has not loaded (its system down since start): their null or empty value is unknown, not an absence',
  }),
}).meta({ id: 'GrassrootsSnapshot', description: '基层治理: 一中心四平台一网格 for one region' });
export type GrassrootsSnapshot = z.infer<typeof GrassrootsSnapshot>;
