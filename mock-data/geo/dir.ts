import { fileURLToPath } from 'node:url';

/** Absolute path of the bundled geographic data folder (overridable in the BFF through GEO_DIR). */
export const BUNDLED_GEO_DIR = fileURLToPath(new URL('./data/', import.meta.url));
