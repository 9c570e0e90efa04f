/**
 * GET /api/areas: every delområde with its stadsområde, for the area picker.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { type Area, AreaList } from '../../../common/wire/index.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { publicRead } from '../../http/public-read/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/areas',
  tag: 'catalogue',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'All delområden, sorted by name',
      description: '`boundaryVersion` names the boundary set that tagging uses now.',
      responses: { 200: { description: 'The delområden', schema: AreaList } },
    },
  ],
};

// Swedish order: Å, Ä, Ö after Z, as people expect in a list of Malmö's areas.
const collator = new Intl.Collator('sv');

/** The areas resource. */
export function areas(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .use(publicRead())
    .use(etag(), async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-cache');
    })
    .get('/', async (c) => {
      const list = (await deps.store.listAreas())
        .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code))
        .map(
          ({ code, name, district, aliases }): Area => ({
            code,
            name,
            district,
            ...(aliases.length ? { aliases } : {}),
          }),
        );
      return c.json({ boundaryVersion: deps.boundaries().version, areas: list });
    });
}
