/**
 * A child process for the crash-safety test (store/publish-kill9.test.ts): publishes layout versions as fast
 * as it can through the real LayoutService and store in DATA_DIR, printing `ack <layoutId> <version>` after
 * each publish returned, until it is killed. Every document carries its own version in a text panel
 * (`v<version>`), so a document stored under another version's number would show.
 */
import { AuthService } from '../auth/service';
import { openGeography } from '../geo/open';
import { LayoutService } from '../layouts/service';
import { createLogger } from '../lib/logger';
import { openStore } from '../store/sqlite';
import { CRASH_LAYOUT_IDS, crashDocument } from './crash-documents';

async function main() {
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error('DATA_DIR is required');
  const store = await openStore(dataDir);
  const logger = createLogger('silent');
  const auth = new AuthService(store, openGeography(), logger);
  const layouts = new LayoutService({ auth, logger, seeds: [] });
  const editor = {
    actor: { name: 'crash-child', ip: null, requestId: null },
    departmentId: null,
    seesAll: true,
  };
  const write = (line: string) =>
    new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()));
  await write('ready');
  for (let round = 0; ; round++) {
    for (const layoutId of CRASH_LAYOUT_IDS) {
      const current = await layouts.find(layoutId);
      const base = current?.version ?? 0;
      const next = await layouts.publish(
        layoutId,
        { baseVersion: base, message: `round ${round}`, document: crashDocument(layoutId, base + 1) },
        editor,
      );
      await write(`ack ${layoutId} ${next.version}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
