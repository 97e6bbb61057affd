import type { WebhookReceivers } from '@cockpit/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../lib/api';
import './i18n';

export const WEBHOOK_FIELD = 'channels.webhookUrl';

/**
 * Whether a failed save is about the webhook URL alone (a receiver WEBHOOK_ALLOWED_HOSTS does not permit,
 * credentials in the URL, not an http(s) URL), so its message belongs next to that field. The BFF names the
 * field in the error's details: `{field}` from the policy checks, `[{path}]` from request validation.
 */
export function isWebhookUrlError(err: unknown): err is ApiRequestError {
  if (!(err instanceof ApiRequestError) || err.status !== 400) return false;
  if (err.code === 'WEBHOOK_HOST_NOT_ALLOWED') return true;
  const details = err.details;
  if (Array.isArray(details))
    return details.length > 0 && details.every((d) => (d as { path?: unknown })?.path === WEBHOOK_FIELD);
  return (details as { field?: unknown } | undefined)?.field === WEBHOOK_FIELD;
}

/**
 * The policy form's webhook URL, with what the administrator permits (GET /me/webhook-receivers: none means
 * webhooks are off) and the server's refusal shown beside it. The BFF decides; this only tells.
 */
export function WebhookUrlField(props: {
  value: string;
  onChange: (value: string) => void;
  /** The save's error about this field, already worded for the user. */
  error: string | null;
  /** Undefined while loading (or when it could not be loaded): no hint. */
  receivers: WebhookReceivers | undefined;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const errorId = useId();
  const { receivers, error } = props;
  const describedBy = [receivers ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="alerts-form__field">
      <label>
        {t('alerts.policy.webhookUrl')}
        <input
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          name="webhookUrl"
          inputMode="url"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      </label>
      {receivers && (
        <span id={hintId} className="muted" data-testid="webhook-receivers">
          {receivers.enabled
            ? t('alerts.policy.webhookAllowed', { hosts: receivers.allowedHosts.join(', ') })
            : t('alerts.policy.webhookOff')}
        </span>
      )}
      {error && (
        <p id={errorId} role="alert" className="form-error" data-testid="webhook-error">
          {error}
        </p>
      )}
    </div>
  );
}
