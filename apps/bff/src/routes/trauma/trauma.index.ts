import { createRouter } from '../../lib/create-router';
import type { Services } from '../../services';

/** The trauma cockpit's own endpoints (beyond its snapshot). */
export function traumaRouter(_services: Services) {
  return createRouter();
}
