import type { IndicatorMeta, Level } from '@cockpit/contracts';

const ALL: Level[] = ['county', 'township', 'village'];
const KPI = {
  theme: 'trauma',
  levels: ALL,
  source: 'emergency-120',
  rollup: 'mean',
  freshnessTargetSeconds: 25,
} as const;

/** The trauma cockpit's indicators, merged into the registry (indicators/registry.ts). */
export const TRAUMA_INDICATORS = [
  {
    ...KPI,
    id: 'trauma.callToDispatchMinutes',
    name: { zh: '受理至派车（中位数，24 小时）', en: 'Call to dispatch (median, 24 h)' },
    unit: '分钟',
    description: { zh: '120 受理 → 派车', en: '120 call → ambulance dispatched' },
  },
  {
    ...KPI,
    id: 'trauma.onSceneMinutes',
    name: { zh: '现场处置时间（中位数，24 小时）', en: 'Time on scene (median, 24 h)' },
    unit: '分钟',
    description: { zh: '到达现场 → 离开现场', en: 'arrival on scene → departure' },
  },
  {
    ...KPI,
    id: 'trauma.transportMinutes',
    name: { zh: '转运时间（中位数，24 小时）', en: 'Transport time (median, 24 h)' },
    unit: '分钟',
    description: { zh: '离开现场 → 到达医院', en: 'scene departure → hospital arrival' },
  },
  {
    ...KPI,
    id: 'trauma.preHospitalMinutes',
    name: { zh: '院前总时间（中位数，24 小时）', en: 'Total pre-hospital time (median, 24 h)' },
    unit: '分钟',
    description: { zh: '120 受理 → 到达医院', en: '120 call → hospital arrival' },
  },
  {
    ...KPI,
    id: 'trauma.goldenHourShare',
    name: { zh: '黄金一小时达标率（24 小时）', en: 'Within the golden hour (24 h)' },
    unit: '%',
    rollup: 'ratio',
    description: {
      zh: '受理 → 到院 ≤ 60 分钟的病例 ÷ 已到院病例',
      en: 'cases with call → hospital ≤ 60 min ÷ cases that reached hospital',
    },
  },
  {
    ...KPI,
    id: 'trauma.doorToCtMinutes',
    name: { zh: '入院至 CT（医院上报）', en: 'Door to CT (hospital-reported)' },
    unit: '分钟',
    description: {
      zh: '区域内有 CT 的医院上报的入院至 CT 时间的平均值',
      en: 'mean door-to-CT minutes reported by the hospitals with CT in the region',
    },
  },
  {
    ...KPI,
    id: 'trauma.timeSavedMinutes',
    name: { zh: '信号优先节省时间（在途）', en: 'Time saved by signal pre-emption (under way)' },
    unit: '分钟',
    rollup: 'sum',
    description: {
      zh: '在途转运：无信号优先与有信号优先的预计到达时间之差（模型估算）',
      en: 'transports under way: ETA without minus with pre-emption (modelled)',
    },
  },
  {
    ...KPI,
    id: 'trauma.coverageGapVillages',
    name: { zh: '15 分钟急救圈外行政村', en: 'Villages beyond 15 min' },
    unit: '个',
    rollup: 'sum',
    freshnessTargetSeconds: 3600,
    description: {
      zh: '从最近急救站出发自由流行车超过 15 分钟的村（近似路网）',
      en: 'villages more than 15 min free-flow drive from the nearest station (approximate network)',
    },
  },
] as const satisfies readonly IndicatorMeta[];
