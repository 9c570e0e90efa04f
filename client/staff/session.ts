/**
 * Who is signed in (GET /api/auth/me), how one may sign in (GET /api/auth/methods), signing in
 * and out. The session itself is an HttpOnly cookie the page never sees; the CSRF token comes
 * with `me`.
 */
import { signal } from '@preact/signals';
import type { LoginRequest, Role, SignInMethods, StaffMe } from '../../common/wire/staff.ts';
import { ApiError, api, setApiHooks } from './api.ts';

/** undefined: not known yet; null: signed out; else the signed-in staff member. */
export const me = signal<StaffMe | null | undefined>(undefined);
/** Set when a session ended under the person's feet (a 401 while signed in). */
export const sessionEnded = signal(false);
/** Set when `me` could not be loaded at all (offline, server error). */
export const meError = signal(false);
export const methods = signal<SignInMethods | undefined>(undefined);

setApiHooks({
  csrfToken: () => me.value?.csrfToken,
  signedOut: () => {
    if (me.value) sessionEnded.value = true;
    me.value = null;
  },
});

/** Asks the server who is signed in. Resolves with the answer (also kept in `me`). */
export async function loadMe(): Promise<StaffMe | null | undefined> {
  try {
    me.value = await api<StaffMe>('GET', '/api/auth/me');
    meError.value = false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) me.value = null;
    else meError.value = true;
  }
  return me.value;
}

/** Loads the sign-in methods once (they change only with the deployment's configuration). */
export async function loadMethods(): Promise<void> {
  if (methods.value) return;
  try {
    methods.value = await api<SignInMethods>('GET', '/api/auth/methods');
  } catch {
    // Without the list, the password form is offered (the server still decides).
    methods.value = { password: true, oidc: null };
  }
}

/** Signs in with e-mail and password; throws {@link ApiError} (401 wrong, 429 too many, 400 fields). */
export async function signIn(request: LoginRequest): Promise<StaffMe> {
  const signedIn = await api<StaffMe>('POST', '/api/auth/login', request, { signInRequest: true });
  sessionEnded.value = false;
  me.value = signedIn;
  return signedIn;
}

/** Signs out (the server revokes the session); signed out here even when the server cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    await api<void>('POST', '/api/auth/logout');
  } catch {
    // A session already gone is signed out; an unreachable server ends it by expiry.
  } finally {
    sessionEnded.value = false;
    me.value = null;
  }
}

/** What each staff screen requires; one table for the navigation and the route guards. */
export const SCREENS = {
  home: { path: '/personal', roles: null },
  users: { path: '/personal/anvandare', roles: ['admin'] },
  audit: { path: '/personal/logg', roles: ['admin'] },
  boundaries: { path: '/personal/omraden', roles: ['admin', 'moderator'] },
  queue: { path: '/personal/granska', roles: ['admin', 'moderator'] },
  settings: { path: '/personal/installningar', roles: ['admin'] },
  // Any role may print posters (they only show what is already public).
  posters: { path: '/personal/affischer', roles: null },
  // Every role reads the list; changing an insats is for moderators and admins.
  insatser: { path: '/personal/insatser', roles: null },
  insatsEdit: { path: '/personal/insatser/:id', roles: ['admin', 'moderator'] },
  // Insights (issue 8): every role sees what came in; analysts and admins manage indicators.
  dashboard: { path: '/personal/oversikt', roles: null },
  indicators: { path: '/personal/indikatorer', roles: null },
  indicatorEdit: { path: '/personal/indikatorer/:id', roles: null },
  reportingAreas: { path: '/personal/rapportomraden', roles: null },
} as const satisfies Record<string, { path: string; roles: readonly Role[] | null }>;

export type ScreenName = keyof typeof SCREENS;

/** Whether `role` may open `screen` (null roles: any role). */
export function mayOpen(screen: ScreenName, role: Role | null): boolean {
  const roles: readonly Role[] | null = SCREENS[screen].roles;
  return role !== null && (roles === null || roles.includes(role));
}

/** Whether `role` may create and change insatser and their questions. */
export function mayEditInsatser(role: Role | null): boolean {
  return mayOpen('insatsEdit', role);
}

/** Whether `role` may define indicators and enter or import their values. */
export function mayEditIndicators(role: Role | null): boolean {
  return role === 'admin' || role === 'analyst';
}

/** Roles in the order screens list them (a copy of ROLES, without pulling valibot into the chunk). */
export const ROLE_ORDER: readonly Role[] = ['admin', 'moderator', 'analyst'];
