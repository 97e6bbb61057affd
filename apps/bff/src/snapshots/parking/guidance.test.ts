import { buildProfile } from '@cockpit/domain/parking';
import { describe, expect, it } from 'vitest';
import { loadRoadNetwork } from '../../geo/roads';
import type { ParkingLotState } from '../../upstreams/parking-platform/adapter';
import { DEFAULT_ENTRY, guidance } from './guidance';
import { PARKING_CALENDAR } from './parking.model';

const NOW = Date.parse('2026-10-03T04:00:00Z');
const TEMPLE: [number, number] = [121.0415, 29.1747];

const lot = (lotId: string, lon: number, lat: number, total: number, free: number): ParkingLotState => ({
  lotId,
  name: lotId,
  kind: 'off-street',
  category: 'scenic',
  lon,
  lat,
  villageCode: '331023001047',
  townshipCode: '331023001',
  berthTotal: total,
  berthFree: free,
  berthOccupied: total - free,
  pricePerHour: 5,
  updatedAt: new Date(NOW).toISOString(),
});

// No history: predictions fall back to persistence, so "free on arrival" = free now.
const predict = {
  profiles: new Map([['X', buildProfile([], PARKING_CALENDAR)]]),
  histories: new Map(),
  nowMs: NOW,
};
const LOTS = [
  lot('FULL', 121.042, 29.1735, 300, 0), // at the gate, full
  lot('NEAR', 121.0435, 29.1725, 100, 60),
  lot('MID', 121.038, 29.171, 150, 80),
  lot('FAR', 121.046, 29.168, 200, 150),
  lot('AWAY', 120.95, 29.1, 500, 500), // 12 km away: never a candidate within walking distance
];

describe('guidance', () => {
  it('skips full lots and far lots, gives three with reasons and road paths from the default entry', () => {
    const g = guidance({ lots: LOTS, predict, graph: loadRoadNetwork().graph, to: TEMPLE });
    const ids = g.recommendations.map((r) => r.lotId);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain('FULL');
    expect(ids).not.toContain('AWAY');
    expect(g.estimated).toBe(false);
    expect(g.fromDefault).toBe(true);
    for (const r of g.recommendations) {
      expect(r.path[0]).toEqual(DEFAULT_ENTRY);
      expect(r.path.at(-1)).toEqual([r.lon, r.lat]);
      expect(r.path.length).toBeGreaterThan(3);
      expect(r.reasons[0]!.code).toBe('FREE_ON_ARRIVAL');
    }
  });

  it('marks the drive times as estimates without a road network', () => {
    const g = guidance({ lots: LOTS, predict, graph: null, to: TEMPLE, from: [121.03, 29.145] });
    expect(g.estimated).toBe(true);
    expect(g.fromDefault).toBe(false);
    expect(g.recommendations[0]!.path).toEqual([
      [121.03, 29.145],
      [g.recommendations[0]!.lon, g.recommendations[0]!.lat],
    ]);
    expect(g.recommendations[0]!.reasons.some((r) => r.text.zh.includes('估算'))).toBe(true);
  });
});
