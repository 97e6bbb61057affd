import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { visibleContext } from './contextGroups';

const point = (kind: string) => ({
  type: 'Feature' as const,
  properties: { kind, id: kind, name: kind },
  geometry: { type: 'Point' as const, coordinates: [121, 29] },
});
const data: FeatureCollection = {
  type: 'FeatureCollection',
  features: ['river', 'stream', 'reservoir', 'expressway', 'arterial', 'seat', 'landmark'].map(point),
};
const kinds = (fc: FeatureCollection) => fc.features.map((f) => f.properties?.kind);

describe('visibleContext', () => {
  it('drops every kind of the hidden groups and keeps the rest', () => {
    expect(kinds(visibleContext(data, ['water']))).toEqual(['expressway', 'arterial', 'seat', 'landmark']);
    expect(kinds(visibleContext(data, ['roads', 'places']))).toEqual(['river', 'stream', 'reservoir']);
    expect(visibleContext(data, [])).toBe(data);
  });
});
