/**
 * Who may call a route: the one declaration every route in the table carries.
 */
import { ROLES, type Role } from '../../../common/wire/staff.ts';
import type { StaffScope, StaffUserRecord } from '../../store/types.ts';

/**
 * - `public`: anyone (participants, the public, probes).
 * - `metrics-token`: the operator's bearer token (METRICS_TOKEN), not a person.
 * - `signed-in`: any staff session, with or without a role (who am I, sign out).
 * - a list of roles: a staff session whose user has one of them.
 */
export type Access = 'public' | 'metrics-token' | 'signed-in' | readonly Role[];

/** Every staff role: dashboards and other screens all staff share. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Moderation, answers, insatser, re-tagging, contact details. */
export const MODERATORS: readonly Role[] = ['admin', 'moderator'];
/** Users, settings, the audit log. */
export const ADMINS: readonly Role[] = ['admin'];

/** Whether a route with `access` needs a staff session at all. */
export function needsSession(access: Access): boolean {
  return access !== 'public' && access !== 'metrics-token';
}

/** Whether a signed-in user with `role` may call a route with `access` (which needs a session). */
export function roleAllows(access: Access, role: Role | null): boolean {
  if (access === 'signed-in') return true;
  if (typeof access === 'string') return false;
  return role !== null && access.includes(role);
}

/**
 * What a staff member may see on a route declared `scoped` (api/openapi RouteSpec): undefined
 * (everything) for admins and for accounts given no nämnd, so installations from before nämnder
 * existed keep working; otherwise the insatser of their nämnder, and input without an insats
 * when an admin allowed it for the account.
 */
export function scopeOf(
  user: Pick<StaffUserRecord, 'role' | 'namnder' | 'inputWithoutInsats'>,
): StaffScope | undefined {
  if (user.role === 'admin' || user.namnder.length === 0) return undefined;
  return { namnder: [...user.namnder], withoutInsats: user.inputWithoutInsats };
}
