import { describe, expect, it } from 'vitest';
import type { PreemptionEvent, PreemptionState } from './preemption';
import { createPreemption, etaWithAndWithoutPreemption, nextSignal, stepPreemption } from './preemption';

const SIGNALS = [
  { id: 's2', distanceM: 2000 },
  { id: 's1', distanceM: 1000 },
];

const pos = (
  distanceAlongM: number,
  speedMps: number,
  atMs: number,
): Extract<PreemptionEvent, { type: 'position' }> => ({
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
    // 5 m/s: 300 m is 60 s away, so only the distance bound can trigger.
    const before = stepPreemption(s0, pos(699.9, 5, 1000));
    expect(stateOf(before, 's1').state).toBe('pending');
    const at = stepPreemption(before, pos(700, 5, 2000));
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
      pos(0, 5, 1000),
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

  it('random event sequences: released stays released, holds never exceed the cap, no green while stopped', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const signals = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, distanceM: 400 * (i + 1) }));
    const bad: string[] = [];
    for (let trial = 0; trial < 200; trial++) {
      let s = createPreemption('t', signals, { confirmDelayMs: rnd() < 0.5 ? null : 2000 });
      let t = 0;
      for (let k = 0; k < 40; k++) {
        t += Math.floor(rnd() * 40_000) - 500; // sometimes out of order
        const r = rnd();
        const ev: PreemptionEvent =
          r < 0.6
            ? { ...pos(rnd() * 3000, rnd() < 0.2 ? 0 : rnd() * 25, t), active: rnd() < 0.9 }
            : r < 0.8
              ? { type: 'confirm', signalId: `s${Math.floor(rnd() * 6)}`, atMs: t }
              : { type: 'tick', atMs: t };
        const next = stepPreemption(s, ev);
        next.signals.forEach((x, i) => {
          const before = s.signals[i]!;
          if (before.state === 'released' && x !== before) bad.push(`un-released ${x.signalId}`);
          if (x.holds < before.holds) bad.push('holds went down');
          if (x.missed && x.requestedAtMs !== null) bad.push('missed but requested');
          if (x.state === 'green_held' && next.atMs !== null && next.atMs - x.greenAtMs! >= 90_000) {
            bad.push(`held ${next.atMs - x.greenAtMs!} ms`);
          }
          const stopped = ev.type === 'position' && next !== s && (ev.speedMps < 1 || ev.active === false);
          if (stopped && (x.state === 'requested' || x.state === 'green_held'))
            bad.push(`${x.state} while stopped`);
        });
        s = next;
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('stationary, parked and long holds', () => {
  it('a stationary ambulance 50 m from a signal never requests it', () => {
    const s = run(createPreemption('t', SIGNALS), [pos(950, 0, 0), pos(950, 0.5, 10_000)]);
    expect(stateOf(s, 's1').state).toBe('pending');
    expect(stateOf(s, 's1').requestedAtMs).toBeNull();
  });

  it('an ambulance parked on scene (not on a run) never requests, even when "moving" by GPS noise', () => {
    const s = stepPreemption(createPreemption('t', SIGNALS), { ...pos(950, 3, 0), active: false });
    expect(stateOf(s, 's1').state).toBe('pending');
  });

  it('a request is withdrawn and a held green handed back when the ambulance stops', () => {
    let s = run(createPreemption('t', SIGNALS), [pos(800, 10, 0), { type: 'tick', atMs: 3000 }]);
    expect(stateOf(s, 's1')).toMatchObject({ state: 'green_held', holds: 1 });
    s = stepPreemption(s, pos(850, 0, 10_000));
    expect(stateOf(s, 's1')).toMatchObject({
      state: 'hold_ended',
      holdEndedAtMs: 10_000,
      holdEndReason: 'stationary',
    });
    // Moving again: re-requested at once, green again after the confirmation delay.
    s = run(s, [pos(860, 8, 20_000), { type: 'tick', atMs: 23_000 }]);
    expect(stateOf(s, 's1')).toMatchObject({ state: 'green_held', holds: 2, greenAtMs: 23_000 });
    const r = run(createPreemption('t', SIGNALS, { confirmDelayMs: null }), [
      pos(800, 10, 0),
      pos(800, 0, 5000),
    ]);
    expect(stateOf(r, 's1').state).toBe('pending');
  });

  it('caps a green at 90 s, hands it back, and re-requests after the 10 s gap', () => {
    let s = run(createPreemption('t', SIGNALS), [pos(800, 10, 0), { type: 'tick', atMs: 3000 }]);
    expect(stateOf(s, 's1').greenAtMs).toBe(3000);
    s = stepPreemption(s, { type: 'tick', atMs: 92_999 });
    expect(stateOf(s, 's1').state).toBe('green_held');
    s = stepPreemption(s, { type: 'tick', atMs: 93_000 });
    expect(stateOf(s, 's1')).toMatchObject({
      state: 'hold_ended',
      holdEndedAtMs: 93_000,
      holdEndReason: 'cap',
    });
    // Crawling in a jam, still 100 m before the signal: not within the gap …
    s = stepPreemption(s, pos(900, 2, 102_999));
    expect(stateOf(s, 's1').state).toBe('hold_ended');
    // … then re-requested.
    s = run(s, [pos(905, 2, 103_000), { type: 'tick', atMs: 106_000 }]);
    expect(stateOf(s, 's1')).toMatchObject({ state: 'green_held', holds: 2, requestedAtMs: 103_000 });
    // Passing releases it as usual.
    s = stepPreemption(s, pos(1021, 8, 120_000));
    expect(stateOf(s, 's1')).toMatchObject({ state: 'released', missed: false });
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
