import { z } from 'zod';
import { IsoDateTime } from './indicator';

/**
 * The events of GET /api/v1/live (text/event-stream). Every event has an SSE `id` of the form
 * `<epoch>-<sequence>`: the epoch is the BFF process's start, so ids never repeat across restarts, and an id
 * from another epoch (or one the BFF never issued) gets `reset` and full snapshots.
 *
 * - `snapshot`: the whole state of one topic. Sent first for every topic when a client joins, after a
 *   `reset`, and whenever the BFF has no earlier state of the topic.
 * - `delta`: what changed since the previous event of the topic (`base`), as a JsonDelta
 *   (see json-delta.ts). A client applies it only if its version of the topic is `base`; otherwise it has a
 *   gap and must reload the full snapshot (reconnect without Last-Event-ID), never patch the wrong base.
 * - `reset`: what the client missed is gone (restart, unknown id, replay buffer overflow); full snapshots
 *   of every topic follow on the same stream.
 * - `drop`: the server is closing this stream, with the reason (e.g. the client fell behind).
 */
export const LiveTopic = z
  .string()
  .regex(/^(snapshot|layout|alarms|notifications):[a-z]+:(\d{6}|\d{9}|\d{12})$/)
  .meta({
    id: 'LiveTopic',
    description:
      'snapshot:<theme>:<regionCode> (payload: the snapshot), e.g. snapshot:overview:331023; or layout:<theme>:<regionCode> (payload: LayoutStamp, which layout version applies there now); or alarms:all:<regionCode> (payload: LiveAlarms, the open stored alarms there)',
  });

const EventHead = {
  topic: LiveTopic,
  version: z.string().meta({ description: 'This event’s id: the version of the topic after it' }),
  publishedAt: IsoDateTime.meta({ description: 'When the BFF published the event (ISO 8601, UTC)' }),
};

export const LiveSnapshotEvent = z
  .object({
    ...EventHead,
    base: z.null(),
    snapshot: z.unknown().meta({
      description:
        'The full state of the topic: for snapshot:… the snapshot as GET …/snapshot returns it; for layout:… a LayoutStamp',
    }),
  })
  .meta({ id: 'LiveSnapshotEvent', description: 'event: snapshot — the whole state of a topic' });
export type LiveSnapshotEvent = z.infer<typeof LiveSnapshotEvent>;

export const LiveDeltaEvent = z
  .object({
    ...EventHead,
    base: z.string().meta({ description: 'The version this delta applies to' }),
    delta: z.unknown().meta({
      description:
        'A JsonDelta: {"=":v} | {"o":{…},"d":[…]} | {"k","r","u","n","ord"} | {"s","a"} | {"i":{…}}',
    }),
  })
  .meta({ id: 'LiveDeltaEvent', description: 'event: delta — the changes since version `base`' });
export type LiveDeltaEvent = z.infer<typeof LiveDeltaEvent>;

export const LiveResetEvent = z
  .object({ reason: z.string(), publishedAt: IsoDateTime })
  .meta({ id: 'LiveResetEvent', description: 'event: reset — full snapshots follow' });
export type LiveResetEvent = z.infer<typeof LiveResetEvent>;

export const LiveDropEvent = z
  .object({ reason: z.string(), publishedAt: IsoDateTime })
  .meta({ id: 'LiveDropEvent', description: 'event: drop — the server closes the stream, and why' });
export type LiveDropEvent = z.infer<typeof LiveDropEvent>;

export const LiveEventData = z.union([LiveSnapshotEvent, LiveDeltaEvent]);
