/**
 * /api/auth: staff sign-in with a password, sign-out, who is signed in, and which ways of
 * signing in this deployment offers. (Sign-in through the identity provider is
 * api/routes/auth-oidc; both end in the same session, api/auth/sessions.)
 */
import { Hono } from 'hono';
import { LoginRequest, SignInMethods, StaffMe } from '../../../common/wire/staff.ts';
import { audit } from '../../auth/audit/index.ts';
import { hashPassword, needsRehash, verifyPassword } from '../../auth/passwords/index.ts';
import { crossOriginProblem } from '../../auth/policy/index.ts';
import { endSession, sessionExpiresAt, startSession } from '../../auth/sessions/index.ts';
import { countSignInAttempt, rememberSignInNetwork } from '../../auth/sign-in-limit/index.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv, StaffPrincipal } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** An e-mail and a password fit many times over. */
const MAX_LOGIN_BYTES = 4 * 1024;

/** The one answer to every failed sign-in: it must not tell which part was wrong. */
export const WRONG_CREDENTIALS = 'E-mail or password is wrong.';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/auth',
  tag: 'auth',
  routes: [
    {
      method: 'post',
      path: '/login',
      access: 'public',
      summary: 'Sign in with e-mail and password',
      description:
        'Starts a staff session: sets an HttpOnly, SameSite=Strict session cookie and answers who is ' +
        'signed in, with the CSRF token to send as X-CSRF-Token on state-changing requests.',
      body: LoginRequest,
      responses: {
        200: { description: 'Signed in', schema: StaffMe },
        400: { description: 'Malformed body', problem: true },
        401: { description: 'E-mail or password is wrong (the same answer whichever it is)', problem: true },
        403: { description: 'The request came from another site', problem: true },
        413: { description: 'Body too large', problem: true },
        415: { description: 'Not application/json', problem: true },
        429: {
          description: 'Too many sign-in attempts for this account or from this network',
          problem: true,
        },
      },
    },
    {
      method: 'post',
      path: '/logout',
      access: 'signed-in',
      summary: 'Sign out',
      description: 'Ends the session on the server and clears the cookie. Needs X-CSRF-Token.',
      responses: {
        204: { description: 'Signed out' },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Missing or wrong X-CSRF-Token, or a cross-site request', problem: true },
      },
    },
    {
      method: 'get',
      path: '/me',
      access: 'signed-in',
      summary: 'Who is signed in',
      description: 'The signed-in staff member, their role (null: waiting for one), and the CSRF token.',
      responses: {
        200: { description: 'The signed-in staff member', schema: StaffMe },
        401: { description: 'Not signed in', problem: true },
      },
    },
    {
      method: 'get',
      path: '/methods',
      access: 'public',
      summary: 'Ways of signing in',
      description: 'Password sign-in, and the identity provider when one is configured.',
      responses: { 200: { description: 'The sign-in methods', schema: SignInMethods } },
    },
  ],
};

/** StaffMe of a principal. */
export function staffMe(principal: StaffPrincipal, deps: Pick<ApiDeps, 'config'>): StaffMe {
  const { user, session } = principal;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    method: session.method,
    csrfToken: session.csrfToken,
    expiresAt: new Date(sessionExpiresAt(session.createdAt, deps.config.staff)).toISOString(),
    idleMinutes: deps.config.staff.sessionIdleMinutes,
  };
}

/** The auth resource. */
export function auth(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post('/login', jsonBody(LoginRequest, MAX_LOGIN_BYTES), async (c) => {
      // No session yet, so no CSRF token: the Origin check stops another site signing a
      // browser in to an account of the attacker's choosing.
      const crossSite = crossOriginProblem(c, deps);
      if (crossSite !== undefined) return problem(c, 403, crossSite);
      const { email, password } = c.var.body;
      const limited = await countSignInAttempt(c, deps, email);
      if (limited) return limited;

      const user = await deps.store.findStaffUserByEmail(email);
      // Always one scrypt run, whether the account exists, has a password, or is active.
      const matches = await verifyPassword(password, user?.passwordHash);
      if (!user || !matches || !user.active) {
        if (user) {
          const reason = !user.passwordHash ? 'no-password' : !matches ? 'wrong-password' : 'inactive';
          await audit(c, deps, {
            action: 'session.login_failed',
            targetType: 'staff_user',
            targetId: user.id,
            after: { reason },
          });
        }
        return problem(c, 401, WRONG_CREDENTIALS);
      }
      if (user.passwordHash && needsRehash(user.passwordHash)) {
        // Stronger parameters than when it was set: replace it now that the password is known.
        // Not a password change, so no audit row of its own.
        const at = new Date(deps.now()).toISOString();
        await deps.store.updateStaffUser(
          user.id,
          { passwordHash: await hashPassword(password), updatedAt: at },
          null,
        );
      }
      await startSession(c, deps, user, 'password');
      await rememberSignInNetwork(c, deps, email);
      await audit(c, deps, {
        action: 'session.login',
        targetType: 'staff_user',
        targetId: user.id,
        after: { method: 'password' },
      });
      c.header('Cache-Control', 'no-store');
      return c.json(staffMe(c.var.staff as StaffPrincipal, deps));
    })
    .post('/logout', async (c) => {
      const { user } = c.var.staff as StaffPrincipal;
      await endSession(c, deps);
      await audit(c, deps, { action: 'session.logout', targetType: 'staff_user', targetId: user.id });
      return c.body(null, 204);
    })
    .get('/me', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(staffMe(c.var.staff as StaffPrincipal, deps));
    })
    .get('/methods', (c) => {
      const oidc = deps.config.staff.oidc;
      const methods: SignInMethods = { password: true, oidc: oidc ? { name: oidc.name } : null };
      return c.json(methods);
    });
}
