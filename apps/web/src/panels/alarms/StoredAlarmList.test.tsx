import type { Json, StoredAlarm } from '@cockpit/contracts';
import { storedAlarm } from '@cockpit/contracts/fixtures';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../app/i18n';
import { FakeEventSource, server } from '../../lib/live-test-fakes';
import { StoredAlarmList } from './StoredAlarmList';
import { liveAlarmsKey, liveAlarmsTopic } from './stored';

// Rendered for real (React DOM in happy-dom, the app's query client and live stream); only the browser's
// EventSource is the test's own, fed with events as the BFF's hub sends them.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});
let host: HTMLDivElement | undefined;
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  vi.unstubAllGlobals();
});

const REGION = '331023';

/** Lets React and the query cache's batched notifications run until `done` holds (a condition, not a span). */
async function until(done: () => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    if (done()) return;
    await act(() => new Promise((r) => setTimeout(r, 0)));
  }
  throw new Error(`never happened: ${what}`);
}
const alarm = (id: string, state: StoredAlarm['state']) =>
  storedAlarm({ id, state, regionCode: REGION, summary: `告警 ${id}` });

describe('the stored alarm list follows the live topic alarms:all:<region>', () => {
  it('shows each transition as the topic carries it, on the screen’s one stream, over the screen’s one stream', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    FakeEventSource.opened = [];
    const queryClient = new QueryClient({
      defaultOptions: { queries: { staleTime: Infinity, retry: false } },
    });
    // What the first HTTP load brought.
    queryClient.setQueryData(liveAlarmsKey(REGION), { items: [alarm('a', 'firing')] });
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() =>
      root!.render(
        <QueryClientProvider client={queryClient}>
          <StoredAlarmList regionCode={REGION} />
        </QueryClientProvider>,
      ),
    );
    const row = (id: string) => host!.querySelector(`[data-alarm-id="${id}"]`);
    expect(row('a')?.getAttribute('data-state')).toBe('firing');
    await act(() => Promise.resolve());
    expect(FakeEventSource.opened).toHaveLength(1);
    const stream = FakeEventSource.opened[0]!;
    const topics = new URL(stream.url, 'http://wall').searchParams.get('topics')!.split(',');
    expect(topics).toContain(liveAlarmsTopic(REGION));

    const bff = server(liveAlarmsTopic(REGION));
    const publish = (items: StoredAlarm[]) => {
      const event = bff.publish({ items } as unknown as Json)!;
      act(() => stream.emit(event.kind, event.data));
    };
    const count = () => host!.querySelector('[data-testid="stored-alarms"]')?.getAttribute('data-count');
    // Acknowledged on a tablet, and a second alarm fires: the snapshot, then a delta.
    publish([alarm('a', 'acknowledged')]);
    await until(() => row('a')?.getAttribute('data-state') === 'acknowledged', 'acknowledged shown');
    publish([alarm('b', 'firing'), alarm('a', 'acknowledged')]);
    await until(() => count() === '2', 'the second alarm shown');
    expect(row('b')?.getAttribute('data-state')).toBe('firing');
    // Resolved: it leaves the topic, and the list.
    publish([alarm('b', 'firing')]);
    await until(() => row('a') === null, 'the resolved alarm gone');
    expect(count()).toBe('1');
    // All of it came over the one stream: it was never reopened.
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});
