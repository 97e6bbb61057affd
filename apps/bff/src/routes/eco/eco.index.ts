import { createRouter } from '../../lib/create-router';
import type { Services } from '../../services';

/** The eco cockpit's own endpoints (beyond its snapshot). */
export function ecoRouter(_services: Services) {
  return createRouter();
}
