import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  LiveDeltaEvent,
  LiveDropEvent,
  LiveResetEvent,
  LiveSnapshotEvent,
  Theme,
  userIdOfNotificationKey,
} from '@cockpit/contracts';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { guard } from '../../auth/access';
import type { Hierarchy } from '../../geo/hierarchy';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { baseHeaders } from '../../lib/http-headers';
import { errorResponse } from '../../lib/json-errors';
import type { LiveHub, LiveSink } from '../../live/hub';
import { type LivePublisher, parseTopic } from '../../live/publisher';
import { LiveStreamService, MAX_TOPICS } from '../../live/stream.service';
import { SNAPSHOT_THEMES } from '../../snapshots/service';

const HEARTBEAT_MS = 15_000;

/**
 * Decides whether this request may follow a topic; throws an HttpError when not. The one place a
 * permission check on topics hooks in (the default allows every valid topic).
 */
export type TopicGuard = (c: Context<AppEnv>, topic: string) => void | Promise<void>;

/**
 * GET /api/v1/live?topics=snapshot:overview:331023,… — Server-Sent Events (schema: packages/contracts
 * live.ts). A client first gets a full `snapshot` of each topic, then `delta` events that say which version
 * they apply to. A reconnect with Last-Event-ID replays what was missed; when that is not possible (another
 * epoch, unknown id, buffer overflow) it gets `reset` and full snapshots. Events are made once per topic and
 * written to every subscriber; a client whose unread bytes pass the bound is dropped and its socket
 * destroyed. Streams per client address are capped.
 */
export function liveRouter(deps: {
  hub: LiveHub;
  publisher: LivePublisher;
  hierarchy: Hierarchy;
  maxStreamsPerAddress: number;
  authorizeTopic?: TopicGuard;
  heartbeatMs?: number;
}) {
  const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
  deps.hub.startHeartbeat(heartbeatMs);
  const stream = new LiveStreamService({ ...deps, heartbeatMs });
  const router = createRouter();
  router.openAPIRegistry.registerPath(liveRoute);
  // Scope: every topic's region must lie inside the caller's scope (checked at subscribe).
  const access = guard({
    permission: 'cockpit:view',
    region: {
      from: 'lookup',
      regions: (c) =>
        (c.req.query('topics') ?? '')
          .split(',')
          .map((t) => parseTopic(t.trim())?.regionCode)
          .filter((code): code is string => code !== undefined),
    },
  });
  return router.get('/api/v1/live', access, async (c) => {
    const topics = parseTopics(c.req.query('topics'), deps.hierarchy);
    for (const topic of topics) await deps.authorizeTopic?.(c, topic);
    // A notification topic is its owner's alone.
    for (const topic of topics) {
      const p = parseTopic(topic);
      if (p?.kind === 'notifications' && userIdOfNotificationKey(p.theme) !== c.get('principal')?.id)
        throw new HttpError(403, 'FORBIDDEN', 'A notification topic is only for its owner');
    }
    const node = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
    const address = node?.incoming?.socket.remoteAddress ?? 'local';
    await stream.admit(topics, address);

    const headers = {
      ...baseHeaders(c.get('requestId')),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    };
    c.set('baseHeadersSent', true);
    // HEAD (which Hono routes to GET handlers) gets the headers and no stream: nothing to subscribe.
    if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
    const opened = node?.outgoing ? nodeSink(node.outgoing, headers) : webSink(headers);
    stream.attach({
      topics,
      address,
      lastId: c.req.header('Last-Event-ID') ?? c.req.query('lastEventId'),
      sink: opened.sink,
      onClose: opened.onClose,
      session: { principal: c.get('principal')!, credential: c.get('credential')!, auth: c.get('auth') },
    });
    return opened.response;
  });
}

const liveRoute = createRoute({
  method: 'get',
  path: '/api/v1/live',
  tags: ['live'],
  summary: 'Live stream (Server-Sent Events): full snapshots, then deltas, of up to 16 topics',
  description: [
    'Events (the SSE `event:` field; every `data:` is one JSON object with `publishedAt`, ISO 8601 UTC):',
    '- `snapshot` (LiveSnapshotEvent): the whole state of a topic; first for every topic on join and after `reset`.',
    '- `delta` (LiveDeltaEvent): the changes since version `base`. Apply it only if your version of the topic is `base`;',
    '  otherwise reconnect without Last-Event-ID to get full snapshots. Never apply a delta to another base.',
    '- `reset` (LiveResetEvent): the events you missed are gone (restart, unknown id, buffer overflow); snapshots follow.',
    '- `drop` (LiveDropEvent): the server ends the stream, with the reason (too slow, or the session has ended).',
    '- `shutdown`: the server is stopping; the stream then ends cleanly, and the client reconnects to the next instance.',
    'SSE ids are `<epoch>-<sequence>`, unique across restarts. A client whose unread data passes the bound is dropped',
    'and its connection closed. At most a fixed number of streams per client address (429 TOO_MANY_STREAMS).',
  ].join('\n'),
  request: {
    query: z.object({
      topics: z.string().meta({
        description:
          'Comma-separated LiveTopic list, e.g. snapshot:overview:331023,layout:overview:331023 (layout: its payload is a LayoutStamp)',
        example: 'snapshot:overview:331023',
      }),
      lastEventId: z
        .string()
        .optional()
        .meta({ description: 'Resume after this id (same as the Last-Event-ID header)' }),
    }),
  },
  responses: {
    200: {
      description: 'text/event-stream; each event data is one of these JSON objects',
      content: {
        'text/event-stream': {
          schema: z.union([LiveSnapshotEvent, LiveDeltaEvent, LiveResetEvent, LiveDropEvent]),
        },
      },
    },
    400: errorResponse('Missing, malformed or too many topics'),
    404: errorResponse('Unknown region, or the theme has no snapshot yet'),
    429: errorResponse('Too many streams from this client address'),
  },
});

type Opened = { sink: LiveSink; onClose: (fn: () => void) => void; response: Response };

/** Writes straight to Node's response: its buffers are what the slow-client rule counts. */
function nodeSink(res: ServerResponse, headers: Record<string, string>): Opened {
  res.writeHead(200, headers);
  res.flushHeaders();
  return {
    sink: {
      write: (chunks) => {
        if (res.destroyed) return;
        if (chunks.length === 1) res.write(chunks[0]);
        else {
          res.cork();
          for (const chunk of chunks) res.write(chunk);
          res.uncork();
        }
      },
      waitingBytes: () => res.writableLength,
      destroy: () => {
        res.socket?.destroy();
        res.destroy();
      },
      end: (chunks) => {
        if (res.destroyed) return;
        for (const chunk of chunks) res.write(chunk);
        res.end();
      },
    },
    onClose: (fn) => {
      res.once('close', fn);
    },
    response: RESPONSE_ALREADY_SENT,
  };
}

/** The same over a web stream, for app.request() in tests and other runtimes. */
function webSink(headers: Record<string, string>): Opened {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const closers: (() => void)[] = [];
  const close = () => {
    if (closed) return;
    closed = true;
    for (const fn of closers) fn();
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start: (ctl) => {
        controller = ctl;
      },
      cancel: close,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  );
  return {
    sink: {
      write: (chunks) => {
        if (closed) return;
        for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      },
      waitingBytes: () => (closed ? 0 : -(controller.desiredSize ?? 0)),
      destroy: () => {
        if (closed) return;
        controller.error(new Error('dropped'));
        close();
      },
      end: (chunks) => {
        if (closed) return;
        for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
        controller.close();
        close();
      },
    },
    onClose: (fn) => closers.push(fn),
    response: new Response(body, { status: 200, headers }),
  };
}

function parseTopics(raw: string | undefined, hierarchy: Hierarchy): Set<string> {
  const topics = new Set(
    (raw ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );
  if (topics.size === 0)
    throw new HttpError(400, 'VALIDATION', 'topics is required, e.g. topics=snapshot:overview:331023');
  if (topics.size > MAX_TOPICS)
    throw new HttpError(400, 'VALIDATION', `at most ${MAX_TOPICS} topics per stream`);
  for (const topic of topics) {
    const parsed = parseTopic(topic);
    const themeOk =
      parsed?.kind === 'alarms'
        ? parsed.theme === 'all'
        : parsed?.kind === 'notifications'
          ? userIdOfNotificationKey(parsed.theme) !== undefined
          : Theme.safeParse(parsed?.theme).success;
    if (!parsed || !themeOk) {
      throw new HttpError(
        400,
        'VALIDATION',
        `malformed topic ${JSON.stringify(topic)}: use snapshot:<theme>:<regionCode>, layout:<theme>:<regionCode> or alarms:all:<regionCode>`,
      );
    }
    if (parsed.kind === 'snapshot' && !SNAPSHOT_THEMES.includes(parsed.theme as Theme)) {
      throw new HttpError(404, 'THEME_NOT_AVAILABLE', `The ${parsed.theme} cockpit has no live snapshot yet`);
    }
    if (!hierarchy.get(parsed.regionCode))
      throw new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${parsed.regionCode}`);
  }
  return topics;
}
