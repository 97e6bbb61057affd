import type { IndicatorMeta, Level } from '@cockpit/contracts';

const ALL: Level[] = ['county', 'township', 'village'];

/** The parking cockpit's indicators, merged into the registry (indicators/registry.ts). */
export const PARKING_INDICATORS = [
  {
    id: 'parking.berthOccupied',
    name: { zh: '已占用泊位', en: 'Occupied berths' },
    unit: '个',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'sum',
    freshnessTargetSeconds: 25,
  },
  {
    id: 'parking.turnoverRate',
    name: { zh: '泊位周转率（次/位·时）', en: 'Turnover (per berth·h)' },
    unit: '',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'ratio',
    freshnessTargetSeconds: 150,
    description: {
      zh: '近 1 小时入场车次 ÷ 泊位总数',
      en: 'entries in the last hour ÷ total berths',
    },
  },
  {
    id: 'parking.averageDwellMinutes',
    name: { zh: '平均停车时长', en: 'Average dwell' },
    unit: '分钟',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'weightedMean',
    freshnessTargetSeconds: 150,
    description: {
      zh: '近 1 小时总停放时长（按占用泊位累计）÷ 入场车次',
      en: 'parked berth-minutes in the last hour ÷ entries in it',
    },
  },
  {
    id: 'parking.inflowPerHour',
    name: { zh: '入场车次（近 1 小时）', en: 'Entries (last hour)' },
    unit: '辆',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'sum',
    freshnessTargetSeconds: 150,
  },
  {
    id: 'parking.outflowPerHour',
    name: { zh: '出场车次（近 1 小时）', en: 'Exits (last hour)' },
    unit: '辆',
    theme: 'parking',
    levels: ALL,
    source: 'parking-platform',
    rollup: 'sum',
    freshnessTargetSeconds: 150,
    description: {
      zh: '入场车次 −（当前占用 − 1 小时前占用）',
      en: 'entries − (occupied now − occupied an hour ago)',
    },
  },
] as const satisfies readonly IndicatorMeta[];
