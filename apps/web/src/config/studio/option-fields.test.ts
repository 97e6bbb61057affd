import { PANEL_TYPES } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionFields, optionIssues, valueAt, withDefaults, withValueAt } from './option-fields';

const schemaOf = (type: string) => {
  const spec = PANEL_TYPES[type];
  if (!spec) throw new Error(type);
  return spec.options;
};

describe('options form generated from a panel type’s zod schema', () => {
  it('gives the ranking its title group, indicator picker, bounded numbers and colour', () => {
    const fields = optionFields(schemaOf('ranking'));
    expect(fields.map((f) => [f.key, f.kind])).toEqual([
      ['title', 'group'],
      ['indicatorIds', 'indicators'],
      ['limit', 'number'],
      ['rotateSeconds', 'number'],
      ['color', 'colour'],
      ['sort', 'enum'],
    ]);
    const title = fields[0];
    expect(title?.kind === 'group' && title.nullable).toBe(true);
    expect(title?.kind === 'group' && title.fields.map((f) => f.path.join('.'))).toEqual([
      'title.zh',
      'title.en',
    ]);
    expect(fields[2]).toMatchObject({ integer: true, min: 3, max: 20 });
    expect(fields[1]).toMatchObject({ maxItems: 12 });
  });

  it('reads enums, enum sets, booleans, a single indicator and long text', () => {
    const trend = optionFields(schemaOf('trend'));
    expect(trend.find((f) => f.key === 'style')).toMatchObject({ kind: 'enum', values: ['line', 'area'] });
    expect(trend.find((f) => f.key === 'forecast')?.kind).toBe('boolean');
    expect(trend.find((f) => f.key === 'indicatorId')?.kind).toBe('indicator');
    const tiles = optionFields(schemaOf('department-tiles'));
    expect(tiles.find((f) => f.key === 'themes')).toMatchObject({
      kind: 'enum-set',
      values: ['parking', 'trauma', 'eco'],
    });
    const text = optionFields(schemaOf('text')).find((f) => f.key === 'text');
    expect(text?.kind === 'group' && text.fields[0]).toMatchObject({ kind: 'text', multiline: true });
  });

  it('offers the sort on lists and rankings, and own thresholds on panels bound to indicators', () => {
    for (const type of ['ranking', 'table', 'distribution'])
      expect(
        optionFields(schemaOf(type)).find((f) => f.key === 'sort'),
        type,
      ).toMatchObject({
        kind: 'enum',
        values: ['valueDesc', 'valueAsc', 'name', 'worstFirst'],
      });
    for (const type of ['gauge', 'trend']) {
      expect(
        optionFields(schemaOf(type)).find((f) => f.key === 'thresholds'),
        type,
      ).toEqual({
        kind: 'thresholds',
        key: 'thresholds',
        path: ['thresholds'],
        perIndicator: false,
      });
      // The default is the indicator's bands (null), and a bad order is the BFF's to refuse by direction.
      expect(withDefaults(schemaOf(type), {}).thresholds).toBeNull();
    }
    // KPI tiles show several indicators: own bands by indicator id, none by default.
    expect(optionFields(schemaOf('kpi-tiles')).find((f) => f.key === 'thresholds')).toMatchObject({
      kind: 'thresholds',
      perIndicator: true,
    });
    expect(withDefaults(schemaOf('kpi-tiles'), {}).thresholds).toEqual({});
    expect(optionIssues(schemaOf('table'), { sort: 'random' }).has('sort')).toBe(true);
  });

  it('generates a form for every registered panel type without an unsupported field', () => {
    for (const [type, spec] of Object.entries(PANEL_TYPES)) {
      const kinds = JSON.stringify(optionFields(spec.options));
      expect(kinds.includes('"unsupported"'), type).toBe(false);
    }
  });

  it('sets nested values immutably and reports issues by path', () => {
    const o = { title: null, limit: 8 };
    const next = withValueAt(o, ['title', 'zh'], '停车排名');
    expect(next).toEqual({ title: { zh: '停车排名' }, limit: 8 });
    expect(o.title).toBeNull();
    expect(valueAt(next, ['title', 'zh'])).toBe('停车排名');
    const issues = optionIssues(schemaOf('ranking'), { ...next, limit: 99 });
    expect([...issues.keys()].sort()).toEqual(['limit', 'title.en']);
    expect(withDefaults(z.object({ a: z.number().default(3) }), {})).toEqual({ a: 3 });
  });
});
