import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { LibsqlDialect } from '@libsql/kysely-libsql';
import { Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { alarmsStore } from './alarms';
import { auditHash, GENESIS_HASH } from './audit-chain';
import { historyStore } from './history';
import { indicatorsStore } from './indicators';
import { layoutDraftsStore, layoutViewsStore } from './layout-drafts';
import { layoutsStore } from './layouts';
import { policiesStore } from './policies';
import { type DB, MIGRATIONS, SCHEMA_VERSION } from './schema';
import type {
  AuditRecord,
  AuditStore,
  DepartmentsStore,
  DevicesStore,
  RolesStore,
  SessionsStore,
  Store,
  Stores,
  UsersStore,
} from './types';

/** The BFF cannot use the database file; the message names the file and what to do. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export const DB_FILE_NAME = 'cockpit.db';

type Q = Kysely<DB> | Transaction<DB>;

const json = (v: unknown) => JSON.stringify(v);
const bool = (n: number) => n !== 0;

function departments(db: Q): DepartmentsStore {
  const map = (r: DB['departments']) => ({
    id: r.id,
    name: { zh: r.name_zh, en: r.name_en },
    description: r.description,
  });
  return {
    list: async () =>
      (await db.selectFrom('departments').selectAll().orderBy('created_at').orderBy('id').execute()).map(map),
    get: async (id) => {
      const r = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
      return r && map(r);
    },
    insert: async (d) => {
      await db
        .insertInto('departments')
        .values({
          id: d.id,
          name_zh: d.name.zh,
          name_en: d.name.en,
          description: d.description,
          created_at: new Date().toISOString(),
        })
        .execute();
    },
    update: async (id, p) => {
      await db
        .updateTable('departments')
        .set({
          ...(p.name ? { name_zh: p.name.zh, name_en: p.name.en } : {}),
          ...(p.description !== undefined ? { description: p.description } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    setUpstreamOwner: async (systemId, departmentId) => {
      await db
        .insertInto('upstream_owners')
        .values({ system_id: systemId, department_id: departmentId })
        .onConflict((oc) => oc.column('system_id').doUpdateSet({ department_id: departmentId }))
        .execute();
    },
    upstreamOwners: async () =>
      (await db.selectFrom('upstream_owners').selectAll().orderBy('system_id').execute()).map((r) => ({
        systemId: r.system_id,
        departmentId: r.department_id,
      })),
  };
}

function roles(db: Q): RolesStore {
  const map = (r: DB['roles']) => ({
    id: r.id,
    name: { zh: r.name_zh, en: r.name_en },
    permissions: JSON.parse(r.permissions) as string[],
    builtin: bool(r.builtin),
  });
  return {
    list: async () =>
      (await db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('id').execute()).map(map),
    get: async (id) => {
      const r = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
      return r && map(r);
    },
    insert: async (r) => {
      await db
        .insertInto('roles')
        .values({
          id: r.id,
          name_zh: r.name.zh,
          name_en: r.name.en,
          permissions: json(r.permissions),
          builtin: r.builtin ? 1 : 0,
        })
        .execute();
    },
    update: async (id, p) => {
      await db
        .updateTable('roles')
        .set({
          ...(p.name ? { name_zh: p.name.zh, name_en: p.name.en } : {}),
          ...(p.permissions ? { permissions: json(p.permissions) } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

function users(db: Q): UsersStore {
  const map = (r: DB['users']) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    departmentId: r.department_id,
    roles: JSON.parse(r.roles) as string[],
    scope: r.scope,
    enabled: bool(r.enabled),
    mustChangePassword: bool(r.must_change_password),
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
  });
  return {
    list: async () => (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(map),
    get: async (id) => {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r && map(r);
    },
    byUsername: async (username) => {
      const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return r && map(r);
    },
    insert: async (u) => {
      await db
        .insertInto('users')
        .values({
          id: u.id,
          username: u.username,
          display_name: u.displayName,
          password_hash: u.passwordHash,
          department_id: u.departmentId,
          roles: json(u.roles),
          scope: u.scope,
          enabled: u.enabled ? 1 : 0,
          must_change_password: u.mustChangePassword ? 1 : 0,
          last_login_at: u.lastLoginAt,
          created_at: u.createdAt,
        })
        .execute();
    },
    update: async (id, p) => {
      const set: Partial<DB['users']> = {};
      if (p.displayName !== undefined) set.display_name = p.displayName;
      if (p.passwordHash !== undefined) set.password_hash = p.passwordHash;
      if (p.departmentId !== undefined) set.department_id = p.departmentId;
      if (p.roles !== undefined) set.roles = json(p.roles);
      if (p.scope !== undefined) set.scope = p.scope;
      if (p.enabled !== undefined) set.enabled = p.enabled ? 1 : 0;
      if (p.mustChangePassword !== undefined) set.must_change_password = p.mustChangePassword ? 1 : 0;
      if (p.lastLoginAt !== undefined) set.last_login_at = p.lastLoginAt;
      if (Object.keys(set).length > 0) await db.updateTable('users').set(set).where('id', '=', id).execute();
    },
    delete: async (id) => {
      await db.deleteFrom('sessions').where('user_id', '=', id).execute();
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}

function sessions(db: Q): SessionsStore {
  return {
    get: async (id) => {
      const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        r && {
          id: r.id,
          userId: r.user_id,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
          revokedAt: r.revoked_at,
          ip: r.ip,
        }
      );
    },
    insert: async (s) => {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          revoked_at: s.revokedAt,
          ip: s.ip,
        })
        .execute();
    },
    revoke: async (id, at) => {
      await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    revokeAllOf: async (userId, at, keep) => {
      let live = db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (keep) live = live.where('id', '!=', keep);
      const ids = (await live.execute()).map((r) => r.id);
      if (ids.length > 0)
        await db.updateTable('sessions').set({ revoked_at: at }).where('id', 'in', ids).execute();
      return ids;
    },
  };
}

function devices(db: Q): DevicesStore {
  const map = (r: DB['devices']) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    state: r.state as 'active' | 'revoked',
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  });
  const mapP = (r: DB['pairings']) => ({
    id: r.id,
    code: r.code,
    secretHash: r.secret_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    deviceId: r.device_id,
    delivered: bool(r.delivered),
  });
  return {
    list: async () => (await db.selectFrom('devices').selectAll().orderBy('created_at').execute()).map(map),
    get: async (id) => {
      const r = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
      return r && map(r);
    },
    byCredentialHash: async (hash) => {
      const r = await db
        .selectFrom('devices')
        .selectAll()
        .where('credential_hash', '=', hash)
        .executeTakeFirst();
      return r && map(r);
    },
    insert: async (d) => {
      await db
        .insertInto('devices')
        .values({
          id: d.id,
          name: d.name,
          scope: d.scope,
          state: d.state,
          credential_hash: null,
          created_at: d.createdAt,
          last_seen_at: d.lastSeenAt,
        })
        .execute();
    },
    update: async (id, p) => {
      const set: Partial<DB['devices']> = {};
      if (p.name !== undefined) set.name = p.name;
      if (p.scope !== undefined) set.scope = p.scope;
      if (p.state !== undefined) set.state = p.state;
      if (p.lastSeenAt !== undefined) set.last_seen_at = p.lastSeenAt;
      if (p.credentialHash !== undefined) set.credential_hash = p.credentialHash;
      if (Object.keys(set).length > 0)
        await db.updateTable('devices').set(set).where('id', '=', id).execute();
    },
    insertPairing: async (p) => {
      await db
        .insertInto('pairings')
        .values({
          id: p.id,
          code: p.code,
          secret_hash: p.secretHash,
          created_at: p.createdAt,
          expires_at: p.expiresAt,
          device_id: p.deviceId,
          delivered: p.delivered ? 1 : 0,
        })
        .execute();
    },
    pairing: async (id) => {
      const r = await db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
      return r && mapP(r);
    },
    pendingPairingByCode: async (code, now) => {
      const r = await db
        .selectFrom('pairings')
        .selectAll()
        .where('code', '=', code)
        .where('device_id', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return r && mapP(r);
    },
    pendingPairings: async (now) =>
      (
        await db
          .selectFrom('pairings')
          .selectAll()
          .where('device_id', 'is', null)
          .where('expires_at', '>', now)
          .orderBy('created_at')
          .execute()
      ).map(mapP),
    updatePairing: async (id, p) => {
      const set: Partial<DB['pairings']> = {};
      if (p.deviceId !== undefined) set.device_id = p.deviceId;
      if (p.delivered !== undefined) set.delivered = p.delivered ? 1 : 0;
      if (Object.keys(set).length > 0)
        await db.updateTable('pairings').set(set).where('id', '=', id).execute();
    },
  };
}

function auditRow(r: Selectable<DB['audit']>): AuditRecord {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    ip: r.ip,
    requestId: r.request_id,
    action: r.action,
    target: r.target,
    summary: r.summary,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function audit(db: Q): AuditStore {
  return {
    append: async (e, at = new Date().toISOString()) => {
      const last = await db
        .selectFrom('audit')
        .select('hash')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const prevHash = last?.hash ?? GENESIS_HASH;
      const hash = auditHash(prevHash, at, e);
      const row = await db
        .insertInto('audit')
        .values({
          at,
          actor: e.actor,
          ip: e.ip,
          request_id: e.requestId,
          action: e.action,
          target: e.target,
          summary: e.summary,
          prev_hash: prevHash,
          hash,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return auditRow(row);
    },
    query: async (f) => {
      let q = db.selectFrom('audit').selectAll();
      if (f.actor) q = q.where('actor', '=', f.actor);
      if (f.action) q = q.where('action', '=', f.action);
      if (f.target) q = q.where('target', '=', f.target);
      if (f.from) q = q.where('at', '>=', f.from);
      if (f.to) q = q.where('at', '<=', f.to);
      if (f.before) q = q.where('id', '<', f.before);
      return (await q.orderBy('id', 'desc').limit(f.limit).execute()).map(auditRow);
    },
    all: async function* () {
      let after = 0;
      for (;;) {
        const page = await db
          .selectFrom('audit')
          .selectAll()
          .where('id', '>', after)
          .orderBy('id')
          .limit(500)
          .execute();
        if (page.length === 0) return;
        for (const r of page) yield auditRow(r);
        after = Number(page.at(-1)!.id);
      }
    },
  };
}

function storesOver(db: Q): Stores {
  return {
    departments: departments(db),
    roles: roles(db),
    users: users(db),
    sessions: sessions(db),
    devices: devices(db),
    audit: audit(db),
    layouts: layoutsStore(db),
    indicators: indicatorsStore(db),
    policies: policiesStore(db),
    layoutDrafts: layoutDraftsStore(db),
    layoutViews: layoutViewsStore(db),
  };
}

/** Writes go one at a time (libSQL hands each transaction its own connection; SQLite has one writer). */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

const READS = /^(list|get|by|query|all|pairing|pending|upstreamOwners)/;

/** Top-level aggregate methods: reads go straight to the database, writes through one serial transaction each. */
function routed(direct: Stores, transaction: Store['transaction']): Stores {
  const out: Record<string, unknown> = {};
  for (const [name, agg] of Object.entries(direct) as unknown as [
    keyof Stores,
    Record<string, (...a: unknown[]) => unknown>,
  ][]) {
    const wrapped: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(agg)) {
      wrapped[method] = READS.test(method)
        ? fn
        : (...args: unknown[]) =>
            transaction((tx) =>
              (tx[name] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!(
                ...args,
              ),
            );
    }
    out[name] = wrapped;
  }
  return out as Stores;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Opens (creating on first start) DATA_DIR/cockpit.db in WAL mode and applies pending migrations.
 * Throws StoreOpenError, naming the file, when the directory or file is not writable, the file is not a
 * database, or its schema is newer than this code.
 */
export async function openStore(dataDir: string): Promise<Store> {
  const dir = resolve(dataDir);
  const file = join(dir, DB_FILE_NAME);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (err) {
    throw new StoreOpenError(
      `the database ${file} is not writable (${describe(err)}). Give the BFF's user write access to DATA_DIR (${dir}) or point DATA_DIR elsewhere.`,
    );
  }
  const client = createClient({ url: `file:${file}` });
  const db = new Kysely<DB>({ dialect: new LibsqlDialect({ client: client as never }) });
  const fail = async (message: string): Promise<never> => {
    await db.destroy().catch(() => undefined);
    throw new StoreOpenError(message);
  };
  let version = 0;
  try {
    await sql`PRAGMA journal_mode = WAL`.execute(db);
    await sql`PRAGMA foreign_keys = ON`.execute(db);
    const check = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(db);
    const verdict = check.rows.map((r) => Object.values(r)[0]).join('; ');
    if (verdict !== 'ok') throw new Error(verdict);
    await sql`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
    const row = await db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'schema_version')
      .executeTakeFirst();
    version = row ? Number(row.value) : 0;
  } catch (err) {
    const text = describe(err);
    if (/readonly|read-only|permission/i.test(text))
      return fail(
        `the database ${file} is not writable (${text}). Give the BFF's user write access or point DATA_DIR elsewhere.`,
      );
    return fail(
      `the database ${file} is corrupt or not a database (${text}). Restore it from a backup (see README, "Backup and restore"), or move it away to start with an empty one.`,
    );
  }
  if (!Number.isInteger(version) || version > SCHEMA_VERSION)
    return fail(
      `the database ${file} has schema version ${version}, newer than this BFF knows (${SCHEMA_VERSION}). Run the newer BFF that wrote it, or restore a backup taken for this version.`,
    );
  const serialise = serial();
  try {
    for (const m of MIGRATIONS.filter((m) => m.version > version)) {
      await db.transaction().execute(async (trx) => {
        await m.up(trx as unknown as Kysely<DB>);
        await trx
          .insertInto('meta')
          .values({ key: 'schema_version', value: String(m.version) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(m.version) }))
          .execute();
      });
    }
  } catch (err) {
    return fail(
      `migrating the database ${file} failed (${describe(err)}); nothing of the failed step was applied.`,
    );
  }

  const transaction: Store['transaction'] = (fn) =>
    serialise(() => db.transaction().execute((trx) => fn(storesOver(trx))));
  return {
    ...routed(storesOver(db), transaction),
    transaction,
    history: historyStore(db, serialise),
    alarms: alarmsStore(db, serialise, audit),
    file,
    backup: async (target) => {
      await serialise(() => sql`VACUUM INTO ${target}`.execute(db));
    },
    close: async () => {
      await db.destroy();
    },
  };
}
