import { describe, expect, it } from 'vitest';
import { withTextOnlyTooltips } from './echartsText';

describe('user text in charts never becomes markup', () => {
  it('draws every tooltip as canvas text, whatever its formatter returns', () => {
    const option = withTextOnlyTooltips({
      tooltip: { trigger: 'axis', formatter: () => '<img src=x onerror="alert(1)">' },
      series: [],
    });
    expect(option.tooltip).toMatchObject({ trigger: 'axis', renderMode: 'richText' });
    const many = withTextOnlyTooltips({ tooltip: [{ trigger: 'item' }, { trigger: 'axis' }] });
    expect(many.tooltip).toEqual([
      { trigger: 'item', renderMode: 'richText' },
      { trigger: 'axis', renderMode: 'richText' },
    ]);
    const none = { series: [] };
    expect(withTextOnlyTooltips(none)).toBe(none);
  });
});
