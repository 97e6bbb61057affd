import type { IndicatorDefinitionInput, Level } from '@cockpit/contracts';

/**
 * 基层治理 (grassroots governance) indicators, as data: owned by 县委政法委（县社会治理中心）, from the
 * 基层治理综合信息平台 (simulated). Every one exists at county, township and village level; the value
 * function works at village level from the grid-level records (events, grids and patrols are booked to a
 * grid, each grid to a village), and above it the stored rule rolls villages up to townships and the county:
 * counts are summed, rates are the ratio of the summed counts (never a mean of rates).
 */
const ALL: Level[] = ['county', 'township', 'village'];
const NO_BANDS = { warning: null, alarm: null };
const src = (dataset: string) => ({ system: 'grassroots', dataset });
const WINDOW = '近 30 天';

function gr<I extends string>(
  id: I,
  name: { zh: string; en: string },
  unit: string,
  definition: { zh: string; en: string },
  extra: Partial<Omit<IndicatorDefinitionInput, 'id'>> = {},
): IndicatorDefinitionInput & { id: I } {
  return {
    id,
    name,
    unit,
    field: 'grassroots',
    theme: 'grassroots',
    definition,
    departmentId: 'social-governance',
    source: src('grassroots.events'),
    levels: ALL,
    rollup: { rule: 'sum' },
    updateFrequencySeconds: 60,
    freshnessTargetSeconds: 150,
    direction: 'higherIsWorse',
    thresholds: NO_BANDS,
    target: null,
    formula: null,
    status: 'active',
    ...extra,
  };
}

const ratio = (numerator: string, denominator: string) => ({
  rule: 'ratio' as const,
  numerator,
  denominator,
});

export function grassrootsIndicators() {
  return [
    gr('grassroots.eventsReportedToday', { zh: '今日上报事件', en: 'Events reported today' }, '件', {
      zh: '北京时间今日 0 时起网格员和群众上报至基层治理平台的事件数（按事件所在网格计入村，逐级求和）。',
      en: 'Events reported to the grassroots platform by grid workers and residents since 00:00 Beijing time today (booked to the grid’s village, summed upwards).',
    }),
    gr(
      'grassroots.eventsClosedToday',
      { zh: '今日办结事件', en: 'Events closed today' },
      '件',
      {
        zh: '今日到达“办结”环节的事件数（不论上报日期，限近 30 天上报的事件），逐级求和。',
        en: 'Events that reached 办结 (closed) today, whatever day they were reported (reported within the last 30 days); summed upwards.',
      },
      { direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.eventsOverdue',
      { zh: '超期未办结事件', en: 'Overdue open events' },
      '件',
      {
        zh: '当前未办结且已超过处置时限（按事件类型：矛盾纠纷 72 小时、安全隐患 48 小时、环境卫生 24 小时、民生诉求 120 小时、信访 360 小时、消防 12 小时、防汛 6 小时、其他 72 小时，自上报起算）的事件数，逐级求和。',
        en: 'Events not closed and past their deadline by type (from the report: disputes 72 h, safety 48 h, sanitation 24 h, livelihood 120 h, petitions 360 h, fire 12 h, flood 6 h, other 72 h), now; summed upwards.',
      },
      { thresholds: { warning: 1, alarm: 10 } },
    ),
    gr('grassroots.eventsReported30d', { zh: '近 30 天上报事件', en: 'Events reported (30 days)' }, '件', {
      zh: `${WINDOW}上报的事件数，逐级求和（办结率的分母）。`,
      en: 'Events reported in the last 30 days, summed upwards (the denominator of the closure rate).',
    }),
    gr(
      'grassroots.eventsClosed30d',
      { zh: '近 30 天上报已办结', en: 'Closed of those reported (30 days)' },
      '件',
      {
        zh: `${WINDOW}上报、至今已办结的事件数，逐级求和。`,
        en: 'Of the events reported in the last 30 days, those closed by now; summed upwards.',
      },
      { direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.closureRate',
      { zh: '事件办结率', en: 'Closure rate' },
      '%',
      {
        zh: `${WINDOW}上报事件中至今已办结的件数 ÷ 上报件数；上级为下级件数分别求和后相除（不是各村办结率的平均）。`,
        en: 'Of the events reported in the last 30 days: closed ÷ reported; above village level the counts are summed first, then divided (not a mean of the villages’ rates).',
      },
      {
        rollup: ratio('grassroots.eventsClosed30d', 'grassroots.eventsReported30d'),
        direction: 'higherIsBetter',
        thresholds: { warning: 0.85, alarm: 0.7 },
      },
    ),
    gr(
      'grassroots.eventsClosedOnTime30d',
      { zh: '近 30 天按期办结', en: 'Closed on time (30 days)' },
      '件',
      {
        zh: `${WINDOW}上报、已办结且办结时间不晚于处置时限的事件数，逐级求和。`,
        en: 'Of the events reported in the last 30 days and closed, those closed within their deadline; summed upwards.',
      },
      { direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.onTimeRate',
      { zh: '按期办结率', en: 'On-time rate' },
      '%',
      {
        zh: `${WINDOW}上报并已办结的事件中，在处置时限内办结的件数 ÷ 已办结件数；上级为件数求和后相除。`,
        en: 'Of the events reported in the last 30 days and closed: closed within the deadline ÷ closed; above village level the counts are summed, then divided.',
      },
      {
        rollup: ratio('grassroots.eventsClosedOnTime30d', 'grassroots.eventsClosed30d'),
        direction: 'higherIsBetter',
        thresholds: { warning: 0.9, alarm: 0.8 },
      },
    ),
    gr(
      'grassroots.handlingHoursTotal30d',
      { zh: '近 30 天办结事件办理时长合计', en: 'Handling hours of the closed (30 days)' },
      '小时',
      {
        zh: `${WINDOW}上报并已办结事件的“上报→办结”时长之和，逐级求和（平均办理时长的分子）。`,
        en: 'Sum of report → closure hours over the events reported in the last 30 days and closed; summed upwards (numerator of the average handling time).',
      },
    ),
    gr(
      'grassroots.avgHandlingHours',
      { zh: '平均办理时长', en: 'Average handling time' },
      '小时',
      {
        zh: `${WINDOW}上报并已办结事件“上报→办结”时长之和 ÷ 办结件数；上级为时长与件数分别求和后相除。`,
        en: 'Report → closure hours summed over the events reported in the last 30 days and closed ÷ their number; above village level both are summed first.',
      },
      { rollup: ratio('grassroots.handlingHoursTotal30d', 'grassroots.eventsClosed30d') },
    ),
    gr(
      'grassroots.disputesClosed30d',
      { zh: '近 30 天矛盾纠纷办结', en: 'Disputes closed (30 days)' },
      '件',
      {
        zh: `${WINDOW}上报并已办结的矛盾纠纷件数，逐级求和。`,
        en: 'Disputes reported in the last 30 days and closed; summed upwards.',
      },
      { direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.disputesSettledInVillage30d',
      { zh: '近 30 天矛盾纠纷村级化解', en: 'Disputes settled in the village (30 days)' },
      '件',
      {
        zh: `${WINDOW}上报并已办结、且未上交镇级或县矛调中心处置的矛盾纠纷件数，逐级求和。`,
        en: 'Disputes reported in the last 30 days, closed without escalation to the township or the county 矛调中心; summed upwards.',
      },
      { direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.villageSettlementRate',
      { zh: '矛盾纠纷村级化解率', en: 'Disputes settled at village level' },
      '%',
      {
        zh: `${WINDOW}上报并已办结的矛盾纠纷中，在村级化解（未升级）的件数 ÷ 办结件数；上级为件数求和后相除。`,
        en: 'Of the disputes reported in the last 30 days and closed: settled in the village (never escalated) ÷ closed; above village level the counts are summed, then divided.',
      },
      {
        rollup: ratio('grassroots.disputesSettledInVillage30d', 'grassroots.disputesClosed30d'),
        direction: 'higherIsBetter',
        thresholds: { warning: 0.75, alarm: 0.6 },
      },
    ),
    gr(
      'grassroots.grids',
      { zh: '网格数', en: 'Grids' },
      '个',
      {
        zh: '基层治理平台登记的网格数（每村、社区 1–6 个），逐级求和。',
        en: 'Grids registered on the grassroots platform (1–6 per village or community); summed upwards.',
      },
      { source: src('grassroots.grids'), updateFrequencySeconds: 3600, freshnessTargetSeconds: 1500 },
    ),
    gr(
      'grassroots.gridsPatrolledToday',
      { zh: '今日已巡查网格', en: 'Grids patrolled today' },
      '个',
      {
        zh: '今日网格员至少打卡一次的网格数，逐级求和。',
        en: 'Grids whose grid worker checked in at least once today; summed upwards.',
      },
      { source: src('grassroots.patrols'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.patrolCoverage',
      { zh: '网格巡查覆盖率', en: 'Patrol coverage' },
      '%',
      {
        zh: '今日已巡查（网格员至少打卡一次）的网格数 ÷ 网格总数；上级为网格数求和后相除。',
        en: 'Grids patrolled today (at least one check-in) ÷ all grids; above village level both are summed, then divided.',
      },
      {
        source: src('grassroots.patrols'),
        rollup: ratio('grassroots.gridsPatrolledToday', 'grassroots.grids'),
        direction: 'higherIsBetter',
      },
    ),
    gr(
      'grassroots.collectiveIncome',
      { zh: '村集体经济收入', en: 'Village collective income' },
      '万元',
      {
        zh: '本年度村集体经济收入（平台年报，模拟数据），村为本村数值，上级为所辖村之和。',
        en: 'Village collective income of the current year (platform yearly figures, simulated); a village’s own figure, summed over the villages above.',
      },
      {
        source: src('grassroots.basics'),
        updateFrequencySeconds: 86400,
        freshnessTargetSeconds: 172800,
        direction: 'higherIsBetter',
      },
    ),
    gr(
      'grassroots.homestayBeds',
      { zh: '民宿床位', en: 'Homestay beds' },
      '张',
      {
        zh: '登记民宿的床位数，逐级求和。',
        en: 'Beds of the registered homestays; summed upwards.',
      },
      { source: src('grassroots.homestays'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.homestayBedsOccupied',
      { zh: '民宿入住床位', en: 'Homestay beds occupied' },
      '张',
      {
        zh: '今日民宿入住床位数，逐级求和。',
        en: 'Homestay beds occupied today; summed upwards.',
      },
      { source: src('grassroots.homestays'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.homestayOccupancy',
      { zh: '民宿入住率', en: 'Homestay occupancy' },
      '%',
      {
        zh: '今日民宿入住床位数 ÷ 床位总数；上级为床位数求和后相除。',
        en: 'Homestay beds occupied today ÷ all beds; above village level both are summed, then divided.',
      },
      {
        source: src('grassroots.homestays'),
        rollup: ratio('grassroots.homestayBedsOccupied', 'grassroots.homestayBeds'),
        direction: 'higherIsBetter',
      },
    ),
    gr(
      'grassroots.devices',
      { zh: '感知设备', en: 'Perception devices' },
      '台',
      {
        zh: '接入平台的感知设备数（视频监控、水位计、烟感等），逐级求和。',
        en: 'Perception devices connected to the platform (cameras, water gauges, smoke sensors, …); summed upwards.',
      },
      { source: src('grassroots.devices'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.devicesOnline',
      { zh: '在线感知设备', en: 'Devices online' },
      '台',
      {
        zh: '当前在线的感知设备数，逐级求和。',
        en: 'Perception devices online now; summed upwards.',
      },
      { source: src('grassroots.devices'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.devicesOnlineRate',
      { zh: '设备在线率', en: 'Devices online' },
      '%',
      {
        zh: '当前在线感知设备数 ÷ 设备总数；上级为设备数求和后相除。',
        en: 'Perception devices online now ÷ all devices; above village level both are summed, then divided.',
      },
      {
        source: src('grassroots.devices'),
        rollup: ratio('grassroots.devicesOnline', 'grassroots.devices'),
        direction: 'higherIsBetter',
        thresholds: { warning: 0.9, alarm: 0.8 },
      },
    ),
    gr(
      'grassroots.floodDutyPoints',
      { zh: '防汛值守点', en: 'Flood duty points' },
      '个',
      {
        zh: '平台登记的防汛值守点数（乡镇防汛值班室与村级值守点），逐级求和。',
        en: 'Flood-control duty points on the platform (township duty rooms and village points); summed upwards.',
      },
      { source: src('grassroots.flood'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.floodDutyManned',
      { zh: '防汛值守点在岗', en: 'Flood duty points manned' },
      '个',
      {
        zh: '当前有人在岗的防汛值守点数，逐级求和。',
        en: 'Flood-control duty points manned now; summed upwards.',
      },
      { source: src('grassroots.flood'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.floodMannedRate',
      { zh: '防汛值守点在岗率', en: 'Flood points manned' },
      '%',
      {
        zh: '当前在岗的防汛值守点数 ÷ 值守点总数；上级为点数求和后相除。',
        en: 'Flood-control duty points manned now ÷ all duty points; above village level both are summed, then divided.',
      },
      {
        source: src('grassroots.flood'),
        rollup: ratio('grassroots.floodDutyManned', 'grassroots.floodDutyPoints'),
        direction: 'higherIsBetter',
        thresholds: { warning: 0.9, alarm: 0.75 },
      },
    ),
    gr(
      'grassroots.farmScansToday',
      { zh: '浙农码扫码量', en: 'Farm-product code scans today' },
      '次',
      {
        zh: '北京时间今日 0 时起消费者扫描本县特色农产品浙农码（天台黄茶、天台乌药、华顶云雾茶、天台山蜜橘、天台红糖）的次数。平台按乡镇（街道）汇总，不分到村，故只有乡镇和县两级；县为各乡镇之和（模拟数据）。',
        en: 'Scans of the 浙农码 (Zhejiang farm-product code) on the county’s specialities (Tiantai yellow tea, wuyao, Huading cloud-mist tea, Tiantai mandarin, Tiantai brown sugar) since 00:00 Beijing time today. The platform keeps them per township, not per village, so they exist at township and county level; the county is the townships’ sum (simulated).',
      },
      {
        source: src('grassroots.farmCodes'),
        levels: ['county', 'township'],
        direction: 'higherIsBetter',
      },
    ),
    gr(
      'grassroots.servicePoints',
      { zh: '便民服务点', en: 'Convenience service points' },
      '个',
      {
        zh: '平台登记的村（社区）便民服务点数，逐级求和。',
        en: 'Convenience service points (便民服务点) of the villages and communities on the platform; summed upwards.',
      },
      { source: src('grassroots.servicePoints'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.servicePointsOpen',
      { zh: '便民服务点开放数', en: 'Service points open' },
      '个',
      {
        zh: '当前营业状态为“营业中”的便民服务点数（“休息”“暂停服务”不计），逐级求和。',
        en: 'Convenience service points whose state is open now (营业中; 休息 closed and 暂停服务 suspended are not counted); summed upwards.',
      },
      { source: src('grassroots.servicePoints'), direction: 'higherIsBetter' },
    ),
    gr(
      'grassroots.servicePointOpenRate',
      { zh: '便民服务点开放率', en: 'Service points open' },
      '%',
      {
        zh: '当前营业中的便民服务点数 ÷ 便民服务点总数；上级为点数求和后相除。工作日 8:30–17:30 营业，夜间和节假日大多休息，故随时段变化。',
        en: 'Convenience service points open now ÷ all service points; above village level both are summed, then divided. Points open 08:30–17:30 on workdays and mostly close at night and on holidays, so the rate follows the time of day.',
      },
      {
        source: src('grassroots.servicePoints'),
        rollup: ratio('grassroots.servicePointsOpen', 'grassroots.servicePoints'),
        direction: 'higherIsBetter',
      },
    ),
  ];
}

export const GRASSROOTS_DEFINITIONS = grassrootsIndicators();
