import { createRouter } from '../../lib/create-router';
import type { Services } from '../../services';

/** The parking cockpit's own endpoints (beyond its snapshot). */
export function parkingRouter(_services: Services) {
  return createRouter();
}
