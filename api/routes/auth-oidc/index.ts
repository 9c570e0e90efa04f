/**
 * GET /api/auth/oidc/start and /callback: staff sign-in through the city's identity provider
 * (api/auth/oidc). Both are public: they are how a session begins.
 *
 * The callback never answers with an error page or a 500: whatever went wrong (a used or
 * unknown state, the person cancelling at the provider, a refused code, an unverified
 * address, the store), the browser goes back to the sign-in screen with `?signin=failed`, or
 * `?signin=inactive` for a deactivated account, and the reason is logged for operators —
 * never the code, tokens or the person's e-mail address.
 */
import { Hono } from 'hono';
import {
  DEFAULT_RETURN_TO,
  OIDC_CALLBACK_PATH,
  type OidcClientOptions,
  type OidcConfig,
  OidcUnavailableError,
  oidcClient,
  staffUserFor,
  applyGroupAccess,
} from '../../auth/oidc/index.ts';
import { audit } from '../../auth/audit/index.ts';
import { startSession } from '../../auth/sessions/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import { loggableError } from '../../logging/index.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/auth/oidc',
  tag: 'auth',
  routes: [
    {
      method: 'get',
      path: '/start',
      access: 'public',
      summary: 'Start signing in through the identity provider',
      description:
        'Redirects to the provider. `returnTo` (a path under /personal) is where the staff screens open afterwards.',
      responses: {
        302: { description: 'To the identity provider' },
        404: { description: 'Sign-in through an identity provider is not configured', problem: true },
        503: {
          description: 'The identity provider cannot be reached; Retry-After says when to try',
          problem: true,
        },
      },
    },
    {
      method: 'get',
      path: '/callback',
      access: 'public',
      summary: 'Where the identity provider sends the browser back',
      description:
        'Signs in and redirects to the staff screens; on any failure to `/personal?signin=failed` ' +
        '(`?signin=inactive` for a deactivated account).',
      responses: { 303: { description: 'To the staff screens, signed in or with `?signin=…`' } },
    },
  ],
};

/** The OIDC sign-in resource; without OIDC configured, /start answers 404. */
export function authOidc(deps: ApiDeps, options: Omit<OidcClientOptions, 'now'> = {}) {
  const config = deps.config.staff.oidc;
  const now = () => new Date(deps.now());
  const oidc = config ? oidcClient(config, { ...options, now }) : null;

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .get('/start', async (c) => {
      if (!oidc || !config)
        return problem(
          c,
          404,
          'Sign-in through an identity provider is not set up here. Sign in with a password.',
        );
      try {
        const url = await oidc.begin(deps.store, {
          redirectUri: redirectUri(deps, config),
          returnTo: c.req.query('returnTo') ?? DEFAULT_RETURN_TO,
        });
        return c.redirect(url.href, 302);
      } catch (err) {
        if (!(err instanceof OidcUnavailableError)) throw err;
        deps.logger.warn(
          { reqId: c.var.requestId, cause: loggableError(err.cause) },
          'OIDC sign-in: the identity provider cannot be reached',
        );
        return problem(
          c,
          503,
          `Sign-in through ${config.name} is not reachable right now. Try again in a minute.`,
          {
            headers: { 'Retry-After': '10' },
          },
        );
      }
    })
    .get('/callback', async (c) => {
      const fail = (signin: 'failed' | 'inactive', why: Record<string, unknown>) => {
        deps.logger.warn({ reqId: c.var.requestId, ...why }, 'OIDC sign-in refused');
        return c.redirect(`${DEFAULT_RETURN_TO}?signin=${signin}`, 303);
      };
      if (!oidc || !config) return fail('failed', { reason: 'not-configured' });
      try {
        const outcome = await oidc.complete(deps.store, {
          redirectUri: redirectUri(deps, config),
          callbackUrl: new URL(c.req.url),
        });
        if (!outcome.ok)
          return fail('failed', { reason: outcome.reason, code: outcome.code, error: outcome.error });
        const at = now().toISOString();
        const found = await staffUserFor(deps.store, outcome.identity, { at, requestId: c.var.requestId });
        if ('refused' in found) return fail('failed', { reason: found.refused });
        const user = await applyGroupAccess(
          deps.store,
          config.groupMap ?? [],
          found.user,
          outcome.identity.groups,
          {
            at,
            requestId: c.var.requestId,
          },
        );
        if (!user.active) return fail('inactive', { reason: 'inactive', userId: user.id });
        await startSession(c, deps, user, 'oidc');
        await audit(c, deps, {
          action: 'session.login',
          targetType: 'staff_user',
          targetId: user.id,
          after: { method: 'oidc' },
        });
        return c.redirect(outcome.returnTo, 303);
      } catch (err) {
        return fail('failed', { reason: 'error', err: loggableError(err) });
      }
    });
}

/**
 * The callback URL sent to the provider: OIDC_REDIRECT_URL, else the link origin (PUBLIC_URL,
 * never the request's Host) + the callback path.
 */
function redirectUri(deps: ApiDeps, config: OidcConfig): string {
  return config.redirectUrl ?? `${deps.config.linkOrigin}${OIDC_CALLBACK_PATH}`;
}
