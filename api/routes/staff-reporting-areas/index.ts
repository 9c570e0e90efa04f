/**
 * reporting areas (issue 8). Being written.
 */
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/reporting-areas',
  tag: 'reporting areas',
  routes: [],
};

/** The reporting areas resource. */
export function staffReportingAreas(_deps: ApiDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
