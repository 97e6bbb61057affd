import type { AuthService, Principal } from '../auth/service';
import { HttpError } from '../lib/errors';
import { controlFrame, type LiveHub, type LiveSink } from './hub';
import type { LivePublisher } from './publisher';

/** Topics one stream may follow. */
export const MAX_TOPICS = 16;

/**
 * What a live stream does once its request is checked: the per-address cap, the first frames (replay after
 * Last-Event-ID, or `reset` and the topics' current snapshots), the subscription, and its end when the session
 * is revoked or the client goes. The route (routes/live) only parses and authorises the request and opens the
 * HTTP sink.
 */
export class LiveStreamService {
  constructor(
    private readonly deps: {
      hub: LiveHub;
      publisher: LivePublisher;
      maxStreamsPerAddress: number;
      heartbeatMs: number;
    },
  ) {}

  /** 429 TOO_MANY_STREAMS when the address has its cap; otherwise makes sure the hub holds every topic. */
  async admit(topics: ReadonlySet<string>, address: string): Promise<void> {
    const { hub, maxStreamsPerAddress } = this.deps;
    if (hub.streamsFrom(address) >= maxStreamsPerAddress) {
      throw new HttpError(
        429,
        'TOO_MANY_STREAMS',
        `This client address already has ${maxStreamsPerAddress} live streams open, the most allowed; close one (one stream can follow up to ${MAX_TOPICS} topics)`,
      );
    }
    await this.deps.publisher.ensure(topics);
  }

  /** Writes the first frames to an opened sink and subscribes it until it closes or the session ends. */
  attach(stream: {
    topics: Set<string>;
    address: string;
    lastId: string | undefined;
    sink: LiveSink;
    onClose: (fn: () => void) => void;
    session: { principal: Principal; credential: string; auth: AuthService };
  }): void {
    const { hub, heartbeatMs } = this.deps;
    const { topics, address, lastId, sink } = stream;
    // From here to subscribe() nothing awaits: no event can fall between the first frames and the live ones.
    const first: Buffer[] = [Buffer.from('retry: 3000\n\n')];
    const replay = lastId === undefined ? undefined : hub.replay(lastId, topics);
    if (Array.isArray(replay)) for (const ev of replay) first.push(ev.frame);
    else {
      if (replay !== undefined) {
        const reason =
          replay === 'gap'
            ? 'the events after your last id are no longer buffered'
            : 'your last event id is not from this server run';
        first.push(controlFrame('reset', reason));
      }
      // The current state of each topic, oldest version first, so Last-Event-ID ends at the newest.
      const frames = [...topics]
        .map((t) => hub.currentFrame(t))
        .filter((f) => f !== undefined)
        .sort((a, b) => a.seq - b.seq);
      for (const f of frames) first.push(f.frame);
    }
    sink.write(first);
    const unsubscribe = hub.subscribe({ topics, address, sink });
    // Revocation (sign-out, disabled user, password change, revoked device) ends the stream at once; a change
    // made outside this process is caught by the re-check at every heartbeat interval.
    const { principal, credential, auth } = stream.session;
    const endRevoked = () => {
      unsubscribe();
      sink.end([controlFrame('drop', 'the session has ended; sign in again')]);
    };
    const stopWatching = auth.onRevoke((p) => {
      if (p.key === principal.key) endRevoked();
    });
    const recheck = setInterval(() => {
      void auth.stillValid(principal, credential).then((valid) => {
        if (!valid) endRevoked();
      });
    }, heartbeatMs);
    recheck.unref();
    stream.onClose(() => {
      unsubscribe();
      stopWatching();
      clearInterval(recheck);
    });
  }
}
