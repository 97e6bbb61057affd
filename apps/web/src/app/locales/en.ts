import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { title: 'Tiantai County Digital Cockpit', subtitle: 'Smart county · City brain' },
  theme: { overview: 'Overview', parking: 'Parking', trauma: 'Trauma care', eco: 'Environment' },
  level: { county: 'County', township: 'Township', village: 'Village' },
  header: { freshness: 'Data', fresh: 'Live', stale: 'Delayed', error: 'Failing', language: '中文' },
  panel: { source: 'Source', updated: 'Updated', loading: 'Loading…', noData: 'No data' },
  status: { ok: 'OK', stale: 'Stale', error: 'Error' },
  health: {
    title: 'System health',
    service: 'Service',
    uptime: 'Uptime',
    version: 'Version',
    upstreams: 'Department systems',
    none: 'No department system connected yet',
    ok: 'OK',
    degraded: 'Degraded',
  },
  map: {
    notes: 'Data notes',
    approximate: 'Township/village boundaries and positions are approximate, not legal boundaries',
  },
  notFound: {
    title: 'Not found',
    body: 'There is no such page or region.',
    back: 'Back to the county overview',
  },
  pending: {
    title: 'Cockpit in preparation',
    body: 'This department cockpit has no data connected yet; it will appear here once it does.',
  },
  scope: {
    title: 'Region in view',
    source: 'NBS 2023 division codes',
    unit: '',
    hint: 'Click the map to go down a level; Esc goes up',
  },
  unit: { hours: 'h', minutes: 'min', seconds: 's' },
  search: { placeholder: 'Search townships and villages (name, pinyin initials or code)' },
};
