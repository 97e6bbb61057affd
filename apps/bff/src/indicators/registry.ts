import type { IndicatorMeta, Level } from '@cockpit/contracts';
import { ECO_INDICATORS } from '../snapshots/eco/eco.indicators';
import { PARKING_INDICATORS } from '../snapshots/parking/parking.indicators';
import { TRAUMA_INDICATORS } from '../snapshots/trauma/trauma.indicators';

const ALL: Level[] = ['county', 'township', 'village'];
const UPPER: Level[] = ['county', 'township'];

/**
 * The built-in Tiantai indicator set. Each indicator says where it comes from, at which levels it exists,
 * and how a region's value is made from the units below it.
 */
const CORE_INDICATORS = [
  // 交通 transport
  {
    id: 'traffic.congestionIndex',
    name: { zh: '交通拥堵指数', en: 'Congestion index' },
    unit: '',
    theme: 'overview',
    levels: UPPER,
    source: 'county-services',
    rollup: 'mean',
    freshnessTargetSeconds: 35,
    description: {
      zh: '1.0 畅通 … 4.0 严重拥堵；县级为各乡镇的平均',
      en: '1.0 free flow … 4.0 gridlock; county = mean of townships',
    },
  },
  {
    id: 'parking.freeBerths',
    name: { zh: '空余泊位', en: 'Free berths' },
    unit: '个',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'sum',
    freshnessTargetSeconds: 25,
  },
  {
    id: 'parking.berthTotal',
    name: { zh: '泊位总数', en: 'Total berths' },
    unit: '个',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'sum',
    freshnessTargetSeconds: 25,
  },
  {
    id: 'parking.occupancyRate',
    name: { zh: '泊位占用率', en: 'Occupancy' },
    unit: '%',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'ratio',
    freshnessTargetSeconds: 25,
    description: { zh: '已占用泊位 ÷ 泊位总数', en: 'occupied berths ÷ total berths' },
  },
  // 城管 urban management
  {
    id: 'urban.casesReported',
    name: { zh: '今日案件上报', en: 'Cases reported today' },
    unit: '件',
    theme: 'overview',
    levels: UPPER,
    source: 'county-services',
    rollup: 'sum',
    freshnessTargetSeconds: 35,
  },
  {
    id: 'urban.casesClosed',
    name: { zh: '今日案件结案', en: 'Cases closed today' },
    unit: '件',
    theme: 'overview',
    levels: UPPER,
    source: 'county-services',
    rollup: 'sum',
    freshnessTargetSeconds: 35,
  },
  {
    id: 'urban.closureRate',
    name: { zh: '结案率', en: 'Closure rate' },
    unit: '%',
    theme: 'overview',
    levels: UPPER,
    source: 'county-services',
    rollup: 'ratio',
    freshnessTargetSeconds: 35,
    description: {
      zh: '今日结案 ÷ 今日上报（含往日积案，可超过 100%）',
      en: 'closed today ÷ reported today (includes older cases, so it can exceed 100%)',
    },
  },
  // 卫健 health
  {
    id: 'health.outpatientVisits',
    name: { zh: '今日门急诊', en: 'Outpatient visits today' },
    unit: '人次',
    theme: 'overview',
    levels: ALL,
    source: 'county-services',
    rollup: 'sum',
    freshnessTargetSeconds: 35,
  },
  {
    id: 'health.edLoad',
    name: { zh: '急诊负荷', en: 'ED load' },
    unit: '%',
    theme: 'overview',
    levels: ALL,
    source: 'county-services',
    rollup: 'mean',
    freshnessTargetSeconds: 35,
    description: { zh: '有急诊科的医院的平均负荷', en: 'mean load of the hospitals with an ED' },
  },
  // 文旅 culture and tourism
  {
    id: 'tourism.visitorsToday',
    name: { zh: '今日游客', en: 'Visitors today' },
    unit: '人次',
    theme: 'overview',
    levels: ALL,
    source: 'county-services',
    rollup: 'sum',
    freshnessTargetSeconds: 35,
  },
  {
    id: 'tourism.spotFlow',
    name: { zh: '景区在园人数', en: 'People in scenic spots' },
    unit: '人',
    theme: 'overview',
    levels: ALL,
    source: 'county-services',
    rollup: 'sum',
    freshnessTargetSeconds: 35,
  },
  // department summaries
  {
    id: 'trauma.activeCases',
    name: { zh: '进行中的急救', en: 'Active emergencies' },
    unit: '起',
    theme: 'trauma',
    levels: ALL,
    source: 'emergency-120',
    rollup: 'sum',
    freshnessTargetSeconds: 25,
  },
  {
    id: 'trauma.medianResponseMinutes',
    name: { zh: '平均反应时间（中位数，24 小时）', en: 'Response time (median, 24 h)' },
    unit: '分钟',
    theme: 'trauma',
    levels: ALL,
    source: 'emergency-120',
    rollup: 'mean',
    freshnessTargetSeconds: 25,
    description: { zh: '派车 → 到达现场', en: 'dispatch → arrival on scene' },
  },
  {
    id: 'eco.aqi',
    name: { zh: '空气质量指数 AQI', en: 'Air quality index' },
    unit: '',
    theme: 'eco',
    levels: ALL,
    source: 'env-monitor',
    rollup: 'mean',
    freshnessTargetSeconds: 125,
    description: {
      zh: 'HJ 633-2012 实时报：各站浓度均值计算',
      en: 'HJ 633-2012 hourly, from the mean concentrations of the stations',
    },
  },
] as const satisfies readonly IndicatorMeta[];

/** Every indicator: the overview's, then each department cockpit's own (defined in its folder). */
export const INDICATORS = [
  ...CORE_INDICATORS,
  ...PARKING_INDICATORS,
  ...TRAUMA_INDICATORS,
  ...ECO_INDICATORS,
] as const;

export type IndicatorId = (typeof INDICATORS)[number]['id'];

const byId = new Map<string, IndicatorMeta>(INDICATORS.map((i) => [i.id, i]));
export function indicatorMeta(id: IndicatorId): IndicatorMeta {
  return byId.get(id)!;
}
