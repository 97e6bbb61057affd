/** Pure helpers of the indicator catalogue page (指标目录): filtering, display text, CSV export. */
import { type IndicatorDefinition, indicatorRefs, type UpstreamHealth } from '@cockpit/contracts';

export type CatalogueFilters = { q: string; field: string; department: string };
export const NO_FILTERS: CatalogueFilters = { q: '', field: '', department: '' };

/** The definitions the filters select: field and department exactly, the text in id, names or 口径. */
export function filterDefinitions(
  items: readonly IndicatorDefinition[],
  f: CatalogueFilters,
): IndicatorDefinition[] {
  const q = f.q.trim().toLowerCase();
  return items.filter(
    (d) =>
      (!f.field || d.field === f.field) &&
      (!f.department || d.departmentId === f.department) &&
      (!q ||
        [d.id, d.name.zh, d.name.en, d.definition.zh, d.definition.en].some((t) =>
          t.toLowerCase().includes(q),
        )),
  );
}

/** A value in the indicator's own scale as text: % indicators are shares 0–1, shown × 100. */
export function scaled(d: Pick<IndicatorDefinition, 'unit'>, value: number): string {
  return d.unit === '%' ? `${Number((value * 100).toFixed(1))}%` : `${value}${d.unit ? ` ${d.unit}` : ''}`;
}

/** "预警 ≥ 0.85 · 告警 ≥ 0.95" (read with the direction), the target, or "—". */
export function thresholdText(
  d: Pick<IndicatorDefinition, 'unit' | 'direction' | 'thresholds' | 'target'>,
  words: { warning: string; alarm: string; target: string },
): string {
  const cmp = d.direction === 'higherIsWorse' ? '≥' : '≤';
  const parts: string[] = [];
  if (d.thresholds.warning !== null) parts.push(`${words.warning} ${cmp} ${scaled(d, d.thresholds.warning)}`);
  if (d.thresholds.alarm !== null) parts.push(`${words.alarm} ${cmp} ${scaled(d, d.thresholds.alarm)}`);
  if (d.target)
    parts.push(`${words.target} ${d.target.comparator === '>=' ? '≥' : '≤'} ${scaled(d, d.target.value)}`);
  return parts.length ? parts.join(' · ') : '—';
}

/** Seconds as the largest whole unit: 15 s, 2 min, 1 h, 1 d. */
export function durationText(seconds: number, lang: string): string {
  const zh = lang.startsWith('zh');
  const units: [number, string, string][] = [
    [86400, '天', 'd'],
    [3600, '小时', 'h'],
    [60, '分钟', 'min'],
  ];
  for (const [size, z, e] of units)
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${zh ? z : e}`;
  return `${seconds} ${zh ? '秒' : 's'}`;
}

export type Freshness = { state: 'ok' | 'late' | 'down' | 'unknown'; ageSeconds: number | null };

/**
 * How fresh the indicator's source system is right now, from /api/v1/health: the age of its last
 * successful call against the indicator's freshness target; down when its circuit is open or no call ever
 * succeeded; unknown before the BFF has called it at all. This is the
 * source system's freshness (every region alike), not one region's value.
 */
export function freshnessOf(
  d: Pick<IndicatorDefinition, 'source' | 'freshnessTargetSeconds'>,
  upstreams: readonly UpstreamHealth[] | undefined,
  nowIso: string | undefined,
): Freshness {
  const u = upstreams?.find((x) => x.system === d.source.system);
  // Not asked yet (no screen has read the system since start): unknown, not "down".
  if (!u || !nowIso || u.calls === 0) return { state: 'unknown', ageSeconds: null };
  if (!u.lastSuccessAt) return { state: 'down', ageSeconds: null };
  const ageSeconds = Math.max(0, Math.round((Date.parse(nowIso) - Date.parse(u.lastSuccessAt)) / 1000));
  if (u.breaker === 'open') return { state: 'down', ageSeconds };
  return { state: ageSeconds <= d.freshnessTargetSeconds ? 'ok' : 'late', ageSeconds };
}

export type LayoutUse = { layoutId: string; label: string };

/** Which layouts reference each indicator (by the `indicatorId`/`indicatorIds` option keys). */
export function layoutsUsing(
  layouts: readonly { layoutId: string; label: string; document: unknown }[],
): Map<string, LayoutUse[]> {
  const out = new Map<string, LayoutUse[]>();
  for (const l of layouts)
    for (const id of new Set(indicatorRefs(l.document))) {
      const list = out.get(id) ?? [];
      list.push({ layoutId: l.layoutId, label: l.label });
      out.set(id, list);
    }
  return out;
}
