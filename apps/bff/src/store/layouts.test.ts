import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { layoutDoc } from '../layouts/fixtures';
import type { LayoutRecord } from './layouts';
import { DB_FILE_NAME, openStore } from './sqlite';

const record = (layoutId: string, version: number, doc = layoutDoc()): LayoutRecord => ({
  layoutId,
  theme: doc.theme,
  level: doc.level,
  regionCode: doc.regionCode,
  version,
  document: doc,
  updatedAt: new Date().toISOString(),
  updatedBy: 'tester',
});

describe('layouts store', () => {
  it('finds a layout by its exact scope, keeps every version, and one layout per scope', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-layouts-store-'));
    const store = await openStore(dir);
    try {
      await store.layouts.insert(record('overview', 1));
      const town = layoutDoc({ level: 'township' });
      await store.layouts.insert(record('overview.township', 1, town));
      await store.layouts.update(record('overview', 2));
      const scope = { theme: 'overview', level: null, regionCode: null } as const;
      expect((await store.layouts.byScope(scope))?.layoutId).toBe('overview');
      expect((await store.layouts.byScope({ ...scope, level: 'township' }))?.layoutId).toBe(
        'overview.township',
      );
      expect(await store.layouts.byScope({ ...scope, level: 'village' })).toBeUndefined();
      expect((await store.layouts.listVersions('overview')).map((v) => v.version)).toEqual([1, 2]);
      // A second theme default under another id: refused by the scope index (NULLs do not slip through).
      await expect(store.layouts.insert(record('overview-again', 1))).rejects.toThrow();
      await store.layouts.delete('overview.township');
      expect(await store.layouts.get('overview.township')).toBeUndefined();
      expect(await store.layouts.getMaxVersion('overview.township')).toBe(1);
    } finally {
      await store.close();
    }
    // Saved versions are immutable: the database itself refuses to change or delete them.
    const client = createClient({ url: `file:${join(dir, DB_FILE_NAME)}` });
    try {
      await expect(client.execute("UPDATE layout_versions SET document = '{}'")).rejects.toThrow(/immutable/);
      await expect(client.execute('DELETE FROM layout_versions')).rejects.toThrow(/immutable/);
      expect((await client.execute('SELECT count(*) FROM layout_versions')).rows[0]![0]).toBe(3);
    } finally {
      client.close();
    }
  });
});
