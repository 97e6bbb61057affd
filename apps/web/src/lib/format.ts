/** Display helpers: times in Asia/Shanghai whatever the machine's zone, numbers the Chinese way. */
import { formatBeijing, BEIJING_TIME_ZONE as TZ } from '@cockpit/domain/time';

const dateFmt = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  });
const dateFmts = { zh: dateFmt('zh-CN'), en: dateFmt('en-CA') };

/** 14:05:09 in Beijing time. */
export function formatClock(at: Date | string): string {
  return formatBeijing(typeof at === 'string' ? at : at.getTime(), 'HH:mm:ss');
}

/** 2026/11/28 周六 in Beijing time; in English "Sat, 2026-11-28". */
export function formatDate(at: Date | string, lang = 'zh-CN'): string {
  return dateFmts[lang.startsWith('en') ? 'en' : 'zh'].format(typeof at === 'string' ? new Date(at) : at);
}

/**
 * The exact count, grouped, below a hundred thousand (19,846, never "2万"); from there 万 and 亿 with four
 * significant digits (12.35万, 1.500亿 → 1.5亿). English uses plain grouping (12,345).
 */
export function formatCount(value: number, lang: string = 'zh-CN'): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (lang.startsWith('zh')) {
    if (abs >= 1e8) return `${sig4(value / 1e8)}亿`;
    if (abs >= 1e5) return `${sig4(value / 1e4)}万`;
  }
  return Math.round(value).toLocaleString('en-US');
}

/** Four significant digits, trailing zeros dropped: 19.846 → 19.85, 123.456 → 123.5, 1.5 → 1.5. */
function sig4(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A share 0..1 as a percentage with one decimal: 0.8534 → 85.3%. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** "3 分钟前" / "3 min ago" style age, from seconds. */
export function ageSeconds(from: Date | string, now: Date = new Date()): number {
  const at = typeof from === 'string' ? new Date(from) : from;
  return Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
}

/** Whole hours and minutes from `fromMs` to `toMs`; undefined when the start lies in the future. */
export function durationParts(fromMs: number, toMs: number): { h: number; m: number } | undefined {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) return undefined;
  const minutes = Math.floor((toMs - fromMs) / 60_000);
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

/** A distance for people: 850 米 below a kilometre, else 1.2 公里 (English: 850 m, 1.2 km). */
export function formatDistance(meters: number, lang = 'zh-CN'): string {
  const en = lang.startsWith('en');
  if (!Number.isFinite(meters)) return '—';
  if (meters < 1000) return `${Math.round(meters / 10) * 10} ${en ? 'm' : '米'}`;
  return `${(meters / 1000).toFixed(1)} ${en ? 'km' : '公里'}`;
}
