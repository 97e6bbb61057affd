import type { OverviewSnapshot } from '@cockpit/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { indicatorDefinition } from '../../config/indicators/definition.fixture';
import { indicatorsKey, snapshotKey } from '../../lib/snapshot';
import KpiTilesPanel from './KpiTilesPanel';

// The real panel over a real query cache holding a snapshot and the catalogue (what the BFF answers).
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});

const at = '2026-12-01T02:00:00.000Z';
const snapshot: OverviewSnapshot = {
  theme: 'overview',
  regionCode: '331023',
  level: 'county',
  generatedAt: at,
  indicators: [
    { indicatorId: 'parking.occupancyRate', value: 0.9, unit: '%', at, status: 'ok' },
    { indicatorId: 'urban.closureRate', value: 0.75, unit: '%', at, status: 'ok' },
  ],
  series: [],
  breakdowns: [],
  sources: [],
  alarms: [],
  summaries: [],
};
const CATALOGUE = [
  indicatorDefinition('parking.occupancyRate'),
  indicatorDefinition('urban.closureRate', {
    direction: 'higherIsBetter',
    thresholds: { warning: 0.85, alarm: 0.7 },
  }),
];

let host: HTMLDivElement;
let root: Root;
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function render(client: QueryClient, options: Record<string, unknown>) {
  act(() =>
    root.render(
      <QueryClientProvider client={client}>
        <KpiTilesPanel
          options={{
            title: null,
            indicatorIds: ['parking.occupancyRate', 'urban.closureRate'],
            thresholds: {},
            ...options,
          }}
          scope={{ theme: 'overview', level: 'county', regionCode: '331023', profile: 'wall' }}
          instanceId="kpis"
        />
      </QueryClientProvider>,
    ),
  );
}

describe('KPI tiles in their bands', () => {
  it("colour each figure by its indicator's bands, read with its direction, and by the panel's own limits once set", () => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    const client = new QueryClient();
    client.setQueryData(snapshotKey('overview', '331023'), snapshot);
    client.setQueryData(indicatorsKey, { items: CATALOGUE });
    const tile = (id: string) => host.querySelector<HTMLElement>(`[data-indicator="${id}"]`);
    const colour = (id: string) => tile(id)?.querySelector<HTMLElement>('.kpi__value')?.style.color;

    render(client, {});
    // 90 % occupancy is a warning (worse when higher, 85/95); a 75 % closure rate too (worse when lower, 85/70).
    expect(tile('parking.occupancyRate')?.dataset.band).toBe('warning');
    expect(colour('parking.occupancyRate')).toBe('#f5a524');
    expect(tile('urban.closureRate')?.dataset.band).toBe('warning');

    // The analyst gives occupancy its own limits on this panel (as the studio's preview does while typing).
    render(client, { thresholds: { 'parking.occupancyRate': { warning: 0.6, alarm: 0.8, colors: null } } });
    expect(tile('parking.occupancyRate')?.dataset.band).toBe('alarm');
    expect(colour('parking.occupancyRate')).toBe('#ff4d4f');
    // The other indicator keeps its own bands.
    expect(tile('urban.closureRate')?.dataset.band).toBe('warning');
  });
});
