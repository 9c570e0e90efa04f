/**
 * What anyone may read (the insatser, the areas, the published input, the public answer counts)
 * other sites may read too: a browser app elsewhere gets CORS for GET and HEAD. No credentials
 * are allowed, so a staff member's session cookie never travels with such a request, and every
 * answer names its licence (the open-data licence, CC0), as the open-data files do.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { OPEN_DATA_LICENCE } from '../../../common/wire/open-data.ts';

/** The headers a reader elsewhere may see: revalidation, licence and when to come back. */
const EXPOSED = ['ETag', 'Link', 'Retry-After', 'Content-Length'];

/** CORS for GET/HEAD and the licence link, for a resource that is public as a whole. */
export function publicRead(): MiddlewareHandler {
  const allow = cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD'],
    exposeHeaders: EXPOSED,
    credentials: false,
    maxAge: 86_400,
  });
  return async (c, next) => {
    // A preflight is answered by the CORS middleware itself, as a response of its own.
    const preflight = await allow(c, next);
    if (preflight) return preflight;
    const named = c.res.headers.get('Link')?.includes('rel="license"') ?? false;
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.status < 400 && !named)
      c.res.headers.append('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`);
  };
}
