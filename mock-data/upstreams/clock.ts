/**
 * The simulated clock: simNow = startAt + (realNow − realStart) × speed.
 * speed 1 runs in step with the wall clock; speed 60 runs an hour per minute; speed 0 freezes time at startAt
 * (handy in tests).
 */
export interface SimClock {
  readonly seed: number;
  readonly speed: number;
  readonly startAt: Date;
  /** simulated now, epoch ms */
  nowMs(): number;
  now(): Date;
}

export function createClock(opts: {
  seed: number;
  speed: number;
  startAt: Date;
  realNow?: () => number;
}): SimClock {
  const realNow = opts.realNow ?? Date.now;
  const realStart = realNow();
  const start = opts.startAt.getTime();
  const speed = opts.speed;
  const nowMs = () => Math.floor(start + (realNow() - realStart) * speed);
  return {
    seed: opts.seed,
    speed,
    startAt: new Date(start),
    nowMs,
    now: () => new Date(nowMs()),
  };
}
