/** Display helpers: times in Asia/Shanghai whatever the machine's zone, numbers the Chinese way. */

const TZ = 'Asia/Shanghai';

const timeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const dateFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
});

/** 14:05:09 in Beijing time. */
export function formatClock(at: Date | string): string {
  return timeFmt.format(typeof at === 'string' ? new Date(at) : at);
}

/** 2026/11/28 周六 in Beijing time. */
export function formatDate(at: Date | string): string {
  return dateFmt.format(typeof at === 'string' ? new Date(at) : at);
}

/**
 * 1,234 below ten thousand; 3.2万 from ten thousand; 1.5亿 from a hundred million.
 * English uses plain grouping (12,345).
 */
export function formatCount(value: number, lang: string = 'zh-CN'): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (lang.startsWith('zh')) {
    if (abs >= 1e8) return `${trim1(value / 1e8)}亿`;
    if (abs >= 1e4) return `${trim1(value / 1e4)}万`;
  }
  return Math.round(value).toLocaleString('en-US');
}

/** A share 0..1 as a percentage with one decimal: 0.8534 → 85.3%. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

function trim1(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

/** "3 分钟前" / "3 min ago" style age, from seconds. */
export function ageSeconds(from: Date | string, now: Date = new Date()): number {
  const at = typeof from === 'string' ? new Date(from) : from;
  return Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
}
