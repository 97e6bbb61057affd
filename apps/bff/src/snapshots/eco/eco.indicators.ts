import type { IndicatorMeta, Level } from '@cockpit/contracts';

const ALL: Level[] = ['county', 'township', 'village'];

/** The eco cockpit's indicators, merged into the registry (indicators/registry.ts). `eco.aqi` is a core one. */
export const ECO_INDICATORS = [
  {
    id: 'eco.pm25',
    name: { zh: 'PM2.5 浓度', en: 'PM2.5' },
    unit: 'μg/m³',
    theme: 'eco',
    levels: ALL,
    source: 'env-monitor',
    rollup: 'mean',
    freshnessTargetSeconds: 125,
    description: { zh: '最近一小时，区域内各站均值', en: 'latest hour, mean of the stations in the region' },
  },
  {
    id: 'eco.goodDayShareMonth',
    name: { zh: '本月优良天数比例', en: 'Good days this month' },
    unit: '%',
    theme: 'eco',
    levels: ALL,
    source: 'env-monitor',
    rollup: 'ratio',
    freshnessTargetSeconds: 365,
    description: {
      zh: '日 AQI ≤ 100 的天数 ÷ 有效天数（HJ 633-2012 日报）',
      en: 'days with daily AQI ≤ 100 ÷ valid days (HJ 633-2012 daily)',
    },
  },
  {
    id: 'eco.goodDayShareYear',
    name: { zh: '本年优良天数比例', en: 'Good days this year' },
    unit: '%',
    theme: 'eco',
    levels: ALL,
    source: 'env-monitor',
    rollup: 'ratio',
    freshnessTargetSeconds: 365,
    description: {
      zh: '目标 95%；监测平台仅保留约 30 天数据，年累计只覆盖这些天',
      en: 'target 95%; the platform keeps about 30 days, so the year covers only those',
    },
  },
  {
    id: 'eco.waterCompliance',
    name: { zh: '断面水质达标率', en: 'Water sections on target' },
    unit: '%',
    theme: 'eco',
    levels: ALL,
    source: 'env-monitor',
    rollup: 'ratio',
    freshnessTargetSeconds: 365,
    description: {
      zh: '最新一次监测达到目标类别（GB 3838-2002）的断面 ÷ 断面数',
      en: 'sections whose latest sample meets the target class (GB 3838-2002) ÷ sections',
    },
  },
  {
    id: 'eco.noiseNightCompliance',
    name: { zh: '夜间噪声达标率', en: 'Night noise compliance' },
    unit: '%',
    theme: 'eco',
    levels: ALL,
    source: 'env-monitor',
    rollup: 'ratio',
    freshnessTargetSeconds: 365,
    description: {
      zh: '最近一个完整夜间（22–06 时）等效声级达标的点位 ÷ 点位数（GB 3096-2008）',
      en: 'points whose latest full night (22–06 h) Leq meets the limit ÷ points (GB 3096-2008)',
    },
  },
] as const satisfies readonly IndicatorMeta[];
