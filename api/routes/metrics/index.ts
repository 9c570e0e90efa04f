/**
 * GET /metrics: Prometheus metrics, for operators only.
 *
 * Served only when METRICS_TOKEN is set, and then only to a request with
 * `Authorization: Bearer <token>` (Prometheus: `authorization: { credentials: … }`). Without
 * the variable the path answers 404 like any unknown path: the default exposes nothing.
 * A token rather than a second port, because it works the same behind any load balancer
 * and with N instances, and cannot be opened up by a mistaken bind address.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/metrics',
  tag: 'operations',
  routes: [
    {
      method: 'get',
      access: 'metrics-token',
      path: '/',
      summary: 'Prometheus metrics',
      description:
        'Prometheus text format. Only when the server has METRICS_TOKEN set, and only with ' +
        '`Authorization: Bearer <METRICS_TOKEN>`.',
      responses: {
        200: { description: 'Metrics in the Prometheus text exposition format' },
        401: { description: 'Missing or wrong bearer token', problem: true },
        404: { description: 'Metrics are not enabled (METRICS_TOKEN is unset)', problem: true },
      },
    },
  ],
};

/** The metrics resource. */
export function metrics(deps: Pick<ApiDeps, 'metrics' | 'config'>) {
  const token = deps.config.metricsToken;
  // Compared as digests: equal lengths for timingSafeEqual, and no timing hint of the length.
  const expected = token === undefined ? undefined : digest(token);
  return new Hono<AppEnv>().get('/', async (c) => {
    if (expected === undefined) return problem(c, 404, `Nothing at ${c.req.path}.`);
    const given = /^Bearer +(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return problem(c, 401, 'Send the metrics token as Authorization: Bearer <token>.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await deps.metrics.registry.metrics(), 200, {
      'Content-Type': deps.metrics.registry.contentType,
    });
  });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
