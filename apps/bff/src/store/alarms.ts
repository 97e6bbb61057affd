import type {
  AlarmRule,
  AlarmState,
  AlarmTransition,
  Finding,
  FindingCheck,
  Silence,
  StoredAlarm,
} from '@cockpit/contracts';
import { beijingDateKey } from '@cockpit/domain/time';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema';
import type { AuditInput, AuditStore } from './types';

/**
 * Health inspection (#16): alarm rules, stored alarms and their transitions, findings (abnormal business
 * data), silences and probe tallies. Queries only; the engine and lifecycle live in health/.
 */

export type AlarmFilter = {
  state?: AlarmState | undefined;
  /** Open alarms only (firing, acknowledged, dispatched). */
  open?: boolean | undefined;
  /** Region prefixes the caller may see (codes nest by prefix); the alarm's region must start with one. */
  scopes: readonly string[];
  /** This region and below. */
  region?: string | undefined;
  severity?: string | undefined;
  source?: string | undefined;
  ruleId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Page after this (firstFiredAt, id), newest first. */
  after?: { firstFiredAt: string; id: string } | undefined;
  limit: number;
};

export type FindingInput = Omit<Finding, 'id'>;
export type FindingFilter = {
  source?: string | undefined;
  check?: string | undefined;
  region?: string | undefined;
  entity?: string | undefined;
  scopes: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
};

export type TransitionInput = Omit<AlarmTransition, 'id'>;

export interface AlarmsStore {
  listRules(): Promise<AlarmRule[]>;
  getRule(id: string): Promise<AlarmRule | undefined>;
  putRule(rule: AlarmRule): Promise<void>;
  /** Inserts the rules that do not exist yet (seeding); never replaces an edited one. */
  seedRules(rules: readonly AlarmRule[]): Promise<number>;
  deleteRule(id: string): Promise<void>;
  /** Every open alarm (the engine keeps them in memory). */
  openAlarms(): Promise<StoredAlarm[]>;
  getAlarm(id: string): Promise<StoredAlarm | undefined>;
  listAlarms(f: AlarmFilter): Promise<StoredAlarm[]>;
  transitions(alarmId: string): Promise<AlarmTransition[]>;
  /**
   * Writes a batch of alarm changes in one transaction: each alarm upserted, its transition appended and
   * one audit row per transition (every transition is audited).
   */
  applyTransitions(
    changes: readonly { alarm: StoredAlarm; transition: TransitionInput; audit: AuditInput }[],
  ): Promise<AlarmTransition[]>;
  /** Bulk insert (bench, backfill of history). */
  insertAlarms(alarms: readonly StoredAlarm[]): Promise<void>;
  alarmsOfDay(fromIso: string, toIso: string): Promise<StoredAlarm[]>;
  transitionsOf(alarmIds: readonly string[]): Promise<AlarmTransition[]>;
  insertFindings(rows: readonly FindingInput[]): Promise<void>;
  findings(f: FindingFilter): Promise<Finding[]>;
  findingCounts(
    fromDay: string,
    toDay: string,
    scopes: readonly string[],
  ): Promise<{ day: string; source: string; check: FindingCheck; count: number }[]>;
  listSilences(): Promise<Silence[]>;
  getSilence(id: string): Promise<Silence | undefined>;
  insertSilence(s: Silence): Promise<void>;
  /** Ends a silence now (kept for the record). */
  endSilence(id: string, at: string): Promise<void>;
  recordProbes(day: string, results: readonly { system: string; ok: boolean }[]): Promise<void>;
  probeTallies(day: string): Promise<{ system: string; ok: number; total: number }[]>;
}

type Q = Kysely<DB> | Transaction<DB>;
type Serialise = <T>(fn: () => Promise<T>) => Promise<T>;

const alarmOf = (r: DB['alarms']): StoredAlarm => ({
  id: r.id,
  ruleId: r.rule_id,
  severity: r.severity as StoredAlarm['severity'],
  state: r.state as AlarmState,
  regionCode: r.region_code,
  source: r.source,
  entityId: r.entity_id,
  firstFiredAt: r.first_fired_at,
  lastChangedAt: r.last_changed_at,
  summary: r.summary,
  fireCount: Number(r.fire_count),
  groupKey: r.group_key,
  acknowledgedBy: r.acknowledged_by,
  departmentId: r.department_id,
  note: r.note,
  cause: r.cause,
  escalatedTo: r.escalated_to,
});

const alarmRow = (a: StoredAlarm): DB['alarms'] => ({
  id: a.id,
  rule_id: a.ruleId,
  severity: a.severity,
  state: a.state,
  open: a.state === 'resolved' ? 0 : 1,
  region_code: a.regionCode,
  source: a.source,
  entity_id: a.entityId,
  first_fired_at: a.firstFiredAt,
  last_changed_at: a.lastChangedAt,
  summary: a.summary,
  fire_count: a.fireCount,
  group_key: a.groupKey,
  acknowledged_by: a.acknowledgedBy,
  department_id: a.departmentId,
  note: a.note,
  cause: a.cause,
  escalated_to: a.escalatedTo ?? null,
});

const transitionOf = (r: {
  id: number;
  alarm_id: string;
  at: string;
  from_state: string | null;
  to_state: string;
  kind: string;
  actor: string;
  note: string | null;
}): AlarmTransition => ({
  id: Number(r.id),
  alarmId: r.alarm_id,
  at: r.at,
  from: r.from_state as AlarmState | null,
  to: r.to_state as AlarmState,
  kind: r.kind as AlarmTransition['kind'],
  actor: r.actor,
  note: r.note,
});

const ruleOf = (r: DB['alarm_rules']): AlarmRule => JSON.parse(r.rule) as AlarmRule;
const ruleRow = (r: AlarmRule): DB['alarm_rules'] => ({
  id: r.id,
  kind: r.kind,
  department_id: r.departmentId,
  region_scope: r.regionScope,
  builtin: r.builtin ? 1 : 0,
  version: r.version,
  rule: JSON.stringify(r),
  updated_at: r.updatedAt,
  updated_by: r.updatedBy,
});

const silenceOf = (r: DB['silences']): Silence => ({
  id: r.id,
  ruleId: r.rule_id,
  regionCode: r.region_code,
  source: r.source,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
});

/** SQL for "region_code starts with one of the prefixes" (codes nest by prefix). */
function scopeClause(column: 'region_code', scopes: readonly string[]) {
  if (scopes.length === 0) return sql<boolean>`0`;
  return sql<boolean>`(${sql.join(
    scopes.map((s) => sql`substr(${sql.ref(column)}, 1, ${s.length}) = ${s}`),
    sql` OR `,
  )})`;
}

export function alarmsStore(
  db: Kysely<DB>,
  serialise: Serialise,
  auditOf: (q: Q) => AuditStore,
): AlarmsStore {
  const write = <T>(fn: (q: Q) => Promise<T>) => serialise(() => db.transaction().execute(fn));
  const putRule = (q: Q, r: AlarmRule) =>
    q
      .insertInto('alarm_rules')
      .values(ruleRow(r))
      .onConflict((oc) => oc.column('id').doUpdateSet(ruleRow(r)))
      .execute();
  const upsertAlarm = (q: Q, a: StoredAlarm) => {
    const row = alarmRow(a);
    return q
      .insertInto('alarms')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  };
  return {
    listRules: async () =>
      (await db.selectFrom('alarm_rules').selectAll().orderBy('id').execute()).map(ruleOf),
    getRule: async (id) => {
      const r = await db.selectFrom('alarm_rules').selectAll().where('id', '=', id).executeTakeFirst();
      return r && ruleOf(r);
    },
    putRule: (r) =>
      write(async (q) => {
        await putRule(q, r);
      }),
    seedRules: (rules) =>
      write(async (q) => {
        const have = new Set((await q.selectFrom('alarm_rules').select('id').execute()).map((r) => r.id));
        let n = 0;
        for (const r of rules)
          if (!have.has(r.id)) {
            await q.insertInto('alarm_rules').values(ruleRow(r)).execute();
            n++;
          }
        return n;
      }),
    deleteRule: (id) =>
      write(async (q) => {
        await q.deleteFrom('alarm_rules').where('id', '=', id).execute();
      }),
    openAlarms: async () =>
      (await db.selectFrom('alarms').selectAll().where('open', '=', 1).execute()).map(alarmOf),
    getAlarm: async (id) => {
      const r = await db.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst();
      return r && alarmOf(r);
    },
    listAlarms: async (f) => {
      let q = db.selectFrom('alarms').selectAll().where(scopeClause('region_code', f.scopes));
      if (f.state) q = q.where('state', '=', f.state);
      if (f.open) q = q.where('open', '=', 1);
      if (f.region) q = q.where(scopeClause('region_code', [f.region]));
      if (f.severity) q = q.where('severity', '=', f.severity);
      if (f.source) q = q.where('source', '=', f.source);
      if (f.ruleId) q = q.where('rule_id', '=', f.ruleId);
      if (f.from) q = q.where('first_fired_at', '>=', f.from);
      if (f.to) q = q.where('first_fired_at', '<', f.to);
      if (f.after) {
        const { firstFiredAt, id } = f.after;
        q = q.where((eb) =>
          eb.or([
            eb('first_fired_at', '<', firstFiredAt),
            eb.and([eb('first_fired_at', '=', firstFiredAt), eb('id', '<', id)]),
          ]),
        );
      }
      const rows = await q.orderBy('first_fired_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
      return rows.map(alarmOf);
    },
    transitions: async (alarmId) =>
      (
        await db
          .selectFrom('alarm_transitions')
          .selectAll()
          .where('alarm_id', '=', alarmId)
          .orderBy('id')
          .execute()
      ).map(transitionOf),
    applyTransitions: (changes) =>
      write(async (q) => {
        const out: AlarmTransition[] = [];
        const audit = auditOf(q);
        for (const { alarm, transition, audit: entry } of changes) {
          await upsertAlarm(q, alarm);
          const row = await q
            .insertInto('alarm_transitions')
            .values({
              alarm_id: transition.alarmId,
              at: transition.at,
              from_state: transition.from,
              to_state: transition.to,
              kind: transition.kind,
              actor: transition.actor,
              note: transition.note,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await audit.append(entry, transition.at);
          out.push(transitionOf(row));
        }
        return out;
      }),
    insertAlarms: (alarms) =>
      write(async (q) => {
        for (let i = 0; i < alarms.length; i += 500)
          await q
            .insertInto('alarms')
            .values(alarms.slice(i, i + 500).map(alarmRow))
            .execute();
      }),
    alarmsOfDay: async (fromIso, toIso) =>
      (
        await db
          .selectFrom('alarms')
          .selectAll()
          .where((eb) =>
            eb.or([
              eb.and([eb('first_fired_at', '>=', fromIso), eb('first_fired_at', '<', toIso)]),
              eb.and([eb('first_fired_at', '<', fromIso), eb('last_changed_at', '>=', fromIso)]),
              eb.and([eb('first_fired_at', '<', fromIso), eb('open', '=', 1)]),
            ]),
          )
          .orderBy('first_fired_at')
          .execute()
      ).map(alarmOf),
    transitionsOf: async (ids) => {
      if (ids.length === 0) return [];
      const out: AlarmTransition[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('alarm_transitions')
          .selectAll()
          .where('alarm_id', 'in', ids.slice(i, i + 500))
          .orderBy('id')
          .execute();
        out.push(...rows.map(transitionOf));
      }
      return out;
    },
    insertFindings: (rows) =>
      rows.length === 0
        ? Promise.resolve()
        : write(async (q) => {
            for (let i = 0; i < rows.length; i += 200)
              await q
                .insertInto('findings')
                .values(
                  rows.slice(i, i + 200).map((f) => ({
                    at: f.at,
                    day: beijingDay(f.at),
                    source: f.source,
                    check_name: f.check,
                    rule_id: f.ruleId,
                    entity_id: f.entityId,
                    region_code: f.regionCode,
                    value: f.value,
                    detail: f.detail,
                    record: JSON.stringify(f.record ?? null),
                  })),
                )
                .execute();
          }),
    findings: async (f) => {
      let q = db.selectFrom('findings').selectAll().where(scopeClause('region_code', f.scopes));
      if (f.source) q = q.where('source', '=', f.source);
      if (f.check) q = q.where('check_name', '=', f.check);
      if (f.region) q = q.where(scopeClause('region_code', [f.region]));
      if (f.entity) q = q.where('entity_id', '=', f.entity);
      if (f.from) q = q.where('at', '>=', f.from);
      if (f.to) q = q.where('at', '<', f.to);
      if (f.before) q = q.where('id', '<', f.before);
      const rows = await q.orderBy('id', 'desc').limit(f.limit).execute();
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        source: r.source,
        check: r.check_name as FindingCheck,
        ruleId: r.rule_id,
        entityId: r.entity_id,
        regionCode: r.region_code,
        value: r.value,
        detail: r.detail,
        record: JSON.parse(r.record) as unknown,
      }));
    },
    findingCounts: async (fromDay, toDay, scopes) => {
      const rows = await db
        .selectFrom('findings')
        .select(['day', 'source', 'check_name'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .where(scopeClause('region_code', scopes))
        .groupBy(['day', 'source', 'check_name'])
        .orderBy('day')
        .orderBy('source')
        .execute();
      return rows.map((r) => ({
        day: r.day,
        source: r.source,
        check: r.check_name as FindingCheck,
        count: Number(r.n),
      }));
    },
    listSilences: async () =>
      (await db.selectFrom('silences').selectAll().orderBy('starts_at', 'desc').execute()).map(silenceOf),
    getSilence: async (id) => {
      const r = await db.selectFrom('silences').selectAll().where('id', '=', id).executeTakeFirst();
      return r && silenceOf(r);
    },
    insertSilence: (s) =>
      write(async (q) => {
        await q
          .insertInto('silences')
          .values({
            id: s.id,
            rule_id: s.ruleId,
            region_code: s.regionCode,
            source: s.source,
            reason: s.reason,
            created_by: s.createdBy,
            created_at: s.createdAt,
            starts_at: s.startsAt,
            ends_at: s.endsAt,
          })
          .execute();
      }),
    endSilence: (id, at) =>
      write(async (q) => {
        await q.updateTable('silences').set({ ends_at: at }).where('id', '=', id).execute();
      }),
    recordProbes: (day, results) =>
      results.length === 0
        ? Promise.resolve()
        : write(async (q) => {
            for (const r of results)
              await q
                .insertInto('probe_tallies')
                .values({ day, system: r.system, ok: r.ok ? 1 : 0, total: 1 })
                .onConflict((oc) =>
                  oc.columns(['day', 'system']).doUpdateSet({
                    ok: sql`ok + ${r.ok ? 1 : 0}`,
                    total: sql`total + 1`,
                  }),
                )
                .execute();
          }),
    probeTallies: async (day) =>
      (
        await db.selectFrom('probe_tallies').selectAll().where('day', '=', day).orderBy('system').execute()
      ).map((r) => ({ system: r.system, ok: Number(r.ok), total: Number(r.total) })),
  };
}

/** The cockpit's day of an instant: the Beijing date. */
const beijingDay = (iso: string) => beijingDateKey(Date.parse(iso));
