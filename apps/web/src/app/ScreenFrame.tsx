import { type ReactNode, useEffect, useState } from 'react';
import { useWallAutoScroll } from '../components/useWallAutoScroll';
import { setMapRenderScale } from '../map/runtime';
import { useUi } from '../stores/ui';
import { fitCanvas, isUltraWide, ultraWideMapWidth, ultraWideRows } from './screen';

/**
 * Wall: a fixed design canvas (3840×2160 by default) scaled uniformly to the window and letterboxed, no
 * scrollbars, cursor hidden when idle. Tablet and desk: a normal responsive page.
 */
export function ScreenFrame({ children }: { children: ReactNode }) {
  const profile = useUi((s) => s.profile);
  const canvas = useUi((s) => s.canvas);
  const [windowSize, setWindowSize] = useState(() => ({ w: window.innerWidth, h: window.innerHeight }));

  useEffect(() => {
    const root = document.documentElement;
    if (profile === 'wall' && isUltraWide(canvas)) {
      root.dataset.canvasShape = 'ultrawide';
      root.dataset.ultraRows = String(ultraWideRows(canvas));
    } else {
      delete root.dataset.canvasShape;
      delete root.dataset.ultraRows;
    }
  }, [profile, canvas]);

  useEffect(() => {
    document.documentElement.dataset.profile = profile;
    if (profile !== 'wall') return;
    const onResize = () => setWindowSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [profile]);

  const fit = profile === 'wall' ? fitCanvas(canvas, windowSize.w, windowSize.h) : null;
  // The map draws at the resolution the wall is shown at, not at the design canvas's (see setMapRenderScale).
  const scale = fit?.scale ?? 1;
  useEffect(() => setMapRenderScale(scale), [scale]);

  useIdleCursor(profile === 'wall');
  useWallAutoScroll(profile === 'wall');

  if (!fit) {
    return <div className={`screen screen--${profile}`}>{children}</div>;
  }
  return (
    <div className="letterbox">
      <div
        className="screen screen--wall"
        data-testid="wall-canvas"
        style={{
          width: canvas.width,
          height: canvas.height,
          transform: `translate(${fit.offsetX}px, ${fit.offsetY}px) scale(${fit.scale})`,
          ['--map-width' as string]: `${ultraWideMapWidth(canvas)}px`,
        }}
      >
        {children}
      </div>
    </div>
  );
}

/** Hides the cursor after 3 s without movement; any movement shows it again. */
function useIdleCursor(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const root = document.documentElement;
    let timer = 0;
    const wake = () => {
      root.classList.remove('cursor-idle');
      window.clearTimeout(timer);
      timer = window.setTimeout(() => root.classList.add('cursor-idle'), 3000);
    };
    wake();
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      root.classList.remove('cursor-idle');
    };
  }, [enabled]);
}
