import { type Generated, type Kysely, sql } from 'kysely';
import { SEEDED_ROLES } from '../auth/catalog';
import { GRASSROOTS_DEFINITIONS } from '../indicators/definitions.grassroots';
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
  layouts: {
    layout_id: string;
    theme: string;
    level: string | null;
    region_code: string | null;
    version: number;
    document: string;
    updated_at: string;
    updated_by: string;
  };
  layout_versions: {
    layout_id: string;
    version: number;
    document: string;
    saved_at: string;
    saved_by: string;
    /** The publish message (migration 5; '' for saves without one). */
    message: Generated<string>;
  };
  /** One draft per user per layout (migration 5): the author's work in progress, read by nobody else. */
  layout_drafts: {
    layout_id: string;
    user_id: string;
    base_version: number;
    document: string;
    saved_at: string;
  };
  /** One person's view of one layout on one profile (migration 5): hidden, ordered and pinned panel ids. */
  layout_personal_views: {
    user_id: string;
    layout_id: string;
    profile: string;
    hidden: string;
    panel_order: string;
    pinned: string;
    updated_at: string;
  };
  /** One row per indicator × region that has ever been stored: the history's series, by a small integer id. */
  history_series: {
    id: number;
    indicator_id: string;
    region_code: string;
  };
  history_hourly: {
    /** Start of the hour, as whole hours since 1970-01-01T00:00Z (store/history.ts turns it into ISO 8601). */
    hour: number;
    /** history_series.id */
    series: number;
    value: number | null;
    /** 0 ok, 1 stale, 2 error. */
    status: number;
    /** 1: reconstructed from an upstream's history (backfill); 0: sampled by the writer at that hour. */
    backfilled: number;
  };
  indicator_history_daily: {
    indicator_id: string;
    region_code: string;
    /** The cockpit's day: the Beijing-time date, `2026-12-01`. */
    day: string;
    value: number | null;
    min: number | null;
    max: number | null;
    /** Hours with a value that the day's figure was made from. */
    hours: number;
    /** `complete`, `partial` (too few hours to count as a valid day) or `empty`. */
    quality: string;
    backfilled: number;
  };
  /** Personal alert policies (个性化告警策略): one user's subscription, its filters and channels. */
  alert_policies: {
    id: string;
    user_id: string;
    /** The AlertPolicyInput as JSON (subscription, severity, threshold, quiet hours, delivery, channels). */
    policy: string;
    /** HMAC-SHA256 key of the webhook (null without one); shown to the user once. */
    webhook_secret: string | null;
    enabled: number;
    created_at: string;
    updated_at: string;
  };
  /** Every notification a policy produced; in-app ones are the notification centre (read_at = read). */
  notifications: {
    id: string;
    user_id: string;
    policy_id: string | null;
    kind: string;
    alarm_id: string | null;
    severity: string;
    region_code: string | null;
    title: string;
    body: string;
    in_app: number;
    /** pending (quiet hours or digest: waits for the digest), sent, digested (delivered in a digest). */
    state: string;
    created_at: string;
    read_at: string | null;
  };
  /** Webhook deliveries with their retries; state dead = the dead-letter list. */
  webhook_deliveries: {
    id: string;
    notification_id: string;
    policy_id: string;
    user_id: string;
    url: string;
    payload: string;
    state: string;
    attempts: number;
    next_attempt_at: string | null;
    last_status: number | null;
    last_error: string | null;
    created_at: string;
    finished_at: string | null;
  };
  /** The latest heartbeat of each paired wall screen. */
  screen_heartbeats: {
    device_id: string;
    at: string;
    version: string;
    heap_used_bytes: number | null;
    frames_per_second: number | null;
    error_count: number;
    last_error: string | null;
    path: string | null;
  };
  /** Alarm rules (#16): the rule as JSON, with the columns it is queried by. */
  alarm_rules: {
    id: string;
    kind: string;
    department_id: string;
    region_scope: string;
    builtin: number;
    version: number;
    rule: string;
    updated_at: string;
    updated_by: string;
  };
  alarms: {
    id: string;
    rule_id: string;
    severity: string;
    state: string;
    /** 1 while not resolved. */
    open: number;
    region_code: string;
    source: string;
    entity_id: string | null;
    first_fired_at: string;
    last_changed_at: string;
    summary: string;
    fire_count: number;
    group_key: string | null;
    acknowledged_by: string | null;
    department_id: string | null;
    note: string | null;
    cause: string | null;
    escalated_to: string | null;
  };
  alarm_transitions: {
    id: Generated<number>;
    alarm_id: string;
    at: string;
    from_state: string | null;
    to_state: string;
    kind: string;
    actor: string;
    note: string | null;
  };
  findings: {
    id: Generated<number>;
    at: string;
    /** Beijing date of `at`, for the per-day counts. */
    day: string;
    source: string;
    check_name: string;
    rule_id: string | null;
    entity_id: string | null;
    region_code: string;
    value: number | null;
    detail: string;
    record: string;
  };
  silences: {
    id: string;
    rule_id: string | null;
    region_code: string | null;
    source: string | null;
    reason: string;
    created_by: string;
    created_at: string;
    starts_at: string;
    ends_at: string;
  };
  /** Scheduled probe results per Beijing day and system (the daily report's availability). */
  probe_tallies: { day: string; system: string; ok: number; total: number };
};

/**
 * The hourly history table as migration 3 created it (text keys). Migration 9 moved its rows to
 * history_hourly; migration tests recreate it to put a database back before that.
 */
export const INDICATOR_HISTORY_HOURLY_V3 = `CREATE TABLE indicator_history_hourly (
        hour TEXT NOT NULL,
        indicator_id TEXT NOT NULL,
        region_code TEXT NOT NULL,
        value REAL,
        status TEXT NOT NULL,
        backfilled INTEGER NOT NULL,
        PRIMARY KEY (hour, indicator_id, region_code)
      ) WITHOUT ROWID`;

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
  {
    version: 3,
    name: 'indicator history, hourly (kept 400 days) and daily (kept for ever)',
    up: async (db) => {
      // Clustered by hour: each hour's write appends at the right edge of the tree (a few hundred pages,
      // whatever the table's size), and retention deletes from the left edge. A series over a window is read
      // as one primary-key seek per hour (see store/history.ts), not a scan.
      await sql.raw(INDICATOR_HISTORY_HOURLY_V3).execute(db);
      // Daily rows are written once a day and read as a series (the year to date): series key first.
      await sql`CREATE TABLE indicator_history_daily (
        indicator_id TEXT NOT NULL,
        region_code TEXT NOT NULL,
        day TEXT NOT NULL,
        value REAL,
        min REAL,
        max REAL,
        hours INTEGER NOT NULL,
        quality TEXT NOT NULL,
        backfilled INTEGER NOT NULL,
        PRIMARY KEY (indicator_id, region_code, day)
      ) WITHOUT ROWID`.execute(db);
    },
  },
  {
    version: 4,
    name: 'stored layouts and their immutable versions',
    up: async (db) => {
      await db.schema
        .createTable('layouts')
        .addColumn('layout_id', 'text', (c) => c.primaryKey())
        .addColumn('theme', 'text', (c) => c.notNull())
        .addColumn('level', 'text')
        .addColumn('region_code', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      // One layout per (theme, level, region); NULLs would count as distinct in a plain UNIQUE.
      await sql`CREATE UNIQUE INDEX layouts_scope ON layouts (theme, coalesce(level, ''), coalesce(region_code, ''))`.execute(
        db,
      );
      await db.schema
        .createTable('layout_versions')
        .addColumn('layout_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('layout_versions_pk', ['layout_id', 'version'])
        .execute();
      // Every saved version is kept as it was: the database refuses changes and deletions.
      await sql`CREATE TRIGGER layout_versions_no_update BEFORE UPDATE ON layout_versions BEGIN SELECT RAISE(ABORT, 'layout versions are immutable'); END`.execute(
        db,
      );
      await sql`CREATE TRIGGER layout_versions_no_delete BEFORE DELETE ON layout_versions BEGIN SELECT RAISE(ABORT, 'layout versions are immutable'); END`.execute(
        db,
      );
    },
  },
  {
    version: 5,
    name: 'layout publish messages, drafts and personal views',
    up: async (db) => {
      // Who published and when are saved_by / saved_at; the message is new. Adding a column is no UPDATE,
      // so the immutability triggers stay as they are.
      await sql`ALTER TABLE layout_versions ADD COLUMN message TEXT NOT NULL DEFAULT ''`.execute(db);
      await db.schema
        .createTable('layout_drafts')
        .addColumn('layout_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('base_version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('layout_drafts_pk', ['layout_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('layout_personal_views')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('layout_id', 'text', (c) => c.notNull())
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('hidden', 'text', (c) => c.notNull())
        .addColumn('panel_order', 'text', (c) => c.notNull())
        .addColumn('pinned', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('layout_personal_views_pk', ['user_id', 'layout_id', 'profile'])
        .execute();
    },
  },
  {
    version: 6,
    name: 'health inspection: alarm rules, alarms and their transitions, findings, silences, probe tallies',
    up: async (db) => {
      await db.schema
        .createTable('alarm_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.notNull())
        .addColumn('region_scope', 'text', (c) => c.notNull())
        .addColumn('builtin', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('alarms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('open', 'integer', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('first_fired_at', 'text', (c) => c.notNull())
        .addColumn('last_changed_at', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('fire_count', 'integer', (c) => c.notNull())
        .addColumn('group_key', 'text')
        .addColumn('acknowledged_by', 'text')
        .addColumn('department_id', 'text')
        .addColumn('note', 'text')
        .addColumn('cause', 'text')
        .addColumn('escalated_to', 'text')
        .execute();
      // The history list is newest first, paged by (first_fired_at, id); open alarms are read at start.
      await db.schema.createIndex('alarms_fired').on('alarms').columns(['first_fired_at', 'id']).execute();
      await sql`CREATE INDEX alarms_open ON alarms (open) WHERE open = 1`.execute(db);
      // By state, newest first: "the firing ones" without scanning the history when few are firing.
      await db.schema
        .createIndex('alarms_state')
        .on('alarms')
        .columns(['state', 'first_fired_at', 'id'])
        .execute();
      // One open alarm per rule × region × entity, enforced by the database as well as the engine.
      await sql`CREATE UNIQUE INDEX alarms_one_open ON alarms (rule_id, region_code, coalesce(entity_id, '')) WHERE open = 1`.execute(
        db,
      );
      await db.schema
        .createTable('alarm_transitions')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('alarm_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema
        .createIndex('alarm_transitions_alarm')
        .on('alarm_transitions')
        .column('alarm_id')
        .execute();
      await db.schema
        .createTable('findings')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('check_name', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('entity_id', 'text')
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('value', 'real')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('findings_day').on('findings').columns(['day', 'source']).execute();
      await db.schema
        .createTable('silences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text')
        .addColumn('region_code', 'text')
        .addColumn('source', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('probe_tallies')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('ok', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('probe_tallies_pk', ['day', 'system'])
        .execute();
      // Built-in roles of a database seeded before these permissions existed get them as seeded now.
      for (const seeded of SEEDED_ROLES) {
        const row = await db
          .selectFrom('roles')
          .select('permissions')
          .where('id', '=', seeded.id)
          .executeTakeFirst();
        if (!row) continue;
        const have = new Set(JSON.parse(row.permissions) as string[]);
        const added = seeded.permissions.filter(
          (p) => ['alarm:dispatch', 'alarm:rule:edit', 'ops:view'].includes(p) && !have.has(p),
        );
        if (added.length > 0)
          await db
            .updateTable('roles')
            .set({ permissions: JSON.stringify([...have, ...added]) })
            .where('id', '=', seeded.id)
            .execute();
      }
    },
  },
  {
    version: 7,
    name: 'personal alert policies, notifications, webhook deliveries, screen heartbeats',
    up: async (db) => {
      await db.schema
        .createTable('alert_policies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('webhook_secret', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_policies_user').on('alert_policies').column('user_id').execute();
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('policy_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('alarm_id', 'text')
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('in_app', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_user_created')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('notifications_policy_alarm')
        .on('notifications')
        .columns(['policy_id', 'alarm_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('policy_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_state')
        .on('webhook_deliveries')
        .column('state')
        .execute();
      await db.schema
        .createTable('screen_heartbeats')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('heap_used_bytes', 'integer')
        .addColumn('frames_per_second', 'real')
        .addColumn('error_count', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('path', 'text')
        .execute();
      // The built-in human roles of a database seeded before: they may set up their own alert policies.
      for (const role of await db
        .selectFrom('roles')
        .select(['id', 'permissions'])
        .where('builtin', '=', 1)
        .execute()) {
        const permissions = JSON.parse(role.permissions) as string[];
        if (role.id === 'device' || permissions.includes('alert:policy')) continue;
        await db
          .updateTable('roles')
          .set({ permissions: JSON.stringify([...permissions, 'alert:policy']) })
          .where('id', '=', role.id)
          .execute();
      }
    },
  },
  {
    version: 8,
    name: 'the grassroots (基层治理) indicator definitions, on a database seeded before them',
    up: async (db) => {
      // A database created from version 2 on this code already has them (version 2 seeds the whole set).
      const at = new Date().toISOString();
      for (const seed of GRASSROOTS_DEFINITIONS) {
        const stored = await db
          .selectFrom('indicators')
          .select('id')
          .where('id', '=', seed.id)
          .executeTakeFirst();
        if (stored) continue;
        const d = { ...seed, version: 1, updatedAt: at, updatedBy: 'system' };
        await db.insertInto('indicators').values(indicatorRow(d)).execute();
        await db.insertInto('indicator_versions').values(indicatorVersionRow(d)).execute();
      }
    },
  },
  {
    version: 9,
    name: 'indicator history keyed by integer series and hour (a third of the bytes, three times the write speed)',
    up: async (db) => {
      // The hourly table holds every indicator × region × hour for 400 days (tens of millions of rows): its
      // key is two integers instead of three strings. Each hour's write is then one positional array of
      // values (store/history.ts), not a JSON object per row unpacked field by field.
      await sql`CREATE TABLE history_series (
        id INTEGER PRIMARY KEY,
        indicator_id TEXT NOT NULL,
        region_code TEXT NOT NULL,
        UNIQUE (indicator_id, region_code)
      )`.execute(db);
      await sql`CREATE TABLE history_hourly (
        hour INTEGER NOT NULL,
        series INTEGER NOT NULL,
        value REAL,
        status INTEGER NOT NULL,
        backfilled INTEGER NOT NULL,
        PRIMARY KEY (hour, series)
      ) WITHOUT ROWID`.execute(db);
      await sql`INSERT INTO history_series (indicator_id, region_code)
        SELECT DISTINCT indicator_id, region_code FROM indicator_history_hourly ORDER BY indicator_id, region_code`.execute(
        db,
      );
      await sql`INSERT INTO history_hourly (hour, series, value, status, backfilled)
        SELECT unixepoch(h.hour) / 3600, s.id, h.value,
          CASE h.status WHEN 'ok' THEN 0 WHEN 'stale' THEN 1 ELSE 2 END, h.backfilled
        FROM indicator_history_hourly h
        JOIN history_series s ON s.indicator_id = h.indicator_id AND s.region_code = h.region_code`.execute(
        db,
      );
      await sql`DROP TABLE indicator_history_hourly`.execute(db);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
