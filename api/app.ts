/**
 * The Kraftsamla app: API resources from the route table, the built client, and the
 * cross-cutting behaviour every response shares.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { serveClient } from './static/index.ts';
import type { Config } from './config/index.ts';
import type { BoundarySet } from './domain/tagging/index.ts';
import { problem } from './http/problem.ts';
import type { AppEnv } from './http/types.ts';
import { resources } from './routes/index.ts';
import type { Store } from './store/index.ts';

/** What the app is built from. */
export interface AppOptions {
  store: Store;
  config: Pick<Config, 'staticDir' | 'controllerName' | 'dpoContact'>;
  /** The active boundary set: a set, or a function returning the current one. */
  boundaries: BoundarySet | (() => BoundarySet);
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

/** Builds the Hono app. It sets no cookies, on any route. */
export function createApp({ store, config, boundaries }: AppOptions): Hono<AppEnv> {
  const activeBoundaries = typeof boundaries === 'function' ? boundaries : () => boundaries;
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(secureHeaders({ contentSecurityPolicy: CSP }));
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

  for (const { spec, app: resource } of resources({ store, boundaries: activeBoundaries, config })) {
    app.route(spec.mount, resource);
  }
  app.use(serveClient(config.staticDir));

  app.notFound((c) => problem(c, 404, `Nothing at ${c.req.path}.`));
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500)
      return problem(c, err.status, err.message || undefined);
    // Logged with the request id for operators; the body says nothing about the cause or the input.
    console.error(`[${c.var.requestId ?? '-'}] ${c.req.method} ${c.req.path} failed:`, err);
    return problem(c, 500, 'Something went wrong on the server. Try again later.');
  });
  return app;
}
