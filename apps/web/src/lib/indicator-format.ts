import type { IndicatorStatus, IndicatorValue } from '@cockpit/contracts';
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
    return { text: value.toFixed(unit === '' && value < 10 ? 2 : 1).replace(/\.0+$/, ''), unit };
  const text = formatCount(value, lang);
  // 3.2万 carries its magnitude in the text; the unit still follows (3.2万 人次).
  return { text, unit };
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
