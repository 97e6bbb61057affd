/**
 * Green-channel signal pre-emption (信号优先) for one ambulance transport, as a pure reducer.
 *
 * Each signalised intersection ahead on the route moves only forward through
 *
 *   pending → requested → green_held → released
 *                  ↑            ↓ (hold cap, or the ambulance stops)
 *                  └── hold_ended
 *
 * - pending → requested: on a `position` event when the ambulance is within `triggerDistanceM`
 *   (default 300 m) of the signal, OR will reach it within `triggerTimeS` (default 30 s) at its
 *   current speed (remaining / speed ≤ triggerTimeS, only when speed > 0). Both bounds are inclusive.
 *   Only while the ambulance is MOVING (speed ≥ `minMovingMps`, default 1 m/s) and on an emergency run
 *   (`active`, default true; false e.g. on scene or at the hospital): a stationary or parked ambulance
 *   never requests a green. A `requested` signal whose ambulance stops is withdrawn to `pending`.
 * - green_held → hold_ended: a green is held at most `maxHoldMs` (default 90 s) after `greenAtMs`
 *   (checked on `position` and `tick`), or until a fix shows the ambulance stationary / no longer on a run;
 *   the signal then returns to its normal cycle (`holdEndedAtMs`, `holdEndReason` 'cap' | 'stationary').
 * - hold_ended → requested: re-requested under the same conditions as pending → requested; after a
 *   cap only once `reRequestGapMs` (default 10 s: the cross traffic gets a phase) has passed.
 *   `holds` counts the greens given to this ambulance at that signal.
 * - requested → green_held: on a `confirm` event for that signal (the controller confirms), or — the
 *   model of a controller that confirms without feedback — once `confirmDelayMs` (default 3000 ms)
 *   has elapsed since the request, checked on every `position` / `tick` event; `greenAtMs` is then
 *   `requestedAtMs + confirmDelayMs`. `confirmDelayMs: null` waits for explicit confirms only.
 * - → released: on a `position` event when the distance along the path is strictly greater than the
 *   signal's distance + `clearanceM` (default 20 m).
 *
 * Skips (sparse GPS): a signal still `pending` when the ambulance is already past it + clearance goes
 * straight to `released` with `missed: true` (it was never requested). A `requested` signal that is
 * passed before any confirmation is released with `greenAtMs: null` (not flagged missed: the request
 * went out). Nothing ever goes backwards: a later position that jumps back (GPS jitter) does not
 * un-release or un-request a signal.
 *
 * Events older than the state's clock (`atMs` < `state.atMs`) are ignored (out-of-order delivery).
 * A `confirm` for an unknown signal, or for a signal not in `requested`, is ignored. An event that
 * changes nothing returns the very same state object.
 */

export type PreemptionSignalState = 'pending' | 'requested' | 'green_held' | 'hold_ended' | 'released';

export interface PreemptionSignal {
  signalId: string;
  /** Distance of the stop line from the start of the route, metres. */
  distanceM: number;
  state: PreemptionSignalState;
  requestedAtMs: number | null;
  greenAtMs: number | null;
  releasedAtMs: number | null;
  /** Released without ever being requested (the ambulance jumped past it between fixes). */
  missed: boolean;
  /** Greens given at this signal so far (a re-request after a hold cap gives another). */
  holds: number;
  /** When the last green hold ended before the ambulance passed (cap or stop), else null. */
  holdEndedAtMs: number | null;
  holdEndReason: 'cap' | 'stationary' | null;
}

export interface PreemptionConfig {
  triggerDistanceM: number;
  triggerTimeS: number;
  /** Modelled controller confirmation delay; `null` = only explicit `confirm` events. */
  confirmDelayMs: number | null;
  clearanceM: number;
  /** Longest green hold, ms (then the signal returns to its cycle and is re-requested). */
  maxHoldMs: number;
  /** Wait after a capped hold before re-requesting, ms. */
  reRequestGapMs: number;
  /** Below this speed the ambulance counts as stationary: no request, no hold. m/s. */
  minMovingMps: number;
}

export const DEFAULT_PREEMPTION_CONFIG: Readonly<PreemptionConfig> = {
  triggerDistanceM: 300,
  triggerTimeS: 30,
  confirmDelayMs: 3000,
  clearanceM: 20,
  maxHoldMs: 90_000,
  reRequestGapMs: 10_000,
  minMovingMps: 1,
};

export interface PreemptionState {
  transportId: string;
  config: Readonly<PreemptionConfig>;
  /** Signals in route order (by distance). */
  signals: readonly PreemptionSignal[];
  /** Last reported position along the route, metres (null before the first fix). */
  distanceAlongM: number | null;
  speedMps: number | null;
  /** Clock: the latest `atMs` seen. */
  atMs: number | null;
}

export type PreemptionEvent =
  | {
      type: 'position';
      distanceAlongM: number;
      speedMps: number;
      atMs: number;
      /** On an emergency run (to the scene or to hospital). Default true. False: never request or hold. */
      active?: boolean;
    }
  | { type: 'confirm'; signalId: string; atMs?: number }
  | { type: 'tick'; atMs: number };

function finite(fn: string, name: string, v: unknown, min = Number.NEGATIVE_INFINITY): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new RangeError(
      `${fn}: ${name} must be a finite number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${String(v)}`,
    );
  }
  return v;
}

/**
 * Initial state for a transport: every signal `pending`. `signals` are e.g. the `SignalOnPath[]`
 * of `signalsAlongPath` (`id`, `distanceM`); they are sorted by distance. Throws RangeError for a
 * duplicate id, a negative / non-finite distance, or an invalid config value.
 */
export function createPreemption(
  transportId: string,
  signals: readonly { readonly id: string; readonly distanceM: number }[],
  config: Partial<PreemptionConfig> = {},
): PreemptionState {
  const fn = 'createPreemption';
  const cfg: PreemptionConfig = { ...DEFAULT_PREEMPTION_CONFIG, ...config };
  finite(fn, 'triggerDistanceM', cfg.triggerDistanceM, 0);
  finite(fn, 'triggerTimeS', cfg.triggerTimeS, 0);
  finite(fn, 'clearanceM', cfg.clearanceM, 0);
  finite(fn, 'maxHoldMs', cfg.maxHoldMs, 0);
  finite(fn, 'reRequestGapMs', cfg.reRequestGapMs, 0);
  finite(fn, 'minMovingMps', cfg.minMovingMps, 0);
  if (cfg.confirmDelayMs !== null) finite(fn, 'confirmDelayMs', cfg.confirmDelayMs, 0);
  const seen = new Set<string>();
  const list: PreemptionSignal[] = signals.map((s, i) => {
    if (typeof s.id !== 'string' || s.id === '')
      throw new RangeError(`${fn}: signals[${i}].id must be a string`);
    if (seen.has(s.id)) throw new RangeError(`${fn}: duplicate signal id ${JSON.stringify(s.id)}`);
    seen.add(s.id);
    return {
      signalId: s.id,
      distanceM: finite(fn, `signals[${i}].distanceM`, s.distanceM, 0),
      state: 'pending',
      requestedAtMs: null,
      greenAtMs: null,
      releasedAtMs: null,
      missed: false,
      holds: 0,
      holdEndedAtMs: null,
      holdEndReason: null,
    };
  });
  list.sort((a, b) => a.distanceM - b.distanceM);
  return {
    transportId,
    config: Object.freeze(cfg),
    signals: list,
    distanceAlongM: null,
    speedMps: null,
    atMs: null,
  };
}

/** Timed confirmation of a `requested` signal, then the hold cap of a `green_held` one; or unchanged. */
function confirmByDelay(s: PreemptionSignal, cfg: PreemptionConfig, atMs: number): PreemptionSignal {
  let next = s;
  if (next.state === 'requested' && cfg.confirmDelayMs !== null && next.requestedAtMs !== null) {
    const due = next.requestedAtMs + cfg.confirmDelayMs;
    if (atMs >= due) next = { ...next, state: 'green_held', greenAtMs: due, holds: next.holds + 1 };
  }
  if (next.state === 'green_held' && next.greenAtMs !== null && atMs >= next.greenAtMs + cfg.maxHoldMs) {
    next = {
      ...next,
      state: 'hold_ended',
      holdEndedAtMs: next.greenAtMs + cfg.maxHoldMs,
      holdEndReason: 'cap',
    };
  }
  return next;
}

function onPosition(
  s: PreemptionSignal,
  cfg: PreemptionConfig,
  d: number,
  speed: number,
  atMs: number,
  active: boolean,
): PreemptionSignal {
  if (s.state === 'released') return s;
  // A due timed confirmation happened before this fix, even if the fix is already past the signal.
  let next = confirmByDelay(s, cfg, atMs);
  if (d > s.distanceM + cfg.clearanceM) {
    return {
      ...next,
      state: 'released',
      releasedAtMs: atMs,
      missed: next.state === 'pending' && next.requestedAtMs === null,
    };
  }
  const moving = active && speed >= cfg.minMovingMps;
  if (!moving) {
    // Parked or stopped: withdraw a request, hand a held green back to the normal cycle.
    if (next.state === 'requested') return { ...next, state: 'pending' };
    if (next.state === 'green_held') {
      return { ...next, state: 'hold_ended', holdEndedAtMs: atMs, holdEndReason: 'stationary' };
    }
    return next;
  }
  const waitingOver =
    next.state === 'pending' ||
    (next.state === 'hold_ended' &&
      (next.holdEndReason !== 'cap' || atMs >= (next.holdEndedAtMs ?? atMs) + cfg.reRequestGapMs));
  if (waitingOver) {
    const remaining = s.distanceM - d;
    const near = remaining <= cfg.triggerDistanceM;
    const soon = speed > 0 && remaining / speed <= cfg.triggerTimeS;
    if (near || soon) next = { ...next, state: 'requested', requestedAtMs: atMs, greenAtMs: null };
  }
  return confirmByDelay(next, cfg, atMs);
}

function mapSignals(
  signals: readonly PreemptionSignal[],
  f: (s: PreemptionSignal) => PreemptionSignal,
): { signals: readonly PreemptionSignal[]; changed: boolean } {
  let changed = false;
  const out = signals.map((s) => {
    const n = f(s);
    if (n !== s) changed = true;
    return n;
  });
  return { signals: changed ? out : signals, changed };
}

/**
 * Pure reducer: the state after one event (rules in the module comment). Never mutates `state`.
 * Throws RangeError for a non-finite position, negative speed, or non-finite time.
 */
export function stepPreemption(state: PreemptionState, event: PreemptionEvent): PreemptionState {
  const fn = 'stepPreemption';
  const cfg = state.config;
  switch (event.type) {
    case 'position': {
      const atMs = finite(fn, 'atMs', event.atMs);
      const d = finite(fn, 'distanceAlongM', event.distanceAlongM);
      const speed = finite(fn, 'speedMps', event.speedMps, 0);
      if (state.atMs !== null && atMs < state.atMs) return state;
      const active = event.active ?? true;
      const { signals } = mapSignals(state.signals, (s) => onPosition(s, cfg, d, speed, atMs, active));
      return { ...state, signals, distanceAlongM: d, speedMps: speed, atMs };
    }
    case 'tick': {
      const atMs = finite(fn, 'atMs', event.atMs);
      if (state.atMs !== null && atMs < state.atMs) return state;
      const { signals, changed } = mapSignals(state.signals, (s) => confirmByDelay(s, cfg, atMs));
      if (!changed && atMs === state.atMs) return state;
      return { ...state, signals, atMs };
    }
    case 'confirm': {
      const atMs = event.atMs === undefined ? state.atMs : finite(fn, 'atMs', event.atMs);
      const target = state.signals.find((s) => s.signalId === event.signalId);
      if (target?.state !== 'requested') return state;
      const requestedAtMs = target.requestedAtMs ?? atMs;
      const greenAtMs =
        atMs === null || requestedAtMs === null ? requestedAtMs : Math.max(atMs, requestedAtMs);
      const { signals } = mapSignals(state.signals, (s) =>
        s === target ? { ...s, state: 'green_held', greenAtMs, holds: s.holds + 1 } : s,
      );
      const clock = atMs === null ? state.atMs : Math.max(atMs, state.atMs ?? atMs);
      return { ...state, signals, atMs: clock };
    }
    default: {
      const unknown: never = event;
      throw new RangeError(`${fn}: unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/** The first signal not yet released (the one the wall highlights), or null. */
export function nextSignal(state: PreemptionState): PreemptionSignal | null {
  return state.signals.find((s) => s.state !== 'released') ?? null;
}

export interface SignalDelayModel {
  /** Signal cycle length, s. Default 90. */
  cycleS?: number;
  /** Share of the cycle that is red for the ambulance's approach, 0..1. Default 0.5. */
  redShare?: number;
}

export interface PreemptionEtaOptions extends SignalDelayModel {
  /** Deceleration + acceleration loss of a stop at a red light, s. Default 5. */
  stopLossS?: number;
  /** Delay at a pre-empted (green-held) signal: slowing to cross safely, s. Default 1.5. */
  preemptedDelayS?: number;
}

export interface PreemptionEta {
  etaWithS: number;
  etaWithoutS: number;
  savedS: number;
  /** Expected delay per signal without / with pre-emption, in the order given. */
  perSignalWithoutS: number[];
  perSignalWithS: number[];
}

/**
 * Expected ETA with and without green-channel pre-emption over a route.
 *
 * `route.durationS` is the free-flow travel time (e.g. `RouteResult.durationS`), which carries no
 * signal delay. Model per signal (uniform random arrival over the cycle; a signal may override
 * `cycleS` / `redShare`):
 *
 *   without = r·C·r/2 + r·stopLoss = r²·C/2 + r·stopLoss
 *
 * i.e. with probability r the ambulance meets red, then waits on average r·C/2 and pays the
 * stop-and-go loss. Defaults C = 90 s, r = 0.5, stopLoss = 5 s → 11.25 + 2.5 = 13.75 s per signal.
 *
 *   with = preemptedDelayS (default 1.5 s per signal)
 *
 * Throws RangeError for a negative / non-finite duration or model parameter, or r outside 0..1.
 */
export function etaWithAndWithoutPreemption(
  route: { readonly durationS: number },
  signals: readonly SignalDelayModel[],
  opts: PreemptionEtaOptions = {},
): PreemptionEta {
  const fn = 'etaWithAndWithoutPreemption';
  const base = finite(fn, 'route.durationS', route.durationS, 0);
  const stopLoss = finite(fn, 'stopLossS', opts.stopLossS ?? 5, 0);
  const withDelay = finite(fn, 'preemptedDelayS', opts.preemptedDelayS ?? 1.5, 0);
  const perSignalWithoutS = signals.map((s, i) => {
    const c = finite(fn, `signals[${i}].cycleS`, s.cycleS ?? opts.cycleS ?? 90, 0);
    const r = finite(fn, `signals[${i}].redShare`, s.redShare ?? opts.redShare ?? 0.5, 0);
    if (r > 1) throw new RangeError(`${fn}: signals[${i}].redShare must be within 0..1, got ${r}`);
    return (r * r * c) / 2 + r * stopLoss;
  });
  const perSignalWithS = signals.map(() => withDelay);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const etaWithoutS = base + sum(perSignalWithoutS);
  const etaWithS = base + sum(perSignalWithS);
  return { etaWithS, etaWithoutS, savedS: etaWithoutS - etaWithS, perSignalWithoutS, perSignalWithS };
}
