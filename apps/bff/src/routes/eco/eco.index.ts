import { COUNTY_CODE } from '@cockpit/contracts';
import { guard } from '../../auth/access';
import { createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import type { Services } from '../../services';
import { readOf } from '../../snapshots/builder';
import { ecoDatasets } from '../../snapshots/eco/eco.data';
import { stationDetail } from '../../snapshots/eco/eco.detail';
import { getStation } from './eco.routes';

/** The eco cockpit's own endpoints (beyond its snapshot). */
export function ecoRouter(services: Services) {
  /** The station's village; without the station list, only a county-wide scope may see it. */
  const stationRegion = async (code: string) => {
    const ds = ecoDatasets(services.snapshots.context);
    const sites = readOf(await services.snapshots.read([ds.sites]), ds.sites).value;
    if (!sites) return [COUNTY_CODE];
    const site = [...sites.air, ...sites.water, ...sites.noise].find((s) => s.code === code);
    return site?.villageCode ? [site.villageCode] : site ? [COUNTY_CODE] : undefined;
  };
  const access = guard({
    permission: 'cockpit:view',
    region: { from: 'lookup', regions: (c) => stationRegion(c.req.param('code') ?? '') },
  });
  return createRouter().openapi({ ...getStation, middleware: [access] }, async (c) => {
    const { code } = c.req.valid('param');
    const { window } = c.req.valid('query');
    const ds = ecoDatasets(services.snapshots.context);
    const reads = await services.snapshots.read([ds.sites, ds.airHistory, ds.water, ds.noise]);
    // Without the station list (upstream down since start-up) the series still come, marked by their status.
    const sites = readOf(reads, ds.sites).value;
    const detail = stationDetail({
      code,
      window,
      sites,
      air: readOf(reads, ds.airHistory),
      water: readOf(reads, ds.water),
      noise: readOf(reads, ds.noise),
    });
    if (!detail) throw new HttpError(404, 'STATION_NOT_FOUND', `No monitoring station has the code ${code}`);
    return c.json(detail, 200);
  });
}
