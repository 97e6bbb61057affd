import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { GRASSROOTS_DEFINITIONS } from '../indicators/definitions.grassroots';
import { DB_FILE_NAME, openStore } from './sqlite';

async function raw(dir: string, sql: string) {
  const client = createClient({ url: `file:${join(dir, DB_FILE_NAME)}` });
  try {
    return await client.execute(sql);
  } finally {
    client.close();
  }
}

const ids = GRASSROOTS_DEFINITIONS.map((d) => d.id);

describe('migration 8: the grassroots indicator definitions', () => {
  it('inserts them into a database seeded before them, and a second run duplicates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-mig8-'));
    await (await openStore(dir)).close();
    // Make it a database from before the grassroots indicators: schema 7 (migration 8 not run), none of them stored.
    await raw(dir, "DELETE FROM indicator_versions WHERE indicator_id LIKE 'grassroots.%'");
    await raw(dir, "DELETE FROM indicators WHERE id LIKE 'grassroots.%'");
    await raw(dir, "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
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
    await raw(dir, "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
    const again = await openStore(dir);
    expect((await again.indicators.list()).filter((d) => d.id.startsWith('grassroots.'))).toHaveLength(
      ids.length,
    );
    await again.close();
  });
});
