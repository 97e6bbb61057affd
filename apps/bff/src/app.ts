import type { LayoutDocument } from '@cockpit/contracts';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { AdminService } from './auth/admin';
import type { AuthService } from './auth/service';
import type { Config } from './config';
import type { Hierarchy } from './geo/hierarchy';
import { createMetrics, tokenMatches } from './health/metrics';
import { setUpNotifications } from './health/notify-setup';
import type { HostRule } from './health/webhook-hosts';
import { LayoutDraftService } from './layouts/drafts';
import { LayoutService } from './layouts/service';
import { type AppEnv, validationHook } from './lib/create-router';
import { errorBody, HttpError } from './lib/errors';
import { requestPipeline } from './lib/http-headers';
import type { Logger } from './lib/logger';
import { allowedMethodsLookup } from './lib/method-not-allowed';
import { serveSpa } from './lib/static';
import { adminRouter } from './routes/admin/admin.index';
import { alarmsRouter } from './routes/alarms/alarms.index';
import { auditRouter } from './routes/audit/audit.index';
import { authRouter } from './routes/auth/auth.index';
import { cockpitsRouter } from './routes/cockpits/cockpits.index';
import { devicesRouter } from './routes/devices/devices.index';
import { docsRouter } from './routes/docs/docs.index';
import { ecoRouter } from './routes/eco/eco.index';
import { healthRouter } from './routes/health/health.index';
import { indicatorsRouter } from './routes/indicators/indicators.index';
import { indicatorSeriesRouter } from './routes/indicators/indicators.series';
import { inspectionRouter } from './routes/inspection/inspection.index';
import { layoutsRouter } from './routes/layouts/layouts.index';
import { studioRouter } from './routes/layouts/studio.index';
import { liveRouter } from './routes/live/live.index';
import { notificationsRouter } from './routes/notifications/notifications.index';
import { parkingRouter } from './routes/parking/parking.index';
import { personalRouter } from './routes/personal/personal.index';
import { regionsRouter } from './routes/regions/regions.index';
import { traumaRouter } from './routes/trauma/trauma.index';
import type { Services } from './services';
import type { SystemId } from './upstreams/systems';

export type AppDeps = {
  config: Pick<Config, 'version' | 'webDist'>;
  logger: Logger;
  hierarchy: Hierarchy;
  services: Services;
  /** Identity, sessions and scope (over the store); every /api route's guard uses it. */
  auth: AuthService;
  startedAt?: number;
  /** GEO_DIR: official replacements of the bundled geography (also for the map's context layers). */
  geoDir?: string | undefined;
  /** Layouts stored where their scope has none (default: the contracts' SEED_LAYOUTS; tests give their own). */
  layoutSeeds?: readonly LayoutDocument[];
  /** METRICS_TOKEN: GET /metrics answers with this bearer token only; undefined: /metrics is 404. */
  metricsToken?: string | undefined;
  /** WEBHOOK_ALLOWED_HOSTS: the receivers policies' webhooks may name; unset or empty: none (webhooks off). */
  webhookAllowedHosts?: readonly HostRule[] | undefined;
};

/** Builds the whole HTTP app without listening, so tests can drive it with app.request(). */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const app = new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });

  // The stored indicator definitions (server.ts binds them before listening; tests here).
  deps.services.indicators.bind(deps.auth.store).catch((err) => logger.error({ err }, 'indicator store'));
  deps.services.alarms.bind(deps.auth.store).catch((err) => logger.error({ err }, 'alarm store'));
  deps.services.inspector.bind(deps.auth.store);

  app.use(requestPipeline(logger));
  const metrics = createMetrics(deps.services);
  app.use(metrics.middleware);
  app.get('/metrics', async (c) => {
    const token = deps.metricsToken;
    if (!token) return c.json(errorBody('NOT_FOUND', `No route for GET ${c.req.path}`), 404);
    if (!tokenMatches(c.req.header('authorization'), token))
      return c.json(
        errorBody('UNAUTHENTICATED', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>'),
        401,
      );
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
  app.use(async (c, next) => {
    c.set('auth', deps.auth);
    await next();
  });

  app.route(
    '/',
    healthRouter({
      version: config.version,
      startedAt: deps.startedAt ?? Date.now(),
      upstreams: () =>
        Object.values(deps.services.upstreams).map((u) => {
          const h = u.health();
          return { ...h, simulated: deps.services.simulated.has(h.system as SystemId) };
        }),
    }),
  );
  const admin = new AdminService(deps.auth);
  app.route('/', authRouter());
  app.route('/', adminRouter(admin));
  app.route('/', devicesRouter(admin));
  app.route('/', auditRouter());
  app.route('/', personalRouter());
  app.route('/', notificationsRouter(setUpNotifications(deps)));
  app.route('/', regionsRouter(deps.hierarchy, deps.geoDir));
  app.route('/', indicatorsRouter(deps.services.indicators));
  const layouts = new LayoutService({
    auth: deps.auth,
    logger,
    publisher: deps.services.publisher,
    // The stored definitions: a retired indicator is available at no level.
    indicatorLevels: (id) => {
      const d = deps.services.indicators.get(id);
      return d && d.status !== 'retired' ? d.levels : undefined;
    },
    indicatorOwner: (id) => deps.services.indicators.get(id)?.departmentId,
    indicatorDirection: (id) => deps.services.indicators.get(id)?.direction,
    ...(deps.layoutSeeds ? { seeds: deps.layoutSeeds } : {}),
  });
  app.route('/', layoutsRouter(layouts));
  app.route('/', studioRouter(layouts, new LayoutDraftService(deps.auth.store, layouts)));
  app.route('/', indicatorSeriesRouter(deps.services.history, deps.hierarchy));
  app.route('/', cockpitsRouter(deps.services.snapshots));
  app.route('/', parkingRouter(deps.services));
  app.route('/', traumaRouter(deps.services));
  app.route('/', ecoRouter(deps.services));
  app.route(
    '/',
    liveRouter({
      hub: deps.services.hub,
      publisher: deps.services.publisher,
      hierarchy: deps.hierarchy,
      maxStreamsPerAddress: deps.services.liveMaxStreamsPerAddress,
    }),
  );
  app.route('/', alarmsRouter(deps.services.alarms));
  app.route('/', inspectionRouter());
  app.route('/', docsRouter());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '天台县数字驾驶舱 BFF API',
      version: config.version,
      description: 'Tiantai county digital cockpit: the API the wall, tablet and desk screens use.',
    },
  });

  app.use('*', serveSpa(config.webDist));

  const allowedMethods = allowedMethodsLookup(app);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return c.json(
        errorBody(
          'METHOD_NOT_ALLOWED',
          `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}`,
        ),
        405,
      );
    }
    return c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404);
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      return c.json(errorBody(err.code, err.message, err.details), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'UPSTREAM';
      return c.json(errorBody(code, err.message || 'Bad request'), status);
    }
    logger.error({ reqId: c.get('requestId'), err }, 'unhandled error');
    return c.json(
      errorBody('INTERNAL', `Internal error; see the server log for request id ${c.get('requestId')}`),
      500,
    );
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
