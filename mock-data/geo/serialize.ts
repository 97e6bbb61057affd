/**
 * Stable serialisation of the derived FeatureCollections: compact JSON with one feature per line (for
 * readable diffs) and a trailing newline. Key order is fixed by how derive.ts builds the objects.
 */
export function serializeFeatureCollection(fc: {
  type: 'FeatureCollection';
  features: readonly object[];
}): string {
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** Output file names; a deployment's GEO_DIR holds the same names. */
export const OUTPUT_FILES = {
  county: 'county.geojson',
  townships: 'townships.geojson',
  villages: 'villages.geojson',
  villagePositions: 'village-positions.geojson',
  context: 'context.geojson',
} as const;
