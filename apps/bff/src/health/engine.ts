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
  /**
   * What it is about, in words; a function of the observation where building it for every observation would
   * cost (made on fire; one function can serve all of a rule's observations).
   */
  summary: string | ((o: Observation) => string);
  groupKey: string | null;
  value: number | null;
};

export const summaryOf = (o: Observation) => (typeof o.summary === 'function' ? o.summary(o) : o.summary);

export type Track = {
  pendingSince: number | null;
  clearSince: number | null;
  lastActive: boolean;
  /** Times the condition flipped, within the flap window. */
  flips: number[];
  /**
   * When the condition was last observed to hold (null: never). A time, not the observation: keeping each
   * key's observation alive from one pass to the next made every pass's ~36,000 of them old garbage.
   */
  lastActiveAt: number | null;
  /** The key, and its rule and region as `ruleIdOfKey` and the key's second field read them. */
  key: string;
  ruleId: string;
  regionCode: string;
  /** The key names no entity (`rule|region|`): the track is also found by rule and region (`regionIndexOf`). */
  byRegion: boolean;
  /** The pass that last observed the key (no set of seen keys to build and search in every pass). */
  seenIn: object | null;
};

export type EngineAction =
  | { type: 'fire'; key: string; rule: EngineRule; observation: Observation }
  | { type: 'refire'; key: string; alarm: StoredAlarm; observation: Observation }
  | { type: 'resolve'; key: string; alarm: StoredAlarm }
  | { type: 'escalate'; key: string; alarm: StoredAlarm; role: string };

export type EngineState = {
  /** The engine's memory of each key; only the engine changes it (it keeps an index beside it). */
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

/**
 * The tracks of the keys without an entity, by rule and then region, beside each `state.tracks` (made from
 * it when first needed, then kept by `addTrack` and `dropTrack`). An indicator rule's observation (no entity)
 * finds its track here without building its key string: ~36,000 keys a pass, each looked up in small maps
 * keyed by strings that stay the same (rule ids, region codes) instead of the map of every key.
 */
const regionIndexes = new WeakMap<Map<string, Track>, Map<string, Map<string, Track>>>();

function regionIndexOf(tracks: Map<string, Track>): Map<string, Map<string, Track>> {
  let index = regionIndexes.get(tracks);
  if (!index) {
    index = new Map();
    regionIndexes.set(tracks, index);
    for (const track of tracks.values()) if (track.byRegion) indexTrack(index, track);
  }
  return index;
}

function indexTrack(index: Map<string, Map<string, Track>>, track: Track) {
  const byRegion = index.get(track.ruleId);
  if (byRegion) byRegion.set(track.regionCode, track);
  else index.set(track.ruleId, new Map([[track.regionCode, track]]));
}

/** A new track of `key` (its rule and region as the key reads them), remembered in the state. */
function addTrack(pass: Pass, key: string, ruleId: string, regionCode: string, clearSince: number | null) {
  const track: Track = {
    pendingSince: null,
    clearSince,
    lastActive: false,
    flips: [],
    lastActiveAt: null,
    key,
    ruleId,
    regionCode,
    // `rule|region|` exactly (a key of an open alarm may come in any shape: it may have no region at all).
    byRegion:
      regionCode !== undefined && key.length === ruleId.length + regionCode.length + 2 && key.endsWith('|'),
    seenIn: null,
  };
  pass.state.tracks.set(key, track);
  if (track.byRegion) indexTrack(pass.index, track);
  return track;
}

function dropTrack(pass: Pass, track: Track) {
  pass.state.tracks.delete(track.key);
  if (track.byRegion) pass.index.get(track.ruleId)?.delete(track.regionCode);
}

const isOpen = (a: StoredAlarm | undefined): boolean => a !== undefined && a.state !== 'resolved';

function flip(track: Track, now: number) {
  if (track.flips.length === 0) {
    track.flips = [now]; // sized to its one entry (a push onto [] reserves room for 17, in every track)
    return;
  }
  track.flips.push(now);
  while (track.flips.length > 0 && track.flips[0]! < now - FLAP_WINDOW_MS) track.flips.shift();
}

export const isFlapping = (track: Track) => track.flips.length >= FLAP_FLIPS;

/** One evaluation pass's inputs and output; a track observed in the pass carries it (`seenIn`). */
type Pass = {
  now: number;
  rules: ReadonlyMap<string, EngineRule>;
  covered: ReadonlySet<string>;
  state: EngineState;
  index: Map<string, Map<string, Track>>;
  silences: readonly Silence[];
  coversRegion: ((regionCode: string) => boolean) | undefined;
  actions: EngineAction[];
  /** Keys observed in the pass that have no track (their truth unknown, or not active): few. */
  untracked: Set<string>;
  /** The rule of the current run of observations, and its tracks by region. */
  runRuleId: string | null;
  runRule: EngineRule | undefined;
  runTracks: Map<string, Track> | undefined;
};

/**
 * One evaluation pass. `covered`: the rules this pass judged; their keys without an observation are clear.
 * Mutates `state.tracks` (the engine's memory); `state.latest` is updated by the caller from what it stored.
 * It runs on every refresh over tens of thousands of observations: the phases are small functions (they
 * are optimised within the first pass) and loops allocate nothing per element.
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
  const { observations, state } = input;
  const pass: Pass = {
    now: input.now,
    rules: input.rules,
    covered: input.covered,
    state,
    index: regionIndexOf(state.tracks),
    silences: input.silences,
    coversRegion: input.coversRegion,
    actions: [],
    untracked: new Set(),
    runRuleId: null,
    runRule: undefined,
    runTracks: undefined,
  };
  for (let i = 0; i < observations.length; i++) observe(pass, observations[i]!);
  // Keys of the covered rules that were not seen this pass: clear (hysteresis before resolve). The tracked
  // keys first (deleting the visited entry is safe while iterating a Map; none is added), then the open
  // alarms without a track (a tracked key was handled above: an open alarm's track is never deleted).
  state.tracks.forEach((track, key) => {
    if (track.seenIn !== pass) clear(pass, key, track);
  });
  for (const [key, a] of state.latest)
    if (isOpen(a) && !state.tracks.has(key) && !pass.untracked.has(key)) clear(pass, key, undefined);
  for (const [key, a] of state.latest) escalate(pass, key, a);
  return pass.actions;
}

function observe(pass: Pass, o: Observation) {
  const { now, state } = pass;
  // A rule's observations mostly come together: its rule and tracks by region are looked up once per run.
  if (o.ruleId !== pass.runRuleId) {
    pass.runRuleId = o.ruleId;
    pass.runRule = pass.rules.get(o.ruleId);
    pass.runTracks = undefined;
  }
  const rule = pass.runRule;
  if (!rule?.enabled) return;
  // By rule and region when the key names no entity (no key string to build); else, or if new, by key.
  let track: Track | undefined;
  if (o.entityId === null) {
    pass.runTracks ??= pass.index.get(o.ruleId); // none yet: looked up again until the rule has a track
    track = pass.runTracks?.get(o.regionCode);
  }
  let key: string;
  if (track) key = track.key;
  else {
    key = alarmKey(o.ruleId, o.regionCode, o.entityId);
    track = state.tracks.get(key);
  }
  if (track === undefined) {
    if (!o.active) {
      pass.untracked.add(key); // unknown (null) or not active: seen, and its state is kept
      return;
    }
    // The key's rule and region as the clear pass reads them: the observation's, unless one holds a '|'.
    const plain = !o.ruleId.includes('|') && !o.regionCode.includes('|');
    track = addTrack(
      pass,
      key,
      plain ? o.ruleId : ruleIdOfKey(key),
      plain ? o.regionCode : key.split('|')[1]!,
      null,
    );
  } else if (o.active !== null && track.seenIn === pass && track.lastActiveAt !== null) return; // observed twice in one pass
  track.seenIn = pass;
  if (!o.active) return; // unknown, or not active: seen, and its state is kept
  if (!track.lastActive) flip(track, now);
  track.lastActive = true;
  track.clearSince = null;
  track.pendingSince ??= now;
  track.lastActiveAt = now;
  const latest = state.latest.get(key);
  if (isOpen(latest)) return;
  if (now - track.pendingSince < rule.pendingSeconds * 1000) return;
  if (silenced(pass.silences, o, now)) return;
  if (latest && now - Date.parse(latest.lastChangedAt) < REFIRE_WINDOW_MS)
    pass.actions.push({ type: 'refire', key, alarm: latest, observation: o });
  else pass.actions.push({ type: 'fire', key, rule, observation: o });
}

/** A key of a covered rule not observed active this pass: clear (hysteresis before resolve). */
function clear(pass: Pass, key: string, tracked: Track | undefined) {
  const { now, state } = pass;
  const ruleId = tracked ? tracked.ruleId : ruleIdOfKey(key);
  if (!pass.covered.has(ruleId)) return;
  const regionCode = tracked ? tracked.regionCode : key.split('|')[1]!;
  if (pass.coversRegion && !pass.coversRegion(regionCode)) return;
  const rule = pass.rules.get(ruleId);
  const track = tracked ?? addTrack(pass, key, ruleId, regionCode, now);
  if (track.lastActive) flip(track, now);
  track.lastActive = false;
  track.clearSince ??= now;
  const clearMs = (rule?.clearSeconds ?? 0) * 1000 * (isFlapping(track) ? 2 : 1);
  if (now - track.clearSince < clearMs) return;
  const latest = state.latest.get(key);
  if (latest && isOpen(latest)) pass.actions.push({ type: 'resolve', key, alarm: latest });
  else if (rule === undefined || now - track.clearSince >= Math.max(clearMs, FLAP_WINDOW_MS))
    dropTrack(pass, track); // long clear: forget the key (its flap history ages out too)
  else track.pendingSince = null;
  if (isOpen(latest)) track.pendingSince = null;
}

/** Escalation: firing, not acknowledged within the rule's time. */
function escalate(pass: Pass, key: string, a: StoredAlarm) {
  if (a.state !== 'firing' || a.escalatedTo) return;
  const rule = pass.rules.get(a.ruleId);
  if (!rule?.escalateAfterSeconds || !rule.escalateToRole) return;
  if (pass.now - Date.parse(a.lastChangedAt) >= rule.escalateAfterSeconds * 1000)
    pass.actions.push({ type: 'escalate', key, alarm: a, role: rule.escalateToRole });
}
