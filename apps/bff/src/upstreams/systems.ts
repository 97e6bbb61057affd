import type { Localized } from '@cockpit/contracts';
import { UpstreamClient } from './http-client';

export const SYSTEMS = [
  'parking-platform',
  'emergency-120',
  'env-monitor',
  'county-services',
  'grassroots',
] as const;
export type SystemId = (typeof SYSTEMS)[number];

export const SYSTEM_NAMES: Record<SystemId, Localized> = {
  'parking-platform': { zh: '智慧停车平台', en: 'Parking platform' },
  'emergency-120': { zh: '120 急救调度', en: '120 emergency dispatch' },
  'env-monitor': { zh: '生态环境监测', en: 'Environment monitoring' },
  'county-services': { zh: '县域综合服务', en: 'County services' },
  grassroots: { zh: '基层治理综合信息平台', en: 'Grassroots governance platform' },
};

export type Upstreams = Record<SystemId, UpstreamClient>;

export type UpstreamTuning = { timeoutMs?: number; retries?: number; backoffMs?: number; openMs?: number };

/** One client per department system, each with its own breaker, limits and statistics. */
export function createUpstreams(baseUrls: Record<SystemId, string>, tuning: UpstreamTuning = {}): Upstreams {
  const make = (system: SystemId) => new UpstreamClient({ system, baseUrl: baseUrls[system], ...tuning });
  return {
    'parking-platform': make('parking-platform'),
    'emergency-120': make('emergency-120'),
    'env-monitor': make('env-monitor'),
    'county-services': make('county-services'),
    grassroots: make('grassroots'),
  };
}
