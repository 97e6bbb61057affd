import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LayoutDocument } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { CRASH_LAYOUT_IDS, crashDocument } from '../test/crash-documents';
import { verifyChain } from './audit-chain';
import { openStore } from './sqlite';

const bffDir = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the publishing child; resolves with a reader of the versions it has acknowledged so far. */
function startPublisher(dataDir: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/test/publish-loop.ts'], {
    cwd: bffDir,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked = new Map<string, number>();
  let count = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const m = /^ack (\S+) (\d+)$/.exec(line);
      if (!m) continue;
      acked.set(m[1]!, Math.max(acked.get(m[1]!) ?? 0, Number(m[2])));
      count++;
    }
    for (const w of waiters.splice(0))
      if (count >= w.n) w.resolve();
      else waiters.push(w);
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_c, signal) => resolve(signal)),
  );
  /** Resolves once the child has acknowledged n publishes in this run (fails if it exits first). */
  const acks = (n: number) =>
    Promise.race([
      new Promise<void>((resolve) => (count >= n ? resolve() : waiters.push({ n, resolve }))),
      exited.then((signal) => {
        throw new Error(`the publisher exited (${signal}) before ${n} publishes`);
      }),
    ]);
  return { child, acked, acks, exited };
}

describe('crash safety of publishing', () => {
  it('kill -9 at random points during publishing leaves every layout at a complete version, numbered without gaps', {
    timeout: 240_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-publish-kill9-'));
    const acknowledged = new Map<string, number>();
    const ROUNDS = 5;
    for (let round = 0; round < ROUNDS; round++) {
      const run = startPublisher(dataDir);
      // A random point: after between 1 and 40 acknowledged publishes the child is inside the next one.
      await run.acks(1 + Math.floor(Math.random() * 40));
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
      for (const [id, v] of run.acked) acknowledged.set(id, Math.max(acknowledged.get(id) ?? 0, v));
    }

    const store = await openStore(dataDir);
    try {
      for (const layoutId of CRASH_LAYOUT_IDS) {
        const current = await store.layouts.get(layoutId);
        expect(current, layoutId).toBeDefined();
        const versions = await store.layouts.listVersions(layoutId);
        // Contiguous from 1 to the current version; the current one is the last.
        expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
        expect(current!.version).toBe(versions.at(-1)!.version);
        // Every acknowledged publish survived; at most the one in flight at the kill went further.
        const acked = acknowledged.get(layoutId) ?? 0;
        expect(current!.version).toBeGreaterThanOrEqual(acked);
        expect(current!.version).toBeLessThanOrEqual(acked + 1);
        // Each version is whole: a valid document, the one made for exactly that version number.
        for (const v of versions) {
          expect(LayoutDocument.safeParse(v.document).success).toBe(true);
          expect(v.document).toEqual(JSON.parse(JSON.stringify(crashDocument(layoutId, v.version))));
        }
        expect(current!.document).toEqual(versions.at(-1)!.document);
      }
      // One audit row per stored version, in an unbroken chain.
      const chain = await verifyChain(store.audit.all());
      expect(chain).toMatchObject({ ok: true });
      const publishes = await store.audit.query({ action: 'layout.publish', limit: 10_000 });
      const stored = (await Promise.all(CRASH_LAYOUT_IDS.map((id) => store.layouts.listVersions(id)))).reduce(
        (n, v) => n + v.length,
        0,
      );
      expect(publishes.length).toBe(stored);
    } finally {
      await store.close();
    }
    console.log(
      `publish kill -9: ${ROUNDS} kills; acknowledged ${JSON.stringify(Object.fromEntries(acknowledged))}`,
    );
  });
});
