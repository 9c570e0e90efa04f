/**
 * GET /healthz: the process is alive and serving.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/healthz',
  tag: 'operations',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'Liveness',
      responses: { 200: { description: 'Alive', schema: v.object({ status: v.literal('ok') }) } },
    },
  ],
};

/** The health resource. */
export function health() {
  return new Hono<AppEnv>().get('/', (c) => c.json({ status: 'ok' as const }));
}
