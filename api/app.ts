/**
 * The Kraftsamla app: API resources from the route table, each route behind the guard its
 * access declaration asks for, the built client, and the cross-cutting behaviour every
 * response shares.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { authorize } from './auth/policy/index.ts';
import { serveClient } from './static/index.ts';
import { type Config, DEFAULT_STAFF_CONFIG, type StaffConfig } from './config/index.ts';
import { defaultIdentityConfig } from './config/identity.ts';
import type { BoundarySet } from './domain/tagging/index.ts';
import { isClientAbort } from './http/client-abort.ts';
import { API_HEADER, problem } from './http/problem.ts';
import { storeFaultResponder } from './http/store-fault.ts';
import type { ApiDeps, AppEnv } from './http/types.ts';
import { type Logger, loggableError, requestLog, silentLogger } from './logging/index.ts';
import { createMetrics, httpMetrics, type Metrics } from './metrics/index.ts';
import { fullPath } from './openapi/index.ts';
import { createRateLimiter } from './rate-limit/index.ts';
import { resources } from './routes/index.ts';
import { requestIdentity, securityHeaders } from './security/index.ts';
import { asStoreFault, StoreUnavailableError } from './store/faults.ts';
import type { Store } from './store/index.ts';

/** What the app is built from. */
export interface AppOptions {
  store: Store;
  /**
   * The configuration. Rate limits, TRUST_PROXY and METRICS_TOKEN may be left out (apps built
   * in tests): then there are no limits, X-Forwarded-For is ignored and /metrics is off.
   * Staff settings left out are the defaults (sign-in limits on, no identity provider).
   * The server always passes them all, from `loadConfig()`.
   */
  config: Pick<Config, 'staticDir' | 'controllerName' | 'dpoContact'> &
    Partial<Pick<Config, 'rateLimit' | 'trustProxy' | 'metricsToken' | 'mail' | 'identity'>> & {
      staff?: Partial<StaffConfig>;
      /** The origin of absolute URLs (from `linkOrigin()`); apps built in tests: http://localhost. */
      linkOrigin?: string;
    };
  /** The active boundary set: a set, or a function returning the current one. */
  boundaries: BoundarySet | (() => BoundarySet);
  /** Where request lines and errors go; silent by default. */
  logger?: Logger;
  /** The metrics to record into; a fresh registry by default. */
  metrics?: Metrics;
  /** The clock for rate-limit windows, sessions and audit times, in milliseconds (tests move it). */
  now?: () => number;
}

/**
 * Content-Security-Policy: only this origin, no inline script or style, no framing.
 * The client must load everything from files it serves itself.
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Builds the Hono app. Only the staff sign-in routes set a cookie (the staff session); no
 * participant route sets or reads one.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { store, config, boundaries } = options;
  const activeBoundaries = typeof boundaries === 'function' ? boundaries : () => boundaries;
  const logger = options.logger ?? silentLogger();
  const metrics = options.metrics ?? createMetrics();
  const limiter = createRateLimiter({
    store,
    perDevice: config.rateLimit?.perDevice ?? null,
    perAddress: config.rateLimit?.perAddress ?? null,
    trustProxy: config.trustProxy ?? 0,
    metrics,
    ...(options.now ? { now: options.now } : {}),
  });
  const identity = config.identity ?? defaultIdentityConfig();
  const app = new Hono<AppEnv>();

  app.use(requestIdentity({ trustProxy: config.trustProxy ?? 0 }));
  // Marks every answer as the API's own, so the app tells a refusal by the API (an item goes to
  // "needs attention") from a 4xx by a captive portal, proxy or WAF on the way (sent again later).
  app.use(async (c, next) => {
    c.header(API_HEADER, '1');
    await next();
  });
  // Outermost after the request id, so they see every answer, errors and 404s included.
  app.use(requestLog(logger));
  app.use(httpMetrics(metrics));
  app.use(
    securityHeaders({
      contentSecurityPolicy: CSP,
      httpsInFront: config.staff?.publicUrl?.startsWith('https://') ?? false,
    }),
  );
  app.use(compress());
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problem(c, 405, `${c.req.method} is not allowed here; use ${methods.join(' or ')}.`, {
          headers: { Allow: methods.join(', ') },
        }),
    }),
  );

  const deps: ApiDeps = {
    store,
    boundaries: activeBoundaries,
    config: {
      ...config,
      identity,
      staff: { ...DEFAULT_STAFF_CONFIG, ...config.staff },
      linkOrigin: config.linkOrigin ?? config.staff?.publicUrl ?? 'http://localhost',
    },
    logger,
    metrics,
    limiter,
    now: options.now ?? Date.now,
  };
  for (const { spec, app: resource } of resources(deps)) {
    // The guard of each route, registered for exactly its method and path before the
    // resource's handlers: the table's declaration is what is enforced (api/auth/policy).
    for (const route of spec.routes) {
      app.on(
        route.method.toUpperCase(),
        fullPath(spec.mount, route.path),
        authorize(route.access, deps, route.scoped === true),
      );
    }
    app.route(spec.mount, resource);
  }
  app.use(serveClient(config.staticDir, identity.identity));

  app.notFound((c) => problem(c, 404, `Nothing at ${c.req.path}.`));
  const storeFault = storeFaultResponder(logger);
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500)
      return problem(c, err.status, err.message || undefined);
    if (isClientAbort(err, c)) {
      logger.info({ reqId: c.var.requestId }, 'request body cut off by the client');
      return problem(c, 400, 'The request ended before its body was complete.');
    }
    // The database away or its disk full: not the request's fault, and over in a while.
    // The store already says so; an error wrapped on the way is recognised by its cause.
    const fault = asStoreFault(err);
    if (fault instanceof StoreUnavailableError) return storeFault(c, fault);
    // Logged with the request id for operators (the request line follows with the route);
    // the body says nothing about the cause or the input.
    logger.error({ reqId: c.var.requestId, err: loggableError(err) }, 'request failed');
    return problem(c, 500, 'Something went wrong on the server. Try again later.');
  });
  return app;
}
