import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRASSROOTS_DEFINITIONS } from '../indicators/definitions.grassroots';
import { rawSql } from '../test/raw-sql';
import { INDICATOR_HISTORY_HOURLY_V3 } from './schema';
import { openStore } from './sqlite';

const raw = rawSql;

const ids = GRASSROOTS_DEFINITIONS.map((d) => d.id);

/** Puts a database back to schema 7: the history tables as they were before migration 9, and version 7. */
async function toSchema7(dir: string) {
  await raw(dir, 'DROP TABLE history_hourly');
  await raw(dir, 'DROP TABLE history_series');
  await raw(dir, INDICATOR_HISTORY_HOURLY_V3);
  await raw(dir, "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
}

describe('migration 8: the grassroots indicator definitions', () => {
  it('inserts them into a database seeded before them, and a second run duplicates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-mig8-'));
    await (await openStore(dir)).close();
    // Make it a database from before the grassroots indicators: schema 7 (migration 8 not run), none of them stored.
    await raw(dir, "DELETE FROM indicator_versions WHERE indicator_id LIKE 'grassroots.%'");
    await raw(dir, "DELETE FROM indicators WHERE id LIKE 'grassroots.%'");
    await toSchema7(dir);
    const before = await raw(dir, "SELECT count(*) FROM indicators WHERE id LIKE 'grassroots.%'");
    expect(before.rows[0]![0]).toBe(0);

    const store = await openStore(dir);
    const stored = await store.indicators.list();
    for (const id of ids) {
      const d = stored.find((s) => s.id === id);
      expect(d, id).toBeDefined();
      expect(d!.field).toBe('grassroots');
      expect(d!.departmentId).toBe('social-governance');
      expect(d!.version).toBe(1);
    }
    expect((await store.indicators.listVersions('grassroots.onTimeRate')).length).toBe(1);
    await store.close();

    // Run migration 8 again with the definitions present: nothing is duplicated or overwritten.
    await toSchema7(dir);
    const again = await openStore(dir);
    expect((await again.indicators.list()).filter((d) => d.id.startsWith('grassroots.'))).toHaveLength(
      ids.length,
    );
    await again.close();
  });
});
