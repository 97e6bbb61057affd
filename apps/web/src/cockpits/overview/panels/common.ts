import type { IndicatorValue, OverviewSnapshot, SourceStatus } from '@cockpit/contracts';

export function pick(snapshot: OverviewSnapshot | undefined, id: string): IndicatorValue | undefined {
  if (!snapshot) return undefined;
  return (
    snapshot.indicators.find((i) => i.indicatorId === id) ??
    snapshot.summaries.flatMap((s) => [s.headline, ...s.secondary]).find((i) => i.indicatorId === id)
  );
}

export function sourceName(snapshot: OverviewSnapshot | undefined, system: string, lang: string): string {
  const s: SourceStatus | undefined = snapshot?.sources.find((x) => x.system === system);
  if (!s) return system;
  return lang === 'en' ? s.name.en : s.name.zh;
}
