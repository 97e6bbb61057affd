/**
 * The simulated clock: simNow = anchorSim + (realNow − anchorReal) × speed.
 * speed 1 runs in step with the wall clock; speed 60 runs an hour per minute; speed 0 freezes time (handy in
 * tests). `setSpeed` re-anchors at the current simulated time, so time never jumps or runs backwards: a test
 * can freeze the simulator, compare two readings of a still world, and let it run again.
 */
export interface SimClock {
  readonly seed: number;
  /** the current speed (simulated seconds per real second) */
  readonly speed: number;
  readonly startAt: Date;
  /** simulated now, epoch ms */
  nowMs(): number;
  now(): Date;
  /** change the speed from now on (≥ 0); returns the simulated time at the change */
  setSpeed(speed: number): number;
}

export function createClock(opts: {
  seed: number;
  speed: number;
  startAt: Date;
  realNow?: () => number;
}): SimClock {
  const realNow = opts.realNow ?? Date.now;
  const start = opts.startAt.getTime();
  let anchorReal = realNow();
  let anchorSim = start;
  let speed = opts.speed;
  const nowMs = () => Math.floor(anchorSim + (realNow() - anchorReal) * speed);
  return {
    seed: opts.seed,
    get speed() {
      return speed;
    },
    startAt: new Date(start),
    nowMs,
    now: () => new Date(nowMs()),
    setSpeed(next: number) {
      if (!Number.isFinite(next) || next < 0) throw new RangeError('speed must be a number ≥ 0');
      const at = nowMs();
      anchorReal = realNow();
      anchorSim = at;
      speed = next;
      return at;
    },
  };
}
