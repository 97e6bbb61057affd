import { GrassrootsSnapshot, type OverviewSnapshot } from '@cockpit/contracts';
import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n';
import { themeSnapshotQuery } from '../../../layout/snapshot';
import type { PanelScope } from '../../../layout/types';
import { indicatorDefinitionsQuery } from '../../../lib/snapshot';
import DepartmentTilesPanel from '../../../panels/department-tiles/DepartmentTilesPanel';

// Rendered for real (React DOM in happy-dom, a real query cache holding the snapshots); nothing is mocked.
// The theme's panels load after i18n is up (as the registry loads them), since they add their own labels.
let RuralServicesPanel: typeof import('./RegionPanels').RuralServicesPanel;
let BasicsPanel: typeof import('./RegionPanels').BasicsPanel;
let NearbyPanel: typeof import('./RegionPanels').NearbyPanel;
beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
  // Offline: a query without data waits (loading) instead of calling a BFF that is not there.
  onlineManager.setOnline(false);
  ({ RuralServicesPanel, BasicsPanel, NearbyPanel } = await import('./RegionPanels'));
});
let host: HTMLDivElement;
afterEach(() => host?.remove());

const VILLAGE = '331023105200';
const scope: PanelScope = { theme: 'overview', level: 'village', regionCode: VILLAGE, profile: 'desk' };

function render(ui: ReactNode, fill: (client: QueryClient) => void = () => undefined) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(indicatorDefinitionsQuery().queryKey, { items: [] });
  fill(client);
  host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(
      <QueryClientProvider client={client}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>,
    ),
  );
  return host;
}

const source = {
  system: 'grassroots',
  name: { zh: '基层治理综合信息平台', en: 'Grassroots' },
  status: 'ok' as const,
  lastGoodAt: '2026-12-01T02:00:00.000Z',
  simulated: true,
};
const grassroots = GrassrootsSnapshot.parse({
  theme: 'grassroots',
  regionCode: VILLAGE,
  level: 'village',
  generatedAt: '2026-12-01T02:00:00.000Z',
  asOf: '2026-12-01T02:00:00.000Z',
  simulated: true,
  indicators: [],
  series: [],
  breakdowns: [],
  sources: [source],
  alarms: [],
  funnel: [],
  eventsByType: [],
  eventPoints: [],
  overdue: [],
  escalations: [],
  gridWorkers: [],
  basics: null,
  homestays: { count: 3, beds: 24, occupancyRate: 0.375, daily: [] },
  devices: null,
  flood: null,
  servicePoints: { total: 2, open: 1 },
  farmCodes: [
    { product: 'TTWY', name: { zh: '天台乌药', en: 'Wuyao' }, scansToday: 8, scans30d: 622 },
    { product: 'TTHC', name: { zh: '天台黄茶', en: 'Yellow tea' }, scansToday: 10, scans30d: 1_721 },
  ].map((f) => ({ ...f, regionCode: '331023105', regionName: '平桥镇' })),
  nearby: [],
  parentRanks: [],
});

describe('农村服务 (grassroots.rural-services)', () => {
  it('shows loading, and no figure, until the grassroots snapshot has arrived', () => {
    const el = render(<RuralServicesPanel options={{ limit: 5 }} scope={scope} instanceId="rural" />);
    expect(el.querySelector('[data-testid="loading"]')).not.toBeNull();
    expect(el.querySelector('[data-product]')).toBeNull();
  });

  it('shows homestays, 浙农码 scans named as the township’s, and the service points open, with units', () => {
    const el = render(<RuralServicesPanel options={{ limit: 5 }} scope={scope} instanceId="rural" />, (c) =>
      c.setQueryData(themeSnapshotQuery('grassroots', VILLAGE).queryKey, grassroots),
    );
    const figure = (name: string) =>
      el.querySelector(`[data-figure="${name}"] .gr-figure__value`)?.parentElement?.textContent;
    expect(figure('farm-scans')).toBe('18次');
    expect(figure('service-points')).toBe('1/2个');
    expect(el.textContent).toContain('50.0%'); // open rate
    expect(el.textContent).toContain('37.5%'); // homestay occupancy
    expect(el.textContent).toContain('浙农码扫码按乡镇统计，显示平桥镇（上级区域）');
    const rows = [...el.querySelectorAll('[data-product]')].map((li) => li.textContent);
    expect(rows).toEqual(['天台黄茶今日 10 次 · 30 天 1,721 次', '天台乌药今日 8 次 · 30 天 622 次']);
    expect(el.textContent).toContain('模拟数据');
  });
});

describe('a part whose system has not answered is never stated as absent', () => {
  const withSnapshot = (snap: GrassrootsSnapshot) => (c: QueryClient) =>
    c.setQueryData(themeSnapshotQuery('grassroots', VILLAGE).queryKey, snap);

  it('基本情况: "no basics published" only once the platform has answered; until then, not arrived', () => {
    const down = render(
      <BasicsPanel options={{}} scope={scope} instanceId="basics" />,
      withSnapshot({ ...grassroots, unavailable: ['events', 'basics'] }),
    );
    expect(down.querySelector('[data-testid="unavailable"]')?.textContent).toBe(
      '数据未到：来源系统尚未返回数据',
    );
    expect(down.textContent).not.toContain('本区域未发布年度基本情况');
    down.remove();
    const answered = render(
      <BasicsPanel options={{}} scope={scope} instanceId="basics" />,
      withSnapshot(grassroots),
    );
    expect(answered.querySelector('[data-testid="unavailable"]')).toBeNull();
    expect(answered.textContent).toContain('本区域未发布年度基本情况');
  });

  it('最近的设施: a kind whose system has not answered says so; a known empty kind says none', () => {
    const el = render(
      <NearbyPanel
        options={{ kinds: ['parkingLot', 'hospital'], limit: 3 }}
        scope={scope}
        instanceId="nearby"
      />,
      withSnapshot({ ...grassroots, unavailable: ['nearby.parkingLot'] }),
    );
    const group = (kind: string) => el.querySelector(`[data-kind="${kind}"]`)!;
    expect(group('parkingLot').querySelector('[data-testid="unavailable"]')).not.toBeNull();
    expect(group('parkingLot').textContent).not.toContain('附近无此类设施');
    expect(group('hospital').textContent).toContain('附近无此类设施');
  });
});

describe('部门驾驶舱 tiles say why a village has no figure of its own', () => {
  const value = (indicatorId: string, v: number | null, unit = '个') => ({
    indicatorId,
    value: v,
    unit,
    status: 'ok' as const,
    at: '2026-12-01T02:00:00.000Z',
  });
  const overview: OverviewSnapshot = {
    theme: 'overview',
    regionCode: VILLAGE,
    level: 'village',
    generatedAt: '2026-12-01T02:00:00.000Z',
    indicators: [],
    series: [],
    breakdowns: [],
    sources: [],
    alarms: [],
    summaries: [
      {
        theme: 'parking',
        headline: value('parking.freeBerths', null),
        secondary: [],
        note: null,
        reason: { zh: '本村无停车场 · 最近：平桥镇中心停车场 2.3 公里', en: 'x' },
      },
      {
        theme: 'eco',
        headline: value('eco.aqi', 58, ''),
        secondary: [],
        note: { zh: '良，首要污染物 PM10', en: 'x' },
        reason: { zh: '本村无空气监测站，显示所属乡镇（平桥镇）', en: 'x' },
      },
    ],
  };

  const tiles = (
    <DepartmentTilesPanel
      options={{ title: null, themes: ['parking', 'eco'] }}
      scope={scope}
      instanceId="d"
    />
  );

  it('shows loading and no reason before the overview snapshot has arrived', () => {
    const el = render(tiles);
    expect(el.querySelector('[data-testid="loading"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="department-reason"]')).toBeNull();
  });

  it('shows the reason above the note once it has', () => {
    const el = render(tiles, (c) =>
      c.setQueryData(themeSnapshotQuery('overview', VILLAGE).queryKey, overview),
    );
    const lines = (theme: string) =>
      [...el.querySelectorAll(`.department--${theme} .department__note`)].map((n) => [
        n.getAttribute('data-testid'),
        n.textContent,
      ]);
    expect(lines('parking')).toEqual([
      ['department-reason', '本村无停车场 · 最近：平桥镇中心停车场 2.3 公里'],
    ]);
    expect(lines('eco')).toEqual([
      ['department-reason', '本村无空气监测站，显示所属乡镇（平桥镇）'],
      ['department-note', '良，首要污染物 PM10'],
    ]);
  });
});
