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
import { publicRead } from '../../http/public-read/index.ts';

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
    {
      method: 'get',
      access: 'public',
      path: '/:id/image',
      summary: 'The image of a published insats',
      description:
        'Decoded and encoded anew when stored: pixels only, no metadata. The ETag is the hash of the image; the insats in the catalogue ' +
        'carries the same hash (`image.hash`), so a changed image changes the catalogue too.',
      responses: {
        200: { description: 'The image (image/jpeg, image/png or image/webp)' },
        304: { description: 'Unchanged since the ETag sent in If-None-Match' },
        404: { description: 'No published insats with this id, or it has no image', problem: true },
      },
    },
  ],
};

/** The insatser resource. */
export function insatser(deps: ApiDeps) {
  return (
    new Hono<AppEnv>()
      .use(publicRead())
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
      .get('/:id/image', async (c) => {
        const image = await deps.store.getInsatsImage(c.req.param('id'), { publishedOnly: true });
        if (!image) return problem(c, 404, 'There is no published insats with this id, or it has no image.');
        // The etag() above keeps this ETag and answers If-None-Match with 304.
        c.header('ETag', `"${image.hash}"`);
        c.header('X-Content-Type-Options', 'nosniff');
        return c.body(image.data as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': image.contentType });
      })
  );
}
