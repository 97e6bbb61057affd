import type { LayoutDocument, Level, Theme } from '@cockpit/contracts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from './schema';

/** A stored layout: its scope, its current version and that version's document. */
export type LayoutRecord = {
  layoutId: string;
  theme: Theme;
  level: Level | null;
  regionCode: string | null;
  version: number;
  document: LayoutDocument;
  updatedAt: string;
  updatedBy: string;
};

/** One saved version of a layout; never changed or deleted (the database refuses it). */
export type LayoutVersionRecord = {
  layoutId: string;
  version: number;
  document: LayoutDocument;
  savedAt: string;
  savedBy: string;
  /** The publish message ('' for a save without one). */
  message: string;
};

export type LayoutScope = { theme: Theme; level: Level | null; regionCode: string | null };

export interface LayoutsStore {
  list(): Promise<LayoutRecord[]>;
  get(layoutId: string): Promise<LayoutRecord | undefined>;
  /** The layout of exactly this scope (theme default: level and region null; level default: region null). */
  byScope(scope: LayoutScope): Promise<LayoutRecord | undefined>;
  /** Every saved version of a layout, oldest first (kept after the layout itself is deleted). */
  listVersions(layoutId: string): Promise<LayoutVersionRecord[]>;
  /** One saved version, or undefined. */
  getVersion(layoutId: string, version: number): Promise<LayoutVersionRecord | undefined>;
  /** The highest version ever saved under this id (0 if none): a re-created layout continues from it. */
  getMaxVersion(layoutId: string): Promise<number>;
  /** Stores the layout as its current version and appends that version to the history. */
  insert(record: LayoutRecord, message?: string): Promise<void>;
  /** Replaces the current version with `record` (version must be new) and appends it to the history. */
  update(record: LayoutRecord, message?: string): Promise<void>;
  delete(layoutId: string): Promise<void>;
}

type Q = Kysely<DB> | Transaction<DB>;

const map = (r: DB['layouts']): LayoutRecord => ({
  layoutId: r.layout_id,
  theme: r.theme as Theme,
  level: r.level as Level | null,
  regionCode: r.region_code,
  version: Number(r.version),
  document: JSON.parse(r.document) as LayoutDocument,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const versionOf = (r: Selectable<DB['layout_versions']>): LayoutVersionRecord => ({
  layoutId: r.layout_id,
  version: Number(r.version),
  document: JSON.parse(r.document) as LayoutDocument,
  savedAt: r.saved_at,
  savedBy: r.saved_by,
  message: r.message,
});

export function layoutsStore(db: Q): LayoutsStore {
  const appendVersion = (r: LayoutRecord, text: string, message = '') =>
    db
      .insertInto('layout_versions')
      .values({
        layout_id: r.layoutId,
        version: r.version,
        document: text,
        saved_at: r.updatedAt,
        saved_by: r.updatedBy,
        message,
      })
      .execute();
  return {
    list: async () =>
      (
        await db
          .selectFrom('layouts')
          .selectAll()
          .orderBy('theme')
          .orderBy('level')
          .orderBy('region_code')
          .execute()
      ).map(map),
    get: async (layoutId) => {
      const r = await db
        .selectFrom('layouts')
        .selectAll()
        .where('layout_id', '=', layoutId)
        .executeTakeFirst();
      return r && map(r);
    },
    byScope: async ({ theme, level, regionCode }) => {
      let q = db.selectFrom('layouts').selectAll().where('theme', '=', theme);
      q = level === null ? q.where('level', 'is', null) : q.where('level', '=', level);
      q = regionCode === null ? q.where('region_code', 'is', null) : q.where('region_code', '=', regionCode);
      const r = await q.executeTakeFirst();
      return r && map(r);
    },
    listVersions: async (layoutId) =>
      (
        await db
          .selectFrom('layout_versions')
          .selectAll()
          .where('layout_id', '=', layoutId)
          .orderBy('version')
          .execute()
      ).map(versionOf),
    getVersion: async (layoutId, version) => {
      const r = await db
        .selectFrom('layout_versions')
        .selectAll()
        .where('layout_id', '=', layoutId)
        .where('version', '=', version)
        .executeTakeFirst();
      return r && versionOf(r);
    },
    getMaxVersion: async (layoutId) => {
      const r = await db
        .selectFrom('layout_versions')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('layout_id', '=', layoutId)
        .executeTakeFirst();
      return Number(r?.max ?? 0);
    },
    insert: async (r, message) => {
      const text = JSON.stringify(r.document);
      await db
        .insertInto('layouts')
        .values({
          layout_id: r.layoutId,
          theme: r.theme,
          level: r.level,
          region_code: r.regionCode,
          version: r.version,
          document: text,
          updated_at: r.updatedAt,
          updated_by: r.updatedBy,
        })
        .execute();
      await appendVersion(r, text, message);
    },
    update: async (r, message) => {
      const text = JSON.stringify(r.document);
      await db
        .updateTable('layouts')
        .set({ version: r.version, document: text, updated_at: r.updatedAt, updated_by: r.updatedBy })
        .where('layout_id', '=', r.layoutId)
        .execute();
      await appendVersion(r, text, message);
    },
    delete: async (layoutId) => {
      await db.deleteFrom('layouts').where('layout_id', '=', layoutId).execute();
    },
  };
}
