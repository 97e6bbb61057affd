import type { IndicatorValue, Level, Theme } from '@cockpit/contracts';
import type { Hierarchy } from '../geo/hierarchy';
import { BUILDERS } from '../snapshots/builders';
import { indicatorValues } from '../snapshots/indicator-values';
import type { SnapshotService } from '../snapshots/service';
import type { HourlyValue } from '../store/history';
import type { HistoryIndicator } from './definitions';

/**
 * Every active indicator's current value for every region where it exists, as the cockpits show it: each
 * theme's datasets are read once for the county and given to ONE evaluator (the registry's value functions
 * and the stored roll-up, memoised), so a region's value is computed once and a township's sum reuses its
 * villages'. A theme without `valueInputs` falls back to building its snapshot region by region.
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
  const keep = (v: IndicatorValue, regionCode: string, level: Level) => {
    const def = wanted.get(v.indicatorId);
    const key = `${v.indicatorId}|${regionCode}`;
    if (!def?.levels.includes(level) || seen.has(key)) return;
    seen.add(key);
    out.push({ indicatorId: v.indicatorId, regionCode, value: v.value, status: v.status });
  };
  const ctx = snapshots.context;
  const regions = [...hierarchy.regions.values()];
  for (const theme of themes) {
    const builder = BUILDERS[theme]!;
    if (stopped()) throw new Error('history: stopped while collecting');
    if (builder.valueInputs) {
      const inputs = await builder.valueInputs(ctx, (ds) => snapshots.read(ds), now);
      const values = indicatorValues({
        definitions: ctx.indicators.list(),
        regionOf: (code) => hierarchy.get(code),
        ...inputs,
      });
      for (const region of regions)
        for (const v of values.ofTheme(theme, region.code)) keep(v, region.code, region.level);
      // Let requests in between themes: a run is background work.
      await new Promise((r) => setImmediate(r));
      continue;
    }
    for (const region of regions) {
      if (stopped()) throw new Error('history: stopped while collecting');
      const reads = await snapshots.read(builder.datasets(ctx, region));
      const built = builder.build(ctx, region, reads, now) as { indicators?: IndicatorValue[] };
      for (const v of built.indicators ?? []) keep(v, region.code, region.level);
      await new Promise((r) => setImmediate(r));
    }
  }
  return out;
}
