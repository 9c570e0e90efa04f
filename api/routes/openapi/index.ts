/**
 * GET /api/openapi.json: the API described from the route table.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../http/types.ts';
import { buildOpenApi, type ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/openapi.json',
  tag: 'operations',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'This OpenAPI 3.1 document',
      responses: { 200: { description: 'OpenAPI 3.1', schema: v.looseObject({ openapi: v.string() }) } },
    },
  ],
};

/** The OpenAPI resource, describing `resources` (itself included). */
export function openapi(resources: readonly ResourceSpec[]) {
  // Built once: the table does not change while the process runs.
  const document = buildOpenApi(resources, { title: 'Kraftsamla API', version: '1' });
  return new Hono<AppEnv>().get('/', (c) => c.json(document));
}
