import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Folder of the `@cockpit/mock-data` package, located through the package manager (a path, not an import:
 * production code never imports the simulator's modules). Right both from TypeScript source and from the
 * bundle. The embedded simulator is started from here as a child process; the bundled geography is read from
 * its `geo/data` folder.
 */
export const MOCK_DATA_DIR = dirname(
  createRequire(import.meta.url).resolve('@cockpit/mock-data/package.json'),
);

/** Absolute path of the bundled geographic data folder (reference data and derived, approximate geometry). */
export const BUNDLED_GEO_DIR = join(MOCK_DATA_DIR, 'geo/data');
