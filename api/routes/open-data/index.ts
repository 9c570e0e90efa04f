/**
 * open data (issue 8). Being written.
 */
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/open-data',
  tag: 'open data',
  routes: [],
};

/** The open data resource. */
export function openData(_deps: ApiDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
