import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { onAuthError } from '../lib/api';
import { useUi } from '../stores/ui';
import { ChangePasswordForm } from './ChangePasswordForm';
import { Forbidden } from './Forbidden';
import { PairingScreen } from './PairingScreen';
import { can, loginHref } from './redirect';
import { SESSION_KEY, sessionQuery } from './session.api';
import './auth.css';
import './i18n';

/**
 * Renders its children only with a session. Before the session is known it shows loading (never cockpit
 * content); signed out, a person goes to /login?next=<this page> and a wall screen shows its pairing code;
 * a one-time password is changed first. A 401 from any request or a dropped live stream re-checks the
 * session, so an expired one leads back to sign-in.
 */
export function RequireSession({ children, permission }: { children: ReactNode; permission?: string }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const queryClient = useQueryClient();
  const profile = useUi((s) => s.profile);
  const liveState = useUi((s) => s.liveState);
  const session = useQuery(sessionQuery());

  useEffect(
    () => onAuthError(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })),
    [queryClient],
  );
  // EventSource hides the status of a failed stream: a drop may be an expired session, so ask.
  useEffect(() => {
    if (liveState === 'down') void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [liveState, queryClient]);

  const data = session.data;
  if (!data) {
    return (
      <main className="not-found" data-testid="session-loading" aria-busy={!session.isError}>
        <p>{session.isError ? t('auth.sessionError') : t('auth.loading')}</p>
        {session.isError && (
          <button type="button" className="button" onClick={() => void session.refetch()}>
            {t('auth.retry')}
          </button>
        )}
      </main>
    );
  }
  if (data.state === 'signed-out') {
    if (profile === 'wall') return <PairingScreen />;
    return <Navigate to={loginHref(`${pathname}${search}`)} replace />;
  }
  if (data.state === 'must-change-password')
    return (
      <main className="auth-page">
        <ChangePasswordForm onChanged={() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })} />
      </main>
    );
  if (permission && !can(data.user, permission)) return <Forbidden reason="permission" />;
  return <>{children}</>;
}
