import type { IndicatorDefinition } from '@cockpit/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** Stored indicator definitions: the current one per id, and every version ever saved. */
export interface IndicatorsStore {
  list(): Promise<IndicatorDefinition[]>;
  get(id: string): Promise<IndicatorDefinition | undefined>;
  /** Every saved version of one indicator, newest first. */
  listVersions(id: string): Promise<IndicatorDefinition[]>;
  /** Stores a new indicator (its version 1); false when the id exists already. */
  insert(d: IndicatorDefinition): Promise<boolean>;
  /**
   * Stores `d` (version = previous + 1) as the current definition if the stored one is still at
   * `readAtVersion`; false (nothing written) when someone saved in between.
   */
  update(d: IndicatorDefinition, readAtVersion: number): Promise<boolean>;
}

type Q = Kysely<DB> | Transaction<DB>;

/** The columns queried by, next to the whole definition as JSON. */
export function indicatorRow(d: IndicatorDefinition): Omit<DB['indicators'], 'seq'> {
  return {
    id: d.id,
    field: d.field,
    theme: d.theme,
    department_id: d.departmentId,
    status: d.status,
    version: d.version,
    definition: JSON.stringify(d),
    updated_at: d.updatedAt,
    updated_by: d.updatedBy,
  };
}

export function indicatorVersionRow(d: IndicatorDefinition): DB['indicator_versions'] {
  return {
    indicator_id: d.id,
    version: d.version,
    definition: JSON.stringify(d),
    saved_at: d.updatedAt,
    saved_by: d.updatedBy,
  };
}

const parse = (json: string) => JSON.parse(json) as IndicatorDefinition;

export function indicatorsStore(db: Q): IndicatorsStore {
  return {
    list: async () =>
      (await db.selectFrom('indicators').select('definition').orderBy('seq').execute()).map((r) =>
        parse(r.definition),
      ),
    get: async (id) => {
      const r = await db
        .selectFrom('indicators')
        .select('definition')
        .where('id', '=', id)
        .executeTakeFirst();
      return r && parse(r.definition);
    },
    listVersions: async (id) =>
      (
        await db
          .selectFrom('indicator_versions')
          .select('definition')
          .where('indicator_id', '=', id)
          .orderBy('version', 'desc')
          .execute()
      ).map((r) => parse(r.definition)),
    insert: async (d) => {
      const taken = await db.selectFrom('indicators').select('id').where('id', '=', d.id).executeTakeFirst();
      if (taken) return false;
      await db.insertInto('indicators').values(indicatorRow(d)).execute();
      await db.insertInto('indicator_versions').values(indicatorVersionRow(d)).execute();
      return true;
    },
    update: async (d, readAtVersion) => {
      const { id: _id, ...row } = indicatorRow(d);
      const done = await db
        .updateTable('indicators')
        .set(row)
        .where('id', '=', d.id)
        .where('version', '=', readAtVersion)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      await db.insertInto('indicator_versions').values(indicatorVersionRow(d)).execute();
      return true;
    },
  };
}
