/**
 * pnpm --filter @cockpit/bff audit:verify
 * Walks the audit trail's hash chain; exit 0 when every row holds, else names the first broken row (exit 2).
 */
import { loadConfig } from '../config';
import { verifyChain } from '../store/audit-chain';
import { openStore, StoreOpenError } from '../store/sqlite';

const config = loadConfig();
try {
  const store = await openStore(config.dataDir);
  const result = await verifyChain(store.audit.all());
  await store.close();
  if (result.ok) {
    process.stdout.write(`Audit chain intact: ${result.rows} row(s) in ${store.file}\n`);
  } else {
    process.stdout.write(`Audit chain BROKEN at row id ${result.firstBrokenId}: ${result.reason}\n`);
    process.exit(2);
  }
} catch (err) {
  process.stderr.write(
    `Audit verification failed: ${err instanceof StoreOpenError ? err.message : String(err)}\n`,
  );
  process.exit(1);
}
