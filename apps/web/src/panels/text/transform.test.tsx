import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { TextNote } from './TextPanel';
import { textLines } from './transform';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});

describe('textLines', () => {
  it('takes the language asked for, the other when it is empty, and keeps inner blank lines', () => {
    expect(textLines({ zh: '第一行\n\n第三行\n\n', en: 'one' }, 'zh-CN')).toEqual(['第一行', '', '第三行']);
    expect(textLines({ zh: '只有中文', en: '' }, 'en')).toEqual(['只有中文']);
    expect(textLines({ zh: '', en: '' }, 'zh-CN')).toEqual([]);
  });
});

describe('the text panel', () => {
  it('shows markup as typed, never as HTML', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const text = { zh: '<img src=x onerror="alert(1)"><b>粗体</b>', en: '' };
    act(() => root.render(<TextNote options={{ title: null, text }} />));
    expect(host.querySelector('img, b')).toBeNull();
    expect(host.querySelector('[data-testid="text-note"]')?.textContent).toBe(text.zh);
    act(() => root.unmount());
    host.remove();
  });
});
