import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Dataset } from '../indicators/dataset-cache';
import type { AppEnv } from '../lib/create-router';
import type { Services } from '../services';

const BREAKER = { closed: 0, 'half-open': 1, open: 2 } as const;

/**
 * The BFF's Prometheus metrics (prom-client), on a registry of its own per app: request rates and
 * latencies per route, upstream calls and errors, breaker states, dataset age, open live streams, alarms by
 * state. Gauges that mirror state elsewhere are read at scrape time (collect), so nothing is kept twice.
 */
export function createMetrics(services: Services) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'cockpit_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'cockpit_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const clients = () => Object.values(services.upstreams);
  new Gauge({
    name: 'cockpit_upstream_calls',
    help: 'HTTP calls made to each upstream system since start (each attempt counts)',
    labelNames: ['system'],
    registers: [registry],
    collect() {
      for (const c of clients()) this.set({ system: c.system }, c.calls);
    },
  });
  new Gauge({
    name: 'cockpit_upstream_failed_calls',
    help: 'Failed calls to each upstream system since start',
    labelNames: ['system'],
    registers: [registry],
    collect() {
      for (const c of clients()) this.set({ system: c.system }, c.failedCalls);
    },
  });
  new Gauge({
    name: 'cockpit_upstream_dropped_records',
    help: 'Upstream records the adapters dropped (failed validation) since start',
    labelNames: ['system'],
    registers: [registry],
    collect() {
      for (const c of clients()) this.set({ system: c.system }, c.droppedRecords);
    },
  });
  new Gauge({
    name: 'cockpit_upstream_breaker_state',
    help: 'Circuit breaker per upstream system: 0 closed, 1 half-open, 2 open',
    labelNames: ['system'],
    registers: [registry],
    collect() {
      for (const c of clients()) this.set({ system: c.system }, BREAKER[c.health().breaker]);
    },
  });
  new Gauge({
    name: 'cockpit_dataset_age_seconds',
    help: 'Age of each shared dataset’s last good value (absent until its first refresh)',
    labelNames: ['dataset'],
    registers: [registry],
    collect() {
      this.reset();
      const now = Date.now();
      for (const d of Object.values(services.snapshots.context.datasets) as Dataset<unknown>[]) {
        const fetchedAt = services.cache.peek(d).fetchedAt;
        if (fetchedAt !== undefined) this.set({ dataset: d.id }, (now - fetchedAt) / 1000);
      }
    },
  });
  new Gauge({
    name: 'cockpit_live_streams',
    help: 'Open live (SSE) streams',
    registers: [registry],
    collect() {
      this.set(services.hub.size);
    },
  });
  new Gauge({
    name: 'cockpit_alarms_open',
    help: 'Open stored alarms by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const counts = services.alarms.countsByState();
      for (const state of ['firing', 'acknowledged', 'dispatched'] as const)
        this.set({ state }, counts[state]);
    },
  });
  new Gauge({
    name: 'cockpit_findings_stored',
    help: 'Abnormal-data findings stored since start',
    registers: [registry],
    collect() {
      this.set(services.inspector.stats.findingsStored);
    },
  });

  /** Counts and times every request by its route pattern (never the raw path: no unbounded labels). */
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const start = performance.now();
    await next();
    const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL')?.path ?? 'unmatched';
    requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    latency.observe({ method: c.req.method, route }, (performance.now() - start) / 1000);
  };
  return { registry, middleware };
}

/** Constant-time comparison of the presented bearer token with METRICS_TOKEN. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7).trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}
