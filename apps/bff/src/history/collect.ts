import type { IndicatorValue, Theme } from '@cockpit/contracts';
import type { Hierarchy } from '../geo/hierarchy';
import { BUILDERS } from '../snapshots/builders';
import type { SnapshotService } from '../snapshots/service';
import type { HourlyValue } from '../store/history';
import type { HistoryIndicator } from './definitions';

/**
 * Every active indicator's current value for every region where it exists, computed by the cockpits' own
 * snapshot builders (the same code and roll-up as the screens), without memoising the snapshots.
 * Regions are visited one at a time so a run never holds more than one snapshot.
 */
export async function collectValues(
  snapshots: SnapshotService,
  hierarchy: Hierarchy,
  indicators: readonly HistoryIndicator[],
  now: number,
  stopped: () => boolean = () => false,
): Promise<HourlyValue[]> {
  const wanted = new Map(indicators.map((i) => [i.id, i]));
  const themes = [...new Set(indicators.map((i) => i.theme))].filter(
    (t): t is Theme => BUILDERS[t] !== undefined,
  );
  const out: HourlyValue[] = [];
  const seen = new Set<string>();
  const ctx = snapshots.context;
  for (const region of hierarchy.regions.values()) {
    if (stopped()) throw new Error('history: stopped while collecting');
    for (const theme of themes) {
      const builder = BUILDERS[theme]!;
      const reads = await snapshots.read(builder.datasets(ctx, region));
      const built = builder.build(ctx, region, reads, now) as { indicators?: IndicatorValue[] };
      for (const v of built.indicators ?? []) {
        const def = wanted.get(v.indicatorId);
        const key = `${v.indicatorId}|${region.code}`;
        if (!def || !def.levels.includes(region.level) || seen.has(key)) continue;
        seen.add(key);
        out.push({ indicatorId: v.indicatorId, regionCode: region.code, value: v.value, status: v.status });
      }
    }
    // Let requests in between regions: a run is background work.
    await new Promise((r) => setImmediate(r));
  }
  return out;
}
