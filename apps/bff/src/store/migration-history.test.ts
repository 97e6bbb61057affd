import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawSql } from '../test/raw-sql';
import { INDICATOR_HISTORY_HOURLY_V3 } from './schema';
import { openStore } from './sqlite';

const raw = rawSql;

describe('migration 9: indicator history keyed by integer series and hour', () => {
  it('carries every stored hour over (value, status, backfilled) and the store reads and writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-mig9-'));
    await (await openStore(dir)).close();
    // A database at schema 8: the text-keyed hourly table, holding three hours of two series.
    await raw(dir, 'DROP TABLE history_hourly');
    await raw(dir, 'DROP TABLE history_series');
    await raw(dir, INDICATOR_HISTORY_HOURLY_V3);
    const rows: [string, string, string, number | null, string, number][] = [
      ['2026-11-30T22:00Z', 'eco.aqi', '331023001', 41, 'ok', 1],
      ['2026-11-30T23:00Z', 'eco.aqi', '331023001', 57.5, 'stale', 0],
      ['2026-12-01T00:00Z', 'eco.aqi', '331023001', null, 'error', 0],
      ['2026-11-30T23:00Z', 'parking.freeBerths', '331023', 812, 'ok', 0],
    ];
    for (const r of rows)
      await raw(
        dir,
        'INSERT INTO indicator_history_hourly (hour, indicator_id, region_code, value, status, backfilled) VALUES (?, ?, ?, ?, ?, ?)',
        r,
      );
    await raw(dir, "UPDATE meta SET value = '8' WHERE key = 'schema_version'");

    const store = await openStore(dir);
    try {
      const aqi = await store.history.hourly(
        'eco.aqi',
        '331023001',
        '2026-11-30T20:00Z',
        '2026-12-01T02:00Z',
      );
      expect(aqi.map((r) => [r.hour, r.value, r.status, r.backfilled])).toEqual([
        ['2026-11-30T22:00Z', 41, 'ok', true],
        ['2026-11-30T23:00Z', 57.5, 'stale', false],
        ['2026-12-01T00:00Z', null, 'error', false],
      ]);
      expect((await store.history.counts()).hourly).toBe(4);
      const old = await raw(
        dir,
        "SELECT count(*) FROM sqlite_master WHERE name = 'indicator_history_hourly'",
      );
      expect(old.rows[0]![0]).toBe(0);

      // The migrated series and a new one are written side by side; a live write replaces the hour's value.
      await store.history.writeHour('2026-11-30T23:00Z', [
        { indicatorId: 'eco.aqi', regionCode: '331023001', value: 60, status: 'ok' },
        { indicatorId: 'eco.pm25', regionCode: '331023001', value: 35, status: 'stale' },
      ]);
      const hour = await store.history.valuesOfHours(['2026-11-30T23:00Z']);
      expect(
        hour
          .map((r) => [r.indicatorId, r.regionCode, r.value, r.status, r.backfilled])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ).toEqual([
        ['eco.aqi', '331023001', 60, 'ok', false],
        ['eco.pm25', '331023001', 35, 'stale', false],
        ['parking.freeBerths', '331023', 812, 'ok', false],
      ]);
    } finally {
      await store.close();
    }
  });
});
