import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { Level, RegionCode } from './region';

/**
 * Health inspection (健康巡检, issue #16): stored alarms with a lifecycle, the rules that raise them, the
 * abnormal business data found on every refresh (findings), silences, and the daily inspection report.
 */

export const AlarmSeverity = z.enum(['info', 'warning', 'critical']).meta({ id: 'AlarmSeverity' });
export type AlarmSeverity = z.infer<typeof AlarmSeverity>;

export const AlarmState = z
  .enum(['firing', 'acknowledged', 'dispatched', 'resolved'])
  .meta({ id: 'AlarmState', description: 'firing → acknowledged → dispatched → resolved' });
export type AlarmState = z.infer<typeof AlarmState>;

/** Open = not resolved. */
export const OPEN_ALARM_STATES: readonly AlarmState[] = ['firing', 'acknowledged', 'dispatched'];

export const StoredAlarm = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    severity: AlarmSeverity,
    state: AlarmState,
    regionCode: RegionCode,
    source: z.string().meta({ description: 'The system or check that raised it, e.g. env-monitor, bff' }),
    entityId: z
      .string()
      .nullable()
      .meta({ description: 'The station, lot, call … it is about; null = the region' }),
    firstFiredAt: IsoDateTime,
    lastChangedAt: IsoDateTime,
    summary: z.string(),
    fireCount: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'Times it fired again after clearing (re-fire counts, never duplicates)' }),
    groupKey: z.string().nullable().meta({
      description:
        'The common cause it stands for, e.g. upstream:env-monitor (one alarm, not one per indicator)',
    }),
    acknowledgedBy: z.string().nullable(),
    departmentId: z.string().nullable().meta({ description: 'The department it was dispatched to' }),
    note: z.string().nullable().meta({ description: 'The dispatch note' }),
    cause: z.string().nullable().meta({ description: 'The resolution cause (auto-resolved: "cleared")' }),
    escalatedTo: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'The role it was escalated to when no one acknowledged it in time' }),
  })
  .meta({ id: 'StoredAlarm' });
export type StoredAlarm = z.infer<typeof StoredAlarm>;

export const AlarmTransition = z
  .object({
    id: z.number().int(),
    alarmId: z.string(),
    at: IsoDateTime,
    from: AlarmState.nullable().meta({ description: 'null when the alarm was created' }),
    to: AlarmState,
    kind: z
      .enum(['fire', 'refire', 'ack', 'dispatch', 'resolve', 'auto-resolve', 'escalate'])
      .meta({ description: 'What happened' }),
    actor: z.string().meta({ description: 'The user, or "system" for the evaluation engine' }),
    note: z.string().nullable(),
  })
  .meta({ id: 'AlarmTransition' });
export type AlarmTransition = z.infer<typeof AlarmTransition>;

export const AlarmDetail = StoredAlarm.extend({ transitions: z.array(AlarmTransition) }).meta({
  id: 'AlarmDetail',
});
export type AlarmDetail = z.infer<typeof AlarmDetail>;

export const AlarmListQuery = z.object({
  state: AlarmState.optional(),
  region: RegionCode.optional().meta({ description: 'Alarms of this region and below' }),
  severity: AlarmSeverity.optional(),
  source: z.string().max(64).optional(),
  ruleId: z.string().max(120).optional(),
  from: z.iso.datetime().optional().meta({ description: 'firstFiredAt ≥ from' }),
  to: z.iso.datetime().optional().meta({ description: 'firstFiredAt < to' }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(200).optional(),
});
export type AlarmListQuery = z.infer<typeof AlarmListQuery>;

export const AlarmList = z
  .object({ items: z.array(StoredAlarm), nextCursor: z.string().nullable() })
  .meta({ id: 'AlarmList', description: 'Newest first; page with nextCursor' });
export type AlarmList = z.infer<typeof AlarmList>;

export const AlarmDispatchRequest = z
  .object({ departmentId: z.string().min(1).max(64), note: z.string().max(2000).default('') })
  .meta({ id: 'AlarmDispatchRequest' });
export const AlarmResolveRequest = z
  .object({ cause: z.string().min(1).max(2000) })
  .meta({ id: 'AlarmResolveRequest' });

export const AlarmRuleKind = z.enum(['threshold', 'business', 'quality', 'platform']).meta({
  id: 'AlarmRuleKind',
  description: 'threshold: an indicator band; business; quality: a data check; platform: a probe',
});
export type AlarmRuleKind = z.infer<typeof AlarmRuleKind>;

export const AlarmCondition = z
  .object({
    op: z.enum(['>', '>=', '<', '<=']),
    value: z.number(),
  })
  .meta({ id: 'AlarmCondition', description: 'Fires while the observed value meets the condition' });
export type AlarmCondition = z.infer<typeof AlarmCondition>;

const ruleFields = {
  name: z.string().min(1).max(200),
  kind: AlarmRuleKind,
  severity: AlarmSeverity,
  indicatorId: z
    .string()
    .max(120)
    .nullable()
    .meta({ description: 'The indicator it watches (threshold rules and indicator-based business rules)' }),
  check: z
    .string()
    .max(64)
    .nullable()
    .meta({ description: 'The named check it watches instead (e.g. quality.drift, platform.upstream-down)' }),
  condition: AlarmCondition.nullable(),
  pendingSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .meta({ description: 'How long the condition must hold before it fires' }),
  clearSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .meta({ description: 'How long it must have cleared before auto-resolve' }),
  regionScope: RegionCode.meta({ description: 'The rule applies to this region and below' }),
  level: Level.nullable().meta({
    description: 'Only regions of this level (e.g. township); null = every level',
  }),
  departmentId: z.string().min(1).max(64).meta({ description: 'The owning department (may edit it)' }),
  escalateAfterSeconds: z.number().int().min(60).nullable(),
  escalateToRole: z.string().max(64).nullable(),
  schedule: z
    .string()
    .max(120)
    .nullable()
    .meta({ description: 'A cron expression (croner) for scheduled checks; null = every refresh' }),
  enabled: z.boolean(),
};

/** Defaults of a new rule (not of an update: a field left out of an update keeps its value). */
const ruleDefaults = {
  indicatorId: ruleFields.indicatorId.default(null),
  check: ruleFields.check.default(null),
  condition: ruleFields.condition.default(null),
  pendingSeconds: ruleFields.pendingSeconds.default(0),
  clearSeconds: ruleFields.clearSeconds.default(0),
  escalateAfterSeconds: ruleFields.escalateAfterSeconds.default(null),
  escalateToRole: ruleFields.escalateToRole.default(null),
  schedule: ruleFields.schedule.default(null),
  enabled: ruleFields.enabled.default(true),
  level: ruleFields.level.default(null),
};

export const AlarmRuleInput = z.object({ ...ruleFields, ...ruleDefaults }).meta({ id: 'AlarmRuleInput' });
export type AlarmRuleInput = z.infer<typeof AlarmRuleInput>;

export const AlarmRule = z
  .object({
    id: z.string(),
    ...ruleFields,
    builtin: z.boolean().meta({ description: 'Seeded by the platform (threshold rules from bands, checks)' }),
    version: z.number().int().min(1),
    updatedAt: IsoDateTime,
    updatedBy: z.string(),
  })
  .meta({ id: 'AlarmRule' });
export type AlarmRule = z.infer<typeof AlarmRule>;

export const AlarmRuleUpdate = z
  .object(ruleFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({
    id: 'AlarmRuleUpdate',
    description: 'Fields to change, with the version they are based on',
  });
export type AlarmRuleUpdate = z.infer<typeof AlarmRuleUpdate>;

export const AlarmRuleList = z.object({ items: z.array(AlarmRule) }).meta({ id: 'AlarmRuleList' });
export type AlarmRuleList = z.infer<typeof AlarmRuleList>;

export const SilenceInput = z
  .object({
    ruleId: z.string().max(120).nullable().default(null),
    regionCode: RegionCode.nullable()
      .default(null)
      .meta({ description: 'This region and below; null = any in scope' }),
    source: z.string().max(64).nullable().default(null),
    reason: z.string().min(1).max(500),
    startsAt: z.iso
      .datetime()
      .optional()
      .meta({ description: 'Default now (a maintenance window may start later)' }),
    endsAt: z.iso.datetime(),
  })
  .meta({ id: 'SilenceInput' });
export type SilenceInput = z.infer<typeof SilenceInput>;

export const Silence = z
  .object({
    id: z.string(),
    ruleId: z.string().nullable(),
    regionCode: z.string().nullable(),
    source: z.string().nullable(),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: IsoDateTime,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
  })
  .meta({
    id: 'Silence',
    description: 'Alarms that match fire silently (stored, no notification) until endsAt',
  });
export type Silence = z.infer<typeof Silence>;

export const SilenceList = z.object({ items: z.array(Silence) }).meta({ id: 'SilenceList' });

export const FindingCheck = z
  .enum(['late', 'flatline', 'range', 'jump', 'disagreement', 'silent', 'drift'])
  .meta({ id: 'FindingCheck', description: 'The abnormal-data check (异常业务数据) that found it' });
export type FindingCheck = z.infer<typeof FindingCheck>;

export const Finding = z
  .object({
    id: z.number().int(),
    at: IsoDateTime,
    source: z.string().meta({ description: 'The upstream system or dataset' }),
    check: FindingCheck,
    ruleId: z.string().nullable(),
    entityId: z.string().nullable(),
    regionCode: z.string(),
    value: z.number().nullable(),
    detail: z.string(),
    record: z.unknown().meta({ description: 'The raw record, personal data masked' }),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof Finding>;

export const FindingQuery = z.object({
  source: z.string().max(64).optional(),
  check: FindingCheck.optional(),
  region: RegionCode.optional(),
  entity: z.string().max(120).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});
export type FindingQuery = z.infer<typeof FindingQuery>;

export const FindingList = z
  .object({ items: z.array(Finding), nextBefore: z.number().int().nullable() })
  .meta({ id: 'FindingList' });

export const FindingDailyCounts = z
  .object({
    items: z.array(
      z.object({ day: z.string(), source: z.string(), check: FindingCheck, count: z.number().int() }),
    ),
  })
  .meta({ id: 'FindingDailyCounts', description: 'Findings per source per Beijing day' });
export type FindingDailyCounts = z.infer<typeof FindingDailyCounts>;

export const InspectionReport = z
  .object({
    date: z.string(),
    generatedAt: IsoDateTime,
    systems: z.array(
      z.object({
        system: z.string(),
        departmentId: z.string().nullable(),
        availability: z
          .number()
          .min(0)
          .max(1)
          .nullable()
          .meta({ description: 'Share of probes that succeeded' }),
        probes: z.number().int(),
      }),
    ),
    dataQuality: z.array(
      z.object({ departmentId: z.string(), source: z.string(), findings: z.number().int() }),
    ),
    alarms: z.array(
      StoredAlarm.extend({
        secondsToAcknowledge: z.number().nullable(),
        secondsToResolve: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'InspectionReport', description: '巡检日报: one Beijing day' });
export type InspectionReport = z.infer<typeof InspectionReport>;

export const InspectionReportQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date is YYYY-MM-DD'),
  format: z.enum(['json', 'csv', 'html']).optional(),
});

/** The payload of the live topic alarms:all:<regionCode>: the open alarms in that region. */
export const LiveAlarms = z.object({ items: z.array(StoredAlarm) }).meta({ id: 'LiveAlarms' });
export type LiveAlarms = z.infer<typeof LiveAlarms>;
