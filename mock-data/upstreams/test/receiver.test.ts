import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReceiver, signWebhook, startReceiver } from '../receiver/server';

let rx: RunningReceiver;
beforeAll(async () => {
  rx = await startReceiver({ port: 0 });
  await fetch(`${rx.url}/admin/channels/duty`, {
    method: 'PUT',
    body: JSON.stringify({ secret: 's3cret-key' }),
  });
});
afterAll(() => rx.close());

const post = (body: string, sig: string, ts: number) =>
  fetch(`${rx.url}/hooks/duty`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-cockpit-signature': sig,
      'x-cockpit-timestamp': String(ts),
    },
    body,
  });

describe('webhook receiver', () => {
  it('accepts a correctly signed delivery and refuses a forged one', async () => {
    const body = JSON.stringify({ msgtype: 'text', text: { content: '告警' } });
    const ts = 1_700_000_000_000;
    expect((await post(body, signWebhook('s3cret-key', ts, body), ts)).status).toBe(200);
    expect((await post(body, signWebhook('wrong-key', ts, body), ts)).status).toBe(401);
    // The same signature over a changed body is refused.
    expect((await post(`${body} `, signWebhook('s3cret-key', ts, body), ts)).status).toBe(401);
    const list = (await (await fetch(`${rx.url}/admin/deliveries?channel=duty`)).json()) as {
      items: { verified: boolean; status: number }[];
    };
    expect(list.items.map((d) => [d.verified, d.status])).toEqual([
      [true, 200],
      [false, 401],
      [false, 401],
    ]);
  });

  it('fails on demand for the next N deliveries, then recovers', async () => {
    await fetch(`${rx.url}/admin/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'fail', times: 1 }) });
    const body = '{}';
    const ts = 1;
    expect((await post(body, signWebhook('s3cret-key', ts, body), ts)).status).toBe(503);
    expect((await post(body, signWebhook('s3cret-key', ts, body), ts)).status).toBe(200);
    await fetch(`${rx.url}/admin/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'down', times: 1 }) });
    await expect(post(body, signWebhook('s3cret-key', ts, body), ts)).rejects.toThrow();
    expect((await post(body, signWebhook('s3cret-key', ts, body), ts)).status).toBe(200);
    const bad = await fetch(`${rx.url}/admin/mode`, {
      method: 'PUT',
      body: JSON.stringify({ mode: 'maybe' }),
    });
    expect(bad.status).toBe(400);
  });

  it('answers 302 with the Location it was given, when told to redirect', async () => {
    const location = `${rx.url}/hooks/elsewhere`;
    const set = await fetch(`${rx.url}/admin/mode`, {
      method: 'PUT',
      body: JSON.stringify({ mode: 'redirect', location, times: 1 }),
    });
    expect(set.status).toBe(200);
    const body = '{}';
    const ts = 2;
    const res = await fetch(`${rx.url}/hooks/duty`, {
      method: 'POST',
      headers: {
        'x-cockpit-signature': signWebhook('s3cret-key', ts, body),
        'x-cockpit-timestamp': String(ts),
      },
      body,
      redirect: 'manual',
    });
    expect([res.status, res.headers.get('location')]).toEqual([302, location]);
    expect((await post(body, signWebhook('s3cret-key', ts, body), ts)).status).toBe(200);
    const noWhere = await fetch(`${rx.url}/admin/mode`, {
      method: 'PUT',
      body: JSON.stringify({ mode: 'redirect' }),
    });
    expect(noWhere.status).toBe(400);
  });
});
