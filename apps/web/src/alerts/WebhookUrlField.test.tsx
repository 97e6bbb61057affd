import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../app/i18n';
import { ApiRequestError, errorOfResponse } from '../lib/api';
import { isWebhookUrlError, WebhookUrlField } from './WebhookUrlField';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  if (!i18next.isInitialized) initI18n();
});
let host: HTMLDivElement | undefined;
let root: Root | undefined;
afterEach(async () => {
  act(() => root?.unmount());
  host?.remove();
  await i18next.changeLanguage('zh-CN');
});

/** The error the API client makes of a BFF answer. */
const answered = (status: number, body: unknown) =>
  errorOfResponse(new Response(JSON.stringify(body), { status }), body);

describe('which failed saves belong beside the webhook URL', () => {
  it('a receiver that is not permitted, and refusals naming channels.webhookUrl alone', () => {
    const notAllowed = answered(400, {
      error: {
        code: 'WEBHOOK_HOST_NOT_ALLOWED',
        message:
          'channels.webhookUrl: the host 10.0.0.5:8080 is not a permitted webhook receiver; an administrator permits receivers with WEBHOOK_ALLOWED_HOSTS',
        details: { field: 'channels.webhookUrl', host: '10.0.0.5:8080' },
      },
    });
    expect(isWebhookUrlError(notAllowed)).toBe(true);
    const credentials = answered(400, {
      error: {
        code: 'VALIDATION',
        message: 'channels.webhookUrl: must not carry user:password credentials',
        details: { field: 'channels.webhookUrl', issues: [] },
      },
    });
    expect(isWebhookUrlError(credentials)).toBe(true);
    const scheme = answered(400, {
      error: {
        code: 'VALIDATION',
        message: 'Invalid request: channels.webhookUrl: must be an http(s) URL',
        details: [{ path: 'channels.webhookUrl', message: 'must be an http(s) URL', code: 'invalid_format' }],
      },
    });
    expect(isWebhookUrlError(scheme)).toBe(true);
  });

  it('not other fields’ refusals, several fields at once, or other failures', () => {
    const quiet = answered(400, {
      error: { code: 'VALIDATION', message: 'quietHours: …', details: { field: 'quietHours', issues: [] } },
    });
    expect(isWebhookUrlError(quiet)).toBe(false);
    const both = answered(400, {
      error: {
        code: 'VALIDATION',
        message: 'Invalid request: …',
        details: [
          { path: 'channels.webhookUrl', message: '…', code: 'invalid_format' },
          { path: 'name', message: '…', code: 'too_small' },
        ],
      },
    });
    expect(isWebhookUrlError(both)).toBe(false);
    expect(isWebhookUrlError(new ApiRequestError(403, 'OUT_OF_SCOPE', '…'))).toBe(false);
    expect(isWebhookUrlError(new Error('network'))).toBe(false);
  });
});

function render(props: Parameters<typeof WebhookUrlField>[0]) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<WebhookUrlField {...props} />));
  return host;
}

describe('the webhook URL field', () => {
  const noop = () => {};

  it('says webhooks are off when no receiver is permitted (zh-CN first, English too)', async () => {
    const el = render({
      value: '',
      onChange: noop,
      error: null,
      receivers: { enabled: false, allowedHosts: [] },
    });
    expect(el.querySelector('[data-testid="webhook-receivers"]')?.textContent).toBe(
      '未开放 Webhook：请管理员在 WEBHOOK_ALLOWED_HOSTS 中登记接收地址',
    );
    await act(() => i18next.changeLanguage('en'));
    expect(el.querySelector('[data-testid="webhook-receivers"]')?.textContent).toBe(
      'Webhooks are not enabled: ask an administrator to list the receiver in WEBHOOK_ALLOWED_HOSTS',
    );
  });

  it('lists the permitted receivers, and shows the save’s refusal beside the input', () => {
    const refusal =
      '保存失败：channels.webhookUrl: the host 10.0.0.5:8080 is not a permitted webhook receiver; an administrator permits receivers with WEBHOOK_ALLOWED_HOSTS';
    const el = render({
      value: 'http://10.0.0.5:8080/admin',
      onChange: noop,
      error: refusal,
      receivers: { enabled: true, allowedHosts: ['*.zj.gov.cn', '10.20.0.0/16'] },
    });
    expect(el.querySelector('[data-testid="webhook-receivers"]')?.textContent).toBe(
      '允许的接收地址：*.zj.gov.cn, 10.20.0.0/16',
    );
    const input = el.querySelector('input[name="webhookUrl"]')!;
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe(refusal);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
  });

  it('no hint while the permitted list is unknown, no alert without an error', () => {
    const el = render({ value: '', onChange: noop, error: null, receivers: undefined });
    expect(el.querySelector('[data-testid="webhook-receivers"]')).toBeNull();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('input')?.hasAttribute('aria-invalid')).toBe(false);
  });
});
