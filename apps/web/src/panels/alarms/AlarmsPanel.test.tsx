import type { OverviewSnapshot } from '@cockpit/contracts';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { AlarmsPanel } from './AlarmsPanel';

// Rendered for real (React DOM in happy-dom); nothing of the app is mocked.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});
let host: HTMLDivElement;
afterEach(() => host?.remove());

function render(snapshot: OverviewSnapshot | undefined) {
  host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<AlarmsPanel snapshot={snapshot} />));
  return host;
}

const source = (system: string, simulated: boolean) => ({
  system,
  name: { zh: system, en: system },
  status: 'ok' as const,
  lastGoodAt: '2026-10-03T04:00:00.000Z',
  simulated,
});
const snap = (over: Partial<OverviewSnapshot>): OverviewSnapshot => ({
  theme: 'overview',
  regionCode: '331023',
  level: 'county',
  generatedAt: '2026-10-03T04:00:00.000Z',
  indicators: [],
  series: [],
  breakdowns: [],
  sources: [source('env-monitor', true)],
  summaries: [],
  alarms: [],
  ...over,
});

describe('the overview alarm panel states absence only when it is known', () => {
  it('shows loading, not 当前无告警, before the first snapshot', () => {
    const el = render(undefined);
    expect(el.querySelector('[data-testid="loading"]')).not.toBeNull();
    expect(el.textContent).not.toContain('当前无告警');
  });

  it('says which cockpits are still being collected instead of 当前无告警', () => {
    const el = render(snap({ alarmsPending: ['trauma'] }));
    expect(el.querySelector('[data-testid="alarms-pending"]')?.textContent).toContain('创伤急救');
    expect(el.textContent).not.toContain('当前无告警');
  });

  it('says 当前无告警 once every cockpit has reported none', () => {
    expect(render(snap({ alarmsPending: [] })).textContent).toContain('当前无告警');
  });

  it('lists a rolled-up alarm with its cockpit, and a simulated source says 模拟数据', () => {
    const el = render(
      snap({
        alarmsPending: [],
        alarms: [
          {
            id: 'WATER_BELOW_TARGET:TBS01',
            kind: 'WATER_BELOW_TARGET',
            severity: 'warning',
            title: { zh: '桐柏水库 III类（目标 II类）', en: 'x' },
            regionCode: null,
            entityId: 'TBS01',
            since: null,
            theme: 'eco',
            system: 'env-monitor',
          },
        ],
      }),
    );
    const row = el.querySelector('[data-theme="eco"]')!;
    expect(row.textContent).toContain('桐柏水库');
    expect(row.textContent).toContain('生态环保');
    expect(el.querySelector('[data-testid="simulated"]')?.textContent).toBe('模拟数据');
  });
});
