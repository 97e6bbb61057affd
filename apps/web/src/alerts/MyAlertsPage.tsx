import type { AlertPolicy, AlertPolicyInput } from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Forbidden } from '../auth/Forbidden';
import { LanguageButton } from '../auth/LanguageButton';
import { can, homePath } from '../auth/redirect';
import { useSessionUser } from '../auth/session.api';
import { UserMenu } from '../auth/UserMenu';
import { ApiRequestError } from '../lib/api';
import { createPolicy, deletePolicy, policiesQuery, updatePolicy, webhookReceiversQuery } from './alerts.api';
import { isWebhookUrlError, WebhookUrlField } from './WebhookUrlField';
import '../admin/admin.css';
import './alerts.css';
import './i18n';

type Draft = {
  name: string;
  kind: AlertPolicyInput['subscription']['kind'];
  ref: string;
  minSeverity: AlertPolicyInput['minSeverity'];
  thresholdOp: '' | '>' | '>=' | '<' | '<=';
  thresholdValue: string;
  quietHours: string;
  delivery: AlertPolicyInput['delivery'];
  inApp: boolean;
  webhookUrl: string;
  enabled: boolean;
};

const draftOf = (p: AlertPolicy | null, scope: string): Draft => ({
  name: p?.name ?? '',
  kind: p?.subscription.kind ?? 'region',
  ref: p?.subscription.ref ?? scope,
  minSeverity: p?.minSeverity ?? 'warning',
  thresholdOp: p?.threshold?.op ?? '',
  thresholdValue: p?.threshold ? String(p.threshold.value) : '',
  quietHours: p?.quietHours ?? '',
  delivery: p?.delivery ?? 'immediate',
  inApp: p?.channels.inApp ?? true,
  webhookUrl: p?.channels.webhookUrl ?? '',
  enabled: p?.enabled ?? true,
});

/** The draft as the API takes it (the BFF validates and names the field of any problem). */
export function policyInputOf(d: Draft): AlertPolicyInput {
  const value = Number(d.thresholdValue);
  return {
    name: d.name.trim(),
    subscription: { kind: d.kind, ref: d.ref.trim() },
    minSeverity: d.minSeverity,
    threshold: d.thresholdOp && d.thresholdValue.trim() !== '' ? { op: d.thresholdOp, value } : null,
    quietHours: d.quietHours.trim() === '' ? null : d.quietHours.trim(),
    delivery: d.delivery,
    channels: { inApp: d.inApp, webhookUrl: d.webhookUrl.trim() === '' ? null : d.webhookUrl.trim() },
    enabled: d.enabled,
  };
}

/** `/me/alerts`: one's own alert policies (个性化告警策略). */
export default function MyAlertsPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { search } = useLocation();
  const queryClient = useQueryClient();
  const policies = useQuery(policiesQuery());
  const receivers = useQuery(webhookReceiversQuery());
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The save's refusal of the webhook URL (shown beside that field). */
  const [webhookError, setWebhookError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  if (!user) return null;
  if (!can(user, 'alert:policy')) return <Forbidden reason="permission" />;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me', 'alert-policies'] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setError(null);
    setWebhookError(null);
    try {
      const input = policyInputOf(editing.draft);
      const saved = editing.id ? await updatePolicy(editing.id, input) : await createPolicy(input);
      setSecret(saved.webhookSecret);
      setEditing(null);
      await refresh();
    } catch (err) {
      const message = t('alerts.policy.failed', {
        message: err instanceof ApiRequestError ? err.message : String(err),
      });
      if (isWebhookUrlError(err)) setWebhookError(message);
      else setError(message);
    }
  };
  const remove = async (p: AlertPolicy) => {
    if (!window.confirm(t('alerts.policy.deleteConfirm', { name: p.name }))) return;
    await deletePolicy(p.id);
    await refresh();
  };
  /** Opens (or closes, with null) the form; the last save's errors belong to the last form. */
  const edit = (next: { id: string | null; draft: Draft } | null) => {
    setError(null);
    setWebhookError(null);
    setEditing(next);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, [key]: value } } : e));

  return (
    <div className="admin" data-testid="my-alerts">
      <header className="header admin__header">
        <div className="header__brand">
          <h1 className="header__title">{t('alerts.policy.title')}</h1>
          <span className="header__subtitle">{t('app.title')}</span>
        </div>
        <div className="header__right">
          <Link className="button button--ghost" to={homePath(user, search)}>
            {t('alerts.policy.back')}
          </Link>
          <UserMenu />
          <LanguageButton />
        </div>
      </header>
      <main className="admin__main admin-section">
        <p className="muted">{t('alerts.policy.subtitle')}</p>
        {secret && (
          <div className="alerts-secret" data-testid="webhook-secret">
            <strong>{t('alerts.policy.secretOnce')}</strong> <code>{secret}</code>
            <p className="muted">{t('alerts.policy.secretHelp')}</p>
          </div>
        )}
        {!editing && (
          <div>
            <button
              type="button"
              className="button"
              data-testid="policy-create"
              onClick={() => edit({ id: null, draft: draftOf(null, user.scope) })}
            >
              {t('alerts.policy.create')}
            </button>
          </div>
        )}
        {editing && (
          <form className="alerts-form" onSubmit={(e) => void submit(e)} data-testid="policy-form">
            <label>
              {t('alerts.policy.name')}
              <input
                value={editing.draft.name}
                onChange={(e) => set('name', e.target.value)}
                required
                name="name"
              />
            </label>
            <label>
              {t('alerts.policy.kind')}
              <select
                value={editing.draft.kind}
                onChange={(e) => set('kind', e.target.value as Draft['kind'])}
              >
                {(['region', 'indicator', 'field', 'rule'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`alerts.policy.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('alerts.policy.ref')}
              <input value={editing.draft.ref} onChange={(e) => set('ref', e.target.value)} name="ref" />
            </label>
            <label>
              {t('alerts.policy.minSeverity')}
              <select
                value={editing.draft.minSeverity}
                onChange={(e) => set('minSeverity', e.target.value as Draft['minSeverity'])}
              >
                {(['info', 'warning', 'critical'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`alerts.severity.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            {editing.draft.kind === 'indicator' && (
              <>
                <label>
                  {t('alerts.policy.threshold')} · {t('alerts.policy.thresholdOp')}
                  <select
                    value={editing.draft.thresholdOp}
                    onChange={(e) => set('thresholdOp', e.target.value as Draft['thresholdOp'])}
                  >
                    <option value="">—</option>
                    {(['>', '>=', '<', '<='] as const).map((op) => (
                      <option key={op} value={op}>
                        {op}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('alerts.policy.thresholdValue')}
                  <input
                    inputMode="decimal"
                    value={editing.draft.thresholdValue}
                    onChange={(e) => set('thresholdValue', e.target.value)}
                  />
                </label>
              </>
            )}
            <label>
              {t('alerts.policy.quietHours')}
              <input
                value={editing.draft.quietHours}
                placeholder="22:00-07:00"
                onChange={(e) => set('quietHours', e.target.value)}
                name="quietHours"
              />
            </label>
            <label>
              {t('alerts.policy.delivery')}
              <select
                value={editing.draft.delivery}
                onChange={(e) => set('delivery', e.target.value as Draft['delivery'])}
              >
                {(['immediate', 'digest'] as const).map((d) => (
                  <option key={d} value={d}>
                    {t(`alerts.policy.deliveries.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <WebhookUrlField
              value={editing.draft.webhookUrl}
              onChange={(value) => {
                set('webhookUrl', value);
                setWebhookError(null);
              }}
              error={webhookError}
              receivers={receivers.data}
            />
            <label className="alerts-form__check">
              <input
                type="checkbox"
                checked={editing.draft.inApp}
                onChange={(e) => set('inApp', e.target.checked)}
              />
              {t('alerts.policy.inApp')}
            </label>
            <label className="alerts-form__check">
              <input
                type="checkbox"
                checked={editing.draft.enabled}
                onChange={(e) => set('enabled', e.target.checked)}
              />
              {t('alerts.policy.enabled')}
            </label>
            <div className="alerts-row-actions">
              <button type="submit" className="button" data-testid="policy-save">
                {t('alerts.policy.save')}
              </button>
              <button type="button" className="button button--ghost" onClick={() => edit(null)}>
                {t('alerts.policy.cancel')}
              </button>
            </div>
            {error && (
              <p role="alert" className="form-error" data-testid="policy-error">
                {error}
              </p>
            )}
          </form>
        )}
        {!policies.data ? (
          <p className="muted" aria-busy="true">
            {t('alerts.policy.loading')}
          </p>
        ) : policies.data.items.length === 0 ? (
          <p className="muted">{t('alerts.policy.none')}</p>
        ) : (
          <table className="alerts-table" data-testid="policy-list">
            <thead>
              <tr>
                <th>{t('alerts.policy.name')}</th>
                <th>{t('alerts.policy.kind')}</th>
                <th>{t('alerts.policy.minSeverity')}</th>
                <th>{t('alerts.policy.quietHours')}</th>
                <th>{t('alerts.policy.delivery')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {policies.data.items.map((p) => (
                <tr key={p.id} data-severity={p.minSeverity}>
                  <td>
                    {p.name}
                    {!p.enabled && <span className="muted"> · ✕</span>}
                  </td>
                  <td>
                    {t(`alerts.policy.kinds.${p.subscription.kind}`)} · {p.subscription.ref}
                    {p.threshold && ` (${p.threshold.op} ${p.threshold.value})`}
                  </td>
                  <td>{t(`alerts.severity.${p.minSeverity}`)}</td>
                  <td>{p.quietHours ?? '—'}</td>
                  <td>
                    {t(`alerts.policy.deliveries.${p.delivery}`)}
                    {p.channels.inApp && ` · ${t('alerts.policy.inApp')}`}
                    {p.channels.webhookUrl && ' · Webhook'}
                  </td>
                  <td className="alerts-row-actions">
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => edit({ id: p.id, draft: draftOf(p, user.scope) })}
                    >
                      {t('alerts.policy.edit')}
                    </button>
                    <button type="button" className="button button--ghost" onClick={() => void remove(p)}>
                      {t('alerts.policy.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
