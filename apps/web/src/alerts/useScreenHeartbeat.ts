import { useEffect } from 'react';
import { useSessionUser } from '../auth/session.api';
import { sendHeartbeat } from './alerts.api';

export const HEARTBEAT_MS = 30_000;
const WEB_VERSION: string = (import.meta.env.VITE_APP_VERSION as string | undefined) ?? 'dev';

/**
 * A paired wall screen (a device session) reports every 30 s: its version, JS heap, the frame rate it managed
 * since the last beat, and the errors it has seen. Silence for more than 90 s raises an alarm in the BFF.
 */
export function useScreenHeartbeat(): void {
  const user = useSessionUser();
  const isDevice = user?.kind === 'device';
  useEffect(() => {
    if (!isDevice) return;
    let frames = 0;
    let errors = 0;
    let lastError: string | null = null;
    let since = performance.now();
    let raf = 0;
    const tick = () => {
      frames++;
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => {
      errors++;
      lastError = ('message' in e ? e.message : String(e.reason)).slice(0, 500);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const beat = () => {
      const now = performance.now();
      const seconds = (now - since) / 1000;
      const heap = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      void sendHeartbeat({
        version: WEB_VERSION,
        heapUsedBytes: heap ? Math.round(heap.usedJSHeapSize) : null,
        framesPerSecond: seconds > 0 ? Math.min(1000, Math.round((frames / seconds) * 10) / 10) : null,
        errorCount: errors,
        lastError,
        path: window.location.pathname.slice(0, 300),
      }).catch(() => undefined);
      frames = 0;
      since = now;
    };
    const first = window.setTimeout(beat, 2000);
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => {
      cancelAnimationFrame(raf);
      window.clearTimeout(first);
      window.clearInterval(timer);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    };
  }, [isDevice]);
}
