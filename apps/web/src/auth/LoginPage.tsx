import { LoginRequest, type SessionUser } from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiRequestError } from '../lib/api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { describeFieldError, formatWait, validate } from './form';
import { LanguageButton } from './LanguageButton';
import { afterLoginPath } from './redirect';
import { login, SESSION_KEY, type Session, sessionOf, sessionQuery } from './session.api';
import { TextField } from './TextField';
import './auth.css';
import './i18n';

/** `/login?next=<path>`: username and password; a forced password change when the account needs one. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery());
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<SessionUser | null>(null);
  const next = new URLSearchParams(search).get('next');

  const enter = (user: SessionUser) => {
    // Whatever the previous principal loaded (another scope, other permissions) must not show.
    queryClient.clear();
    queryClient.setQueryData<Session>(SESSION_KEY, sessionOf(user));
    navigate(afterLoginPath(user, next, search), { replace: true });
  };

  if (session.data?.state === 'signed-in' && !busy && !mustChange)
    return <Navigate to={afterLoginPath(session.data.user, next, search)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const labels: Record<string, string> = { username: t('auth.username'), password: t('auth.password') };
    const checked = validate(LoginRequest, { username: username.trim(), password });
    if (!checked.ok) {
      setError(
        checked.errors
          .map((x) => describeFieldError(x, labels[x.field] ?? x.field, i18n.language))
          .join('；'),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { user } = await login(checked.data);
      if (user.mustChangePassword) setMustChange(user);
      else enter(user);
    } catch (err) {
      setError(loginErrorText(err, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page" data-testid="login-page">
      <div className="auth-page__top">
        <span className="auth-page__brand">{t('app.title')}</span>
        <LanguageButton />
      </div>
      {mustChange ? (
        <ChangePasswordForm
          currentPassword={password}
          onChanged={() => enter({ ...mustChange, mustChangePassword: false })}
        />
      ) : (
        <form className="auth-card" onSubmit={submit} data-testid="login-form" noValidate>
          <h1>{t('auth.signInTitle')}</h1>
          <TextField
            label={t('auth.username')}
            name="username"
            value={username}
            autoComplete="username"
            onChange={setUsername}
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            value={password}
            autoComplete="current-password"
            onChange={setPassword}
          />
          {error && (
            <p className="form-error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      )}
    </main>
  );
}

function loginErrorText(err: unknown, t: TFunction, lang: string): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 401) return t('auth.invalid');
    if (err.status === 429)
      return err.retryAfterSeconds
        ? t('auth.locked', { time: formatWait(err.retryAfterSeconds, lang) })
        : t('auth.lockedUnknown');
  }
  return t('auth.failed', { message: err instanceof Error ? err.message : String(err) });
}
