// The baseline of the live suite: a bare node:http SSE server that writes the same bytes to the same clients.
// It follows the BFF once per topic and relays every frame verbatim to its own subscribers of that topic,
// stamping `publishedAt` with the moment it received the frame (same length, so the same bytes on the wire).
// No batching, no slow-client rule: the floor of plain per-client writes. Usage: live-bare-server.ts <bffUrl> <token>
import { createServer, get, type ServerResponse } from 'node:http';

const bffUrl = process.argv[2] ?? '';
/** The session it follows the BFF with (a signed-in screen's). */
const token = process.argv[3] ?? '';
const subscribers = new Map<string, Set<ServerResponse>>();
/** The last full snapshot frame of each topic, for a joining client. */
const lastSnapshot = new Map<string, Buffer>();
const upstreams = new Set<string>();

const PUBLISHED = '"publishedAt":"';

function follow(topic: string) {
  if (upstreams.has(topic)) return;
  upstreams.add(topic);
  get(`${bffUrl}/api/v1/live?topics=${topic}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        let frame = buffer.slice(0, end + 2);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        const at = frame.indexOf(PUBLISHED);
        if (at < 0) continue;
        const start = at + PUBLISHED.length;
        frame = frame.slice(0, start) + new Date().toISOString() + frame.slice(start + 24);
        const bytes = Buffer.from(frame);
        if (frame.includes('\nevent: snapshot\n')) lastSnapshot.set(topic, bytes);
        for (const client of subscribers.get(topic) ?? []) client.write(bytes);
      }
    });
  });
}

const server = createServer((req, res) => {
  const topic = new URL(req.url ?? '/', 'http://x').searchParams.get('topics') ?? '';
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
  const set = subscribers.get(topic) ?? new Set<ServerResponse>();
  subscribers.set(topic, set);
  set.add(res);
  const first = lastSnapshot.get(topic);
  if (first) res.write(first);
  follow(topic);
  res.on('close', () => set.delete(res));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
