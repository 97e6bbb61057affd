import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { LayoutRenderer } from '../../layout/LayoutRenderer';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});

const HOSTILE = '<img src=x onerror=__owned=1><script>__owned=2</script>';

describe('a title an analyst typed', () => {
  it('shows as literal text on the panel, never as markup', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const layout = {
      layoutId: 'escape',
      version: 1,
      map: null,
      panels: [
        {
          id: 'note',
          type: 'text',
          options: { title: { zh: HOSTILE, en: HOSTILE }, text: { zh: HOSTILE, en: HOSTILE } },
          x: 0,
          y: 0,
          w: 6,
          h: 2,
        },
      ],
    };
    await act(async () =>
      root.render(
        <LayoutRenderer
          layout={layout}
          scope={{ theme: 'overview', level: 'county', regionCode: '331023', profile: 'wall' }}
          map={null}
        />,
      ),
    );
    await act(async () => {
      await import('../../panels/text/TextPanel');
    });
    const panel = host.querySelector('[data-panel-id="note"] .panel');
    expect(panel?.querySelector('.panel__title')?.textContent).toBe(HOSTILE);
    expect(panel?.querySelector('[data-testid="text-note"]')?.textContent).toBe(HOSTILE);
    expect(host.querySelector('img, script')).toBeNull();
    expect((window as { __owned?: number }).__owned).toBeUndefined();
    act(() => root.unmount());
    host.remove();
  });
});
