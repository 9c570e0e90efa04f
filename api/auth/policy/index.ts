/**
 * The route guard: what each route's `access` declaration (api/openapi RouteSpec) means.
 * app.ts puts one guard in front of every route of the table, so the declaration is the
 * enforcement and a route cannot be served without one.
 *
 * For routes that need a session: a valid session (401), a role the route allows (403), and
 * on state-changing methods the session's CSRF token in X-CSRF-Token and, when the browser
 * says where the request comes from (Origin), this site (403). The cookie is SameSite=Strict
 * already; the token also covers browsers and proxies that get SameSite wrong.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import { clearSessionCookie, hasSessionCookie, readSession } from '../sessions/index.ts';
import { type Access, needsSession, roleAllows, scopeOf } from './access.ts';

export { type Access, ANY_ROLE, ADMINS, MODERATORS, needsSession, roleAllows, scopeOf } from './access.ts';

/** The header carrying the CSRF token (StaffMe.csrfToken). */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Middleware enforcing `access` (see the module comment). On a `scoped` route it also puts the
 * caller's nämnd scope on `c.var.scope` (undefined: sees everything), which the handler passes
 * into its store calls.
 */
export function authorize(access: Access, deps: ApiDeps, scoped = false): MiddlewareHandler<AppEnv> {
  // `metrics-token`: the metrics route checks its own bearer token (and 404s without one).
  if (!needsSession(access)) return async (_c, next) => next();
  return async (c, next) => {
    const principal = await readSession(c, deps);
    if (principal === undefined) {
      // A cookie naming no valid session (expired, signed out elsewhere): let the browser drop it.
      if (hasSessionCookie(c, deps)) clearSessionCookie(c, deps);
      return problem(
        c,
        401,
        'Sign in first: this needs a staff session, and there is none (or it has ended).',
      );
    }
    const role = principal.user.role;
    if (!roleAllows(access, role)) {
      const needed = typeof access === 'string' ? access : access.join(' or ');
      return problem(
        c,
        403,
        role === null
          ? `Your account has no role yet, so it may not do this (it needs ${needed}). Ask an admin to grant you one.`
          : `Your role (${role}) may not do this: it needs ${needed}.`,
      );
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const refused = csrfProblem(c, deps, principal.session.csrfToken);
      if (refused !== undefined) return problem(c, 403, refused);
    }
    c.set('staff', principal);
    if (scoped) c.set('scope', scopeOf(principal.user));
    await next();
  };
}

/** Why a state-changing request is refused as possibly cross-site, or undefined when it is fine. */
function csrfProblem(c: Context<AppEnv>, deps: ApiDeps, expected: string): string | undefined {
  const given = c.req.header(CSRF_HEADER);
  if (given === undefined || !sameSecret(given, expected)) {
    return `Missing or wrong ${CSRF_HEADER} header (CSRF protection): send the csrfToken from GET /api/auth/me.`;
  }
  return crossOriginProblem(c, deps);
}

/**
 * Undefined when the request's Origin (if the browser sent one) is this site; else why not.
 * This site is PUBLIC_URL when set. Without it the request's own host is compared (not the
 * scheme: behind a TLS-terminating proxy the server sees http while the browser says https).
 */
export function crossOriginProblem<E extends AppEnv>(
  c: Context<E>,
  deps: Pick<ApiDeps, 'config'>,
): string | undefined {
  const origin = c.req.header('Origin');
  if (origin === undefined) return undefined;
  const publicUrl = deps.config.staff.publicUrl;
  let same: boolean;
  try {
    same =
      publicUrl !== undefined
        ? new URL(origin).origin === publicUrl
        : new URL(origin).host === new URL(c.req.url).host;
  } catch {
    same = false; // `Origin: null` (sandboxed frames, some redirects) and garbage
  }
  return same ? undefined : 'Cross-site request refused (CSRF protection): it did not come from this site.';
}

/** Constant-time comparison of two secrets of any length (as digests). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
