import { useEffect } from 'react';

/** Lists inside panels; a list that does not fit scrolls instead of being cut with no cue. */
const LISTS = '.panel__body :is(ol, ul, tbody, [data-scroll-list])';
/** Pixels per step and step interval: about 12 px a second, slow enough to read at 5–10 m. */
const STEP_PX = 1;
const STEP_MS = 80;
/** Pause at the top and at the bottom before moving on / starting over. */
const PAUSE_MS = 4000;

/**
 * On a wall nobody scrolls: every panel list whose content is taller than its box moves up slowly, pauses at
 * the end, and starts again from the top. Such a list carries `data-scroll="auto"` while it overflows. One
 * timer for the whole screen; it stops when the wall profile ends.
 */
export function useWallAutoScroll(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const pausedUntil = new WeakMap<Element, number>();
    const timer = window.setInterval(() => {
      const now = performance.now();
      for (const el of document.querySelectorAll<HTMLElement>(LISTS)) {
        const overflow = el.scrollHeight - el.clientHeight;
        if (overflow <= 2) {
          if (el.dataset.scroll) delete el.dataset.scroll;
          continue;
        }
        if (el.closest('[data-scroll]') !== el && el.parentElement?.closest('[data-scroll]')) continue;
        el.dataset.scroll = 'auto';
        if ((pausedUntil.get(el) ?? 0) > now) continue;
        if (el.scrollTop >= overflow - 1) {
          el.scrollTop = 0;
          pausedUntil.set(el, now + PAUSE_MS);
        } else {
          el.scrollTop += STEP_PX;
          if (el.scrollTop >= overflow - 1) pausedUntil.set(el, now + PAUSE_MS);
        }
      }
    }, STEP_MS);
    return () => window.clearInterval(timer);
  }, [enabled]);
}
