import type { Health, UpstreamHealth } from '@cockpit/contracts';
import { CALENDAR_COVERAGE, calendarDay } from '@cockpit/domain/calendar';

export type HealthSource = {
  version: string;
  startedAt: number;
  upstreams: () => UpstreamHealth[];
};

export function buildHealth(source: HealthSource, now = Date.now()): Health {
  const upstreams = source.upstreams();
  // A system counts as failing once its breaker opens, half of its calls in the last minute failed, or its
  // records are being dropped (a drifted or malformed answer looks healthy to the breaker).
  const failing = upstreams.some(
    (u) => u.breaker !== 'closed' || u.errorRate >= 0.5 || u.droppingRecords === true,
  );
  return {
    status: failing ? 'degraded' : 'ok',
    version: source.version,
    uptimeSeconds: Math.round((now - source.startedAt) / 1000),
    now: new Date(now).toISOString(),
    upstreams,
    calendar: calendarHealth(now),
  };
}

/** Which holiday calendar today's date is read from; outside the table it says the fallback is in use. */
export function calendarHealth(now: number): NonNullable<Health['calendar']> {
  const day = calendarDay(now);
  return {
    date: day.date,
    dayKind: day.kind,
    source: day.source,
    coveredFrom: CALENDAR_COVERAGE.from,
    coveredTo: CALENDAR_COVERAGE.to,
  };
}
