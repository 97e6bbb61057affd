import type { Page } from 'playwright-core';
import { waitForMapIdle, waitForRegion } from './browser';

// The layout checks of a rendered screen, shared by layout.e2e.test.ts (the cockpit × level × profile matrix)
// and layout-fit.e2e.test.ts (every seeded layout on its profile).

/** Waits until the region is drawn, the cockpit's data has arrived (freshness badges shown) and the map is idle. */
export async function open(page: Page, url: string, code: string) {
  await page.goto(url);
  await waitForRegion(page, code);
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.panel .badge').length >= 2 &&
      document.querySelectorAll('[aria-busy="true"]').length === 0,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  await page.locator('[data-testid="map"][data-labels-ready="true"]').waitFor({ state: 'attached' });
  await waitForMapIdle(page);
}

export type Findings = {
  overflowing: string[];
  crushed: string[];
  smallText: string[];
  smallChartText: string[];
  mapOutsideViewport: string | null;
  regionOutsideMap: string | null;
  labelOverlaps: string[];
  labelCount: number;
};

/** Everything measured in the page, in design-canvas pixels on a wall and CSS pixels elsewhere. */
export async function inspect(page: Page, wall: boolean): Promise<Findings> {
  return page.evaluate((wallProfile) => {
    const out = {
      overflowing: [] as string[],
      crushed: [] as string[],
      smallText: [] as string[],
      smallChartText: [] as string[],
      mapOutsideViewport: null as string | null,
      regionOutsideMap: null as string | null,
      labelOverlaps: [] as string[],
      labelCount: 0,
    };
    const canvasEl = document.querySelector<HTMLElement>('[data-testid="wall-canvas"]');
    const scale = canvasEl ? canvasEl.getBoundingClientRect().width / canvasEl.offsetWidth : 1;
    const titleOf = (el: Element) => el.closest('.panel')?.getAttribute('aria-label') ?? el.className;

    // On a wall nobody scrolls: every panel lies inside its column (and the canvas).
    if (wallProfile) {
      for (const panel of document.querySelectorAll<HTMLElement>('.column > .panel')) {
        const col = panel.parentElement!.getBoundingClientRect();
        const r = panel.getBoundingClientRect();
        if (r.bottom > col.bottom + 2 || r.right > col.right + 2)
          out.overflowing.push(
            `${titleOf(panel)} (outside its column by ${Math.round((r.bottom - col.bottom) / scale)}px)`,
          );
      }
    }

    // Panels: content never spills (a body that scrolls on purpose is marked data-scroll) and never crushed.
    for (const panel of document.querySelectorAll<HTMLElement>('.panel')) {
      const body = panel.querySelector<HTMLElement>('.panel__body');
      for (const el of [panel, body]) {
        if (!el || el.dataset.scroll) continue;
        if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)
          out.overflowing.push(`${titleOf(panel)} (${el.className} ${el.scrollHeight}>${el.clientHeight})`);
      }
      const inner = panel.querySelectorAll<HTMLElement>('.panel__body *');
      const bodyRect = body?.getBoundingClientRect();
      if (bodyRect) {
        for (const child of inner) {
          if (child.closest('[data-scroll]')) continue;
          const r = child.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.bottom > bodyRect.bottom + 2 || r.right > bodyRect.right + 2) {
            out.overflowing.push(`${titleOf(panel)} (child ${child.tagName}.${child.className} cut)`);
            break;
          }
        }
        if (bodyRect.height / scale < (wallProfile ? 48 : 20))
          out.crushed.push(`${titleOf(panel)} body ${Math.round(bodyRect.height / scale)}px`);
      }
    }

    // Text floor on the wall: every visible text node's computed size (canvas px) and every chart's labels.
    if (wallProfile) {
      const walker = document.createTreeWalker(
        document.querySelector('.shell') ?? document.body,
        NodeFilter.SHOW_TEXT,
      );
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim();
        const el = n.parentElement;
        if (!text || !el || el.closest('.maplibregl-ctrl')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const size = Number.parseFloat(getComputedStyle(el).fontSize);
        if (size < 24) out.smallText.push(`${text.slice(0, 20)} ${size}px`);
      }
      for (const chart of document.querySelectorAll<HTMLElement>('[data-min-font-px]')) {
        const size = Number(chart.dataset.minFontPx);
        if (size < 24) out.smallChartText.push(`${chart.getAttribute('aria-label')} ${size}px`);
      }
    }

    // The map fits the window (and the canvas on a wall), and the region fits the map.
    const mapHost = document.querySelector<HTMLElement>('.map-stage');
    const map = (
      window as unknown as {
        __cockpitMap?: {
          project(p: [number, number]): { x: number; y: number };
          getCanvas(): HTMLCanvasElement;
        };
      }
    ).__cockpitMap;
    if (mapHost && map) {
      const r = mapHost.getBoundingClientRect();
      const frame = canvasEl?.getBoundingClientRect() ?? {
        left: 0,
        top: 0,
        right: innerWidth,
        bottom: innerHeight,
      };
      if (
        r.top < frame.top - 1 ||
        r.bottom > frame.bottom + 1 ||
        r.left < frame.left - 1 ||
        r.right > frame.right + 1
      )
        out.mapOutsideViewport = `map ${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(frame.top)}–${Math.round(frame.bottom)}`;
      const bbox = (window as unknown as { __cockpitRegionBbox?: [number, number, number, number] })
        .__cockpitRegionBbox;
      if (bbox) {
        const c = map.getCanvas();
        const w = c.offsetWidth;
        const h = c.offsetHeight;
        const corners = [map.project([bbox[0], bbox[1]]), map.project([bbox[2], bbox[3]])];
        const bad = corners.some((p) => p.x < -2 || p.y < -2 || p.x > w + 2 || p.y > h + 2);
        if (bad)
          out.regionOutsideMap = `bbox ${corners.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ')} in ${w}×${h}`;
      }
    }

    // Map labels: every TextLayer drawn by deck.gl, boxed in screen pixels with the canvas's own text metrics,
    // against each other and against every scatter marker.
    const boxes = mapLabelBoxes();
    out.labelCount = boxes.labels.length;
    if (wallProfile)
      for (const l of boxes.labels)
        if ((l.size ?? 99) < 24) out.smallText.push(`map label ${l.text} ${l.size}px`);
    const hit = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    for (let i = 0; i < boxes.labels.length; i++) {
      const a = boxes.labels[i]!;
      for (let j = i + 1; j < boxes.labels.length; j++) {
        const b = boxes.labels[j]!;
        if (hit(a, b)) out.labelOverlaps.push(`"${a.text}" × "${b.text}"`);
      }
      for (const m of boxes.markers) {
        if (m.owner === a.owner) continue;
        if (hit(a, m)) out.labelOverlaps.push(`"${a.text}" × marker ${m.text}`);
      }
    }
    return out;

    type Box = { x0: number; y0: number; x1: number; y1: number; text: string; owner: string; size?: number };
    function mapLabelBoxes(): { labels: Box[]; markers: Box[] } {
      const m = (
        window as unknown as {
          __cockpitMap?: {
            _controls: unknown[];
            project(p: number[]): { x: number; y: number };
            getCanvas(): HTMLCanvasElement;
          };
        }
      ).__cockpitMap;
      if (!m) return { labels: [], markers: [] };
      const w = m.getCanvas().offsetWidth;
      const h = m.getCanvas().offsetHeight;
      type AnyLayer = { id: string; constructor: { layerName?: string }; props: Record<string, unknown> };
      const overlay = m._controls.find((c) => (c as { _deck?: unknown })._deck) as
        | { _deck: { props: { layers: AnyLayer[] } } }
        | undefined;
      const layers = (overlay?._deck.props.layers ?? []).flat(Number.POSITIVE_INFINITY) as AnyLayer[];
      const ctx = document.createElement('canvas').getContext('2d')!;
      const acc = <T>(v: unknown, d: unknown, fallback: T): T =>
        typeof v === 'function' ? (v as (x: unknown) => T)(d) : v === undefined ? fallback : (v as T);
      const labels: Box[] = [];
      const markers: Box[] = [];
      for (const layer of layers) {
        const p = layer.props;
        const name = layer.constructor.layerName ?? '';
        const data = Array.isArray(p.data) ? (p.data as unknown[]) : [];
        if (p.visible === false) continue;
        const ownerOf = (d: unknown) => {
          const o = d as Record<string, unknown>;
          const id = o.markerId ?? o.code ?? o.lotId ?? o.hospitalId ?? o.screenId ?? o.id ?? '';
          return String(id).split(':').pop() ?? '';
        };
        if (name === 'TextLayer') {
          for (const d of data) {
            const pos = acc<number[]>(p.getPosition, d, [0, 0]);
            const text = String(acc(p.getText, d, ''));
            // One glyph drawn on a marker (a rank number, a heading arrow) is part of that marker.
            if ([...text.trim()].length <= 1) continue;
            const size = acc<number>(p.getSize, d, 32) * Number(p.sizeScale ?? 1);
            const [ox, oy] = acc<number[]>(p.getPixelOffset, d, [0, 0]);
            const anchor = acc<string>(p.getTextAnchor, d, 'middle');
            const base = acc<string>(p.getAlignmentBaseline, d, 'center');
            ctx.font = `${String(p.fontWeight ?? 'normal')} ${size}px ${String(p.fontFamily ?? 'sans-serif')}`;
            const lines = text.split('\n');
            const tw = Math.max(...lines.map((l) => ctx.measureText(l).width));
            const th = size * Number(p.lineHeight ?? 1) * lines.length;
            const c = m.project(pos);
            const x = c.x + (ox ?? 0);
            const y = c.y + (oy ?? 0);
            const x0 = anchor === 'start' ? x : anchor === 'end' ? x - tw : x - tw / 2;
            const y0 = base === 'top' ? y : base === 'bottom' ? y - th : y - th / 2;
            if (x0 > w || y0 > h || x0 + tw < 0 || y0 + th < 0) continue;
            // Glyph boxes are a little larger than the ink; shrink a little so touching is not counted.
            const ix = tw * 0.05;
            const iy = th * 0.1;
            labels.push({
              x0: x0 + ix,
              y0: y0 + iy,
              x1: x0 + tw - ix,
              y1: y0 + th - iy,
              text,
              owner: ownerOf(d),
              size,
            });
          }
        } else if (name === 'ScatterplotLayer' || name === 'IconLayer') {
          // Every data marker except moving vehicles (labels are placed for the map at rest).
          if (layer.id.includes('ambulance')) continue;
          for (const d of data) {
            const pos = acc<number[]>(p.getPosition, d, [0, 0]);
            const c = m.project(pos);
            let r: number;
            if (name === 'IconLayer') r = acc<number>(p.getSize, d, 20) / 2;
            else {
              r = acc<number>(p.getRadius, d, 1) * Number(p.radiusScale ?? 1);
              if (p.radiusUnits !== 'pixels') {
                const dLon = r / (111_320 * Math.cos((pos[1]! * Math.PI) / 180));
                r = Math.abs(m.project([pos[0]! + dLon, pos[1]!]).x - c.x);
                r = Math.min(Math.max(r, Number(p.radiusMinPixels ?? 0)), Number(p.radiusMaxPixels ?? 1e9));
              }
            }
            if (c.x < -r || c.y < -r || c.x > w + r || c.y > h + r) continue;
            const owner = ownerOf(d);
            markers.push({
              x0: c.x - r * 0.7,
              y0: c.y - r * 0.7,
              x1: c.x + r * 0.7,
              y1: c.y + r * 0.7,
              text: `${layer.id}:${owner}`,
              owner,
            });
          }
        }
      }
      return { labels, markers };
    }
  }, wall);
}
