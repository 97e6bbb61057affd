import { RegionDetail, RegionSearchResult } from '@cockpit/contracts';
import { bboxContains } from '@cockpit/domain/geo';
import { describe, expect, it } from 'vitest';
import { createTestApp, testGeography } from '../../test/create-test-app';

const app = createTestApp();

async function region(code: string) {
  const res = await app.request(`/api/v1/regions/${code}`);
  expect(res.status).toBe(200);
  return RegionDetail.parse(await res.json());
}

describe('the hierarchy, through the region API', () => {
  it('has the county with 15 townships and 395 villages', async () => {
    const county = await region('331023');
    expect(county).toMatchObject({ name: '天台县', level: 'county', parentCode: null });
    expect(county.children).toHaveLength(15);
    let villages = 0;
    for (const t of county.children) {
      const township = await region(t.code);
      // every township has at least one village
      expect(township.children.length).toBeGreaterThan(0);
      villages += township.children.length;
    }
    expect(villages).toBe(395);
  });

  it("every village's parent exists and lists it; every bbox contains its centroid", async () => {
    const { regions } = testGeography();
    for (const r of regions.values()) {
      const detail = await region(r.code);
      expect(bboxContains(detail.bbox, detail.centroid), `${r.code} centroid outside bbox`).toBe(true);
      if (detail.level !== 'village') continue;
      const parent = await region(detail.parentCode!);
      expect(parent.children.map((c) => c.code)).toContain(detail.code);
    }
  });

  it('gives the path from the county down to the region itself', async () => {
    const village = await region('331023105200');
    expect(village.path.map((p) => p.level)).toEqual(['county', 'township', 'village']);
    expect(village.path.map((p) => p.code)).toEqual(['331023', '331023105', '331023105200']);
    expect(village.children).toEqual([]);
    expect(village.accuracy).toBe('approximate');
  });

  it('404s an unknown code and 400s a malformed one, in the shared shape', async () => {
    const unknown = await app.request('/api/v1/regions/331023999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'REGION_NOT_FOUND' } });
    for (const bad of ['12345', '3310231', '330000', 'abcdef', '331023105200999']) {
      const res = await app.request(`/api/v1/regions/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    }
  });
});

describe('boundary files', () => {
  it("returns the children's boundaries with code and name", async () => {
    const res = await app.request('/api/v1/regions/331023/children.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as { features: { properties: { code: string; name: string } }[] };
    expect(fc.features).toHaveLength(15);
    expect(fc.features.every((f) => /^331023\d{3}$/.test(f.properties.code) && f.properties.name)).toBe(true);
  });

  it("returns a region's own boundary, and an empty collection for a village's children", async () => {
    const own = (await (await app.request('/api/v1/regions/331023105/boundary.geojson')).json()) as {
      features: { properties: { code: string } }[];
    };
    expect(own.features.map((f) => f.properties.code)).toEqual(['331023105']);
    const none = (await (await app.request('/api/v1/regions/331023105200/children.geojson')).json()) as {
      features: unknown[];
    };
    expect(none.features).toEqual([]);
  });

  it('supports ETag revalidation', async () => {
    const first = await app.request('/api/v1/regions/331023/children.geojson');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request('/api/v1/regions/331023/children.geojson', {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
    const other = await app.request('/api/v1/regions/331023105/children.geojson', {
      headers: { 'If-None-Match': etag! },
    });
    expect(other.status).toBe(200);
  });
});

describe('search', () => {
  async function search(q: string) {
    const res = await app.request(`/api/v1/regions?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return RegionSearchResult.parse(await res.json()).results;
  }

  it('finds by name, best match first', async () => {
    const results = await search('平桥');
    expect(results[0]).toMatchObject({ code: '331023105', name: '平桥镇', level: 'township' });
  });

  it('finds by pinyin initials', async () => {
    expect((await search('pqz'))[0]?.code).toBe('331023105');
  });

  it('finds by code prefix', async () => {
    const results = await search('331023105');
    expect(results[0]?.code).toBe('331023105');
    expect(results.slice(1).every((r) => r.code.startsWith('331023105'))).toBe(true);
  });

  it('tells namesakes apart by their parent', async () => {
    const results = await search('三新村');
    expect(results).toHaveLength(2);
    expect(new Set(results.map((r) => r.parentName)).size).toBe(2);
  });

  it('returns nothing for a miss', async () => {
    expect(await search('不存在的地方')).toEqual([]);
  });
});

describe('map context layers', () => {
  it('serves the river, the monitored reservoirs, the expressway and arterials, seats and landmarks, all approximate', async () => {
    const res = await app.request('/api/v1/geo/context.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as {
      features: {
        properties: { kind: string; name: string; accuracy: string };
        geometry: { type: string };
      }[];
    };
    const named = (kind: string) =>
      fc.features.filter((f) => f.properties.kind === kind).map((f) => f.properties.name);
    expect(named('river')).toEqual(['始丰溪']);
    expect(named('reservoir').sort()).toEqual(['桐柏水库', '里石门水库']);
    expect(named('expressway').length).toBeGreaterThan(0);
    expect(named('arterial').length).toBeGreaterThan(10);
    expect(named('seat')).toHaveLength(15);
    expect(named('landmark').sort()).toEqual(['国清寺', '天台山游客中心', '天台县人民医院'].sort());
    // No local streets (they would drown the data), and every derived feature says it is approximate.
    expect(fc.features.some((f) => f.properties.kind === 'local')).toBe(false);
    expect(fc.features.every((f) => f.properties.accuracy === 'approximate')).toBe(true);
    const etag = res.headers.get('etag');
    const again = await app.request('/api/v1/geo/context.geojson', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
  });
});
