import type { StoredAlarm } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Panel';
import { durationParts } from '../../lib/format';
import { openStoredAlarms, useOpenStoredAlarms } from './stored';

const STATE_ZH: Record<StoredAlarm['state'], string> = {
  firing: '告警中',
  acknowledged: '已确认',
  dispatched: '已派发',
  resolved: '已解决',
};
const STATE_EN: Record<StoredAlarm['state'], string> = {
  firing: 'firing',
  acknowledged: 'acknowledged',
  dispatched: 'dispatched',
  resolved: 'resolved',
};

/**
 * The stored inspection alarms (巡检告警, with their lifecycle) of the viewer's region: loading until the
 * list has arrived, and "none" only then. The BFF answers within the viewer's scope.
 */
export function StoredAlarmList({
  regionCode,
  source,
  limit = 10,
}: {
  regionCode: string;
  source?: string;
  limit?: number;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const alarms = useOpenStoredAlarms(regionCode);
  if (!alarms.data)
    return alarms.error ? <p className="muted">{String(alarms.error.message)}</p> : <Loading />;
  const rows = openStoredAlarms(alarms.data.items, source);
  const since = (at: string) => {
    const d = durationParts(Date.parse(at), Date.now());
    if (!d) return '';
    return d.h ? t('overview.hours', { h: d.h, m: d.m }) : t('overview.minutes', { n: d.m });
  };
  return (
    <div className="stored-alarms" data-testid="stored-alarms" data-count={rows.length}>
      <div className="chart-caption">{en ? 'Inspection alarms' : '巡检告警'}</div>
      {rows.length === 0 ? (
        <p className="muted">{en ? 'No open inspection alarms' : '暂无未处理的巡检告警'}</p>
      ) : (
        <ul className="alarms" data-scroll="list">
          {rows.slice(0, limit).map((a) => (
            <li
              key={a.id}
              className={`alarm alarm--${a.severity === 'critical' ? 'alarm' : 'warning'}`}
              data-alarm-id={a.id}
              data-state={a.state}
              data-rule={a.ruleId}
              data-source={a.source}
              data-severity={a.severity}
            >
              <span className="alarm__title">{a.summary}</span>
              <span className="alarm__meta muted">
                {(en ? STATE_EN : STATE_ZH)[a.state]} · {since(a.firstFiredAt)}
                {a.fireCount > 1 && ` · ×${a.fireCount}`}
              </span>
            </li>
          ))}
          {rows.length > limit && <li className="muted">… +{rows.length - limit}</li>}
        </ul>
      )}
    </div>
  );
}
