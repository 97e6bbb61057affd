import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type HostRule, parseWebhookAllowedHosts } from './health/webhook-hosts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** apps/bff, whether running from src/ (tsx) or dist/ (bundle). */
const bffRoot = resolve(here, '..');

const SYSTEM_IDS = [
  'parking-platform',
  'emergency-120',
  'env-monitor',
  'county-services',
  'grassroots',
] as const;
type SystemId = (typeof SYSTEM_IDS)[number];
const SIMULATED_NAMES: string[] = ['all', '', ...SYSTEM_IDS];

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default(resolve(bffRoot, '../web/dist')),
  GEO_DIR: z
    .string()
    .optional()
    .refine((dir) => dir === undefined || isDirectory(dir), {
      message: 'no such folder (unset GEO_DIR to use the bundled geography)',
    }),
  SIM_EMBEDDED: z.enum(['true', 'false']).default('true'),
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  SIM_SPEED: z.coerce.number().min(0).max(3600).default(1),
  SIM_SEED: z.coerce.number().int().default(20211),
  UPSTREAM_PARKING_URL: z.url().optional(),
  UPSTREAM_EMERGENCY_URL: z.url().optional(),
  UPSTREAM_ENV_URL: z.url().optional(),
  UPSTREAM_COUNTY_URL: z.url().optional(),
  UPSTREAM_GRASSROOTS_URL: z.url().optional(),
  UPSTREAM_SIMULATED: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v.split(',').every((x) => SIMULATED_NAMES.includes(x.trim())),
      `a comma-separated list of ${SIMULATED_NAMES.join(', ')}`,
    ),
  LIVE_TICK_MS: z.coerce.number().int().min(200).max(60_000).default(2000),
  LIVE_MAX_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(200),
  UPSTREAM_REFRESH_MS: z.coerce.number().int().min(200).max(600_000).default(10_000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Bearer token of GET /metrics (Prometheus); unset: /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').max(256).optional(),
  ADMIN_PASSWORD: z.union([z.literal(''), z.string().min(10, 'at least 10 characters').max(256)]).optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(12),
  /** Receivers personal alert policies may send webhooks to (health/webhook-hosts.ts); unset: none. */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const { rules, errors } = parseWebhookAllowedHosts(text);
      for (const message of errors) ctx.addIssue({ code: 'custom', message });
      return rules;
    }),
});

export type Config = {
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  webDist: string;
  geoDir: string | undefined;
  version: string;
  simulator: { embedded: boolean; port: number; speed: number; seed: number };
  /** Explicit upstream base URLs; a missing one points at the embedded simulator. */
  upstreamUrls: Partial<Record<SystemId, string>>;
  /**
   * Systems whose data is simulated: every system without an UPSTREAM_*_URL (served by the embedded
   * simulator), plus those named in UPSTREAM_SIMULATED (a configured URL that is itself a simulator, e.g. a
   * demo install or the e2e harness). Their sources say `simulated: true` and the screens say 模拟数据.
   */
  simulated: SystemId[];
  liveTickMs: number;
  /** Live streams one client address may hold open (a control room behind one NAT address has many). */
  liveMaxStreamsPerAddress: number;
  /** Refresh interval of the fastest datasets; the others scale from it. */
  refreshMs: number;
  /** The embedded database lives here (created on first start). */
  dataDir: string;
  /** The first admin's password, when set at first start (counts as chosen: no forced change). */
  adminPassword: string | undefined;
  sessionTtlMs: number;
  /** METRICS_TOKEN: the bearer token of GET /metrics; undefined: /metrics is off (404). */
  metricsToken: string | undefined;
  /**
   * WEBHOOK_ALLOWED_HOSTS: the only receivers a policy's webhook may name (checked when a policy is saved and
   * at each delivery). Empty (unset): no webhook receiver is permitted; webhooks are off.
   */
  webhookAllowedHosts: HostRule[];
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads configuration from the environment; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}${i.path[0] === 'GEO_DIR' ? ` (${env.GEO_DIR})` : ''}: ${i.message}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    geoDir: e.GEO_DIR,
    version: process.env.npm_package_version ?? '0.1.0',
    simulator: {
      embedded: e.SIM_EMBEDDED === 'true',
      port: e.SIM_PORT,
      speed: e.SIM_SPEED,
      seed: e.SIM_SEED,
    },
    upstreamUrls: Object.fromEntries(
      Object.entries({
        'parking-platform': e.UPSTREAM_PARKING_URL,
        'emergency-120': e.UPSTREAM_EMERGENCY_URL,
        'env-monitor': e.UPSTREAM_ENV_URL,
        'county-services': e.UPSTREAM_COUNTY_URL,
        grassroots: e.UPSTREAM_GRASSROOTS_URL,
      }).filter(([, url]) => url !== undefined),
    ),
    simulated: SYSTEM_IDS.filter((s) => {
      const listed = (e.UPSTREAM_SIMULATED ?? '').split(',').map((x) => x.trim());
      const url = {
        'parking-platform': e.UPSTREAM_PARKING_URL,
        'emergency-120': e.UPSTREAM_EMERGENCY_URL,
        'env-monitor': e.UPSTREAM_ENV_URL,
        'county-services': e.UPSTREAM_COUNTY_URL,
        grassroots: e.UPSTREAM_GRASSROOTS_URL,
      }[s];
      return url === undefined || listed.includes('all') || listed.includes(s);
    }),
    liveTickMs: e.LIVE_TICK_MS,
    liveMaxStreamsPerAddress: e.LIVE_MAX_STREAMS_PER_ADDRESS,
    refreshMs: e.UPSTREAM_REFRESH_MS,
    dataDir: e.DATA_DIR,
    adminPassword: e.ADMIN_PASSWORD || undefined,
    sessionTtlMs: Math.round(e.SESSION_TTL_HOURS * 3600_000),
    metricsToken: e.METRICS_TOKEN,
    webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
  };
}
