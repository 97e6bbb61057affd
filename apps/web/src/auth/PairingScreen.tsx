import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatClock } from '../lib/format';
import { loginHref } from './redirect';
import { createPairing, pollPairing, SESSION_KEY } from './session.api';
import './auth.css';
import './i18n';

const POLL_MS = 1500;

/**
 * A wall screen without a session: shows a short pairing code (POST /devices/pairings) and polls its state.
 * Once an administrator approves it, the BFF sets the long-lived device cookie on the poll's answer and the
 * wall shows its scope; after a power cut or a BFF restart the cookie is still there.
 */
export function PairingScreen() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const queryClient = useQueryClient();
  // A new code when the previous one expired.
  const [round, setRound] = useState(0);
  const pairing = useQuery({
    queryKey: ['auth', 'pairing', round],
    queryFn: () => createPairing(),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const created = pairing.data;
  const state = useQuery({
    queryKey: ['auth', 'pairing', round, 'state', created?.pairingId],
    queryFn: ({ signal }) => pollPairing(created?.pairingId ?? '', created?.secret ?? '', signal),
    enabled: Boolean(created),
    refetchInterval: (q) => (q.state.data?.state === 'pending' || !q.state.data ? POLL_MS : false),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const current = state.data?.state;

  useEffect(() => {
    if (current === 'expired') setRound((r) => r + 1);
    // The answer set the device cookie: the session is now the device's. A page outside its scope sends it
    // to its own region (see <Forbidden>).
    if (current === 'approved') void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [current, queryClient]);

  return (
    <main className="pairing" data-testid="pairing">
      <h1 className="pairing__title">{t('auth.pairTitle')}</h1>
      <p className="pairing__body">{t('auth.pairBody')}</p>
      <output className="pairing__code" data-testid="pairing-code" aria-live="polite">
        {created?.code ?? '···-···'}
      </output>
      <p className="pairing__state" data-testid="pairing-state" data-state={current ?? 'creating'}>
        {current === 'approved'
          ? t('auth.pairApproved', { name: state.data?.device?.name ?? '' })
          : current === 'expired'
            ? t('auth.pairExpired')
            : t('auth.pairWaiting')}
      </p>
      {created && <p className="muted">{t('auth.pairExpires', { time: formatClock(created.expiresAt) })}</p>}
      <Link className="button button--ghost" to={loginHref(`${pathname}${search}`)}>
        {t('auth.pairSignIn')}
      </Link>
    </main>
  );
}
