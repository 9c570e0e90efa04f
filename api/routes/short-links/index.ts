/**
 * GET /i/:id and /i/:id/:area: the short links printed on posters (typed from paper, so short),
 * answered with a redirect to the insats in the app, with the area chosen when one is given.
 * Only the shape is checked, not whether the insats is still published: the app then explains
 * in the reader's language that it is gone, which a problem document here could not.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { problem } from '../../http/problem.ts';
import type { AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** An insats id as the wire accepts it (common/wire/index.ts). */
const INSATS_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A delområde code. */
const AREA_CODE = /^\d{5}$/;

const redirectResponses = {
  302: { description: 'To /insats/:id (with ?omrade=:area when an area is given)' },
  404: { description: 'The id or area is not of a valid shape', problem: true },
} as const;

/** Where this resource is mounted and what it answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/i',
  tag: 'short-links',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/:id',
      summary: "A poster's short link to an insats",
      responses: redirectResponses,
    },
    {
      method: 'get',
      access: 'public',
      path: '/:id/:area',
      summary: "A poster's short link to an insats with the area chosen",
      responses: redirectResponses,
    },
  ],
};

function redirect(c: Context<AppEnv>, id: string, area?: string): Response {
  if (!INSATS_ID.test(id) || (area !== undefined && !AREA_CODE.test(area)))
    return problem(c, 404, 'There is no short link of this shape.');
  // The same target for everyone, but posters outlive deployments: do not let it be cached for long.
  c.header('Cache-Control', 'no-cache');
  return c.redirect(`/insats/${id}${area ? `?omrade=${area}` : ''}`, 302);
}

/** The short-links resource. */
export function shortLinks() {
  return new Hono<AppEnv>()
    .get('/:id', (c) => redirect(c, c.req.param('id')))
    .get('/:id/:area', (c) => redirect(c, c.req.param('id'), c.req.param('area')));
}
