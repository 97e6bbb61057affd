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

describe('WEBHOOK_ALLOWED_HOSTS', () => {
  it('unset or empty: no webhook receiver is permitted', () => {
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: '' }).webhookAllowedHosts).toEqual([]);
  });

  it('a comma-separated list of names, wildcards, addresses and ranges, each with an optional port', () => {
    const rules = loadConfig({
      WEBHOOK_ALLOWED_HOSTS: 'dingtalk.gov.example, *.zj.gov.cn:443,10.20.0.0/16, [::1]:8095',
    }).webhookAllowedHosts;
    expect(rules.map((r) => [r.kind, r.port])).toEqual([
      ['name', null],
      ['wildcard', 443],
      ['ip', null],
      ['ip', 8095],
    ]);
  });

  it('refuses to start on a malformed entry, one line naming the variable and the entry', () => {
    let message = '';
    try {
      loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'hooks.example,10.20.1.0/16,http://x.example/' });
    } catch (err) {
      message = (err as Error).message;
    }
    const lines = message.split('\n').slice(1);
    expect(lines).toEqual([
      '  WEBHOOK_ALLOWED_HOSTS: "10.20.1.0/16": bits are set past the /16 prefix (did you mean 10.20.0.0/16?)',
      expect.stringMatching(/^ {2}WEBHOOK_ALLOWED_HOSTS: "http:\/\/x\.example\/": a host, not a URL/),
    ]);
  });
});
