import { guard } from '../../auth/access';
import { createRouter } from '../../lib/create-router';
import { lonLatParam } from '../../lib/lonlat-param';
import type { Services } from '../../services';
import { parkingService } from '../../snapshots/parking/parking.service';
import { getGuidance, getLotDetail } from './parking.routes';

/** The parking cockpit's own endpoints (beyond its snapshot): thin handlers over the parking service. */
export function parkingRouter(services: Services) {
  const parking = parkingService(services.snapshots);
  const lotAccess = guard({
    permission: 'cockpit:view',
    region: { from: 'lookup', regions: (c) => parking.lotRegion(c.req.param('lotId') ?? '') },
  });

  return createRouter()
    .openapi(getGuidance, async (c) => {
      const q = c.req.valid('query');
      const to = lonLatParam(q.to, 'to');
      const from = q.from === undefined ? undefined : lonLatParam(q.from, 'from');
      return c.json(await parking.guidance(to, from), 200);
    })
    .openapi({ ...getLotDetail, middleware: [lotAccess] }, async (c) => {
      return c.json(await parking.lotDetail(c.req.valid('param').lotId), 200);
    });
}
