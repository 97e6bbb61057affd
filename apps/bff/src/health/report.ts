import type { InspectionReport, StoredAlarm } from '@cockpit/contracts';
import { csvCell } from '@cockpit/domain/csv';
import { beijingDayStart, DAY_MS } from '@cockpit/domain/time';
import type { Store } from '../store/types';

/**
 * The daily inspection report (巡检日报) of one Beijing day, within a scope: availability per system (the
 * share of scheduled probes that found it up), data quality per department (findings per source), and the
 * alarms of the day with their time to acknowledge and to resolve.
 */
export async function inspectionReport(
  store: Store,
  date: string,
  scope: string,
  now = Date.now(),
): Promise<InspectionReport> {
  const from = new Date(beijingDayStart(date)).toISOString();
  const to = new Date(beijingDayStart(date) + DAY_MS).toISOString();
  const owners = new Map((await store.departments.upstreamOwners()).map((o) => [o.systemId, o.departmentId]));
  const tallies = await store.alarms.probeTallies(date);
  const counts = await store.alarms.findingCounts(date, date, [scope]);
  const perSource = new Map<string, number>();
  for (const c of counts) perSource.set(c.source, (perSource.get(c.source) ?? 0) + c.count);
  const alarms = (await store.alarms.alarmsOfDay(from, to)).filter((a) => a.regionCode.startsWith(scope));
  const transitions = await store.alarms.transitionsOf(alarms.map((a) => a.id));
  const firstAt = (a: StoredAlarm, kinds: string[]) => {
    const t = transitions.find((x) => x.alarmId === a.id && kinds.includes(x.kind));
    return t ? (Date.parse(t.at) - Date.parse(a.firstFiredAt)) / 1000 : null;
  };
  return {
    date,
    generatedAt: new Date(now).toISOString(),
    systems: [...new Set([...owners.keys(), ...tallies.map((t) => t.system)])].sort().map((system) => {
      const t = tallies.find((x) => x.system === system);
      return {
        system,
        departmentId: owners.get(system) ?? null,
        availability: t && t.total > 0 ? t.ok / t.total : null,
        probes: t?.total ?? 0,
      };
    }),
    dataQuality: [...perSource].map(([source, findings]) => ({
      departmentId: owners.get(source) ?? 'big-data',
      source,
      findings,
    })),
    alarms: alarms.map((a) => ({
      ...a,
      secondsToAcknowledge: firstAt(a, ['ack', 'dispatch']),
      secondsToResolve: firstAt(a, ['resolve', 'auto-resolve']),
    })),
  };
}

const ALARM_COLUMNS = [
  'id',
  'ruleId',
  'severity',
  'state',
  'regionCode',
  'source',
  'entityId',
  'firstFiredAt',
  'lastChangedAt',
  'summary',
  'fireCount',
  'acknowledgedBy',
  'departmentId',
  'cause',
  'secondsToAcknowledge',
  'secondsToResolve',
] as const;

/** CSV (UTF-8 with BOM for Excel): three sections; formula-safe cells (the one CSV escaping, @cockpit/domain/csv). */
export function reportCsv(r: InspectionReport): string {
  const rows: (string | number | null)[][] = [
    ['巡检日报', r.date, '生成于', r.generatedAt],
    [],
    ['system', 'departmentId', 'availability', 'probes'],
    ...r.systems.map((s) => [s.system, s.departmentId, s.availability, s.probes]),
    [],
    ['departmentId', 'source', 'findings'],
    ...r.dataQuality.map((d) => [d.departmentId, d.source, d.findings]),
    [],
    [...ALARM_COLUMNS],
    ...r.alarms.map((a) => ALARM_COLUMNS.map((k) => (a[k] ?? null) as string | number | null)),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const minutes = (s: number | null) => (s === null ? '—' : `${(s / 60).toFixed(1)} 分钟`);

/** A self-contained HTML page (no scripts, no external assets); every value escaped. */
export function reportHtml(r: InspectionReport): string {
  const table = (head: string[], body: unknown[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body
      .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>巡检日报 ${escapeHtml(r.date)}</title>
<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #999;padding:4px 8px;text-align:left}</style></head>
<body><h1>天台县数字驾驶舱 巡检日报 ${escapeHtml(r.date)}</h1><p>生成于 ${escapeHtml(r.generatedAt)}（UTC）</p>
<h2>系统可用率</h2>${table(
    ['系统', '责任部门', '可用率', '探测次数'],
    r.systems.map((s) => [s.system, s.departmentId ?? '—', pct(s.availability), s.probes]),
  )}
<h2>数据质量（异常数据条数）</h2>${table(
    ['部门', '来源', '异常条数'],
    r.dataQuality.map((d) => [d.departmentId, d.source, d.findings]),
  )}
<h2>当日告警</h2>${table(
    [
      '级别',
      '状态',
      '规则',
      '区域',
      '对象',
      '首次触发',
      '摘要',
      '触发次数',
      '确认人',
      '派发部门',
      '原因',
      '确认用时',
      '处置用时',
    ],
    r.alarms.map((a) => [
      a.severity,
      a.state,
      a.ruleId,
      a.regionCode,
      a.entityId ?? '—',
      a.firstFiredAt,
      a.summary,
      a.fireCount,
      a.acknowledgedBy ?? '—',
      a.departmentId ?? '—',
      a.cause ?? '—',
      minutes(a.secondsToAcknowledge),
      minutes(a.secondsToResolve),
    ]),
  )}
</body></html>`;
}
