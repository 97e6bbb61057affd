import { describe, expect, it } from 'vitest';
import type { PreemptionEvent, PreemptionSignalState, PreemptionState } from './preemption';
import { createPreemption, etaWithAndWithoutPreemption, nextSignal, stepPreemption } from './preemption';

const SIGNALS = [
  { id: 's2', distanceM: 2000 },
  { id: 's1', distanceM: 1000 },
];

const pos = (distanceAlongM: number, speedMps: number, atMs: number): PreemptionEvent => ({
  type: 'position',
  distanceAlongM,
  speedMps,
  atMs,
});

const stateOf = (s: PreemptionState, id: string) => s.signals.find((x) => x.signalId === id)!;

function run(s: PreemptionState, events: readonly PreemptionEvent[]): PreemptionState {
  return events.reduce(stepPreemption, s);
}

describe('createPreemption', () => {
  it('orders signals by distance, all pending', () => {
    const s = createPreemption('t1', SIGNALS);
    expect(s.signals.map((x) => x.signalId)).toEqual(['s1', 's2']);
    expect(s.signals.every((x) => x.state === 'pending' && !x.missed)).toBe(true);
    expect(nextSignal(s)!.signalId).toBe('s1');
  });

  it('rejects duplicates and bad distances', () => {
    expect(() => createPreemption('t', [SIGNALS[0]!, SIGNALS[0]!])).toThrow(/duplicate/);
    expect(() => createPreemption('t', [{ id: 'x', distanceM: -1 }])).toThrow(RangeError);
    expect(() => createPreemption('t', SIGNALS, { triggerDistanceM: Number.NaN })).toThrow(RangeError);
  });
});

describe('pending → requested', () => {
  it('at exactly the trigger distance (300 m), not 0.1 m before', () => {
    const s0 = createPreemption('t', SIGNALS, { confirmDelayMs: null });
    const before = stepPreemption(s0, pos(699.9, 0, 1000));
    expect(stateOf(before, 's1').state).toBe('pending');
    const at = stepPreemption(before, pos(700, 0, 2000));
    expect(stateOf(at, 's1').state).toBe('requested');
    expect(stateOf(at, 's1').requestedAtMs).toBe(2000);
    expect(stateOf(at, 's2').state).toBe('pending');
  });

  it('at exactly the trigger time (30 s at the current speed), not slower', () => {
    const s0 = createPreemption('t', SIGNALS, { confirmDelayMs: null });
    // 600 m from s1: 600 / 20 = 30 s.
    expect(stateOf(stepPreemption(s0, pos(400, 19.9, 0)), 's1').state).toBe('pending');
    expect(stateOf(stepPreemption(s0, pos(400, 20, 0)), 's1').state).toBe('requested');
  });

  it('a stopped ambulance far away does not trigger by time', () => {
    const s0 = createPreemption('t', SIGNALS);
    expect(stateOf(stepPreemption(s0, pos(0, 0, 0)), 's1').state).toBe('pending');
  });
});

describe('requested → green_held', () => {
  it('on confirm', () => {
    const s = run(createPreemption('t', SIGNALS, { confirmDelayMs: null }), [pos(750, 10, 1000)]);
    expect(stateOf(s, 's1').state).toBe('requested');
    const g = stepPreemption(s, { type: 'confirm', signalId: 's1', atMs: 1800 });
    expect(stateOf(g, 's1').state).toBe('green_held');
    expect(stateOf(g, 's1').greenAtMs).toBe(1800);
    // Not confirmed by time when confirmDelayMs is null.
    expect(stateOf(stepPreemption(s, { type: 'tick', atMs: 999_999 }), 's1').state).toBe('requested');
  });

  it('after the modelled confirmation delay (3 s by default), exactly at 3000 ms', () => {
    const s = run(createPreemption('t', SIGNALS), [pos(750, 10, 10_000)]);
    const early = stepPreemption(s, { type: 'tick', atMs: 12_999 });
    expect(stateOf(early, 's1').state).toBe('requested');
    const due = stepPreemption(early, { type: 'tick', atMs: 13_000 });
    expect(stateOf(due, 's1').state).toBe('green_held');
    expect(stateOf(due, 's1').greenAtMs).toBe(13_000);
  });

  it('confirm for a pending or unknown signal is ignored (same state object)', () => {
    const s = run(createPreemption('t', SIGNALS), [pos(0, 10, 0)]);
    expect(stepPreemption(s, { type: 'confirm', signalId: 's2' })).toBe(s);
    expect(stepPreemption(s, { type: 'confirm', signalId: 'nope' })).toBe(s);
  });
});

describe('→ released', () => {
  it('only strictly past the signal + 20 m clearance', () => {
    const s = run(createPreemption('t', SIGNALS), [pos(800, 10, 0), { type: 'tick', atMs: 3000 }]);
    expect(stateOf(s, 's1').state).toBe('green_held');
    const at = stepPreemption(s, pos(1020, 10, 5000));
    expect(stateOf(at, 's1').state).toBe('green_held');
    const past = stepPreemption(at, pos(1020.1, 10, 6000));
    expect(stateOf(past, 's1')).toMatchObject({ state: 'released', releasedAtMs: 6000, missed: false });
    expect(nextSignal(past)!.signalId).toBe('s2');
  });

  it('a pending signal jumped over (sparse GPS) is released and flagged missed', () => {
    // One fix at 0 m, the next at 1100 m: s1 (1000 m) never saw a request. s2 is 900 m / 30 m/s = 30 s ahead.
    const s = run(createPreemption('t', SIGNALS), [pos(0, 15, 0), pos(1100, 30, 60_000)]);
    expect(stateOf(s, 's1')).toMatchObject({ state: 'released', missed: true, requestedAtMs: null });
    expect(stateOf(s, 's2').state).toBe('requested');
  });

  it('a requested signal passed before confirmation is released without green, not missed', () => {
    const s = run(createPreemption('t', SIGNALS, { confirmDelayMs: null }), [
      pos(800, 15, 0),
      pos(1100, 15, 20_000),
    ]);
    expect(stateOf(s, 's1')).toMatchObject({ state: 'released', greenAtMs: null, missed: false });
  });

  it('a timed confirmation that fell due before the passing fix is kept', () => {
    const s = run(createPreemption('t', SIGNALS), [pos(800, 15, 0), pos(1100, 15, 20_000)]);
    expect(stateOf(s, 's1')).toMatchObject({ state: 'released', greenAtMs: 3000, missed: false });
  });
});

describe('no backward transitions', () => {
  it('GPS jumping back does not un-release or un-request', () => {
    const s = run(createPreemption('t', SIGNALS), [pos(900, 10, 0), pos(1050, 10, 15_000)]);
    expect(stateOf(s, 's1').state).toBe('released');
    const back = stepPreemption(s, pos(100, 10, 16_000));
    expect(stateOf(back, 's1').state).toBe('released');
    const s2 = run(createPreemption('t', SIGNALS, { confirmDelayMs: null }), [
      pos(900, 10, 0),
      pos(0, 0, 1000),
    ]);
    expect(stateOf(s2, 's1').state).toBe('requested');
  });

  it('events older than the clock are ignored; the reducer never mutates its input', () => {
    const s = run(createPreemption('t', SIGNALS), [pos(800, 10, 10_000)]);
    const snapshot = JSON.parse(JSON.stringify(s)) as unknown;
    expect(stepPreemption(s, pos(1500, 10, 9_000))).toBe(s);
    expect(stepPreemption(s, { type: 'tick', atMs: 5_000 })).toBe(s);
    stepPreemption(s, pos(3000, 10, 20_000));
    expect(s).toEqual(snapshot);
  });

  it('random event sequences only ever move states forward', () => {
    const rank: Record<PreemptionSignalState, number> = {
      pending: 0,
      requested: 1,
      green_held: 2,
      released: 3,
    };
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const signals = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, distanceM: 400 * (i + 1) }));
    for (let trial = 0; trial < 200; trial++) {
      let s = createPreemption('t', signals, { confirmDelayMs: rnd() < 0.5 ? null : 2000 });
      let t = 0;
      for (let k = 0; k < 40; k++) {
        t += Math.floor(rnd() * 4000) - 500; // sometimes out of order
        const r = rnd();
        const ev: PreemptionEvent =
          r < 0.6
            ? pos(rnd() * 3000, rnd() * 25, t)
            : r < 0.8
              ? { type: 'confirm', signalId: `s${Math.floor(rnd() * 6)}`, atMs: t }
              : { type: 'tick', atMs: t };
        const next = stepPreemption(s, ev);
        next.signals.forEach((x, i) => {
          expect(rank[x.state]).toBeGreaterThanOrEqual(rank[s.signals[i]!.state]);
          if (x.missed) expect(x.requestedAtMs).toBeNull();
        });
        s = next;
      }
    }
  });
});

describe('etaWithAndWithoutPreemption', () => {
  it('default model: 13.75 s per signal without, 1.5 s with', () => {
    const r = etaWithAndWithoutPreemption({ durationS: 600 }, [{}, {}, {}]);
    // 0.5² × 90 / 2 = 11.25 s mean red wait + 0.5 × 5 s stop loss.
    expect(r.perSignalWithoutS).toEqual([13.75, 13.75, 13.75]);
    expect(r.etaWithoutS).toBeCloseTo(641.25, 10);
    expect(r.etaWithS).toBeCloseTo(604.5, 10);
    expect(r.savedS).toBeCloseTo(36.75, 10);
  });

  it('per-signal overrides and options', () => {
    const r = etaWithAndWithoutPreemption(
      { durationS: 100 },
      [{ cycleS: 60, redShare: 1 }, { redShare: 0 }],
      {
        stopLossS: 4,
        preemptedDelayS: 2,
      },
    );
    expect(r.perSignalWithoutS).toEqual([34, 0]);
    expect(r.etaWithoutS).toBe(134);
    expect(r.etaWithS).toBe(104);
    expect(etaWithAndWithoutPreemption({ durationS: 50 }, []).savedS).toBe(0);
    expect(() => etaWithAndWithoutPreemption({ durationS: 1 }, [{ redShare: 1.5 }])).toThrow(RangeError);
  });
});
