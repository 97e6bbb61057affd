import { describe, expect, it } from 'vitest';
import {
  checkScreens,
  displayText,
  expectedDisplay,
  type GuideScreen,
  type LotStatus,
  mismatchTolerance,
} from './screens';
import { beijingTime, MINUTE_MS } from './time';

const NOW = beijingTime(2025, 5, 6, 10);

const LOTS: LotStatus[] = [
  { lotId: 'A', berthTotal: 200, berthOccupied: 150, updateTimeMs: NOW }, // 50 free
  { lotId: 'B', berthTotal: 100, berthOccupied: 70, updateTimeMs: NOW }, // 30 free
  { lotId: 'C', berthTotal: 40, berthOccupied: 40, updateTimeMs: NOW }, // full
  { lotId: 'D', berthTotal: 30, berthOccupied: 35, updateTimeMs: NOW }, // over-full → 0 free
];

function screen(p: Partial<GuideScreen> & Pick<GuideScreen, 'screenId' | 'targets'>): GuideScreen {
  return { tier: 2, online: true, lastHeartbeatMs: NOW - MINUTE_MS, ...p };
}

describe('displayText', () => {
  it("'满' at ≤ 0, integer string otherwise, capped at 999, '--' unknown", () => {
    expect(displayText(0)).toBe('满');
    expect(displayText(-3)).toBe('满');
    expect(displayText(1)).toBe('1');
    expect(displayText(42.7)).toBe('42');
    expect(displayText(999)).toBe('999');
    expect(displayText(1500)).toBe('999');
    expect(displayText(1500, 9999)).toBe('1500');
    expect(displayText(null)).toBe('--');
    expect(displayText(Number.NaN)).toBe('--');
  });
});

describe('expected display', () => {
  it('a direction sums the free berths of its lots; tier 3 shows its own lot', () => {
    const s1 = screen({
      screenId: 'S1',
      tier: 1,
      targets: [
        { lotId: 'A', direction: '左', displayFree: null },
        { lotId: 'B', direction: '直行', displayFree: null },
        { lotId: 'C', direction: '左', displayFree: null },
        { lotId: 'D', direction: '右', displayFree: null },
      ],
    });
    expect(expectedDisplay(s1, LOTS)).toEqual([
      { direction: '左', free: 50, text: '50', lotIds: ['A', 'C'] },
      { direction: '直行', free: 30, text: '30', lotIds: ['B'] },
      { direction: '右', free: 0, text: '满', lotIds: ['D'] },
    ]);
    const s3 = screen({
      screenId: 'S3',
      tier: 3,
      targets: [{ lotId: 'B', direction: '直行', displayFree: 30 }],
    });
    expect(expectedDisplay(s3, LOTS)).toEqual([{ direction: '直行', free: 30, text: '30', lotIds: ['B'] }]);
  });
});

describe('checkScreens', () => {
  it('no issue when the display agrees within max(5, 10 % of capacity)', () => {
    // A: capacity 200 → tolerance 20; shows 70 vs 50 actual: |20| not > 20.
    const s = screen({ screenId: 'S', targets: [{ lotId: 'A', direction: '左', displayFree: 70 }] });
    expect(checkScreens([s], LOTS, NOW)[0]!.issues).toEqual([]);
    expect(mismatchTolerance(200)).toBe(20);
    expect(mismatchTolerance(30)).toBe(5);
  });

  it('MISMATCH beyond the tolerance', () => {
    const s = screen({ screenId: 'S', targets: [{ lotId: 'A', direction: '左', displayFree: 71 }] });
    const [c] = checkScreens([s], LOTS, NOW);
    expect(c!.issues).toHaveLength(1);
    expect(c!.issues[0]).toMatchObject({
      code: 'MISMATCH',
      direction: '左',
      displayed: 71,
      actual: 50,
      tolerance: 20,
    });
    expect(c!.issues[0]!.detail.zh).toBe('左向显示 71，实际空余 50');
  });

  it('small lots use the 5-berth minimum tolerance', () => {
    const lots: LotStatus[] = [{ lotId: 'S', berthTotal: 20, berthOccupied: 10, updateTimeMs: NOW }];
    const ok = screen({
      screenId: 'ok',
      tier: 3,
      targets: [{ lotId: 'S', direction: '直行', displayFree: 15 }],
    });
    const bad = screen({
      screenId: 'bad',
      tier: 3,
      targets: [{ lotId: 'S', direction: '直行', displayFree: 16 }],
    });
    const [a, b] = checkScreens([ok, bad], lots, NOW);
    expect(a!.issues).toEqual([]);
    expect(b!.issues.map((i) => i.code)).toEqual(['MISMATCH']);
  });

  it('a number while full, or 满 while free, is a MISMATCH even within the tolerance', () => {
    const showsNumberWhileFull = screen({
      screenId: 'X',
      tier: 3,
      targets: [{ lotId: 'C', direction: '直行', displayFree: 3 }],
    });
    const showsFullWhileFree = screen({
      screenId: 'Y',
      tier: 3,
      targets: [{ lotId: 'B', direction: '直行', displayFree: 0 }],
    });
    const lots: LotStatus[] = [
      ...LOTS,
      { lotId: 'E', berthTotal: 100, berthOccupied: 98, updateTimeMs: NOW },
    ];
    const nearlyFull = screen({
      screenId: 'Z',
      tier: 3,
      targets: [{ lotId: 'E', direction: '直行', displayFree: 0 }],
    });
    const [x, y, z] = checkScreens([showsNumberWhileFull, showsFullWhileFree, nearlyFull], lots, NOW);
    expect(x!.issues[0]).toMatchObject({ code: 'MISMATCH', displayed: 3, actual: 0 });
    expect(x!.issues[0]!.detail.en).toBe('直行: shows 3, actually full');
    expect(y!.issues[0]).toMatchObject({ code: 'MISMATCH', displayed: 0, actual: 30 });
    expect(z!.issues[0]).toMatchObject({ code: 'MISMATCH', displayed: 0, actual: 2 });
  });

  it('multi-lot directions compare the summed readbacks with the summed free berths', () => {
    // 左 = A (50) + C (0) = 50, capacity 240 → tolerance 24; readbacks 40 + 0 = 40 → OK; 40 + 40 → mismatch.
    const ok = screen({
      screenId: 'ok',
      targets: [
        { lotId: 'A', direction: '左', displayFree: 40 },
        { lotId: 'C', direction: '左', displayFree: 0 },
      ],
    });
    const bad = screen({
      screenId: 'bad',
      targets: [
        { lotId: 'A', direction: '左', displayFree: 40 },
        { lotId: 'C', direction: '左', displayFree: 40 },
      ],
    });
    const unknownReadback = screen({
      screenId: 'unk',
      targets: [
        { lotId: 'A', direction: '左', displayFree: 400 },
        { lotId: 'C', direction: '左', displayFree: null },
      ],
    });
    const [a, b, c] = checkScreens([ok, bad, unknownReadback], LOTS, NOW);
    expect(a!.issues).toEqual([]);
    expect(b!.issues[0]).toMatchObject({ code: 'MISMATCH', displayed: 80, actual: 50, tolerance: 24 });
    expect(c!.issues).toEqual([]);
  });

  it('compares after the 999 display cap', () => {
    const lots: LotStatus[] = [{ lotId: 'BIG', berthTotal: 3000, berthOccupied: 500, updateTimeMs: NOW }];
    const s = screen({ screenId: 'S', targets: [{ lotId: 'BIG', direction: '右', displayFree: 999 }] });
    expect(checkScreens([s], lots, NOW)[0]!.issues).toEqual([]);
    expect(checkScreens([s], lots, NOW)[0]!.expectedByDirection[0]!.text).toBe('999');
  });

  it('OFFLINE and STALE_HEARTBEAT (> 5 min), without mismatch noise', () => {
    const wrong = [{ lotId: 'A', direction: '左' as const, displayFree: 0 }];
    const off = screen({ screenId: 'off', online: false, targets: wrong });
    const stale = screen({ screenId: 'stale', lastHeartbeatMs: NOW - 5 * MINUTE_MS - 1, targets: wrong });
    const edge = screen({ screenId: 'edge', lastHeartbeatMs: NOW - 5 * MINUTE_MS, targets: wrong });
    const never = screen({ screenId: 'never', lastHeartbeatMs: null, targets: wrong });
    const [o, s, e, n] = checkScreens([off, stale, edge, never], LOTS, NOW);
    expect(o!.issues.map((i) => i.code)).toEqual(['OFFLINE']);
    expect(s!.issues.map((i) => i.code)).toEqual(['STALE_HEARTBEAT']);
    expect(s!.issues[0]!.ageMs).toBe(5 * MINUTE_MS + 1);
    expect(e!.issues.map((i) => i.code)).toEqual(['MISMATCH']); // exactly 5 min: still fresh
    expect(n!.issues.map((i) => i.code)).toEqual(['STALE_HEARTBEAT']);
  });

  it('UNKNOWN_LOT for a target without lot state', () => {
    const s = screen({ screenId: 'S', targets: [{ lotId: 'ZZ', direction: '右', displayFree: 10 }] });
    const [c] = checkScreens([s], LOTS, NOW);
    expect(c!.expectedByDirection).toEqual([{ direction: '右', free: null, text: '--', lotIds: ['ZZ'] }]);
    expect(c!.issues).toMatchObject([{ code: 'UNKNOWN_LOT', lotId: 'ZZ' }]);
  });
});
