/**
 * Build the (APPROXIMATE) road network, signalised intersections and facilities into geo/data/.
 *
 *   pnpm --filter @cockpit/mock-data geo:roads                       # synthetic network → geo/data
 *   pnpm --filter @cockpit/mock-data geo:roads --check               # only verify the files are up to date
 *   pnpm --filter @cockpit/mock-data geo:roads --from export.geojson # normalise an OSM GeoJSON export instead
 *
 * Options: `--out DIR` (write elsewhere), `--connect-villages` / `--no-connect-villages`
 * (default: on for the synthetic network, off for an import), `--keep-all` (OSM: keep roads outside
 * the largest strongly connected component).
 */
import { runRoadsCli } from './cli';

// pnpm runs scripts in the package folder; INIT_CWD is where the user typed the command
process.exitCode = runRoadsCli(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
