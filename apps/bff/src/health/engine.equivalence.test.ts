import type { Silence, StoredAlarm } from '@cockpit/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alarmKey,
  type EngineAction,
  type EngineRule,
  type EngineState,
  evaluate,
  FLAP_FLIPS,
  FLAP_WINDOW_MS,
  type Observation,
  REFIRE_WINDOW_MS,
  ruleIdOfKey,
  silenced,
} from './engine';

/**
 * The engine's fast paths (seen marks on the tracks instead of a set of keys, the index by rule and region,
 * the phases as small functions) against the engine as it was before them, kept here verbatim as the
 * reference: over random histories both must return the same actions and keep the same tracks.
 */

type ReferenceTrack = {
  pendingSince: number | null;
  clearSince: number | null;
  lastActive: boolean;
  flips: number[];
  last: Observation | null;
};
type ReferenceState = { tracks: Map<string, ReferenceTrack>; latest: Map<string, StoredAlarm> };

const isOpen = (a: StoredAlarm | undefined): boolean => a !== undefined && a.state !== 'resolved';

function referenceFlip(track: ReferenceTrack, now: number) {
  track.flips.push(now);
  while (track.flips.length > 0 && track.flips[0]! < now - FLAP_WINDOW_MS) track.flips.shift();
}

function referenceEvaluate(input: {
  now: number;
  rules: ReadonlyMap<string, EngineRule>;
  covered: ReadonlySet<string>;
  observations: readonly Observation[];
  state: ReferenceState;
  silences: readonly Silence[];
  coversRegion?: (regionCode: string) => boolean;
}): EngineAction[] {
  const { now, rules, covered, observations, state, silences, coversRegion } = input;
  const actions: EngineAction[] = [];
  const seen = new Set<string>();
  for (const o of observations) {
    const rule = rules.get(o.ruleId);
    if (!rule?.enabled) continue;
    const key = alarmKey(o.ruleId, o.regionCode, o.entityId);
    if (o.active !== null && seen.has(key) && state.tracks.get(key)?.last) continue;
    seen.add(key);
    if (o.active === null) continue;
    if (!o.active) continue;
    let track = state.tracks.get(key);
    if (!track) {
      track = { pendingSince: null, clearSince: null, lastActive: false, flips: [], last: null };
      state.tracks.set(key, track);
    }
    if (!track.lastActive) referenceFlip(track, now);
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
    if (track.lastActive) referenceFlip(track, now);
    track.lastActive = false;
    track.clearSince ??= now;
    const clearMs = (rule?.clearSeconds ?? 0) * 1000 * (track.flips.length >= FLAP_FLIPS ? 2 : 1);
    if (now - track.clearSince < clearMs) continue;
    const latest = state.latest.get(key);
    if (latest && isOpen(latest)) actions.push({ type: 'resolve', key, alarm: latest });
    else if (rule === undefined || now - track.clearSince >= Math.max(clearMs, FLAP_WINDOW_MS))
      state.tracks.delete(key);
    else track.pendingSince = null;
    if (isOpen(latest)) track.pendingSince = null;
  }
  for (const [key, a] of state.latest) {
    if (a.state !== 'firing' || a.escalatedTo) continue;
    const rule = rules.get(a.ruleId);
    if (!rule?.escalateAfterSeconds || !rule.escalateToRole) continue;
    if (now - Date.parse(a.lastChangedAt) >= rule.escalateAfterSeconds * 1000)
      actions.push({ type: 'escalate', key, alarm: a, role: rule.escalateToRole });
  }
  return actions;
}

const rule = (id: string, over: Partial<EngineRule> = {}): EngineRule => ({
  id,
  severity: 'warning',
  pendingSeconds: 0,
  clearSeconds: 0,
  escalateAfterSeconds: null,
  escalateToRole: null,
  enabled: true,
  ...over,
});

// Rule ids and region codes with a '|' make keys that two different (rule, region) pairs share.
const RULE_IDS = ['r', 's', 'a', 'a|b', 'off'] as const;
const REGIONS = ['331023', '331023001', '331023001002', 'b|c', 'c'] as const;
const ENTITIES = [null, '', 'e1'] as const;

/** Stores what the engine decided, the way the service does (what it stores becomes `latest`). */
function apply(latest: Map<string, StoredAlarm>, actions: EngineAction[], now: number, ids: { n: number }) {
  const at = new Date(now).toISOString();
  for (const a of actions) {
    if (a.type === 'fire')
      latest.set(a.key, {
        id: `a${ids.n++}`,
        ruleId: a.observation.ruleId,
        severity: 'warning',
        state: 'firing',
        regionCode: a.observation.regionCode,
        source: a.observation.source,
        entityId: a.observation.entityId,
        firstFiredAt: at,
        lastChangedAt: at,
        summary: 'x',
        fireCount: 1,
        groupKey: null,
        acknowledgedBy: null,
        departmentId: null,
        note: null,
        cause: null,
        escalatedTo: null,
      });
    else if (a.type === 'refire')
      latest.set(a.key, { ...a.alarm, state: 'firing', fireCount: a.alarm.fireCount + 1, lastChangedAt: at });
    else if (a.type === 'resolve') latest.set(a.key, { ...a.alarm, state: 'resolved', lastChangedAt: at });
    else latest.set(a.key, { ...a.alarm, escalatedTo: a.role, lastChangedAt: at });
  }
}

const describeAction = (a: EngineAction, observations: readonly Observation[]) =>
  a.type === 'fire' || a.type === 'refire'
    ? `${a.type} ${a.key} obs#${observations.indexOf(a.observation)}${a.type === 'refire' ? ` ${a.alarm.id}` : ''}`
    : a.type === 'resolve'
      ? `resolve ${a.key} ${a.alarm.id}`
      : `escalate ${a.key} ${a.alarm.id} ${a.role}`;

const observationArb = fc.record({
  ruleId: fc.constantFrom(...RULE_IDS),
  regionCode: fc.constantFrom(...REGIONS),
  entityId: fc.constantFrom(...ENTITIES),
  active: fc.constantFrom(true, true, true, false, null),
});

const passArb = fc.record({
  stepSeconds: fc.integer({ min: 0, max: 400 }),
  observations: fc.array(observationArb, { maxLength: 10 }),
  covered: fc.subarray([...RULE_IDS]),
  onlyTownship: fc.boolean(),
  /** An alarm the service resolves or acknowledges on its own (a person, another pass). */
  touch: fc.option(fc.constantFrom('resolve', 'acknowledge'), { nil: null }),
  /** The service restarts before the pass: its open alarms are loaded, the engine's tracks start empty. */
  restart: fc.constantFrom(false, false, false, false, true),
});

type Setup = {
  pendingSeconds: number;
  clearSeconds: number;
  escalate: boolean;
  silenceUntilSeconds: number | null;
};
type Pass = {
  stepSeconds: number;
  observations: Pick<Observation, 'ruleId' | 'regionCode' | 'entityId' | 'active'>[];
  covered: string[];
  onlyTownship: boolean;
  touch: 'resolve' | 'acknowledge' | null;
  restart: boolean;
};

/** Runs the history through both engines; expects the same actions and tracks after every pass. */
function compare(setup: Setup, passes: Pass[]) {
  const rules = new Map(
    RULE_IDS.map((id) => [
      id,
      rule(id, {
        pendingSeconds: setup.pendingSeconds,
        clearSeconds: setup.clearSeconds,
        enabled: id !== 'off',
        ...(setup.escalate ? { escalateAfterSeconds: 600, escalateToRole: 'leader' } : {}),
      }),
    ]),
  );
  const silences: Silence[] =
    setup.silenceUntilSeconds === null
      ? []
      : [
          {
            id: 's',
            ruleId: 'r',
            regionCode: null,
            source: null,
            reason: '维护',
            createdBy: 'admin',
            createdAt: new Date(0).toISOString(),
            startsAt: new Date(0).toISOString(),
            endsAt: new Date(setup.silenceUntilSeconds * 1000).toISOString(),
          },
        ];
  let state: EngineState = { tracks: new Map(), latest: new Map() };
  let reference: ReferenceState = { tracks: new Map(), latest: new Map() };
  const ids = { n: 0 };
  const referenceIds = { n: 0 };
  let now = 0;
  for (const p of passes) {
    now += p.stepSeconds * 1000;
    if (p.restart) {
      state = { tracks: new Map(), latest: state.latest };
      reference = { tracks: new Map(), latest: reference.latest };
    }
    const observations: Observation[] = p.observations.map((o) => ({
      ...o,
      source: 'src',
      summary: 'x',
      groupKey: null,
      value: 1,
    }));
    const input = {
      now,
      rules,
      covered: new Set(p.covered),
      observations,
      silences,
      ...(p.onlyTownship ? { coversRegion: (code: string) => code.startsWith('331023001') } : {}),
    };
    const actions = evaluate({ ...input, state });
    const expected = referenceEvaluate({ ...input, state: reference });
    expect(actions.map((a) => describeAction(a, observations))).toEqual(
      expected.map((a) => describeAction(a, observations)),
    );
    expect(
      [...state.tracks].map(([key, t]) => [
        key,
        t.pendingSince,
        t.clearSince,
        t.lastActive,
        t.flips,
        t.lastActiveAt !== null,
      ]),
    ).toEqual(
      [...reference.tracks].map(([key, t]) => [
        key,
        t.pendingSince,
        t.clearSince,
        t.lastActive,
        t.flips,
        t.last !== null,
      ]),
    );
    apply(state.latest, actions, now, ids);
    apply(reference.latest, expected, now, referenceIds);
    if (p.touch) {
      // The same outside change on both sides: the first open alarm is resolved or acknowledged.
      for (const latest of [state.latest, reference.latest]) {
        const open = [...latest].find(([, a]) => a.state !== 'resolved');
        if (open)
          latest.set(open[0], { ...open[1], state: p.touch === 'resolve' ? 'resolved' : 'acknowledged' });
      }
    }
  }
  return { state, reference };
}

const pass = (over: Partial<Pass>): Pass => ({
  stepSeconds: 10,
  observations: [],
  covered: ['r'],
  onlyTownship: false,
  touch: null,
  restart: false,
  ...over,
});
const on = (active: boolean | null, regionCode = '331023', entityId: string | null = null) => ({
  ruleId: 'r',
  regionCode,
  entityId,
  active,
});

describe('alarm engine, against the engine before its fast paths', () => {
  const setup: Setup = { pendingSeconds: 0, clearSeconds: 60, escalate: false, silenceUntilSeconds: null };

  it('a key forgotten after a long clear starts over when its condition returns', () => {
    const { state } = compare(setup, [
      pass({ observations: [on(true)] }), // fires
      pass({ stepSeconds: 120 }), // clear
      pass({ stepSeconds: 120 }), // resolved
      pass({ stepSeconds: 700 }), // forgotten
      pass({ observations: [on(true)] }), // fires again (a re-fire of the resolved alarm)
    ]);
    expect([...state.tracks.keys()]).toEqual([alarmKey('r', '331023', null)]);
  });

  it('after a restart, an open alarm observed unknown then active in one pass', () => {
    compare(setup, [
      pass({ observations: [on(true)] }),
      pass({ restart: true, observations: [on(null)] }),
      pass({ covered: ['r'] }),
      pass({ observations: [on(null), on(true)] }),
      pass({ observations: [on(false), on(true), on(true)] }),
    ]);
  });

  it('a key without an entity and the same key named with an empty entity are one key', () => {
    compare(setup, [
      pass({ observations: [on(true, '331023', ''), on(true)] }),
      pass({ observations: [on(true), on(true, '331023', '')] }),
      pass({ stepSeconds: 120 }),
      pass({ observations: [on(true, '331023', '')] }),
    ]);
  });

  it('property: the same actions and the same tracks over any history of passes', () => {
    fc.assert(
      fc.property(
        fc.record({
          pendingSeconds: fc.constantFrom(0, 30, 300),
          clearSeconds: fc.constantFrom(0, 60, 900),
          escalate: fc.boolean(),
          silenceUntilSeconds: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
        }),
        fc.array(passArb, { minLength: 1, maxLength: 30 }),
        (s, passes) => {
          compare(s, passes);
        },
      ),
      { numRuns: 500 },
    );
  });
});
