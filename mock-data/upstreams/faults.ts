/**
 * Fault injection, per system. Set with POST /admin/faults, read with GET /admin/faults; `mode: "none"`
 * recovers. Faults apply only under the system's own prefix, never to /admin.
 */
import { z } from 'zod';
import { mulberry32 } from './random';

export const SYSTEM_IDS = [
  'parking-platform',
  'emergency-120',
  'env-monitor',
  'county-services',
  'grassroots',
] as const;
export type SystemId = (typeof SYSTEM_IDS)[number];

export const FAULT_MODES = [
  'none',
  'latency',
  'errors',
  'timeout',
  'malformed',
  'drift',
  'outage',
  'screens-full',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** Modes of one system's own data (see SystemModule.faulty), not of its transport. */
export const SYSTEM_FAULT_MODES: Partial<Record<FaultMode, SystemId>> = {
  'screens-full': 'parking-platform',
};

export const FaultRequest = z
  .object({
    system: z.enum(SYSTEM_IDS),
    mode: z.enum(FAULT_MODES),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    errorRate: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((r) => (SYSTEM_FAULT_MODES[r.mode] ?? r.system) === r.system, {
    path: ['mode'],
    message: 'this mode belongs to another system (screens-full: parking-platform)',
  });
export type FaultRequest = z.infer<typeof FaultRequest>;

export interface FaultState {
  mode: FaultMode;
  latencyMs?: number;
  errorRate?: number;
  since?: string;
}

export const DEFAULT_LATENCY_MS = 2000;
export const DEFAULT_ERROR_RATE = 0.5;

/** Fields renamed by the `drift` mode, per system (a deploy on their side renamed a field). */
export const DRIFT_RENAMES: Record<SystemId, Record<string, string>> = {
  'parking-platform': { berthFree: 'freeBerth' },
  'emergency-120': { status: 'state' },
  'env-monitor': { PM2_5: 'PM25', PM2_5_Flag: 'PM25_Flag' },
  'county-services': { value: 'val' },
  grassroots: { xzqhdm: 'cundm', sjlx: 'shijianleixing' },
};

export class FaultBoard {
  private readonly state = new Map<SystemId, FaultState>();
  private readonly rand: () => number;

  constructor(seed: number) {
    this.rand = mulberry32(seed ^ 0x5eed);
    for (const s of SYSTEM_IDS) this.state.set(s, { mode: 'none' });
  }

  get(system: SystemId): FaultState {
    return this.state.get(system) ?? { mode: 'none' };
  }

  set(req: FaultRequest, nowIso: string): FaultState {
    let s: FaultState;
    switch (req.mode) {
      case 'none':
        s = { mode: 'none' };
        break;
      case 'latency':
        s = { mode: 'latency', latencyMs: req.latencyMs ?? DEFAULT_LATENCY_MS, since: nowIso };
        break;
      case 'errors':
        s = { mode: 'errors', errorRate: req.errorRate ?? DEFAULT_ERROR_RATE, since: nowIso };
        break;
      default:
        s = { mode: req.mode, since: nowIso };
    }
    this.state.set(req.system, s);
    return s;
  }

  all(): Record<SystemId, FaultState> {
    const out = {} as Record<SystemId, FaultState>;
    for (const s of SYSTEM_IDS) out[s] = this.get(s);
    return out;
  }

  /** Draws whether this request should fail (errors mode). */
  shouldFail(rate: number): boolean {
    return rate >= 1 || this.rand() < rate;
  }

  /** Picks which 5xx to answer with. */
  errorStatus(): number {
    const r = this.rand();
    return r < 0.5 ? 500 : r < 0.8 ? 503 : 502;
  }
}

/** Renames keys anywhere in the body (objects nested in arrays and objects). */
export function renameKeys(value: unknown, renames: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, renames));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[renames[k] ?? k] = renameKeys(v, renames);
    return out;
  }
  return value;
}

/** Breaks a JSON text: cuts it part-way and leaves an unterminated string. */
export function malform(json: string): string {
  const cut = Math.max(1, Math.floor(json.length * 0.6));
  return `${json.slice(0, cut)}"\u0000,<!-- upstream truncated`;
}
