// The framework's ceiling for the snapshot figure: a bare Hono route on @hono/node-server returning the
// same bytes, precomputed. Run as its own process, like the BFF. Usage: bare-server.ts <body.json>
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const body = readFileSync(process.argv[2] ?? '', 'utf8');
const app = new Hono().get('/snapshot', (c) =>
  c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8', ETag: '"bare"' }),
);
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on http://127.0.0.1:${info.port}\n`);
});
