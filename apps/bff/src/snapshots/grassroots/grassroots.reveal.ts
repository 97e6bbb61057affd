import type { GrassrootsSnapshot } from '@cockpit/contracts';
import type { PersonalVault } from '../../auth/vault';
import { type Prepared, prepare } from '../../lib/prepared';
import { gridWorkerRef } from '../../upstreams/grassroots/adapter';

/**
 * The grassroots snapshot as a holder of `personal:view` sees it: grid workers' names unmasked (from the
 * personal vault the adapter filled). Everyone else, and the live stream, get the shared masked snapshot.
 * Residents' names and phones are never unmasked here. Made once per shared snapshot.
 */
const revealed = new WeakMap<Prepared, Prepared>();

export function revealGridWorkers(shared: Prepared, vault: PersonalVault): Prepared {
  const hit = revealed.get(shared);
  if (hit) return hit;
  const snapshot = JSON.parse(shared.body) as GrassrootsSnapshot;
  const out = prepare(
    JSON.stringify({
      ...snapshot,
      gridWorkers: snapshot.gridWorkers.map((w) => {
        const kept = vault.get(gridWorkerRef(w.gridId));
        return kept?.kind === 'name' ? { ...w, workerName: kept.value } : w;
      }),
    }),
  );
  revealed.set(shared, out);
  return out;
}
