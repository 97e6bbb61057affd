import { buildProfile } from '@cockpit/domain/parking';
import { snapToGraph } from '@cockpit/domain/routing';
import { loadGeo } from '@cockpit/mock-data/upstreams/geo';
import { buildLots } from '@cockpit/mock-data/upstreams/parking/model';
import { describe, expect, it } from 'vitest';
import { loadRoadNetwork } from '../../geo/roads';
import type { ParkingLotState } from '../../upstreams/parking-platform/adapter';
import { DEFAULT_ENTRY, guidance, routeToLot, snapLot } from './guidance';
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

describe('guidance snapping: a lot joins its access road, never the expressway', () => {
  const graph = loadRoadNetwork().graph;
  const classAt = (snap: { edge: number } | null) =>
    snap ? graph.roads[graph.edgeRoad[snap.edge]!]!.class : null;
  const simLots = buildLots(loadGeo());
  const VISITOR_CENTRE: [number, number] = [121.05, 29.18];

  it('the 天台山游客中心 lots are nearest the expressway, yet snap to their access road', () => {
    const vc = simLots.filter((l) => l.parkName.startsWith('天台山游客中心'));
    expect(vc).toHaveLength(2);
    for (const l of vc) {
      // Nearest road of all: the expressway (what the old snapping used).
      expect(classAt(snapToGraph(graph, l.lon, l.lat))).toBe('expressway');
      expect(classAt(snapLot(graph, [l.lon, l.lat]))).not.toBe('expressway');
    }
  });

  it('no guidance route ends on an expressway, for every lot of the simulator', () => {
    for (const l of simLots) {
      const r = routeToLot(graph, DEFAULT_ENTRY, [l.lon, l.lat]);
      if (!r) continue;
      const end = r.path[r.path.length - 1]!;
      // The route's last road point lies on a road that is not the expressway.
      expect(classAt(snapToGraph(graph, end[0], end[1], { maxDistanceM: 1 })), l.parkName).not.toBe(
        'expressway',
      );
      expect(
        classAt(r.edges.length > 0 ? { edge: r.edges[r.edges.length - 1]! } : null),
        l.parkName,
      ).not.toBe('expressway');
    }
    const lots = simLots.map((l) => lot(l.parkId, l.lon, l.lat, l.berthTotal, Math.round(l.berthTotal / 2)));
    const g = guidance({ lots, predict, graph, to: VISITOR_CENTRE });
    expect(g.recommendations.length).toBeGreaterThan(0);
    for (const rec of g.recommendations) {
      const end = rec.path.at(-2)!;
      expect(classAt(snapToGraph(graph, end[0], end[1], { maxDistanceM: 1 }))).not.toBe('expressway');
    }
  });
});
