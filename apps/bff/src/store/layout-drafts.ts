import type { LayoutDocument, PersonalViewChoice, ProfileId } from '@cockpit/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** One user's draft of one layout. */
export type LayoutDraftRecord = {
  layoutId: string;
  userId: string;
  baseVersion: number;
  document: LayoutDocument;
  savedAt: string;
};

/** Drafts: one per user per layout, replaced by every autosave. */
export interface LayoutDraftsStore {
  get(layoutId: string, userId: string): Promise<LayoutDraftRecord | undefined>;
  put(draft: LayoutDraftRecord): Promise<void>;
  /** True when there was one. */
  delete(layoutId: string, userId: string): Promise<boolean>;
}

/** One person's view of one layout on one profile. */
export type PersonalViewRecord = PersonalViewChoice & {
  userId: string;
  layoutId: string;
  profile: ProfileId;
  updatedAt: string;
};

/** Personal views: one per user per layout per profile. */
export interface LayoutViewsStore {
  get(userId: string, layoutId: string, profile: ProfileId): Promise<PersonalViewRecord | undefined>;
  put(view: PersonalViewRecord): Promise<void>;
  delete(userId: string, layoutId: string, profile: ProfileId): Promise<boolean>;
}

type Q = Kysely<DB> | Transaction<DB>;

export function layoutDraftsStore(db: Q): LayoutDraftsStore {
  return {
    get: async (layoutId, userId) => {
      const r = await db
        .selectFrom('layout_drafts')
        .selectAll()
        .where('layout_id', '=', layoutId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return (
        r && {
          layoutId: r.layout_id,
          userId: r.user_id,
          baseVersion: Number(r.base_version),
          document: JSON.parse(r.document) as LayoutDocument,
          savedAt: r.saved_at,
        }
      );
    },
    put: async (d) => {
      const row = {
        layout_id: d.layoutId,
        user_id: d.userId,
        base_version: d.baseVersion,
        document: JSON.stringify(d.document),
        saved_at: d.savedAt,
      };
      await db
        .insertInto('layout_drafts')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['layout_id', 'user_id'])
            .doUpdateSet({ base_version: row.base_version, document: row.document, saved_at: row.saved_at }),
        )
        .execute();
    },
    delete: async (layoutId, userId) => {
      const r = await db
        .deleteFrom('layout_drafts')
        .where('layout_id', '=', layoutId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export function layoutViewsStore(db: Q): LayoutViewsStore {
  return {
    get: async (userId, layoutId, profile) => {
      const r = await db
        .selectFrom('layout_personal_views')
        .selectAll()
        .where('user_id', '=', userId)
        .where('layout_id', '=', layoutId)
        .where('profile', '=', profile)
        .executeTakeFirst();
      return (
        r && {
          userId: r.user_id,
          layoutId: r.layout_id,
          profile: r.profile as ProfileId,
          hidden: JSON.parse(r.hidden) as string[],
          order: JSON.parse(r.panel_order) as string[],
          pinned: JSON.parse(r.pinned) as string[],
          updatedAt: r.updated_at,
        }
      );
    },
    put: async (v) => {
      const lists = {
        hidden: JSON.stringify(v.hidden),
        panel_order: JSON.stringify(v.order),
        pinned: JSON.stringify(v.pinned),
        updated_at: v.updatedAt,
      };
      await db
        .insertInto('layout_personal_views')
        .values({ user_id: v.userId, layout_id: v.layoutId, profile: v.profile, ...lists })
        .onConflict((oc) => oc.columns(['user_id', 'layout_id', 'profile']).doUpdateSet(lists))
        .execute();
    },
    delete: async (userId, layoutId, profile) => {
      const r = await db
        .deleteFrom('layout_personal_views')
        .where('user_id', '=', userId)
        .where('layout_id', '=', layoutId)
        .where('profile', '=', profile)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
