import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Absolute path of the bundled geographic data folder. Resolved through the package so it is right
 * both from TypeScript source and from a bundle (where import.meta.url is the bundle's own path).
 */
export const BUNDLED_GEO_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@cockpit/mock-data/package.json')),
  'geo/data',
);
