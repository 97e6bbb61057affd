import type { Silence, StoredAlarm } from '@cockpit/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alarmKey,
  type EngineAction,
  type EngineRule,
  type EngineState,
  evaluate,
  type Observation,
} from './engine';

const RULE: EngineRule = {
  id: 'r',
  severity: 'critical',
  pendingSeconds: 30,
  clearSeconds: 60,
  escalateAfterSeconds: 600,
  escalateToRole: 'leader',
  enabled: true,
};
const rules = new Map([[RULE.id, RULE]]);
const covered = new Set([RULE.id]);
const obs = (active: boolean | null = true, entityId: string | null = 'e1'): Observation => ({
  ruleId: 'r',
  regionCode: '331023',
  entityId,
  active,
  source: 's',
  summary: 'x',
  groupKey: null,
  value: 1,
});

/** Applies actions the way the service does (what it stores becomes `latest`); returns every action. */
function run(steps: { t: number; obs: Observation[] }[], silences: Silence[] = []) {
  const state: EngineState = { tracks: new Map(), latest: new Map() };
  const all: (EngineAction & { t: number })[] = [];
  let n = 0;
  for (const { t, obs: o } of steps) {
    const at = new Date(t).toISOString();
    for (const a of evaluate({ now: t, rules, covered, observations: o, state, silences })) {
      all.push({ ...a, t });
      if (a.type === 'fire') {
        const alarm: StoredAlarm = {
          id: `a${n++}`,
          ruleId: 'r',
          severity: 'critical',
          state: 'firing',
          regionCode: a.observation.regionCode,
          source: 's',
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
        };
        state.latest.set(a.key, alarm);
      } else if (a.type === 'refire')
        state.latest.set(a.key, {
          ...a.alarm,
          state: 'firing',
          fireCount: a.alarm.fireCount + 1,
          lastChangedAt: at,
        });
      else if (a.type === 'resolve')
        state.latest.set(a.key, { ...a.alarm, state: 'resolved', lastChangedAt: at });
      else state.latest.set(a.key, { ...a.alarm, escalatedTo: a.role, lastChangedAt: at });
    }
  }
  return { all, state };
}

const every = (fromS: number, toS: number, stepS: number, o: (t: number) => Observation[]) => {
  const out: { t: number; obs: Observation[] }[] = [];
  for (let s = fromS; s <= toS; s += stepS) out.push({ t: s * 1000, obs: o(s) });
  return out;
};

describe('alarm engine', () => {
  it('fires only after the pending period and resolves only after the clear period', () => {
    const { all } = run(every(0, 200, 5, (s) => (s < 100 ? [obs()] : [])));
    expect(all.map((a) => `${a.type}@${a.t / 1000}`)).toEqual(['fire@30', 'resolve@160']);
  });

  it('re-fire counts on the same alarm instead of a new one', () => {
    const { all, state } = run(every(0, 400, 5, (s) => (s < 50 || (s >= 200 && s < 260) ? [obs()] : [])));
    expect(all.map((a) => a.type)).toEqual(['fire', 'resolve', 'refire', 'resolve']);
    expect(state.latest.get(alarmKey('r', '331023', 'e1'))!.fireCount).toBe(2);
  });

  it('one alarm per rule × region × entity, however often it is observed', () => {
    const { all } = run(every(0, 100, 1, () => [obs(true, 'e1'), obs(true, 'e1'), obs(true, 'e2')]));
    expect(
      all.filter((a) => a.type === 'fire').map((a) => (a.type === 'fire' ? a.observation.entityId : '')),
    ).toEqual(['e1', 'e2']);
  });

  it('unknown observations keep the state: an alarm neither fires nor resolves while its data is out', () => {
    const { all } = run(every(0, 300, 5, (s) => (s < 50 ? [obs()] : [obs(null)])));
    expect(all.map((a) => a.type)).toEqual(['fire']);
  });

  it('a flapping condition (20 s on, 20 s off, 10 minutes) gives one alarm and bounded transitions', () => {
    const { all } = run(every(0, 600, 5, (s) => (Math.floor(s / 20) % 2 === 0 ? [obs()] : [])));
    expect(all.filter((a) => a.type === 'fire')).toHaveLength(1);
    expect(all.filter((a) => a.type === 'refire')).toHaveLength(0);
    expect(all.length).toBeLessThanOrEqual(2);
  });

  it('escalates a firing alarm nobody acknowledged within the rule’s time, once', () => {
    const { all } = run(every(0, 1300, 10, () => [obs()]));
    expect(all.map((a) => `${a.type}@${a.t / 1000}`)).toEqual(['fire@30', 'escalate@630']);
  });

  it('a pass over some regions leaves the other regions’ alarms alone', () => {
    const state: EngineState = { tracks: new Map(), latest: new Map() };
    const other = { ...obs(), regionCode: '331023001' };
    evaluate({ now: 0, rules, covered, observations: [other], state, silences: [] });
    const fired = evaluate({ now: 40_000, rules, covered, observations: [other], state, silences: [] });
    expect(fired.map((a) => a.type)).toEqual(['fire']);
    state.latest.set(alarmKey('r', '331023001', 'e1'), { id: 'x', state: 'firing' } as StoredAlarm);
    const county = (code: string) => code === '331023';
    expect(
      evaluate({ now: 200_000, rules, covered, observations: [], state, silences: [], coversRegion: county }),
    ).toEqual([]);
    // Judged again over every region: clear, and resolved after the clear period.
    expect(evaluate({ now: 300_000, rules, covered, observations: [], state, silences: [] })).toEqual([]);
    expect(
      evaluate({ now: 400_000, rules, covered, observations: [], state, silences: [] }).map((a) => a.type),
    ).toEqual(['resolve']);
  });

  it('a silence holds back firing until it ends', () => {
    const silence: Silence = {
      id: 's',
      ruleId: 'r',
      regionCode: null,
      source: null,
      reason: '维护',
      createdBy: 'admin',
      createdAt: new Date(0).toISOString(),
      startsAt: new Date(0).toISOString(),
      endsAt: new Date(120_000).toISOString(),
    };
    const { all } = run(
      every(0, 200, 10, () => [obs()]),
      [silence],
    );
    expect(all.map((a) => `${a.type}@${a.t / 1000}`)[0]).toBe('fire@120');
  });

  it('property: for any on/off history, at most one open alarm per key and fires ≤ flips', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 200 }), (pattern) => {
        const steps = pattern.map((on, i) => ({ t: i * 10_000, obs: on ? [obs()] : [] }));
        const { all } = run(steps);
        let open = false;
        for (const a of all) {
          if (a.type === 'fire' || a.type === 'refire') {
            if (open) return false;
            open = true;
          } else if (a.type === 'resolve') {
            if (!open) return false;
            open = false;
          }
        }
        const flips = pattern.filter((on, i) => on && !pattern[i - 1]).length;
        return all.filter((a) => a.type === 'fire' || a.type === 'refire').length <= flips;
      }),
    );
  });
});
