import { BUNDLED_GEO_DIR } from './bundled-dir';
import { buildHierarchy, type Hierarchy } from './hierarchy';
import { loadGeography } from './load';

/** Loads, validates and indexes the county geography (bundled, or replaced file by file through GEO_DIR). */
export function openGeography(overrideDir?: string): Hierarchy & { files: Record<string, string> } {
  const input = loadGeography({ bundledDir: BUNDLED_GEO_DIR, overrideDir });
  return Object.assign(buildHierarchy(input), { files: input.files });
}
