import { RevealRequest } from '@cockpit/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFieldError, validate } from './form';
import { can } from './redirect';
import { revealPersonal, useSessionUser } from './session.api';
import './auth.css';
import './i18n';

/**
 * A masked personal value (plate, phone). A user with `personal:view` may press 查看, type a reason
 * (查看原因) and see the value of this one record; the BFF audits the reveal with the reason. The value is
 * kept in this component only (not in any cache) and rendered as text.
 */
export function Reveal({
  kind,
  masked,
  revealRef,
  valueClassName,
  onStart,
}: {
  kind: 'plate' | 'phone';
  masked: string;
  revealRef: string | null | undefined;
  /** Class of the text itself (masked or revealed), e.g. `plate`. */
  valueClassName?: string;
  /** Told when the user starts a reveal (a live list holds still from then on). */
  onStart?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (value !== null)
    return (
      <span className="reveal">
        <span className={`reveal__value ${valueClassName ?? ''}`} data-testid="revealed">
          {value}
        </span>
      </span>
    );
  const allowed = can(user, 'personal:view') && Boolean(revealRef);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(RevealRequest, { kind, ref: revealRef ?? '', reason });
    if (!checked.ok) {
      setError(
        checked.errors
          .map((x) =>
            describeFieldError(x, x.field === 'reason' ? t('auth.revealReason') : x.field, i18n.language),
          )
          .join('；'),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setValue((await revealPersonal(checked.data)).value);
    } catch (err) {
      setError(t('auth.revealFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="reveal">
      <span className={valueClassName} data-testid="masked">
        {masked}
      </span>
      {allowed && !asking && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            onStart?.();
            setAsking(true);
          }}
          data-testid="reveal"
        >
          {t('auth.reveal')}
        </button>
      )}
      {asking && (
        <form className="reveal__form" onSubmit={submit} noValidate data-testid="reveal-form">
          <label className="field">
            <span>
              {t('auth.revealReason')} · <small>{t('auth.revealAudited')}</small>
            </span>
            <input
              name="reason"
              value={reason}
              placeholder={t('auth.revealPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('auth.revealSubmit')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setAsking(false);
              setError(null);
            }}
          >
            {t('auth.revealCancel')}
          </button>
          {error && (
            <span className="form-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </span>
  );
}
