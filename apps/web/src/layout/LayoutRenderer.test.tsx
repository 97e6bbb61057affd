import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../app/i18n';
import { LayoutRenderer } from './LayoutRenderer';

// Rendered for real (React DOM in happy-dom, the real registry and a real lazily loaded panel).
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});

const scope = { theme: 'overview', level: 'county', regionCode: '331023', profile: 'wall' } as const;

describe('LayoutRenderer', () => {
  it('places the map and each panel in its grid rectangle; an unknown type or bad options show an error panel', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const layout = {
      layoutId: 'test',
      version: 3,
      map: { x: 6, y: 0, w: 12, h: 12 },
      panels: [
        {
          id: 'note',
          type: 'text',
          options: { text: { zh: '值班电话 12345', en: '' } },
          x: 0,
          y: 0,
          w: 6,
          h: 2,
        },
        { id: 'future', type: 'weather.radar', options: {}, x: 0, y: 2, w: 6, h: 2 },
        { id: 'broken', type: 'ranking', options: { limit: 'many' }, x: 18, y: 0, w: 6, h: 2 },
      ],
    };
    await act(async () =>
      root.render(<LayoutRenderer layout={layout} scope={scope} map={<div id="the-map" />} />),
    );
    // The lazily loaded text panel arrives.
    await act(async () => {
      await import('../panels/text/TextPanel');
    });
    const grid = host.querySelector<HTMLElement>('[data-testid="layout"]');
    expect(grid?.style.gridTemplateColumns).toBe('repeat(24, minmax(0, 1fr))');
    expect(grid?.dataset.layoutVersion).toBe('3');
    const map = host.querySelector<HTMLElement>('[data-testid="layout-map"]');
    expect(map?.style.gridColumn).toBe('7 / span 12');
    expect(map?.querySelector('#the-map')).not.toBeNull();
    const cell = (id: string) => host.querySelector<HTMLElement>(`[data-panel-id="${id}"]`);
    expect(cell('note')?.style.gridRow).toBe('1 / span 2');
    expect(cell('note')?.querySelector('[data-testid="text-note"]')?.textContent).toBe('值班电话 12345');
    expect(cell('future')?.querySelector('[data-testid="panel-error"]')?.textContent).toContain(
      'weather.radar',
    );
    const broken = cell('broken')?.querySelector('[data-testid="panel-error"]')?.textContent ?? '';
    expect(broken).toContain('broken');
    expect(broken).toContain('limit');
    act(() => root.unmount());
    host.remove();
  });
});
