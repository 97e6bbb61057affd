import type { UpstreamHealth } from '@cockpit/contracts';

export type UpstreamErrorKind = 'timeout' | 'network' | 'http' | 'malformed' | 'breaker-open';

/** A failed upstream call, classified so the caller can tell a slow system from a broken one. */
export class UpstreamError extends Error {
  constructor(
    readonly system: string,
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(`${system}: ${message}`);
    this.name = 'UpstreamError';
  }
  /** Worth retrying: the system may answer next time. A 4xx or a malformed body will not change. */
  get retryable(): boolean {
    return (
      this.kind === 'timeout' ||
      this.kind === 'network' ||
      (this.kind === 'http' && (this.status ?? 0) >= 500)
    );
  }
}

export type ClientOptions = {
  system: string;
  baseUrl: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts for idempotent reads. */
  retries?: number;
  backoffMs?: number;
  maxConcurrent?: number;
  /** Consecutive failures that open the breaker. */
  failureThreshold?: number;
  /** How long the breaker stays open before one trial call (half-open). */
  openMs?: number;
  now?: () => number;
  random?: () => number;
};

type Outcome = { at: number; ok: boolean };
const WINDOW_MS = 60_000;

/**
 * HTTP client for one department system: per-attempt timeouts, bounded retries with jittered exponential
 * backoff on reads, a circuit breaker, a concurrency limit, and request coalescing (one request in flight
 * per key: concurrent callers share it). It knows nothing about the system's format: adapters do that.
 */
/** A system that dropped records within this window is reported as dropping them (degraded). */
export const DROPPING_WINDOW_MS = 5 * 60_000;

export class UpstreamClient {
  readonly system: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxConcurrent: number;
  private readonly failureThreshold: number;
  private readonly openMs: number;
  private readonly now: () => number;
  private readonly random: () => number;

  private readonly inflight = new Map<string, Promise<unknown>>();
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private breaker: 'closed' | 'open' | 'half-open' = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private outcomes: Outcome[] = [];
  private lastSuccessAt: number | null = null;
  /** Calls that reached the network (each attempt counts): for the calls-per-minute figure. */
  calls = 0;
  private dropped = 0;
  /** When an adapter last dropped a record (health: a system whose records are being dropped is degraded). */
  lastDropAt: number | null = null;
  /** Calls that failed (each attempt counts), for the error share between two inspection passes. */
  failedCalls = 0;
  /** Upstream records the adapters validated (kept or dropped), for the dropped share. */
  recordsSeen = 0;
  /** The latest dropped records as received, for the abnormal-data findings (the inspector drains it). */
  droppedSamples: { at: number; what: string; issue: string; record: unknown }[] = [];

  /** Upstream records that failed validation in an adapter and were dropped. */
  get droppedRecords(): number {
    return this.dropped;
  }
  set droppedRecords(n: number) {
    if (n > this.dropped) this.lastDropAt = this.now();
    this.dropped = n;
  }

  constructor(opts: ClientOptions) {
    this.system = opts.system;
    this.baseUrl = opts.baseUrl.replace(/\/$/, '');
    this.timeoutMs = opts.timeoutMs ?? 2500;
    this.retries = opts.retries ?? 2;
    this.backoffMs = opts.backoffMs ?? 150;
    this.maxConcurrent = opts.maxConcurrent ?? 4;
    this.failureThreshold = opts.failureThreshold ?? 5;
    this.openMs = opts.openMs ?? 10_000;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  /** GET and parse JSON. Concurrent calls with the same path share one request. */
  getJson(path: string): Promise<unknown> {
    const existing = this.inflight.get(path);
    if (existing) return existing;
    const request = this.withRetries(path).finally(() => this.inflight.delete(path));
    this.inflight.set(path, request);
    return request;
  }

  health(): UpstreamHealth {
    this.refreshBreaker();
    const recent = this.recentOutcomes();
    const failed = recent.filter((o) => !o.ok).length;
    return {
      system: this.system,
      breaker: this.breaker,
      lastSuccessAt: this.lastSuccessAt === null ? null : new Date(this.lastSuccessAt).toISOString(),
      errorRate: recent.length === 0 ? 0 : failed / recent.length,
      droppedRecords: this.droppedRecords,
      droppingRecords: this.lastDropAt !== null && this.now() - this.lastDropAt < DROPPING_WINDOW_MS,
      calls: this.calls,
    };
  }

  private async withRetries(path: string): Promise<unknown> {
    let attempt = 0;
    for (;;) {
      try {
        return await this.attempt(path);
      } catch (err) {
        const retryable = err instanceof UpstreamError && err.retryable;
        if (!retryable || attempt >= this.retries || this.breaker === 'open') throw err;
        const delay = this.backoffMs * 2 ** attempt * (0.5 + this.random());
        attempt++;
        await sleep(delay);
      }
    }
  }

  private async attempt(path: string): Promise<unknown> {
    this.refreshBreaker();
    if (this.breaker === 'open' || (this.breaker === 'half-open' && this.trialInFlight)) {
      throw new UpstreamError(
        this.system,
        'breaker-open',
        'circuit breaker open: not calling a failing system',
      );
    }
    const trial = this.breaker === 'half-open';
    if (trial) this.trialInFlight = true;
    await this.acquire();
    this.calls++;
    try {
      const body = await this.fetchOnce(path);
      this.record(true);
      return body;
    } catch (err) {
      // A malformed body from a live system is the adapter's concern, not a sign the system is down.
      this.record(err instanceof UpstreamError && err.kind === 'malformed');
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
      this.release();
    }
  }

  private async fetchOnce(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { Accept: 'application/json' },
      });
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new UpstreamError(this.system, 'timeout', `no answer within ${this.timeoutMs} ms`);
      }
      throw new UpstreamError(this.system, 'network', `connection failed (${(err as Error).message})`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      const name = (err as Error).name;
      const kind = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
      throw new UpstreamError(this.system, kind, `body not received (${(err as Error).message})`);
    }
    if (!response.ok)
      throw new UpstreamError(this.system, 'http', `HTTP ${response.status}`, response.status);
    try {
      return JSON.parse(text);
    } catch {
      throw new UpstreamError(this.system, 'malformed', 'the body is not valid JSON');
    }
  }

  private record(ok: boolean) {
    const at = this.now();
    this.outcomes.push({ at, ok });
    if (this.outcomes.length > 200) this.outcomes = this.recentOutcomes();
    if (ok) {
      this.lastSuccessAt = at;
      this.consecutiveFailures = 0;
      this.breaker = 'closed';
      return;
    }
    this.consecutiveFailures++;
    this.failedCalls++;
    if (this.breaker === 'half-open' || this.consecutiveFailures >= this.failureThreshold) {
      this.breaker = 'open';
      this.openedAt = at;
    }
  }

  private refreshBreaker() {
    if (this.breaker === 'open' && this.now() - this.openedAt >= this.openMs) this.breaker = 'half-open';
  }

  private recentOutcomes(): Outcome[] {
    const since = this.now() - WINDOW_MS;
    return this.outcomes.filter((o) => o.at >= since);
  }

  private acquire(): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.queue.push(resolve)).then(() => {
      this.active++;
    });
  }

  private release() {
    this.active--;
    this.queue.shift()?.();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
