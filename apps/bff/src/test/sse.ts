export type SseEvent = { id?: string; event?: string; data: string };

/**
 * A live stream read event by event: `next()` resolves with the next event (comments skipped), so a test can
 * act between two events; `close()` cancels the stream.
 */
export function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const ready: SseEvent[] = [];
  let buffer = '';
  const next = async (): Promise<SseEvent> => {
    while (ready.length === 0) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let sep = buffer.indexOf('\n\n'); sep >= 0; sep = buffer.indexOf('\n\n')) {
        const ev: SseEvent = { data: '' };
        for (const line of buffer.slice(0, sep).split('\n')) {
          const colon = line.indexOf(':');
          const [field, value] = [line.slice(0, colon), line.slice(colon + 1).trim()];
          if (field === 'id') ev.id = value;
          else if (field === 'event') ev.event = value;
          else if (field === 'data') ev.data += value;
        }
        buffer = buffer.slice(sep + 2);
        if (ev.event) ready.push(ev);
      }
    }
    return ready.shift()!;
  };
  return { next, close: () => reader.cancel() };
}
