import { randomUUID } from 'node:crypto';
import type {
  AlarmDetail,
  AlarmList,
  AlarmListQuery,
  AlarmRule,
  AlarmRuleInput,
  AlarmRuleUpdate,
  AlarmState,
  AlarmTransition,
  IndicatorDefinition,
  Silence,
  SilenceInput,
  StoredAlarm,
} from '@cockpit/contracts';
import { Cron } from 'croner';
import type { Actor } from '../auth/service';
import { HttpError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { TransitionInput } from '../store/alarms';
import type { Store } from '../store/types';
import {
  alarmKey,
  type EngineAction,
  type EngineRule,
  type EngineState,
  evaluate,
  type Observation,
  REFIRE_WINDOW_MS,
  summaryOf,
} from './engine';
import { builtinRules } from './rules.seed';

export type TransitionListener = (alarm: StoredAlarm, transition: AlarmTransition) => void;

const SYSTEM_ACTOR: Actor = { name: 'system', ip: null, requestId: null };

export type AlarmServiceOptions = {
  logger: Logger;
  /** A region code the hierarchy knows (rule and silence validation). */
  knownRegion: (code: string) => boolean;
  /** The stored indicator definitions (threshold rules follow their bands). */
  indicators: () => readonly IndicatorDefinition[];
  indicator: (id: string) => IndicatorDefinition | undefined;
  now?: () => number;
};

/**
 * Stored alarms and their lifecycle (firing → acknowledged → dispatched → resolved), the rules and silences,
 * and the evaluation passes that turn observations into alarms. In-memory state (rules, open and recent
 * alarms per key, the engine's tracks, silences) is loaded once at bind; every change is written (with its
 * transition and an audit row) before listeners hear of it.
 */
export class AlarmService {
  private store: Store | undefined;
  private binding: Promise<void> | undefined;
  private rules = new Map<string, AlarmRule>();
  private silences: Silence[] = [];
  private readonly state: EngineState = { tracks: new Map(), latest: new Map() };
  private readonly listeners = new Set<TransitionListener>();
  /** One pass or lifecycle write at a time: passes and actions never interleave on one alarm. */
  private tail: Promise<unknown> = Promise.resolve();
  /** The engine's clock (tests drive it; production: Date.now). */
  now: () => number;
  /** Passes run, and actions they produced (metrics and tests). */
  passes = 0;

  constructor(private readonly opts: AlarmServiceOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Loads rules (seeding the built-in ones), open and recent alarms, and silences. */
  bind(store: Store): Promise<void> {
    this.store = store;
    this.binding ??= (async () => {
      const at = new Date(this.now()).toISOString();
      await store.alarms.seedRules(builtinRules(this.opts.indicators(), at));
      for (const r of await store.alarms.listRules()) this.rules.set(r.id, r);
      this.silences = await store.alarms.listSilences();
      const recent = await store.alarms.listAlarms({
        scopes: [''],
        state: 'resolved',
        from: new Date(this.now() - REFIRE_WINDOW_MS).toISOString(),
        limit: 10_000,
      });
      for (const a of [...recent.reverse(), ...(await store.alarms.openAlarms())])
        this.state.latest.set(alarmKey(a.ruleId, a.regionCode, a.entityId), a);
    })();
    return this.binding;
  }

  private async bound(): Promise<Store> {
    if (!this.store || !this.binding)
      throw new HttpError(503, 'NOT_READY', 'The alarm store is not open yet');
    await this.binding;
    return this.store;
  }

  get ready(): boolean {
    return this.store !== undefined;
  }

  onTransition(listener: TransitionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  // ---- reads ----------------------------------------------------------------------------------------

  async list(filter: AlarmListQuery, scope: string): Promise<AlarmList> {
    const store = await this.bound();
    const limit = filter.limit ?? 100;
    const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    const items = await store.alarms.listAlarms({
      scopes: [scope],
      state: filter.state,
      region: filter.region,
      severity: filter.severity,
      source: filter.source,
      ruleId: filter.ruleId,
      from: filter.from,
      to: filter.to,
      after,
      limit,
    });
    const last = items.at(-1);
    return {
      items,
      nextCursor: items.length === limit && last ? encodeCursor(last.firstFiredAt, last.id) : null,
    };
  }

  async get(id: string): Promise<AlarmDetail | undefined> {
    const store = await this.bound();
    const alarm = await store.alarms.getAlarm(id);
    return alarm && { ...alarm, transitions: await store.alarms.transitions(id) };
  }

  /** The open alarms in a region and below, newest first (from memory: cheap for the live topic). */
  openIn(regionCode: string): StoredAlarm[] {
    const out: StoredAlarm[] = [];
    for (const a of this.state.latest.values())
      if (a.state !== 'resolved' && a.regionCode.startsWith(regionCode)) out.push(a);
    return out.sort((a, b) =>
      a.firstFiredAt < b.firstFiredAt ? 1 : a.firstFiredAt > b.firstFiredAt ? -1 : 0,
    );
  }

  /** Counts of the open alarms by state (metrics). */
  countsByState(): Record<AlarmState, number> {
    const out: Record<AlarmState, number> = { firing: 0, acknowledged: 0, dispatched: 0, resolved: 0 };
    for (const a of this.state.latest.values()) if (a.state !== 'resolved') out[a.state]++;
    return out;
  }

  // ---- lifecycle by people ----------------------------------------------------------------------------

  ack(id: string, actor: Actor) {
    return this.act(id, actor, ['firing'], 'acknowledged', 'ack', null, (a) => ({
      ...a,
      acknowledgedBy: actor.name,
    }));
  }

  dispatch(id: string, actor: Actor, departmentId: string, note: string) {
    return this.act(id, actor, ['firing', 'acknowledged'], 'dispatched', 'dispatch', note, (a) => ({
      ...a,
      acknowledgedBy: a.acknowledgedBy ?? actor.name,
      departmentId,
      note,
    }));
  }

  resolve(id: string, actor: Actor, cause: string) {
    return this.act(
      id,
      actor,
      ['firing', 'acknowledged', 'dispatched'],
      'resolved',
      'resolve',
      cause,
      (a) => ({
        ...a,
        cause,
      }),
    );
  }

  private act(
    id: string,
    actor: Actor,
    from: readonly AlarmState[],
    to: AlarmState,
    kind: AlarmTransition['kind'],
    note: string | null,
    change: (a: StoredAlarm) => StoredAlarm,
  ): Promise<StoredAlarm> {
    return this.serial(async () => {
      const store = await this.bound();
      const current = await store.alarms.getAlarm(id);
      if (!current) throw new HttpError(404, 'ALARM_NOT_FOUND', `No alarm has the id ${id}`);
      if (!from.includes(current.state))
        throw new HttpError(
          409,
          'ALARM_STATE',
          `The alarm is ${current.state}; ${kind} needs it to be ${from.join(' or ')}`,
        );
      const at = new Date(this.now()).toISOString();
      const next = { ...change(current), state: to, lastChangedAt: at };
      await this.write([{ alarm: next, kind, from: current.state, actor, note }], at);
      return next;
    });
  }

  private async write(
    changes: {
      alarm: StoredAlarm;
      kind: AlarmTransition['kind'];
      from: AlarmState | null;
      actor: Actor;
      note: string | null;
    }[],
    at: string,
  ) {
    if (changes.length === 0) return;
    const store = await this.bound();
    const rows = changes.map((c) => {
      const transition: TransitionInput = {
        alarmId: c.alarm.id,
        at,
        from: c.from,
        to: c.alarm.state,
        kind: c.kind,
        actor: c.actor.name,
        note: c.note,
      };
      return {
        alarm: c.alarm,
        transition,
        audit: {
          actor: c.actor.name,
          ip: c.actor.ip,
          requestId: c.actor.requestId,
          action: `alarm.${c.kind}`,
          target: c.alarm.id,
          summary: `${c.from ?? 'new'} → ${c.alarm.state}: ${c.alarm.ruleId} @ ${c.alarm.regionCode}${
            c.alarm.entityId ? ` (${c.alarm.entityId})` : ''
          }${c.note ? `; ${c.note}` : ''}`,
        },
      };
    });
    const stored = await store.alarms.applyTransitions(rows);
    for (const [i, c] of changes.entries()) {
      this.state.latest.set(alarmKey(c.alarm.ruleId, c.alarm.regionCode, c.alarm.entityId), c.alarm);
      for (const l of this.listeners) {
        try {
          l(c.alarm, stored[i]!);
        } catch (err) {
          this.opts.logger.warn({ err }, 'alarms: a transition listener failed');
        }
      }
    }
  }

  // ---- evaluation -------------------------------------------------------------------------------------

  /** The rules the engine reads (enabled ones), by id. */
  engineRules(): ReadonlyMap<string, AlarmRule> {
    return this.rules;
  }

  /**
   * One evaluation pass over what a refresh observed: the engine decides, this stores. `covered`: the rules
   * the pass judged (keys of those rules without an active observation are clear). Returns what changed.
   */
  pass(
    covered: ReadonlySet<string>,
    observations: readonly Observation[],
    coversRegion?: (regionCode: string) => boolean,
  ): Promise<StoredAlarm[]> {
    return this.serial(async () => {
      if (!this.store) return [];
      await this.binding;
      const now = this.now();
      const actions = evaluate({
        now,
        rules: this.rules as ReadonlyMap<string, EngineRule>,
        covered,
        observations,
        state: this.state,
        silences: this.silences,
        ...(coversRegion ? { coversRegion } : {}),
      });
      this.passes++;
      if (actions.length === 0) return [];
      const at = new Date(now).toISOString();
      const changes = actions.map((a) => this.changeOf(a, at));
      await this.write(changes, at);
      return changes.map((c) => c.alarm);
    });
  }

  private changeOf(action: EngineAction, at: string) {
    switch (action.type) {
      case 'fire': {
        const o = action.observation;
        const alarm: StoredAlarm = {
          id: randomUUID(),
          ruleId: o.ruleId,
          severity: action.rule.severity,
          state: 'firing',
          regionCode: o.regionCode,
          source: o.source,
          entityId: o.entityId,
          firstFiredAt: at,
          lastChangedAt: at,
          summary: summaryOf(o),
          fireCount: 1,
          groupKey: o.groupKey,
          acknowledgedBy: null,
          departmentId: null,
          note: null,
          cause: null,
          escalatedTo: null,
        };
        return { alarm, kind: 'fire' as const, from: null, actor: SYSTEM_ACTOR, note: null };
      }
      case 'refire': {
        const a = action.alarm;
        const alarm: StoredAlarm = {
          ...a,
          state: 'firing',
          lastChangedAt: at,
          summary: summaryOf(action.observation),
          fireCount: a.fireCount + 1,
          acknowledgedBy: null,
          departmentId: null,
          note: null,
          cause: null,
          escalatedTo: null,
        };
        return { alarm, kind: 'refire' as const, from: a.state, actor: SYSTEM_ACTOR, note: null };
      }
      case 'resolve':
        return {
          alarm: { ...action.alarm, state: 'resolved' as const, lastChangedAt: at, cause: 'cleared' },
          kind: 'auto-resolve' as const,
          from: action.alarm.state,
          actor: SYSTEM_ACTOR,
          note: 'the condition cleared for the rule’s clear period',
        };
      case 'escalate':
        return {
          alarm: { ...action.alarm, escalatedTo: action.role, lastChangedAt: at },
          kind: 'escalate' as const,
          from: action.alarm.state,
          actor: SYSTEM_ACTOR,
          note: `unacknowledged; escalated to the role ${action.role}`,
        };
    }
  }

  // ---- rules -----------------------------------------------------------------------------------------

  listRules(): AlarmRule[] {
    return [...this.rules.values()];
  }

  getRule(id: string): AlarmRule | undefined {
    return this.rules.get(id);
  }

  /** 400 naming the field: an unknown indicator or region, a cron expression that does not parse. */
  private validateRule(r: AlarmRuleInput) {
    const bad = (path: string, message: string) => {
      throw new HttpError(400, 'VALIDATION', `${path}: ${message}`, [{ path, message }]);
    };
    if (r.indicatorId !== null && !this.opts.indicator(r.indicatorId))
      bad('indicatorId', `no indicator has the id ${r.indicatorId}`);
    if (!this.opts.knownRegion(r.regionScope)) bad('regionScope', `no region has the code ${r.regionScope}`);
    if (r.schedule !== null) {
      try {
        new Cron(r.schedule, { paused: true }).stop();
      } catch (err) {
        bad(
          'schedule',
          `the cron expression does not parse (${err instanceof Error ? err.message : String(err)})`,
        );
      }
    }
    if (r.indicatorId === null && r.check === null)
      bad('indicatorId', 'a rule watches an indicator or a check');
    if (r.kind === 'threshold' && r.indicatorId === null)
      bad('indicatorId', 'a threshold rule needs an indicator');
    if ((r.escalateAfterSeconds === null) !== (r.escalateToRole === null))
      bad('escalateToRole', 'escalation needs both escalateAfterSeconds and escalateToRole');
  }

  async createRule(input: AlarmRuleInput, actor: Actor, canEdit: (departmentId: string) => boolean) {
    this.validateRule(input);
    if (!canEdit(input.departmentId))
      throw new HttpError(
        403,
        'FORBIDDEN',
        `Only ${input.departmentId} (or an administrator) may own this rule`,
      );
    const store = await this.bound();
    const rule: AlarmRule = {
      ...input,
      id: `custom.${randomUUID().slice(0, 8)}`,
      builtin: false,
      version: 1,
      updatedAt: new Date(this.now()).toISOString(),
      updatedBy: actor.name,
    };
    await store.alarms.putRule(rule);
    this.rules.set(rule.id, rule);
    await store.audit.append(auditOf(actor, 'alarm-rule.create', rule.id, `${rule.name} (${rule.kind})`));
    return rule;
  }

  async updateRule(
    id: string,
    patch: AlarmRuleUpdate,
    actor: Actor,
    canEdit: (departmentId: string) => boolean,
  ) {
    const store = await this.bound();
    const current = this.rules.get(id);
    if (!current) throw new HttpError(404, 'RULE_NOT_FOUND', `No alarm rule has the id ${id}`);
    if (!canEdit(current.departmentId))
      throw new HttpError(403, 'FORBIDDEN', `The rule belongs to ${current.departmentId}`);
    if (patch.version !== current.version)
      throw new HttpError(
        409,
        'VERSION_CONFLICT',
        `The rule is at version ${current.version}, not ${patch.version}`,
      );
    const { version: _v, ...fields } = patch;
    const next: AlarmRule = {
      ...current,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      version: current.version + 1,
      updatedAt: new Date(this.now()).toISOString(),
      updatedBy: actor.name,
    };
    this.validateRule(next);
    if (!canEdit(next.departmentId))
      throw new HttpError(
        403,
        'FORBIDDEN',
        `Only ${next.departmentId} (or an administrator) may own this rule`,
      );
    await store.alarms.putRule(next);
    this.rules.set(id, next);
    await store.audit.append(auditOf(actor, 'alarm-rule.update', id, `version ${next.version}`));
    return next;
  }

  async deleteRule(id: string, actor: Actor, canEdit: (departmentId: string) => boolean) {
    const store = await this.bound();
    const current = this.rules.get(id);
    if (!current) throw new HttpError(404, 'RULE_NOT_FOUND', `No alarm rule has the id ${id}`);
    if (!canEdit(current.departmentId))
      throw new HttpError(403, 'FORBIDDEN', `The rule belongs to ${current.departmentId}`);
    if (current.builtin)
      throw new HttpError(
        409,
        'BUILTIN_RULE',
        'A built-in rule cannot be deleted; disable it (enabled: false)',
      );
    await store.alarms.deleteRule(id);
    this.rules.delete(id);
    await store.audit.append(auditOf(actor, 'alarm-rule.delete', id, current.name));
  }

  // ---- silences --------------------------------------------------------------------------------------

  listSilences(): Silence[] {
    return this.silences;
  }

  async createSilence(input: SilenceInput, actor: Actor): Promise<Silence> {
    const store = await this.bound();
    const now = this.now();
    const startsAt = input.startsAt ?? new Date(now).toISOString();
    const bad = (path: string, message: string) => {
      throw new HttpError(400, 'VALIDATION', `${path}: ${message}`, [{ path, message }]);
    };
    if (Date.parse(input.endsAt) <= Math.max(now, Date.parse(startsAt)))
      bad('endsAt', 'must be after now and startsAt');
    if (input.ruleId !== null && !this.rules.has(input.ruleId))
      bad('ruleId', `no alarm rule has the id ${input.ruleId}`);
    if (input.regionCode !== null && !this.opts.knownRegion(input.regionCode))
      bad('regionCode', `no region has the code ${input.regionCode}`);
    const silence: Silence = {
      id: randomUUID(),
      ruleId: input.ruleId,
      regionCode: input.regionCode,
      source: input.source,
      reason: input.reason,
      createdBy: actor.name,
      createdAt: new Date(now).toISOString(),
      startsAt: new Date(Date.parse(startsAt)).toISOString(),
      endsAt: new Date(Date.parse(input.endsAt)).toISOString(),
    };
    await store.alarms.insertSilence(silence);
    this.silences = [silence, ...this.silences];
    await store.audit.append(
      auditOf(actor, 'silence.create', silence.id, `${input.reason} until ${silence.endsAt}`),
    );
    return silence;
  }

  async endSilence(id: string, actor: Actor) {
    const store = await this.bound();
    const s = this.silences.find((x) => x.id === id);
    if (!s) throw new HttpError(404, 'SILENCE_NOT_FOUND', `No silence has the id ${id}`);
    const at = new Date(this.now()).toISOString();
    await store.alarms.endSilence(id, at);
    this.silences = this.silences.map((x) => (x.id === id ? { ...x, endsAt: at } : x));
    await store.audit.append(auditOf(actor, 'silence.end', id, s.reason));
  }
}

const auditOf = (actor: Actor, action: string, target: string, summary: string) => ({
  actor: actor.name,
  ip: actor.ip,
  requestId: actor.requestId,
  action,
  target,
  summary,
});

export function encodeCursor(firstFiredAt: string, id: string) {
  return Buffer.from(JSON.stringify([firstFiredAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { firstFiredAt: string; id: string } {
  try {
    const [firstFiredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    if (typeof firstFiredAt === 'string' && typeof id === 'string') return { firstFiredAt, id };
  } catch {
    // fall through
  }
  throw new HttpError(400, 'VALIDATION', 'cursor: not a cursor this API gave', [
    { path: 'cursor', message: 'malformed' },
  ]);
}
