import { NotificationList, notificationTopic } from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../auth/redirect';
import { useSessionUser } from '../auth/session.api';
import { formatClock, formatDate } from '../lib/format';
import { liveMuxOf } from '../lib/live-mux';
import { markRead, notificationsQuery } from './alerts.api';
import './alerts.css';
import './i18n';

/**
 * The shell's notification centre (通知中心): a bell with the unread count, and the list of one's in-app
 * notifications with mark-read. Only for people with alert:policy (a wall device has none).
 */
export function NotificationCentre() {
  const user = useSessionUser();
  if (user?.kind !== 'user' || !can(user, 'alert:policy')) return null;
  return <Centre canOps={can(user, 'ops:view')} topic={notificationTopic(user.id, user.scope)} />;
}

function Centre({ canOps, topic }: { canOps: boolean; topic: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery(notificationsQuery());
  const [open, setOpen] = useState(false);
  // The user's own live topic carries the whole list (with the unread count) whenever it changes, on the
  // screen's one live stream (the badge too, open or closed); the query's slow poll is only a fallback.
  useEffect(
    () =>
      liveMuxOf(queryClient).subscribe({
        topics: [topic],
        keyOf: () => notificationsQuery().queryKey,
        schemaOf: () => NotificationList,
      }),
    [topic, queryClient],
  );
  const unread = list.data?.unread ?? 0;
  const read = async (ids?: string[]) => {
    await markRead(ids);
    await queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] });
  };
  return (
    <div className="notify">
      <button
        type="button"
        className="button button--ghost notify__bell"
        aria-expanded={open}
        aria-label={t('alerts.centre.open', { n: unread })}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        {t('alerts.centre.title')}
        {unread > 0 && (
          <span className="notify__badge" data-testid="notification-badge">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="notify__panel" data-testid="notification-panel">
          <div className="notify__actions">
            <Link className="button button--ghost" to="/me/alerts">
              {t('alerts.centre.policies')}
            </Link>
            {canOps && (
              <Link className="button button--ghost" to="/ops">
                {t('alerts.centre.ops')}
              </Link>
            )}
            {unread > 0 && (
              <button type="button" className="button button--ghost" onClick={() => void read()}>
                {t('alerts.centre.markAll')}
              </button>
            )}
          </div>
          {!list.data ? (
            <p className="muted" aria-busy="true">
              {t('alerts.centre.loading')}
            </p>
          ) : list.data.items.length === 0 ? (
            <p className="muted">{t('alerts.centre.empty')}</p>
          ) : (
            <ul className="notify__list" data-testid="notification-list">
              {list.data.items.map((n) => (
                <li
                  key={n.id}
                  className={`notify__item alarm--${n.severity === 'critical' ? 'alarm' : 'warning'}${n.readAt ? ' notify__item--read' : ''}`}
                  data-severity={n.severity}
                  data-kind={n.kind}
                >
                  <div className="notify__title">
                    <span className="notify__sev">{t(`alerts.severity.${n.severity}`)}</span>
                    {n.kind === 'digest' && <span className="notify__sev">{t('alerts.centre.digest')}</span>}
                    {n.kind === 'threshold' && (
                      <span className="notify__sev">{t('alerts.centre.threshold')}</span>
                    )}
                    {n.title}
                  </div>
                  {n.kind === 'digest' && <pre className="notify__body">{n.body}</pre>}
                  <div className="notify__meta muted">
                    {formatDate(n.createdAt)} {formatClock(n.createdAt)}
                    {!n.readAt && (
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() => void read([n.id])}
                      >
                        {t('alerts.centre.markRead')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
