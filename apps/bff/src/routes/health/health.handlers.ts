import type { Health, UpstreamHealth } from '@cockpit/contracts';

export type HealthSource = {
  version: string;
  startedAt: number;
  upstreams: () => UpstreamHealth[];
};

export function buildHealth(source: HealthSource, now = Date.now()): Health {
  const upstreams = source.upstreams();
  // A system counts as failing once its breaker opens or half of its calls in the last minute failed.
  const failing = upstreams.some((u) => u.breaker !== 'closed' || u.errorRate >= 0.5);
  return {
    status: failing ? 'degraded' : 'ok',
    version: source.version,
    uptimeSeconds: Math.round((now - source.startedAt) / 1000),
    now: new Date(now).toISOString(),
    upstreams,
  };
}
