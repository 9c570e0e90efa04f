/**
 * GET /api/identity: whose app this is (ORG_NAME, APP_NAME, APP_PURPOSE_*, THEME_COLOUR), so the
 * header and the posters follow the deployment without a new build of the client; and
 * GET /api/identity/logo.svg, the organisation's logo (ORG_LOGO) at one stable URL. The service
 * worker keeps both, so the header looks the same offline.
 */
import { Hono } from 'hono';
import { Identity } from '../../../common/wire/identity.ts';
import { defaultIdentityConfig } from '../../config/identity.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/identity',
  tag: 'catalogue',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'The organisation, app name, purpose per language, theme colour and logo URL',
      responses: {
        200: { description: 'From ORG_NAME, APP_NAME, APP_PURPOSE_*, THEME_COLOUR', schema: Identity },
      },
    },
    {
      method: 'get',
      access: 'public',
      path: '/logo.svg',
      summary: "The organisation's logo (ORG_LOGO), an SVG image",
      responses: { 200: { description: 'image/svg+xml' } },
    },
  ],
};

/** The identity resource. */
export function identity(deps: ApiDeps) {
  const config = deps.config.identity ?? defaultIdentityConfig();
  return (
    new Hono<AppEnv>()
      .get('/', (c) => {
        c.header('Cache-Control', 'no-cache');
        return c.json(config.identity);
      })
      // Opened on its own, an SVG is a document: the app's content security policy (set on every
      // answer) lets no inline script in it run.
      .get('/logo.svg', (c) => {
        c.header('Content-Type', 'image/svg+xml; charset=utf-8');
        // The URL in the identity carries the file's hash (?v=…), but the plain URL must stay fresh too.
        c.header('Cache-Control', 'no-cache');
        return c.body(config.logoSvg);
      })
  );
}
