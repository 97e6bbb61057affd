import type { IndicatorStatus, IndicatorValue, SourceStatus } from '@cockpit/contracts';
import { formatCount, formatPercent } from './format';

/** The number as shown, and the unit beside it. Shares (unit %) show as percentages with one decimal. */
export function formatIndicator(
  value: number | null,
  unit: string,
  lang = 'zh-CN',
): { text: string; unit: string } {
  if (value === null || !Number.isFinite(value)) return { text: '—', unit: unit === '%' ? '' : unit };
  if (unit === '%') return { text: formatPercent(value).replace('%', ''), unit: '%' };
  if (unit === '' || unit === '分钟')
    return {
      text: value.toFixed(unit === '' && value < 10 ? 2 : 1).replace(/\.0+$/, ''),
      unit: unitLabel(unit, lang),
    };
  const text = formatCount(value, lang);
  // 3.2万 carries its magnitude in the text; the unit still follows (3.2万 人次).
  return { text, unit: unitLabel(unit, lang) };
}

/** Units as the contracts carry them (Chinese) in the language shown: 分钟 → min in English. */
const UNITS_EN: Record<string, string> = {
  分钟: 'min',
  小时: 'h',
  秒: 's',
  个: '',
  辆: 'vehicles',
  件: 'cases',
  起: 'cases',
  人: 'people',
  人次: 'visits',
  天: 'days',
  次: 'times',
};
export function unitLabel(unit: string, lang = 'zh-CN'): string {
  return lang.startsWith('en') ? (UNITS_EN[unit] ?? unit) : unit;
}

/** The worst status of a set of values: one stale indicator makes the panel stale. */
export function worstStatus(values: readonly Pick<IndicatorValue, 'status'>[]): IndicatorStatus | undefined {
  if (values.length === 0) return undefined;
  if (values.some((v) => v.status === 'error')) return 'error';
  if (values.some((v) => v.status === 'stale')) return 'stale';
  return 'ok';
}

/** The oldest observation time of a set of values (what the footer shows as the time of data). */
export function oldestAt(values: readonly Pick<IndicatorValue, 'at'>[]): string | undefined {
  return values.map((v) => v.at).sort()[0];
}

const RANK: Record<IndicatorStatus, number> = { ok: 0, stale: 1, error: 2 };

/**
 * A panel's freshness: the worst of its own status and of every source feeding it, so a panel computed from
 * a slower dataset of a failing system (month shares, water, coverage) is marked as soon as the system's
 * fastest dataset fails. `down` (中断) when a feeding system's last refresh failed or nothing was ever
 * received; otherwise a non-ok status is late (延迟). Undefined when nothing is known yet.
 */
export function panelFreshness(
  own: IndicatorStatus | undefined,
  sources: readonly Pick<SourceStatus, 'status' | 'error'>[],
): { status: IndicatorStatus; down: boolean } | undefined {
  const all = [...(own ? [own] : []), ...sources.map((s) => s.status)];
  if (all.length === 0) return undefined;
  const status = all.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  const down = status === 'error' || sources.some((s) => s.status !== 'ok' && s.error !== undefined);
  return { status, down: status !== 'ok' && down };
}
