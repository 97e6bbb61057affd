import type { StyleSpecification } from 'maplibre-gl';

/** Colours of the map stage, kept in step with the CSS theme variables. */
export const MAP_COLORS = {
  background: '#06101f',
  countyFill: '#0c2340',
  countyLine: '#3fa9f5',
  childLine: '#5b8fc7',
  childFill: '#11345a',
  childFillHover: '#1d5a94',
  regionLine: '#7fd3ff',
} as const;

/**
 * The offline base style: a plain background and no remote sources, sprites or glyphs, so the map
 * renders on an air-gapped network. Geography is added as GeoJSON from the BFF. An online basemap can be
 * layered under it by configuration (opt-in), never by default.
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'cockpit-offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }],
  };
}

/** Tiantai County's extent, [west, south, east, north], for the first frame before the boundary loads. */
export const COUNTY_BOUNDS: [number, number, number, number] = [120.69, 28.952, 121.265, 29.345];

/** Context layers: quiet, so that data stays the hero (water blue, roads warm and cool greys). */
export const CONTEXT_COLORS = {
  water: '#3b7fc4',
  expressway: '#b3a17a',
  arterial: '#7c8aa3',
  seat: '#a9bbd6',
  landmark: '#ebd7a0',
} as const;
