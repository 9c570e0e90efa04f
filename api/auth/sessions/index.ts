/**
 * Staff sessions: server-side, in the store, so every instance behind the load balancer sees
 * each sign-in and each sign-out at once.
 *
 * The cookie holds 32 random bytes (base64url); the store keeps only their SHA-256, so a copy
 * of the database holds no usable session. The cookie is HttpOnly (no script reads it) and
 * SameSite=Strict (no other site's page sends it); over https it is `__Host-` prefixed and
 * Secure (only this exact origin, never over plain http). A session ends after
 * STAFF_SESSION_IDLE_MINUTES without requests, STAFF_SESSION_MAX_HOURS after sign-in
 * whatever the activity, on sign-out, and when the account is deactivated.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthMethod } from '../../../common/wire/staff.ts';
import type { StaffConfig } from '../../config/index.ts';
import type { ApiDeps, AppEnv, StaffPrincipal } from '../../http/types.ts';
import type { StaffUserRecord } from '../../store/index.ts';

/** The cookie over https: `__Host-` makes the browser refuse it unless Secure, Path=/ and host-only. */
export const SECURE_COOKIE = '__Host-kraftsamla_staff';
/** The cookie over plain http (local development, tests), where `__Host-` cookies cannot be set. */
export const PLAIN_COOKIE = 'kraftsamla_staff';

/** lastSeenAt is written at most this often: not a database write on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Whether cookies are `__Host-`/Secure: when PUBLIC_URL is https. */
export function secureCookies(staff: Pick<StaffConfig, 'publicUrl'>): boolean {
  return staff.publicUrl?.startsWith('https:') ?? false;
}

/** The session cookie's name in this deployment. */
export function cookieName(staff: Pick<StaffConfig, 'publicUrl'>): string {
  return secureCookies(staff) ? SECURE_COOKIE : PLAIN_COOKIE;
}

/** What the store keys a session by: the SHA-256 of its token, base64url. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** When a session ends at the latest, in ms. */
export function sessionExpiresAt(createdAt: string, staff: Pick<StaffConfig, 'sessionMaxHours'>): number {
  return Date.parse(createdAt) + staff.sessionMaxHours * 3_600_000;
}

function cookieOptions(staff: StaffConfig) {
  const secure = secureCookies(staff);
  return { path: '/', httpOnly: true, sameSite: 'Strict', secure } as const;
}

/** The token in the request's cookie, if it has the shape of one. */
function tokenOf<E extends AppEnv>(c: Context<E>, deps: Pick<ApiDeps, 'config'>): string | undefined {
  const token = getCookie(c, cookieName(deps.config.staff));
  return token !== undefined && TOKEN_FORMAT.test(token) ? token : undefined;
}

/**
 * Signs `user` in on this response: ends the session of any cookie the request carried (a
 * fixed id planted before sign-in is worthless after it), creates a new one with a new CSRF
 * token, sets the cookie, records the sign-in time, and puts the principal on `c.var.staff`.
 * Both password and OIDC sign-in end here.
 */
export async function startSession<E extends AppEnv>(
  c: Context<E>,
  deps: ApiDeps,
  user: StaffUserRecord,
  method: AuthMethod,
): Promise<void> {
  const old = tokenOf(c, deps);
  if (old !== undefined) await deps.store.deleteStaffSession(hashToken(old));
  const token = randomBytes(32).toString('base64url');
  const at = new Date(deps.now()).toISOString();
  const session = {
    idHash: hashToken(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    method,
    createdAt: at,
    lastSeenAt: at,
  };
  await deps.store.createStaffSession(session);
  // No audit row here: the sign-in's own row (session.login) records it.
  const updated = await deps.store.updateStaffUser(user.id, { lastLoginAt: at, updatedAt: at }, null);
  setCookie(c, cookieName(deps.config.staff), token, {
    ...cookieOptions(deps.config.staff),
    // The browser forgets it when the server would refuse it anyway.
    maxAge: deps.config.staff.sessionMaxHours * 3600,
  });
  const principal = { user: updated.status === 'updated' ? updated.after : user, session };
  (c as unknown as Context<AppEnv>).set('staff', principal);
}

/**
 * The session of the request's cookie, if it is valid: it exists, its user is active, and it
 * is neither idle too long nor older than the maximum. An expired session is deleted. Moves
 * lastSeenAt forward (at most once a minute).
 */
export async function readSession<E extends AppEnv>(
  c: Context<E>,
  deps: Pick<ApiDeps, 'store' | 'config' | 'now'>,
): Promise<StaffPrincipal | undefined> {
  const token = tokenOf(c, deps);
  if (token === undefined) return undefined;
  const idHash = hashToken(token);
  const found = await deps.store.getStaffSession(idHash);
  if (found === undefined) return undefined;
  const { session, user } = found;
  const now = deps.now();
  const staff = deps.config.staff;
  const idleSince = Date.parse(session.lastSeenAt);
  if (
    !user.active ||
    now >= sessionExpiresAt(session.createdAt, staff) ||
    now >= idleSince + staff.sessionIdleMinutes * 60_000
  ) {
    await deps.store.deleteStaffSession(idHash);
    return undefined;
  }
  if (now - idleSince >= TOUCH_INTERVAL_MS) {
    const lastSeenAt = new Date(now).toISOString();
    await deps.store.touchStaffSession(idHash, lastSeenAt);
    return { user, session: { ...session, lastSeenAt } };
  }
  return found;
}

/** Ends the request's session (if any) and clears the cookie. */
export async function endSession<E extends AppEnv>(
  c: Context<E>,
  deps: Pick<ApiDeps, 'store' | 'config'>,
): Promise<void> {
  const token = tokenOf(c, deps);
  if (token !== undefined) await deps.store.deleteStaffSession(hashToken(token));
  clearSessionCookie(c, deps);
}

/** Tells the browser to drop the cookie (after sign-out, or when it names no valid session). */
export function clearSessionCookie<E extends AppEnv>(c: Context<E>, deps: Pick<ApiDeps, 'config'>): void {
  deleteCookie(c, cookieName(deps.config.staff), cookieOptions(deps.config.staff));
}

/** Whether the request carries a session cookie at all (valid or not). */
export function hasSessionCookie<E extends AppEnv>(c: Context<E>, deps: Pick<ApiDeps, 'config'>): boolean {
  return getCookie(c, cookieName(deps.config.staff)) !== undefined;
}
