import { describe, expect, it } from 'vitest';
import {
  afterLoginPath,
  afterPairingPath,
  can,
  homePath,
  inScope,
  loginHref,
  pathWithinScope,
  regionOfPath,
  safeNext,
} from './redirect';

const pingqiao = { scope: '331023105', permissions: ['cockpit:view'] };

describe('safeNext', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeNext('/parking/331023105?screen=tablet')).toBe('/parking/331023105?screen=tablet');
  });
  it('drops other origins, protocol-relative and backslash tricks', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
    ]) {
      expect(safeNext(bad)).toBeNull();
    }
    expect(safeNext(null)).toBeNull();
  });
  it('drops the sign-in page and the root, which would loop or add nothing', () => {
    expect(safeNext('/login?next=/x')).toBeNull();
    expect(safeNext('/')).toBeNull();
    expect(safeNext('/?screen=wall')).toBeNull();
  });
});

describe('loginHref', () => {
  it('carries the page the user was on, encoded', () => {
    expect(loginHref('/admin/audit?actor=admin')).toBe('/login?next=%2Fadmin%2Faudit%3Factor%3Dadmin');
  });
  it('has no next for the root', () => {
    expect(loginHref('/')).toBe('/login');
  });
});

describe('after sign-in', () => {
  it('a township leader without next lands on their township, keeping the screen profile', () => {
    expect(afterLoginPath(pingqiao, null, '?screen=tablet&next=/x')).toBe(
      '/overview/331023105?screen=tablet',
    );
    expect(homePath(pingqiao)).toBe('/overview/331023105');
  });
  it('returns to the page the session expired on', () => {
    expect(afterLoginPath(pingqiao, '/eco/331023105200')).toBe('/eco/331023105200');
  });
  it('ignores a next that leaves the site', () => {
    expect(afterLoginPath(pingqiao, '//evil.example')).toBe('/overview/331023105');
  });
});

describe('scope', () => {
  it('covers the region and everything below it, nothing beside or above', () => {
    expect(inScope('331023105', '331023105')).toBe(true);
    expect(inScope('331023105', '331023105200')).toBe(true);
    expect(inScope('331023105', '331023')).toBe(false);
    expect(inScope('331023105', '331023106')).toBe(false);
    expect(inScope('331023', '331023106201')).toBe(true);
  });
  it('cuts the breadcrumb above the scope', () => {
    const path = [
      { code: '331023', name: '天台县' },
      { code: '331023105', name: '平桥镇' },
      { code: '331023105200', name: '某村' },
    ];
    expect(pathWithinScope(path, '331023105').map((r) => r.name)).toEqual(['平桥镇', '某村']);
    expect(pathWithinScope(path, '331023')).toHaveLength(3);
  });
  it('checks permissions', () => {
    expect(can(pingqiao, 'cockpit:view')).toBe(true);
    expect(can(pingqiao, 'user:admin')).toBe(false);
    expect(can(null, 'cockpit:view')).toBe(false);
  });
});

describe('after pairing', () => {
  const wall = { scope: '331023105', permissions: ['cockpit:view'] };
  it('stays on a page inside its scope', () => {
    expect(afterPairingPath(wall, '/parking/331023105200', '?screen=wall')).toBeNull();
  });
  it('opens its scope from /pair or from a page outside it, as a wall', () => {
    expect(afterPairingPath(wall, '/pair', '')).toBe('/overview/331023105?screen=wall');
    expect(afterPairingPath(wall, '/overview/331023', '?screen=wall&canvas=1920x1080')).toBe(
      '/overview/331023105?screen=wall&canvas=1920x1080',
    );
  });
  it('reads the region of a cockpit path only', () => {
    expect(regionOfPath('/eco/331023105200')).toBe('331023105200');
    expect(regionOfPath('/admin/users')).toBeNull();
  });
});
