import type { Row } from '../harness';

const WINDOW_MS = Number(process.env.BENCH_CALLS_WINDOW_MS ?? 30_000);

async function totalCalls(bffUrl: string): Promise<number> {
  const health = (await (await fetch(`${bffUrl}/api/v1/health`)).json()) as {
    upstreams: { calls: number }[];
  };
  return health.upstreams.reduce((s, u) => s + u.calls, 0);
}

/** Opens `screens` live streams (as wall screens do), each on a region, and keeps them reading. */
async function connectScreens(bffUrl: string, regions: string[], screens: number) {
  const controllers: AbortController[] = [];
  for (let i = 0; i < screens; i++) {
    const region = regions[i % regions.length]!;
    const ac = new AbortController();
    controllers.push(ac);
    // Each screen loads its snapshot once, then follows the stream.
    await fetch(`${bffUrl}/api/v1/cockpits/overview/${region}/snapshot`).then((r) => r.arrayBuffer());
    fetch(`${bffUrl}/api/v1/live?topics=snapshot:overview:${region}`, { signal: ac.signal })
      .then(async (res) => {
        const reader = res.body!.getReader();
        for (;;) if ((await reader.read()).done) break;
      })
      .catch(() => undefined);
  }
  return () => {
    for (const ac of controllers) ac.abort();
  };
}

async function callsPerMinute(bffUrl: string, regions: string[], screens: number): Promise<number> {
  const disconnect = await connectScreens(bffUrl, regions, screens);
  try {
    // Let the first loads settle, then count a steady window.
    await new Promise((r) => setTimeout(r, 3000));
    const before = await totalCalls(bffUrl);
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const after = await totalCalls(bffUrl);
    return ((after - before) * 60_000) / WINDOW_MS;
  } finally {
    disconnect();
  }
}

/**
 * Upstream calls per minute with 100 connected screens, against one screen: the BFF refreshes each upstream
 * dataset on its own schedule, so the load on the department systems must not grow with the screens.
 */
export async function upstreamCallsSuite(ctx: { bffUrl: string }): Promise<Row[]> {
  const county = (await (await fetch(`${ctx.bffUrl}/api/v1/regions/331023`)).json()) as {
    children: { code: string }[];
  };
  const regions = ['331023', ...county.children.map((c) => c.code)];
  const many = await callsPerMinute(ctx.bffUrl, regions, 100);
  const one = await callsPerMinute(ctx.bffUrl, ['331023'], 1);
  return [
    {
      suite: 'upstream',
      figure: `upstream calls per minute, 100 screens on ${regions.length} regions (live streams)`,
      unit: 'calls/min',
      subject: many,
      baseline: one,
      ratio: one > 0 ? many / one : null,
      note: `baseline = 1 screen on the county; ${WINDOW_MS / 1000} s windows; extra calls are per-region history series`,
    },
  ];
}
