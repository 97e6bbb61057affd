import { Theme } from '@cockpit/contracts';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { guard } from '../../auth/access';
import type { Hierarchy } from '../../geo/hierarchy';
import type { AppEnv } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import type { LiveEvent, LiveHub } from '../../live/hub';
import { parseTopic } from '../../live/publisher';
import { SNAPSHOT_THEMES, type SnapshotService } from '../../snapshots/service';

const MAX_TOPICS = 16;
/** Events a client may have in flight before it counts as too slow and is dropped. */
const MAX_PENDING = 32;
const HEARTBEAT_MS = 15_000;

/**
 * GET /api/v1/live?topics=snapshot:overview:331023,… — Server-Sent Events. Each event carries a whole
 * snapshot; ids increase, and a reconnect with Last-Event-ID replays what was missed (or sends `reset`
 * when that is no longer buffered, and the client reloads). Heartbeat comments keep proxies from closing
 * the stream; a client that cannot keep up is dropped rather than buffered without bound.
 */
export function liveRouter(deps: {
  hub: LiveHub;
  hierarchy: Hierarchy;
  snapshots: SnapshotService;
  heartbeatMs?: number;
}) {
  // Scope: every topic's region must lie inside the caller's scope (checked once, at subscribe).
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
  return new Hono<AppEnv>().get('/api/v1/live', access, (c) => {
    const principal = c.get('principal')!;
    const credential = c.get('credential')!;
    const auth = c.get('auth');
    const topics = parseTopics(c.req.query('topics'), deps.hierarchy);
    const lastHeader = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    const lastId = lastHeader !== undefined && /^\d+$/.test(lastHeader) ? Number(lastHeader) : undefined;

    return streamSSE(c, async (stream) => {
      let pending = 0;
      let closed = false;
      const send = (ev: Pick<LiveEvent, 'event' | 'data'> & { id?: number }) => {
        pending++;
        void stream
          .writeSSE({ event: ev.event, data: ev.data, ...(ev.id !== undefined ? { id: String(ev.id) } : {}) })
          .catch(() => undefined)
          .finally(() => {
            pending--;
          });
      };
      const unsubscribe = deps.hub.subscribe({
        topics,
        deliver: (ev) => {
          if (closed || pending >= MAX_PENDING) return false;
          send(ev);
          return true;
        },
        drop: () => {
          closed = true;
          void stream.close();
        },
      });
      // Revocation (sign-out, disabled user, password change, revoked device) closes the stream at once.
      const stopWatching = auth.onRevoke((p) => {
        if (p.key !== principal.key) return;
        closed = true;
        void stream.close();
      });
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
        stopWatching();
      });

      await stream.write('retry: 3000\n\n');
      if (lastId !== undefined) {
        const missed = deps.hub.replay(lastId, topics);
        if (missed === 'gap')
          send({
            event: 'reset',
            data: '{"reason":"missed events are no longer buffered"}',
            id: deps.hub.lastId,
          });
        else for (const ev of missed) send(ev);
      } else {
        // A fresh connection gets the current state of each topic, then changes as they happen.
        for (const topic of topics) {
          const parsed = parseTopic(topic)!;
          const snap = await Promise.resolve()
            .then(() => deps.snapshots.get(parsed.theme as Theme, parsed.regionCode))
            .catch(() => null);
          if (snap) send({ event: 'snapshot', data: snap.body });
        }
      }
      while (!closed && !stream.aborted) {
        await stream.sleep(deps.heartbeatMs ?? HEARTBEAT_MS);
        // Also re-checked here, so a change made outside this process ends the stream within a minute.
        if (!closed && !(await auth.stillValid(principal, credential))) break;
        if (!closed && !stream.aborted) await stream.write(': heartbeat\n\n');
      }
      unsubscribe();
      stopWatching();
    });
  });
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
    if (!parsed || !Theme.safeParse(parsed.theme).success) {
      throw new HttpError(
        400,
        'VALIDATION',
        `malformed topic ${JSON.stringify(topic)}: use snapshot:<theme>:<regionCode>`,
      );
    }
    if (!SNAPSHOT_THEMES.includes(parsed.theme as Theme)) {
      throw new HttpError(404, 'THEME_NOT_AVAILABLE', `The ${parsed.theme} cockpit has no live snapshot yet`);
    }
    if (!hierarchy.get(parsed.regionCode))
      throw new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${parsed.regionCode}`);
  }
  return topics;
}
