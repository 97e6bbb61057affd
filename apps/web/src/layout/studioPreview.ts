import { ProfileArrangement } from '@cockpit/contracts';
import { useEffect, useState } from 'react';
import type { EffectiveLayoutState } from './useEffectiveLayout';

/**
 * The studio shows the real cockpit in an iframe of the scope's own URL with `?studio=1`: the page then takes
 * the arrangement being edited from its parent (same origin only, validated with the contract) instead of
 * the published one, and tells the parent where its layout grid sits, so the editing grid lies exactly on it.
 */
export const STUDIO_DRAFT = 'studio:draft';
export const STUDIO_GRID = 'studio:grid';
export const STUDIO_READY = 'studio:ready';

export type StudioGridMessage = {
  kind: typeof STUDIO_GRID;
  /** The layout grid's box in the iframe's viewport, CSS px. */
  left: number;
  top: number;
  width: number;
  height: number;
  gapPx: number;
  rowHeightPx: number | null;
  version: number | null;
};

const enabled = () =>
  typeof window !== 'undefined' &&
  window.parent !== window &&
  new URLSearchParams(window.location.search).has('studio');

export function useStudioPreview(state: EffectiveLayoutState): EffectiveLayoutState {
  const [draft, setDraft] = useState<ProfileArrangement | null>(null);
  const on = enabled();

  useEffect(() => {
    if (!on) return;
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== window.location.origin || e.source !== window.parent) return;
      const data = e.data as { kind?: string; arrangement?: unknown } | null;
      if (data?.kind !== STUDIO_DRAFT) return;
      const parsed = ProfileArrangement.safeParse(data.arrangement);
      if (parsed.success) setDraft(parsed.data);
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ kind: STUDIO_READY }, window.location.origin);
    return () => window.removeEventListener('message', onMessage);
  }, [on]);

  const shown: EffectiveLayoutState =
    on && draft && state.status === 'ready'
      ? { ...state, layout: { ...state.layout, map: draft.map, panels: draft.panels } }
      : state;

  const ready = shown.status === 'ready';
  useEffect(() => {
    if (!on || !ready) return;
    const report = () => {
      const grid = document.querySelector<HTMLElement>('[data-testid="layout"]');
      if (!grid) return;
      const r = grid.getBoundingClientRect();
      const style = getComputedStyle(grid);
      // The grid's own scale (a wall canvas is scaled to the window): its rendered width over its CSS width.
      const scale = grid.offsetWidth > 0 ? r.width / grid.offsetWidth : 1;
      const rows = style.gridTemplateRows.split(' ');
      const message: StudioGridMessage = {
        kind: STUDIO_GRID,
        left: r.left,
        top: r.top,
        width: r.width,
        height: r.height,
        gapPx: (Number.parseFloat(style.rowGap) || 0) * scale,
        rowHeightPx: grid.classList.contains('layout-grid--scroll')
          ? (Number.parseFloat(rows[0] ?? '') || 0) * scale
          : null,
        version: Number(grid.dataset.layoutVersion) || null,
      };
      window.parent.postMessage(message, window.location.origin);
    };
    report();
    const grid = document.querySelector<HTMLElement>('[data-testid="layout"]');
    const observer = new ResizeObserver(report);
    if (grid) observer.observe(grid);
    window.addEventListener('scroll', report, { passive: true });
    window.addEventListener('resize', report);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', report);
      window.removeEventListener('resize', report);
    };
  }, [on, ready]);

  return shown;
}
