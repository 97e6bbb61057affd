import type { AlarmCondition, AlarmRule, Silence, StoredAlarm } from '@cockpit/contracts';

/**
 * The alarm evaluation engine: pure functions over in-memory state, no I/O. One pass takes what a refresh
 * observed and returns the lifecycle actions (fire, re-fire, auto-resolve, escalate); the service persists
 * them. Cost is linear in the observations plus the tracked keys, never a database round-trip per rule.
 *
 * - One alarm per rule × region × entity (the key); a condition that returns re-opens the key's alarm
 *   (fireCount + 1) instead of adding one.
 * - Pending: the condition must hold `pendingSeconds` before it fires. Hysteresis: it must stay clear for
 *   `clearSeconds` before the alarm auto-resolves, and before a pending timer starts over, so a condition
 *   that comes and goes (a flapping upstream) keeps one open alarm.
 * - Flap suppression: a key that flipped FLAP_FLIPS times within FLAP_WINDOW_MS needs twice the clear period.
 * - Observations whose truth is unknown (`active: null`, e.g. an indicator of an upstream that is down)
 *   change nothing: the outage is one grouped alarm of its own, not one per indicator.
 * - A silence matching a key holds back its firing until the silence ends.
 */

export type EngineRule = Pick<
  AlarmRule,
  | 'id'
  | 'severity'
  | 'pendingSeconds'
  | 'clearSeconds'
  | 'escalateAfterSeconds'
  | 'escalateToRole'
  | 'enabled'
>;

export type Observation = {
  ruleId: string;
  regionCode: string;
  entityId: string | null;
  /** true: the condition holds; null: unknown this pass (keep the state). Absent = it does not hold. */
  active: boolean | null;
  source: string;
  /** What it is about, in words; a function where building it for every observation would cost (made on fire). */
  summary: string | (() => string);
  groupKey: string | null;
  value: number | null;
};

export const summaryOf = (o: Observation) => (typeof o.summary === 'function' ? o.summary() : o.summary);

export type Track = {
  pendingSince: number | null;
  clearSince: number | null;
  lastActive: boolean;
  /** Times the condition flipped, within the flap window. */
  flips: number[];
  /** The last active observation (for a fire once pending is over). */
  last: Observation | null;
};

export type EngineAction =
  | { type: 'fire'; key: string; rule: EngineRule; observation: Observation }
  | { type: 'refire'; key: string; alarm: StoredAlarm; observation: Observation }
  | { type: 'resolve'; key: string; alarm: StoredAlarm }
  | { type: 'escalate'; key: string; alarm: StoredAlarm; role: string };

export type EngineState = {
  tracks: Map<string, Track>;
  /** The latest alarm of each key: open, or resolved within REFIRE_WINDOW_MS. */
  latest: Map<string, StoredAlarm>;
};

export const FLAP_WINDOW_MS = 10 * 60_000;
export const FLAP_FLIPS = 4;
/** A key's resolved alarm re-opens (fireCount + 1) when it fires again within this; later, a new alarm. */
export const REFIRE_WINDOW_MS = 24 * 3600_000;

export const alarmKey = (ruleId: string, regionCode: string, entityId: string | null) =>
  `${ruleId}|${regionCode}|${entityId ?? ''}`;

export const ruleIdOfKey = (key: string) => key.slice(0, key.indexOf('|'));

export function meets(condition: AlarmCondition, value: number): boolean {
  switch (condition.op) {
    case '>':
      return value > condition.value;
    case '>=':
      return value >= condition.value;
    case '<':
      return value < condition.value;
    case '<=':
      return value <= condition.value;
  }
}

/** True when an active silence covers the observation. */
export function silenced(silences: readonly Silence[], o: Observation, now: number): boolean {
  for (const s of silences) {
    if (Date.parse(s.startsAt) > now || Date.parse(s.endsAt) <= now) continue;
    if (s.ruleId !== null && s.ruleId !== o.ruleId) continue;
    if (s.source !== null && s.source !== o.source) continue;
    if (s.regionCode !== null && !o.regionCode.startsWith(s.regionCode)) continue;
    return true;
  }
  return false;
}

const isOpen = (a: StoredAlarm | undefined): boolean => a !== undefined && a.state !== 'resolved';

function flip(track: Track, now: number) {
  track.flips.push(now);
  while (track.flips.length > 0 && track.flips[0]! < now - FLAP_WINDOW_MS) track.flips.shift();
}

export const isFlapping = (track: Track) => track.flips.length >= FLAP_FLIPS;

/**
 * One evaluation pass. `covered`: the rules this pass judged; their keys without an observation are clear.
 * Mutates `state.tracks` (the engine's memory); `state.latest` is updated by the caller from what it stored.
 */
export function evaluate(input: {
  now: number;
  rules: ReadonlyMap<string, EngineRule>;
  covered: ReadonlySet<string>;
  observations: readonly Observation[];
  state: EngineState;
  silences: readonly Silence[];
  /** The regions this pass judged (default all): keys of other regions are left as they are. */
  coversRegion?: (regionCode: string) => boolean;
}): EngineAction[] {
  const { now, rules, covered, observations, state, silences, coversRegion } = input;
  const actions: EngineAction[] = [];
  const seen = new Set<string>();
  for (const o of observations) {
    const rule = rules.get(o.ruleId);
    if (!rule?.enabled) continue;
    const key = alarmKey(o.ruleId, o.regionCode, o.entityId);
    if (o.active !== null && seen.has(key) && state.tracks.get(key)?.last) continue; // observed twice in one pass
    seen.add(key);
    if (o.active === null) continue;
    if (!o.active) continue; // explicit "clear": handled with the absent keys below
    let track = state.tracks.get(key);
    if (!track) {
      track = { pendingSince: null, clearSince: null, lastActive: false, flips: [], last: null };
      state.tracks.set(key, track);
    }
    if (!track.lastActive) flip(track, now);
    track.lastActive = true;
    track.clearSince = null;
    track.pendingSince ??= now;
    track.last = o;
    const latest = state.latest.get(key);
    if (isOpen(latest)) continue;
    if (now - track.pendingSince < rule.pendingSeconds * 1000) continue;
    if (silenced(silences, o, now)) continue;
    if (latest && now - Date.parse(latest.lastChangedAt) < REFIRE_WINDOW_MS)
      actions.push({ type: 'refire', key, alarm: latest, observation: o });
    else actions.push({ type: 'fire', key, rule, observation: o });
  }
  // Keys of the covered rules that were not observed active: clear (hysteresis before resolve).
  const clearKeys = new Set<string>();
  for (const key of state.tracks.keys()) if (!seen.has(key)) clearKeys.add(key);
  for (const [key, a] of state.latest) if (isOpen(a) && !seen.has(key)) clearKeys.add(key);
  for (const key of clearKeys) {
    const ruleId = ruleIdOfKey(key);
    if (!covered.has(ruleId)) continue;
    if (coversRegion && !coversRegion(key.split('|')[1]!)) continue;
    const rule = rules.get(ruleId);
    let track = state.tracks.get(key);
    if (!track) {
      track = { pendingSince: null, clearSince: now, lastActive: false, flips: [], last: null };
      state.tracks.set(key, track);
    }
    if (track.lastActive) flip(track, now);
    track.lastActive = false;
    track.clearSince ??= now;
    const clearMs = (rule?.clearSeconds ?? 0) * 1000 * (isFlapping(track) ? 2 : 1);
    if (now - track.clearSince < clearMs) continue;
    const latest = state.latest.get(key);
    if (latest && isOpen(latest)) actions.push({ type: 'resolve', key, alarm: latest });
    else if (rule === undefined || now - track.clearSince >= Math.max(clearMs, FLAP_WINDOW_MS))
      state.tracks.delete(key); // long clear: forget the key (its flap history ages out too)
    else track.pendingSince = null;
    if (isOpen(latest)) track.pendingSince = null;
  }
  // Escalation: firing, not acknowledged within the rule's time.
  for (const [key, a] of state.latest) {
    if (a.state !== 'firing' || a.escalatedTo) continue;
    const rule = rules.get(a.ruleId);
    if (!rule?.escalateAfterSeconds || !rule.escalateToRole) continue;
    if (now - Date.parse(a.lastChangedAt) >= rule.escalateAfterSeconds * 1000)
      actions.push({ type: 'escalate', key, alarm: a, role: rule.escalateToRole });
  }
  return actions;
}
