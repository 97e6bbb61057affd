import { type AlarmRule, COUNTY_CODE, type IndicatorDefinition } from '@cockpit/contracts';

/**
 * The built-in rules, seeded once (edits by the owning department are kept; a missing one is re-added):
 * a threshold rule per band of every indicator that has one (the condition is null: it follows the
 * indicator's stored band as it is edited), the business rules the issue names, and the data-quality and
 * platform checks.
 */

export const CHECK_RULES = {
  upstreamDown: 'platform.upstream-down',
  upstreamErrors: 'platform.upstream-errors',
  drift: 'quality.drift',
  late: 'quality.late',
  eventLoopLag: 'platform.event-loop-lag',
  storeLatency: 'platform.store-latency',
  memory: 'platform.memory',
  range: 'quality.range',
  jump: 'quality.jump',
  screenMismatch: 'quality.screen-mismatch',
} as const;

export const BUSINESS_RULES = {
  aqi: 'business.aqi-township-150',
  scenicLot: 'business.scenic-lot-95',
  traumaDispatch: 'business.trauma-no-dispatch-3min',
  water: 'business.water-below-target',
} as const;

type Seed = Omit<AlarmRule, 'version' | 'updatedAt' | 'updatedBy' | 'builtin'>;

const base = {
  indicatorId: null,
  check: null,
  condition: null,
  escalateAfterSeconds: null,
  escalateToRole: null,
  schedule: null,
  enabled: true,
  regionScope: COUNTY_CODE,
  level: null,
} as const;

export function thresholdRuleId(indicatorId: string, band: 'warning' | 'alarm') {
  return `threshold.${indicatorId}.${band}`;
}

export function builtinRules(defs: readonly IndicatorDefinition[], at: string): AlarmRule[] {
  const seeds: Seed[] = [];
  for (const d of defs) {
    if (d.status !== 'active') continue;
    for (const band of ['warning', 'alarm'] as const) {
      if (d.thresholds[band] === null) continue;
      seeds.push({
        ...base,
        id: thresholdRuleId(d.id, band),
        name: `${d.name.zh}${band === 'alarm' ? '告警' : '预警'}（指标阈值）`,
        kind: 'threshold',
        severity: band === 'alarm' ? 'critical' : 'warning',
        indicatorId: d.id,
        pendingSeconds: 300,
        clearSeconds: 300,
        departmentId: d.departmentId,
        ...(band === 'alarm' ? { escalateAfterSeconds: 1800, escalateToRole: 'leader' } : {}),
      });
    }
  }
  seeds.push(
    {
      ...base,
      id: BUSINESS_RULES.aqi,
      name: '乡镇 AQI 连续 2 小时高于 150',
      kind: 'business',
      severity: 'critical',
      indicatorId: 'eco.aqi',
      level: 'township',
      condition: { op: '>', value: 150 },
      pendingSeconds: 7200,
      clearSeconds: 1800,
      departmentId: 'ecology',
      escalateAfterSeconds: 1800,
      escalateToRole: 'leader',
    },
    {
      ...base,
      id: BUSINESS_RULES.scenicLot,
      name: '景区停车场占用率 ≥ 95% 持续 30 分钟',
      kind: 'business',
      severity: 'warning',
      check: 'parking.lot-occupancy',
      condition: { op: '>=', value: 0.95 },
      pendingSeconds: 1800,
      clearSeconds: 600,
      departmentId: 'culture-tourism',
    },
    {
      ...base,
      id: BUSINESS_RULES.traumaDispatch,
      name: '创伤呼救 3 分钟未派车',
      kind: 'business',
      severity: 'critical',
      check: 'trauma.undispatched-seconds',
      condition: { op: '>=', value: 180 },
      pendingSeconds: 0,
      clearSeconds: 0,
      departmentId: 'emergency-120',
      escalateAfterSeconds: 300,
      escalateToRole: 'leader',
    },
    {
      ...base,
      id: BUSINESS_RULES.water,
      name: '水质断面低于目标类别',
      kind: 'business',
      severity: 'warning',
      check: 'eco.water-below-target',
      condition: { op: '>', value: 0 },
      pendingSeconds: 0,
      clearSeconds: 3600,
      departmentId: 'ecology',
    },
    {
      ...base,
      id: CHECK_RULES.upstreamDown,
      name: '上游系统不可用（熔断或连续失败）',
      kind: 'platform',
      severity: 'critical',
      check: 'upstream.down',
      pendingSeconds: 5,
      clearSeconds: 60,
      departmentId: 'big-data',
      escalateAfterSeconds: 900,
      escalateToRole: 'admin',
    },
    {
      ...base,
      id: CHECK_RULES.upstreamErrors,
      name: '上游系统调用失败率高',
      kind: 'platform',
      severity: 'warning',
      check: 'upstream.error-rate',
      condition: { op: '>=', value: 0.3 },
      pendingSeconds: 5,
      clearSeconds: 60,
      departmentId: 'big-data',
    },
    {
      ...base,
      id: CHECK_RULES.drift,
      name: '上游记录被丢弃（结构漂移）',
      kind: 'quality',
      severity: 'warning',
      check: 'upstream.dropped-share',
      condition: { op: '>', value: 0 },
      pendingSeconds: 0,
      clearSeconds: 120,
      departmentId: 'big-data',
    },
    {
      ...base,
      id: CHECK_RULES.late,
      name: '数据超过新鲜度目标未更新',
      kind: 'quality',
      severity: 'warning',
      check: 'dataset.age-over-target',
      condition: { op: '>', value: 0 },
      // Longer than the outage rule's: an upstream that is down raises its outage alarm first, and the
      // late data is part of it (grouped), not a second alarm.
      pendingSeconds: 20,
      clearSeconds: 60,
      departmentId: 'big-data',
    },
    {
      ...base,
      id: CHECK_RULES.range,
      name: '数值超出物理范围',
      kind: 'quality',
      severity: 'warning',
      check: 'finding.range',
      pendingSeconds: 0,
      clearSeconds: 300,
      departmentId: 'big-data',
    },
    {
      // A guidance screen's display against its lots, beyond max(5 berths, 10 %): the pending period is the
      // allowance for the screen's refresh lag (a lagging screen catches up within it).
      ...base,
      id: CHECK_RULES.screenMismatch,
      name: '诱导屏显示与停车场空余泊位不一致',
      kind: 'quality',
      severity: 'warning',
      check: 'parking.screen-mismatch',
      pendingSeconds: 600,
      clearSeconds: 300,
      departmentId: 'enforcement',
    },
    {
      // Judged on each hourly history write: the condition is the robust score's threshold (|score|).
      ...base,
      id: CHECK_RULES.jump,
      name: '指标数值突变（与近几周同一时段相比）',
      kind: 'quality',
      severity: 'warning',
      check: 'history.jump-score',
      condition: { op: '>=', value: 5 },
      pendingSeconds: 0,
      clearSeconds: 0,
      departmentId: 'big-data',
    },
    {
      ...base,
      id: CHECK_RULES.eventLoopLag,
      name: 'BFF 事件循环延迟过高',
      kind: 'platform',
      severity: 'warning',
      check: 'bff.event-loop-lag-ms',
      condition: { op: '>', value: 500 },
      pendingSeconds: 60,
      clearSeconds: 120,
      departmentId: 'big-data',
      schedule: '*/15 * * * * *',
    },
    {
      ...base,
      id: CHECK_RULES.storeLatency,
      name: '数据库响应过慢',
      kind: 'platform',
      severity: 'warning',
      check: 'bff.store-latency-ms',
      condition: { op: '>', value: 1000 },
      pendingSeconds: 60,
      clearSeconds: 120,
      departmentId: 'big-data',
      schedule: '*/15 * * * * *',
    },
    {
      ...base,
      id: CHECK_RULES.memory,
      name: 'BFF 内存占用过高',
      kind: 'platform',
      severity: 'warning',
      check: 'bff.heap-used-share',
      condition: { op: '>', value: 0.9 },
      pendingSeconds: 120,
      clearSeconds: 300,
      departmentId: 'big-data',
      schedule: '*/15 * * * * *',
    },
    {
      // Reported by health/screens.ts (AWEB): a paired wall without a heartbeat for more than 90 s.
      ...base,
      id: 'platform.screen-silent',
      name: '大屏心跳中断',
      kind: 'platform',
      severity: 'warning',
      check: 'screen.heartbeat',
      pendingSeconds: 0,
      clearSeconds: 0,
      departmentId: 'big-data',
    },
  );
  return seeds.map((s) => ({ ...s, builtin: true, version: 1, updatedAt: at, updatedBy: 'system' }));
}
