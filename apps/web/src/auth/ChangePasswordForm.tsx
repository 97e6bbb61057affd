import { ChangePasswordRequest, PASSWORD_MIN_LENGTH } from '@cockpit/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../lib/api';
import { describeFieldError, validate } from './form';
import { changePassword } from './session.api';
import { TextField } from './TextField';
import './i18n';

/**
 * The forced change of a one-time password. `currentPassword` is passed when the user has just typed it on
 * the sign-in form, so they are not asked twice.
 */
export function ChangePasswordForm({
  currentPassword: known,
  onChanged,
}: {
  currentPassword?: string;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState(known ?? '');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const labels: Record<string, string> = {
      currentPassword: t('auth.currentPassword'),
      newPassword: t('auth.newPassword'),
    };
    const checked = validate(ChangePasswordRequest, { currentPassword: current, newPassword: next });
    if (!checked.ok) {
      setError(
        checked.errors
          .map((x) => describeFieldError(x, labels[x.field] ?? x.field, i18n.language))
          .join('；'),
      );
      return;
    }
    if (next !== repeat) return setError(t('auth.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await changePassword(checked.data);
      onChanged();
    } catch (err) {
      setError(
        err instanceof ApiRequestError && (err.status === 401 || err.status === 403)
          ? t('auth.wrongCurrent')
          : err instanceof ApiRequestError && err.status === 400
            ? `${t('auth.newPassword')}：${err.message}`
            : t('auth.failed', { message: String((err as Error).message) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="auth-card" onSubmit={submit} data-testid="change-password" noValidate>
      <h1>{t('auth.changeTitle')}</h1>
      <p className="muted">{t('auth.changeBody', { min: PASSWORD_MIN_LENGTH })}</p>
      {known === undefined && (
        <TextField
          label={t('auth.currentPassword')}
          name="currentPassword"
          type="password"
          value={current}
          autoComplete="current-password"
          onChange={setCurrent}
        />
      )}
      <TextField
        label={t('auth.newPassword')}
        name="newPassword"
        type="password"
        value={next}
        autoComplete="new-password"
        onChange={setNext}
      />
      <TextField
        label={t('auth.repeatPassword')}
        name="repeatPassword"
        type="password"
        value={repeat}
        autoComplete="new-password"
        onChange={setRepeat}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('auth.changeSubmit')}
      </button>
    </form>
  );
}
