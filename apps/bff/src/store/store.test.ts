import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { verifyChain } from './audit-chain';
import { SCHEMA_VERSION } from './schema';
import { DB_FILE_NAME, openStore, StoreOpenError } from './sqlite';

const freshDir = () => mkdtempSync(join(tmpdir(), 'cockpit-store-'));
const entry = (action: string) => ({
  actor: 'tester',
  ip: '127.0.0.1',
  requestId: 'r1',
  action,
  target: 't',
  summary: 's',
});

async function raw(dir: string, sql: string) {
  const client = createClient({ url: `file:${join(dir, DB_FILE_NAME)}` });
  try {
    return await client.execute(sql);
  } finally {
    client.close();
  }
}

describe('store', () => {
  it('creates DATA_DIR and the database on first start, in WAL mode, at the current schema version', async () => {
    const dir = join(freshDir(), 'nested', 'data');
    const store = await openStore(dir);
    await store.close();
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(true);
    expect((await raw(dir, 'PRAGMA journal_mode')).rows[0]![0]).toBe('wal');
    expect((await raw(dir, "SELECT value FROM meta WHERE key = 'schema_version'")).rows[0]![0]).toBe(
      String(SCHEMA_VERSION),
    );
    // A second start applies nothing and keeps the data.
    const again = await openStore(dir);
    await again.departments.insert({ id: 'd1', name: { zh: '部门', en: 'Dept' }, description: null });
    await again.close();
    const third = await openStore(dir);
    expect((await third.departments.get('d1'))?.name.zh).toBe('部门');
    await third.close();
  });

  it('refuses a database whose schema is newer than the code, naming the file', async () => {
    const dir = freshDir();
    await (await openStore(dir)).close();
    await raw(dir, `UPDATE meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    const err = await openStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as Error).message).toContain(join(dir, DB_FILE_NAME));
    expect((err as Error).message).toMatch(/newer than this BFF/);
  });

  it('refuses a corrupt file, naming it', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, DB_FILE_NAME), 'this is not a database, just text '.repeat(200));
    const err = await openStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as Error).message).toContain(join(dir, DB_FILE_NAME));
    expect((err as Error).message).toMatch(/corrupt/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file it cannot write, naming it', async () => {
    const dir = freshDir();
    await (await openStore(dir)).close();
    chmodSync(join(dir, DB_FILE_NAME), 0o444);
    const err = await openStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as Error).message).toMatch(/not writable/);
  });

  it('writes nothing of a transaction that fails', async () => {
    const store = await openStore(freshDir());
    await expect(
      store.transaction(async (tx) => {
        await tx.departments.insert({ id: 'half', name: { zh: '半', en: 'Half' }, description: null });
        await tx.audit.append(entry('department.create'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.departments.get('half')).toBeUndefined();
    expect(await store.audit.query({ limit: 10 })).toEqual([]);
    await store.close();
  });

  it('chains audit rows, refuses updates and deletes, and names the first row broken by tampering', async () => {
    const dir = freshDir();
    const store = await openStore(dir);
    for (const a of ['one', 'two', 'three', 'four']) await store.audit.append(entry(a));
    expect(await verifyChain(store.audit.all())).toEqual({ ok: true, rows: 4 });
    await expect(raw(dir, "UPDATE audit SET summary = 'x' WHERE id = 2")).rejects.toThrow(/append-only/);
    await expect(raw(dir, 'DELETE FROM audit WHERE id = 2')).rejects.toThrow(/append-only/);
    // Someone with the file and a SQLite shell removes the guard and edits row 3.
    await raw(dir, 'DROP TRIGGER audit_no_update');
    await raw(dir, "UPDATE audit SET summary = 'edited' WHERE id = 3");
    expect(await verifyChain(store.audit.all())).toMatchObject({ ok: false, firstBrokenId: 3 });
    await store.close();
  });

  it('pages the audit trail newest first with filters', async () => {
    const store = await openStore(freshDir());
    for (let i = 0; i < 5; i++) await store.audit.append(entry(i % 2 ? 'odd' : 'even'));
    const page = await store.audit.query({ limit: 2 });
    expect(page.map((r) => r.id)).toEqual([5, 4]);
    expect((await store.audit.query({ limit: 10, before: 4 })).map((r) => r.id)).toEqual([3, 2, 1]);
    expect((await store.audit.query({ limit: 10, action: 'odd' })).map((r) => r.id)).toEqual([4, 2]);
    await store.close();
  });

  it('backs up a consistent copy while open (VACUUM INTO) that opens as a store', async () => {
    const store = await openStore(freshDir());
    await store.departments.insert({ id: 'kept', name: { zh: '留', en: 'Kept' }, description: null });
    const target = join(freshDir(), 'copy.db');
    await store.backup(target);
    await store.close();
    const restoredDir = freshDir();
    const { copyFileSync } = await import('node:fs');
    copyFileSync(target, join(restoredDir, DB_FILE_NAME));
    const restored = await openStore(restoredDir);
    expect((await restored.departments.get('kept'))?.name.en).toBe('Kept');
    await restored.close();
  });
});
