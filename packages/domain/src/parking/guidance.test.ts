import { describe, expect, it } from 'vitest';
import type { LonLat } from '../geo/bbox';
import {
  buildCandidate,
  driveFromRoute,
  estimateDrive,
  type LotCandidate,
  lotCost,
  POI_PRESETS,
  rankLots,
  resolveDestination,
  walkMeters,
} from './guidance';

// 0.009° of latitude = 6371008.8 m × 0.009 × π/180 = 1000.75 m.
const ONE_KM_NORTH = 0.009;

function cand(p: Partial<LotCandidate> & { lotId: string }): LotCandidate {
  return {
    name: p.lotId,
    capacity: 200,
    freeNow: 50,
    freeOnArrival: 40,
    driveSeconds: 600,
    walkMeters: 400,
    pricePerHour: 3,
    ...p,
  };
}

describe('presets and destinations', () => {
  it('exports the four presets with ids, zh/en names and approximate flags', () => {
    expect(POI_PRESETS.map((p) => p.id)).toEqual([
      'guoqing-temple',
      'tiantaishan-visitor-center',
      'county-peoples-hospital',
      'city-core',
    ]);
    const gq = POI_PRESETS[0]!;
    expect(gq).toMatchObject({ lon: 121.0415, lat: 29.1747, approximate: false, name: { zh: '国清寺' } });
    for (const p of POI_PRESETS.slice(1)) expect(p.approximate).toBe(true);
    for (const p of POI_PRESETS) {
      expect(p.name.zh.length).toBeGreaterThan(0);
      expect(p.name.en.length).toBeGreaterThan(0);
      // all within the county seat / scenic area
      expect(p.lon).toBeGreaterThan(120.9);
      expect(p.lon).toBeLessThan(121.1);
    }
  });

  it('resolves clicks, searched places and presets', () => {
    expect(resolveDestination({ kind: 'preset', id: 'guoqing-temple' })).toEqual({
      position: [121.0415, 29.1747],
      label: { zh: '国清寺', en: 'Guoqing Temple' },
      approximate: false,
    });
    expect(resolveDestination({ kind: 'preset', id: 'nope' })).toBeNull();
    expect(resolveDestination({ kind: 'click', lon: 121.02, lat: 29.15 })).toMatchObject({
      position: [121.02, 29.15],
    });
    expect(resolveDestination({ kind: 'search', name: '赤城山', lon: 121.03, lat: 29.17 })?.label?.zh).toBe(
      '赤城山',
    );
    expect(() => resolveDestination({ kind: 'click', lon: Number.NaN, lat: 29 })).toThrow(RangeError);
  });
});

describe('distance estimates', () => {
  const a: LonLat = [121.0, 29.14];
  const b: LonLat = [121.0, 29.14 + ONE_KM_NORTH];
  it('drive = straight line × 1.4 at 30 km/h, flagged estimated', () => {
    const d = estimateDrive(a, b);
    expect(d.estimated).toBe(true);
    expect(d.meters).toBeCloseTo(1000.75 * 1.4, 0); // 1401 m
    expect(d.seconds).toBeCloseTo((1000.75 * 1.4) / (30 / 3.6), 0); // 168 s
  });
  it('walk = straight line × 1.25', () => {
    expect(walkMeters(a, b)).toBeCloseTo(1250.9, 0);
  });
  it('a road route is used when there is one', () => {
    expect(driveFromRoute(null, a, b)).toEqual(estimateDrive(a, b));
  });
  it('buildCandidate asks the predictor at the drive-time horizon', () => {
    const seen: number[] = [];
    const c = buildCandidate(
      { lotId: 'L1', name: 'L1', capacity: 100, freeNow: 30, position: b, pricePerHour: 0 },
      a,
      [121.0, 29.14 + 2 * ONE_KM_NORTH],
      (_id, h) => {
        seen.push(h);
        return 25;
      },
    );
    expect(seen[0]).toBeCloseTo(168.1 / 60, 2);
    expect(c).toMatchObject({ freeOnArrival: 25, driveEstimated: true, pricePerHour: 0 });
    expect(c.walkMeters).toBeCloseTo(1250.9, 0);
  });
});

describe('rankLots', () => {
  it('generalised cost (hand-checked)', () => {
    // drive 600 s → 10 min; walk 360 m → 1.5 × 360/1.2/60 = 7.5 min; 5 CNY/h × 2 h at 60 CNY/h → 10 min;
    // full risk 12 × e^(−10/5) = 1.624 min.
    const b = lotCost(
      cand({ lotId: 'A', driveSeconds: 600, walkMeters: 360, pricePerHour: 5, freeOnArrival: 10 }),
    );
    expect(b.driveMin).toBe(10);
    expect(b.walkMin).toBeCloseTo(7.5, 12);
    expect(b.priceMin).toBeCloseTo(10, 12);
    expect(b.fullRiskMin).toBeCloseTo(1.624, 3);
    expect(b.total).toBeCloseTo(29.124, 3);
  });

  it('returns the top 3 with structured bilingual reasons', () => {
    const r = rankLots([
      cand({ lotId: 'far', walkMeters: 1100, freeOnArrival: 200, driveSeconds: 240 }),
      cand({ lotId: 'near', walkMeters: 350, freeOnArrival: 42, driveSeconds: 240, pricePerHour: 0 }),
      cand({ lotId: 'mid', walkMeters: 600, freeOnArrival: 10, pricePerHour: 2 }),
      cand({ lotId: 'slow', walkMeters: 600, freeOnArrival: 10, driveSeconds: 1500, pricePerHour: 8 }),
    ]);
    expect(r.relaxed).toBeNull();
    expect(r.recommendations.map((x) => x.lotId)).toEqual(['near', 'mid', 'far']);
    expect(r.recommendations.map((x) => x.rank)).toEqual([1, 2, 3]);
    const near = r.recommendations[0]!;
    expect(near.reasons.map((x) => x.code)).toEqual([
      'FREE_ON_ARRIVAL',
      'SHORT_DRIVE',
      'WALK',
      'FREE_OF_CHARGE',
    ]);
    expect(near.reasons[0]).toEqual({
      code: 'FREE_ON_ARRIVAL',
      value: 42,
      text: { zh: '预计到达时空余 42 个泊位', en: '42 free berths expected on arrival' },
    });
    expect(near.reasons[2]!.text.zh).toBe('步行约 350 米');
    expect(near.reasons[1]!.text.zh).toBe('驾车约 4 分钟');
    expect(r.recommendations[1]!.reasons.map((x) => x.code)).toContain('CHEAP');
    expect(r.recommendations[2]!.reasons.find((x) => x.code === 'WALK')!.text).toEqual({
      zh: '步行约 1.1 公里',
      en: 'About 1.1 km walk',
    });
    expect(rankLots([cand({ lotId: 'a' }), cand({ lotId: 'b' })], { topN: 1 }).recommendations).toHaveLength(
      1,
    );
  });

  it('flags full risk, unknown price and estimated drives', () => {
    const r = rankLots([
      cand({ lotId: 'x', freeOnArrival: 2, pricePerHour: undefined, driveEstimated: true }),
    ]);
    const codes = r.recommendations[0]!.reasons.map((x) => x.code);
    expect(codes).toEqual(['FREE_ON_ARRIVAL', 'FULL_RISK', 'DRIVE_TIME', 'WALK', 'PRICE_UNKNOWN']);
    expect(r.recommendations[0]!.reasons[2]!.text.zh).toBe('驾车约 10 分钟（估算）');
  });

  it('excludes lots without a free berth on arrival and lots beyond the walk limit', () => {
    const r = rankLots([
      cand({ lotId: 'full', freeOnArrival: 0.4 }),
      cand({ lotId: 'far', walkMeters: 1500 }),
      cand({ lotId: 'ok', walkMeters: 1200 }),
      cand({ lotId: 'bad', driveSeconds: Number.NaN }),
    ]);
    expect(r.recommendations.map((x) => x.lotId)).toEqual(['ok']);
    expect(r.excluded).toEqual([
      { lotId: 'bad', code: 'INVALID' },
      { lotId: 'far', code: 'TOO_FAR_TO_WALK' },
      { lotId: 'full', code: 'NO_FREE_ON_ARRIVAL' },
    ]);
    expect(rankLots([cand({ lotId: 'far', walkMeters: 900 })], { maxWalkM: 800 }).relaxed).toBe('walk');
  });

  it('relaxes the walk limit (and flags it) when no lot is within it', () => {
    const r = rankLots([
      cand({ lotId: 'a', walkMeters: 1500 }),
      cand({ lotId: 'b', walkMeters: 2500 }),
      cand({ lotId: 'c', walkMeters: 300, freeOnArrival: 0 }),
    ]);
    expect(r.relaxed).toBe('walk');
    expect(r.recommendations.map((x) => x.lotId)).toEqual(['a', 'b']);
    expect(r.recommendations[0]!.reasons.map((x) => x.code)).toContain('LONG_WALK');
    expect(r.recommendations[0]!.reasons.find((x) => x.code === 'LONG_WALK')!.text.zh).toBe(
      '步行较远，约 1.5 公里',
    );
    // nothing free anywhere → empty, not relaxed
    expect(rankLots([cand({ lotId: 'c', freeOnArrival: 0 })])).toMatchObject({
      recommendations: [],
      relaxed: null,
    });
  });

  it('breaks ties by lotId, whatever the input order', () => {
    const same = ['lot-c', 'lot-a', 'lot-b', 'lot-10', 'lot-2'].map((id) => cand({ lotId: id }));
    const expected = ['lot-10', 'lot-2', 'lot-a', 'lot-b', 'lot-c'];
    expect(rankLots(same, { topN: 10 }).recommendations.map((x) => x.lotId)).toEqual(expected);
    expect(rankLots([...same].reverse(), { topN: 10 }).recommendations.map((x) => x.lotId)).toEqual(expected);
  });

  it('is monotonic: improving one attribute of a lot never makes it rank lower (seeded property test)', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const position = (cs: LotCandidate[], id: string): number => {
      const i = rankLots(cs, { topN: cs.length }).recommendations.findIndex((x) => x.lotId === id);
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    };
    type Tweak = (c: LotCandidate) => LotCandidate;
    const tweaks: Record<string, Tweak> = {
      moreFree: (c) => ({ ...c, freeOnArrival: c.freeOnArrival + 1 + Math.floor(rand() * 20) }),
      shorterDrive: (c) => ({ ...c, driveSeconds: c.driveSeconds * rand() }),
      shorterWalk: (c) => ({ ...c, walkMeters: c.walkMeters * rand() }),
      cheaper: (c) => ({ ...c, pricePerHour: (c.pricePerHour ?? 2) * rand() }),
    };
    let moved = 0;
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + Math.floor(rand() * 7);
      const cs: LotCandidate[] = Array.from({ length: n }, (_, i) => {
        const c = cand({
          lotId: `L${i}`,
          freeOnArrival: Math.floor(rand() * 30),
          driveSeconds: 60 + rand() * 1500,
          walkMeters: rand() * 1600,
          pricePerHour: pick([0, 1, 2, 3, 5, 8]),
        });
        if (rand() < 0.2) delete c.pricePerHour;
        return c;
      });
      const target = Math.floor(rand() * n);
      const id = `L${target}`;
      for (const [name, tweak] of Object.entries(tweaks)) {
        const before = position(cs, id);
        const improved = cs.map((c, i) => (i === target ? tweak(c) : c));
        const after = position(improved, id);
        expect(after, `${name} trial ${trial}`).toBeLessThanOrEqual(before);
        if (after < before) moved++;
      }
    }
    expect(moved).toBeGreaterThan(100); // the property is exercised, not vacuous
  });
});
