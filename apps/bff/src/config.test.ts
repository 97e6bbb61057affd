import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const ALL_URLS = {
  UPSTREAM_PARKING_URL: 'http://10.0.0.1/',
  UPSTREAM_EMERGENCY_URL: 'http://10.0.0.2/',
  UPSTREAM_ENV_URL: 'http://10.0.0.3/',
  UPSTREAM_COUNTY_URL: 'http://10.0.0.4/',
  UPSTREAM_GRASSROOTS_URL: 'http://10.0.0.5/',
};

describe('which systems are simulated', () => {
  it('every system without an UPSTREAM_*_URL is served by the embedded simulator', () => {
    expect(loadConfig({}).simulated).toEqual([
      'parking-platform',
      'emergency-120',
      'env-monitor',
      'county-services',
      'grassroots',
    ]);
    expect(loadConfig({ UPSTREAM_ENV_URL: 'http://10.0.0.3/' }).simulated).toEqual([
      'parking-platform',
      'emergency-120',
      'county-services',
      'grassroots',
    ]);
  });

  it('none once every UPSTREAM_*_URL is set', () => {
    expect(loadConfig(ALL_URLS).simulated).toEqual([]);
  });

  it('UPSTREAM_SIMULATED names configured systems that are simulators too', () => {
    expect(loadConfig({ ...ALL_URLS, UPSTREAM_SIMULATED: 'parking-platform,env-monitor' }).simulated).toEqual(
      ['parking-platform', 'env-monitor'],
    );
    expect(loadConfig({ ...ALL_URLS, UPSTREAM_SIMULATED: 'all' }).simulated).toHaveLength(5);
    expect(() => loadConfig({ UPSTREAM_SIMULATED: 'parking' })).toThrow(/UPSTREAM_SIMULATED/);
  });
});
