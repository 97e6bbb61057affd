import { type LayoutEditorRights, layoutEditorRights, type PanelInstance } from '@cockpit/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { indicatorsKey } from '../../lib/snapshot';
import { indicatorDefinition } from '../indicators/definition.fixture';
import { OptionsForm } from './OptionsForm';
import './i18n';

// The real form, rendered by React DOM in happy-dom over a real query cache holding the catalogue (what
// GET /api/v1/indicators answers); nothing of the studio is mocked.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});

const definition = indicatorDefinition;
const CATALOGUE = [
  definition('parking.occupancyRate', { levels: ['county', 'township', 'village'] }),
  definition('parking.turnover', {
    departmentId: 'enforcement',
    unit: '次',
    thresholds: { warning: null, alarm: null },
  }),
  definition('eco.aqi', {
    departmentId: 'ecology',
    unit: '',
    theme: 'overview',
    field: 'eco',
    thresholds: { warning: 101, alarm: 151 },
  }),
];

let host: HTMLDivElement;
afterEach(() => host?.remove());

/** The studio's hold on the selected panel: the form edits its options, every change recorded. */
function Studio(props: {
  type: string;
  options: Record<string, unknown>;
  rights: LayoutEditorRights | null;
  changes: Record<string, unknown>[];
}) {
  const [panel, setPanel] = useState<PanelInstance>({
    id: 'p',
    type: props.type,
    options: props.options,
    x: 0,
    y: 0,
    w: 4,
    h: 3,
  });
  return (
    <OptionsForm
      panel={panel}
      theme="overview"
      level="county"
      rights={props.rights}
      onChange={(next) => {
        props.changes.push(next);
        setPanel((p) => ({ ...p, options: next }));
      }}
    />
  );
}

/** The form over a panel whose options it edits, as the studio holds them; every change is recorded. */
function render(type: string, options: Record<string, unknown>, rights: LayoutEditorRights | null) {
  host = document.createElement('div');
  document.body.append(host);
  const client = new QueryClient();
  client.setQueryData(indicatorsKey, { items: CATALOGUE });
  const changes: Record<string, unknown>[] = [];
  const root = createRoot(host);
  act(() =>
    root.render(
      <QueryClientProvider client={client}>
        <Studio type={type} options={options} rights={rights} changes={changes} />
      </QueryClientProvider>,
    ),
  );
  return { el: host, changes, last: () => changes.at(-1) ?? options };
}

/** Types into an input or picks an option the way a person does (React sees an input/change event). */
function type(el: Element | null, value: string) {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) throw new Error('no such field');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
const click = (el: Element | null) => act(() => (el as HTMLElement).click());

const admin = layoutEditorRights({ departmentId: null, permissions: ['layout:edit', 'user:admin'] });
const ecology = layoutEditorRights({ departmentId: 'ecology', permissions: ['layout:edit'] });

describe('the sort option', () => {
  it('is a labelled choice on a ranking; picking one sets options.sort', () => {
    const { el, last } = render('ranking', {}, admin);
    const select = el.querySelector<HTMLSelectElement>('select[name="sort"]');
    expect([...(select?.options ?? [])].map((o) => o.textContent)).toEqual([
      '数值从大到小',
      '数值从小到大',
      '按名称',
      '最差优先（按指标方向）',
    ]);
    expect(select?.value).toBe('valueDesc');
    type(select, 'worstFirst');
    expect(last().sort).toBe('worstFirst');
    expect(el.querySelector<HTMLSelectElement>('select[name="sort"]')?.value).toBe('worstFirst');
  });
});

describe("a panel's own thresholds", () => {
  it("default to the indicator's bands; switched on they start from them in percent, and follow what is typed", () => {
    const { el, last } = render('gauge', { indicatorId: 'parking.occupancyRate' }, admin);
    const box = () => el.querySelector('[data-testid="studio-thresholds"]');
    expect(box()?.querySelector('[data-testid="studio-thresholds-default"]')?.textContent).toContain(
      '默认：指标阈值 预警 85% · 告警 95%',
    );
    expect(box()?.querySelector('input[name="thresholds.warning"]')).toBeNull();

    click(box()?.querySelector('input[name="thresholds.on"]') ?? null);
    expect(last().thresholds).toEqual({ warning: 0.85, alarm: 0.95, colors: null });
    const warning = () => el.querySelector<HTMLInputElement>('input[name="thresholds.warning"]');
    const alarm = () => el.querySelector<HTMLInputElement>('input[name="thresholds.alarm"]');
    expect([warning()?.value, alarm()?.value]).toEqual(['85', '95']);
    expect(alarm()?.placeholder).toBe('95');
    expect(el.textContent).toContain('告警线（%）');

    // Each keystroke reaches the options (the preview renders them): an alarm below the warning is named.
    type(alarm(), '80');
    expect(last().thresholds).toEqual({ warning: 0.85, alarm: 0.8, colors: null });
    const issue = () => el.querySelector('[data-testid="studio-option-issue"]')?.textContent ?? '';
    expect(issue()).toContain('thresholds.alarm');
    expect(issue()).toContain('告警线须高于预警线');
    type(warning(), '70');
    expect(last().thresholds).toMatchObject({ warning: 0.7, alarm: 0.8 });
    expect(issue()).toBe('');
    type(alarm(), '');
    expect(last().thresholds).toMatchObject({ warning: 0.7, alarm: null });

    // Own colours start from the status colours.
    click(el.querySelector('input[name="thresholds.colors.on"]'));
    expect(last().thresholds).toMatchObject({
      colors: { normal: '#2ecc71', warning: '#f5a524', alarm: '#ff4d4f' },
    });
    type(el.querySelector('input[name="thresholds.colors.alarm"]'), '#aa00ff');
    expect(last().thresholds).toMatchObject({ colors: { alarm: '#aa00ff' } });

    // Off again: the indicator's bands.
    click(el.querySelector('input[name="thresholds.on"]'));
    expect(last().thresholds).toBeNull();
  });

  it('on KPI tiles, are set per indicator shown; switching one back drops it', () => {
    const { el, last } = render('kpi-tiles', { indicatorIds: ['parking.occupancyRate', 'eco.aqi'] }, admin);
    const boxes = el.querySelectorAll('[data-testid="studio-thresholds"]');
    // Each named by its indicator (the fixture's names are 名称<id>).
    expect([...boxes].map((b) => b.querySelector('legend')?.textContent)).toEqual([
      '名称parking.occupancyRate',
      '名称eco.aqi',
    ]);
    click(el.querySelector('input[name="thresholds.eco.aqi.on"]'));
    expect(last().thresholds).toEqual({ 'eco.aqi': { warning: 101, alarm: 151, colors: null } });
    type(el.querySelector('input[name="thresholds.eco.aqi.alarm"]'), '120');
    expect(last().thresholds).toEqual({ 'eco.aqi': { warning: 101, alarm: 120, colors: null } });
    click(el.querySelector('input[name="thresholds.parking.occupancyRate.on"]'));
    expect(Object.keys(last().thresholds as object)).toEqual(['eco.aqi', 'parking.occupancyRate']);
    click(el.querySelector('input[name="thresholds.eco.aqi.on"]'));
    expect(last().thresholds).toEqual({
      'parking.occupancyRate': { warning: 0.85, alarm: 0.95, colors: null },
    });
  });

  it('asks for an indicator first', () => {
    const { el } = render('trend', {}, admin);
    expect(el.querySelector('[data-testid="studio-thresholds"]')?.textContent).toContain('先选择指标');
  });
});

describe('the indicator picker', () => {
  it('offers an analyst only their department’s indicators; the others are shown disabled with the reason', () => {
    const { el, changes } = render('ranking', {}, ecology);
    const option = (id: string) => el.querySelector<HTMLElement>(`[data-indicator-id="${id}"]`);
    expect(option('eco.aqi')?.dataset.bindable).toBe('true');
    expect(option('eco.aqi')?.querySelector('input')?.disabled).toBe(false);
    for (const id of ['parking.occupancyRate', 'parking.turnover']) {
      expect(option(id)?.dataset.bindable, id).toBe('false');
      expect(option(id)?.querySelector('input')?.disabled, id).toBe(true);
      expect(option(id)?.querySelector('[data-testid="indicator-not-bindable"]')?.textContent).toContain(
        '属于其他部门（enforcement）',
      );
    }
    // Bindable ones come first.
    const order = [...el.querySelectorAll<HTMLElement>('[data-indicator-id]')].map(
      (o) => o.dataset.indicatorId,
    );
    expect(order[0]).toBe('eco.aqi');
    click(option('parking.occupancyRate')?.querySelector('input') ?? null);
    expect(changes).toEqual([]);
    click(option('eco.aqi')?.querySelector('input') ?? null);
    expect(changes.at(-1)?.indicatorIds).toEqual(['eco.aqi']);
  });

  it('offers an administrator every indicator, and an editor without a department none', () => {
    const all = render('ranking', {}, admin).el;
    expect(all.querySelectorAll('[data-bindable="false"]')).toHaveLength(0);
    host.remove();
    const none = render(
      'ranking',
      {},
      layoutEditorRights({ departmentId: null, permissions: ['layout:edit'] }),
    ).el;
    expect(none.querySelectorAll('[data-bindable="true"]')).toHaveLength(0);
    expect(none.querySelector('[data-testid="indicator-not-bindable"]')?.textContent).toContain('未归属部门');
  });
});
