/**
 * pnpm --filter @cockpit/bff backup [target-dir]
 * A consistent copy of DATA_DIR/cockpit.db (VACUUM INTO), safe while the BFF runs. Restore: stop the BFF,
 * replace DATA_DIR/cockpit.db with the copy (and delete cockpit.db-wal / cockpit.db-shm), start it.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { openStore, StoreOpenError } from '../store/sqlite';

const config = loadConfig();
const targetDir = resolve(process.argv[2] ?? join(config.dataDir, 'backups'));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = join(targetDir, `cockpit-${stamp}.db`);
try {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(targetDir, { recursive: true });
  const store = await openStore(config.dataDir);
  await store.backup(target);
  await store.close();
  process.stdout.write(`Backup written: ${target}\n`);
} catch (err) {
  process.stderr.write(`Backup failed: ${err instanceof StoreOpenError ? err.message : String(err)}\n`);
  process.exit(1);
}
