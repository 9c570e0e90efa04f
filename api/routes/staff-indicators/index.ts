/**
 * indicators (issue 8). Being written.
 */
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/indicators',
  tag: 'indicators',
  routes: [],
};

/** The indicators resource. */
export function staffIndicators(_deps: ApiDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
