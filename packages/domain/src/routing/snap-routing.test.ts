import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from './graph';
import { expresswayRoadIds, snapForRouting } from './snap';
import type { RoadCollection } from './types';

// An expressway along lat 29.10 and a local road along lat 29.11 (about 1.1 km north).
const net: RoadCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'xw', class: 'expressway', speedKph: 100, oneway: false },
      geometry: {
        type: 'LineString',
        coordinates: [
          [121, 29.1],
          [121.05, 29.1],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { id: 'loc', class: 'local', speedKph: 30, oneway: false },
      geometry: {
        type: 'LineString',
        coordinates: [
          [121, 29.11],
          [121.05, 29.11],
        ],
      },
    },
  ],
} as RoadCollection;
const graph = buildRoadGraph(net);
const road = (s: { edge: number } | null) => (s ? graph.roads[graph.edgeRoad[s.edge]!]!.id : null);
const opts = { offRoadClosed: expresswayRoadIds(graph) };
const north = (m: number) => m / 111_195;

describe('snapForRouting', () => {
  it('a point on the expressway or within 30 m of it snaps to the expressway', () => {
    expect(road(snapForRouting(graph, 121.02, 29.1, opts))).toBe('xw');
    expect(road(snapForRouting(graph, 121.02, 29.1 + north(25), opts))).toBe('xw');
  });

  it('a point farther than 30 m is off-road and never snaps onto the expressway', () => {
    expect(road(snapForRouting(graph, 121.02, 29.1 + north(40), opts))).toBe('loc');
    expect(road(snapForRouting(graph, 121.02, 29.1 - north(200), opts))).toBe('loc');
  });

  it('respects the off-road distance limit', () => {
    expect(snapForRouting(graph, 121.02, 29.1 - north(3000), { ...opts, maxDistanceM: 1000 })).toBeNull();
  });
});
