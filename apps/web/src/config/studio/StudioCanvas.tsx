import {
  PANEL_TYPES,
  PROFILES,
  type ProfileArrangement,
  type ProfileId,
  type Theme,
} from '@cockpit/contracts';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import ReactGridLayout, { getCompactor, type Layout, type LayoutItem } from 'react-grid-layout';
import { useTranslation } from 'react-i18next';
import { STUDIO_DRAFT, STUDIO_GRID, STUDIO_READY, type StudioGridMessage } from '../../layout/studioPreview';
import { type EditorAction, MAP_ITEM_ID } from './editor-state';

/** The URL of the real cockpit screen of a scope at a profile, in preview mode (`studio=1`). */
export function previewUrl(theme: Theme, regionCode: string, profile: ProfileId): string {
  const grid = PROFILES[profile];
  const screen = grid.scroll ? (profile === 'desk' ? 'desk' : 'tablet') : 'wall';
  const params = new URLSearchParams({ screen, studio: '1' });
  if (screen === 'wall') params.set('canvas', `${grid.width}x${grid.height}`);
  return `/${theme}/${regionCode}?${params}`;
}

type Props = {
  theme: Theme;
  regionCode: string;
  profile: ProfileId;
  arrangement: ProfileArrangement;
  selectedId: string | null;
  dispatch: (action: EditorAction) => void;
  /** Width available for the frame, CSS px. */
  availableWidth: number;
  /** Show the live cockpit under the grid (false: the bare grid, e.g. to compare frame times). */
  live?: boolean;
};

// Panels never push each other: a move onto another panel is refused (the wall is a fixed canvas).
const COMPACTOR = getCompactor(null, false, true);

/**
 * The real cockpit in a frame at the profile's true size and aspect ratio (an iframe of the scope's own URL,
 * scaled down with a CSS transform), fed the arrangement being edited, with the editing grid
 * (react-grid-layout) laid exactly over its layout grid: drag, resize, snap to cells, select, delete.
 */
export function StudioCanvas(props: Props) {
  const { theme, regionCode, profile, arrangement, availableWidth, live = true } = props;
  const grid = PROFILES[profile];
  const frame = useRef<HTMLIFrameElement>(null);
  const [box, setBox] = useState<StudioGridMessage | null>(null);
  const [ready, setReady] = useState(false);
  const scale = Math.min(1, availableWidth / grid.width);
  const src = useMemo(() => previewUrl(theme, regionCode, profile), [theme, regionCode, profile]);

  useEffect(() => {
    setReady(false);
    setBox(null);
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== window.location.origin || e.source !== frame.current?.contentWindow) return;
      const data = e.data as { kind?: string } | null;
      if (data?.kind === STUDIO_READY) setReady(true);
      if (data?.kind === STUDIO_GRID) setBox(data as StudioGridMessage);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  // The preview follows every edit (typing included).
  useEffect(() => {
    if (!ready) return;
    frame.current?.contentWindow?.postMessage({ kind: STUDIO_DRAFT, arrangement }, window.location.origin);
  }, [ready, arrangement]);

  // Without live data the grid covers the frame below a header of the same height as the cockpit's.
  const fallback: StudioGridMessage = {
    kind: STUDIO_GRID,
    left: 0,
    top: grid.scroll ? 120 : grid.height * 0.06,
    width: grid.width,
    height: grid.scroll ? (grid.rowHeightPx ?? 64) * grid.rows : grid.height * 0.94,
    gapPx: 12,
    rowHeightPx: grid.scroll ? (grid.rowHeightPx ?? 64) : null,
    version: null,
  };
  const g = live ? box : fallback;

  return (
    <div
      className="studio-frame"
      style={{ width: grid.width * scale, height: grid.height * scale }}
      data-testid="studio-frame"
      data-profile-id={profile}
      data-scale={scale.toFixed(4)}
    >
      {live && (
        <iframe
          ref={frame}
          key={src}
          src={src}
          title="preview"
          className="studio-frame__preview"
          data-testid="studio-preview"
          width={grid.width}
          height={grid.height}
          style={{ transform: `scale(${scale})` }}
        />
      )}
      {g && (
        <EditingGrid
          {...props}
          box={g}
          scale={scale}
          cols={grid.cols}
          rows={grid.rows}
          scroll={grid.scroll}
        />
      )}
    </div>
  );
}

type GridProps = Props & {
  box: StudioGridMessage;
  scale: number;
  cols: number;
  rows: number;
  scroll: boolean;
};

const EditingGrid = memo(function EditingGrid({
  arrangement,
  selectedId,
  dispatch,
  box,
  scale,
  cols,
  rows,
  scroll,
}: GridProps) {
  const { t, i18n } = useTranslation();
  const width = box.width * scale;
  const gap = box.gapPx * scale;
  const rowHeight =
    box.rowHeightPx !== null ? box.rowHeightPx * scale : (box.height * scale - gap * (rows - 1)) / rows;
  const layout: Layout = useMemo(
    () => [
      ...(arrangement.map ? [{ i: MAP_ITEM_ID, ...arrangement.map }] : []),
      ...arrangement.panels.map((p) => ({ i: p.id, x: p.x, y: p.y, w: p.w, h: p.h })),
    ],
    [arrangement],
  );
  const onStop = (next: Layout) =>
    dispatch({
      kind: 'arrange',
      rects: next.map((l: LayoutItem) => ({ id: l.i, x: l.x, y: l.y, w: l.w, h: l.h })),
    });
  const children = useMemo(
    () =>
      [
        ...(arrangement.map ? [{ id: MAP_ITEM_ID, type: 'map', label: t('studio.map') }] : []),
        ...arrangement.panels.map((p) => {
          const spec = PANEL_TYPES[p.type];
          const name = spec ? (i18n.language === 'en' ? spec.name.en : spec.name.zh) : p.type;
          return { id: p.id, type: p.type, label: name };
        }),
      ].map((item) => (
        <div
          key={item.id}
          className={`studio-item${item.id === selectedId ? ' studio-item--selected' : ''}${item.id === MAP_ITEM_ID ? ' studio-item--map' : ''}`}
          data-testid="studio-item"
          data-item-id={item.id}
          data-item-type={item.type}
          // Pointer, not mouse: react-grid-layout's draggable takes the item's onMouseDown for itself.
          onPointerDown={() => dispatch({ kind: 'select', id: item.id })}
        >
          <span className="studio-item__label">
            {item.label} <small>{item.id === MAP_ITEM_ID ? '' : item.id}</small>
          </span>
          <button
            type="button"
            className="studio-item__delete"
            aria-label={`${t('studio.delete')} ${item.id}`}
            data-testid="studio-item-delete"
            onMouseDown={(e) => e.stopPropagation()}
            onClick={() => dispatch({ kind: 'remove', id: item.id })}
          >
            ×
          </button>
        </div>
      )),
    [arrangement, selectedId, dispatch, t, i18n.language],
  );
  return (
    <div
      className="studio-grid"
      style={{ left: box.left * scale, top: box.top * scale, width }}
      data-testid="studio-grid"
    >
      <ReactGridLayout
        width={width}
        layout={layout}
        gridConfig={{
          cols,
          rowHeight,
          margin: [gap, gap],
          containerPadding: [0, 0],
          maxRows: scroll ? Number.POSITIVE_INFINITY : rows,
        }}
        dragConfig={{ enabled: true, bounded: true, cancel: '.studio-item__delete', threshold: 3 }}
        resizeConfig={{ enabled: true, handles: ['se', 'e', 's'] }}
        compactor={COMPACTOR}
        autoSize
        onDragStop={(next) => onStop(next)}
        onResizeStop={(next) => onStop(next)}
      >
        {children}
      </ReactGridLayout>
    </div>
  );
});
