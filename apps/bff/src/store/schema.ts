import { type Generated, type Kysely, sql } from 'kysely';
import { SEED_DEFINITIONS } from '../indicators/definitions.seed';
import { indicatorRow, indicatorVersionRow } from './indicators';

/** Row types of the embedded database (snake_case columns, timestamps as ISO 8601 UTC text). */
export type DB = {
  meta: { key: string; value: string };
  departments: {
    id: string;
    name_zh: string;
    name_en: string;
    description: string | null;
    created_at: string;
  };
  upstream_owners: { system_id: string; department_id: string };
  roles: { id: string; name_zh: string; name_en: string; permissions: string; builtin: number };
  users: {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    department_id: string | null;
    roles: string;
    scope: string;
    enabled: number;
    must_change_password: number;
    last_login_at: string | null;
    created_at: string;
  };
  sessions: {
    id: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
    ip: string | null;
  };
  devices: {
    id: string;
    name: string;
    scope: string;
    credential_hash: string | null;
    state: string;
    created_at: string;
    last_seen_at: string | null;
  };
  pairings: {
    id: string;
    code: string;
    secret_hash: string;
    created_at: string;
    expires_at: string;
    device_id: string | null;
    delivered: number;
  };
  audit: {
    id: Generated<number>;
    at: string;
    actor: string;
    ip: string | null;
    request_id: string | null;
    action: string;
    target: string | null;
    summary: string;
    prev_hash: string;
    hash: string;
  };
  /** The current definition of each indicator (JSON), with the columns it is queried by. */
  indicators: {
    seq: Generated<number>;
    id: string;
    field: string;
    theme: string;
    department_id: string;
    status: string;
    version: number;
    definition: string;
    updated_at: string;
    updated_by: string;
  };
  /** Every saved version of every indicator definition: who saved it, when. */
  indicator_versions: {
    indicator_id: string;
    version: number;
    definition: string;
    saved_at: string;
    saved_by: string;
  };
};

export type Migration = { version: number; name: string; up: (db: Kysely<DB>) => Promise<void> };

/** Numbered migrations, applied in order at start-up; never edit one that has shipped, add the next. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'identity, devices and the audit trail',
    up: async (db) => {
      await db.schema
        .createTable('departments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('upstream_owners')
        .addColumn('system_id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
        .execute();
      await db.schema
        .createTable('roles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('permissions', 'text', (c) => c.notNull())
        .addColumn('builtin', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.references('departments.id'))
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('credential_hash', 'text', (c) => c.unique())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text')
        .execute();
      await db.schema
        .createTable('pairings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text')
        .addColumn('delivered', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('request_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      // Append-only, enforced by the database itself as well as by the absence of any update/delete path.
      await sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`.execute(
        db,
      );
      await sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`.execute(
        db,
      );
    },
  },
  {
    version: 2,
    name: 'indicator definitions and their versions, seeded with the shipped indicator set',
    up: async (db) => {
      await db.schema
        .createTable('indicators')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('theme', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('indicators_department').on('indicators').column('department_id').execute();
      await db.schema
        .createTable('indicator_versions')
        .addColumn('indicator_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('indicator_versions_pk', ['indicator_id', 'version'])
        .execute();
      const at = new Date().toISOString();
      for (const seed of SEED_DEFINITIONS) {
        const d = { ...seed, version: 1, updatedAt: at, updatedBy: 'system' };
        await db.insertInto('indicators').values(indicatorRow(d)).execute();
        await db.insertInto('indicator_versions').values(indicatorVersionRow(d)).execute();
      }
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
