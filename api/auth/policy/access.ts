/**
 * Who may call a route: the one declaration every route in the table carries.
 */
import { ROLES, type Role } from '../../../common/wire/staff.ts';

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
