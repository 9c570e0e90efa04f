/**
 * GET /api/insatser and /api/insatser/:id: the published insatser with their questions
 * (latest version of each), which devices keep for offline use.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { Insats, InsatsList } from '../../../common/wire/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/insatser',
  tag: 'catalogue',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'Published insatser with their questions',
      responses: { 200: { description: 'The published insatser', schema: InsatsList } },
    },
    {
      method: 'get',
      access: 'public',
      path: '/:id',
      summary: 'One published insats',
      responses: {
        200: { description: 'The insats', schema: Insats },
        404: { description: 'No published insats with this id', problem: true },
      },
    },
  ],
};

/** The insatser resource. */
export function insatser(deps: ApiDeps) {
  return (
    new Hono<AppEnv>()
      // Devices revalidate their offline copy cheaply: unchanged catalogue → 304.
      .use(etag(), async (c, next) => {
        await next();
        c.header('Cache-Control', 'no-cache');
      })
      .get('/', async (c) => c.json({ insatser: await deps.store.listPublishedInsatser() }))
      .get('/:id', async (c) => {
        const insats = await deps.store.getPublishedInsats(c.req.param('id'));
        return insats ? c.json(insats) : problem(c, 404, 'There is no published insats with this id.');
      })
  );
}
