/**
 * Roles and nämnder from the identity provider's group claim (OIDC_GROUP_MAP). Each rule maps
 * one group to a role and, optionally, nämnder:
 *
 *   OIDC_GROUP_MAP="kraftsamla-admin=admin; fritid-mod=moderator:fritidsnamnden; analys=analyst"
 *
 * Rules are separated by `;`, a group from its access by the last `=`, a role from its nämnder
 * (ids, comma-separated) by `:`. The nämnd list may hold `none`: the account also sees input
 * without an insats. A person in several mapped groups gets the highest role among them
 * (admin > moderator > analyst) and the nämnder of the rules that give that role; if one of
 * those rules has no nämnder, no nämnd scope at all (sees everything).
 */
import type { Role } from '../../../common/wire/staff.ts';
import { ConfigError } from '../../config/errors.ts';

/** One group's access. */
export interface OidcGroupRule {
  group: string;
  role: Role;
  /** Nämnd ids; empty: not scoped. */
  namnder: string[];
  inputWithoutInsats: boolean;
}

/** What the groups give an account. */
export interface GroupAccess {
  role: Role;
  namnder: string[];
  inputWithoutInsats: boolean;
}

const RANK: Record<Role, number> = { admin: 3, moderator: 2, analyst: 1 };

/** Parses OIDC_GROUP_MAP (see the module comment); unset or empty: no rules. */
export function parseGroupMap(raw: string | undefined): OidcGroupRule[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.lastIndexOf('=');
      const group = part.slice(0, Math.max(0, at)).trim();
      const [roleText = '', list = ''] = part
        .slice(at + 1)
        .split(':')
        .map((s) => s.trim());
      if (at <= 0 || group === '')
        throw new ConfigError(`OIDC_GROUP_MAP: "${part}" needs the form group=role[:nämnd,…]`);
      if (!(roleText in RANK))
        throw new ConfigError(
          `OIDC_GROUP_MAP: "${roleText}" in "${part}" is not a role (admin, moderator, analyst)`,
        );
      const items = list
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const namnder = items.filter((s) => s !== 'none');
      if (namnder.some((id) => !/^[a-z0-9-]{1,100}$/.test(id)))
        throw new ConfigError(`OIDC_GROUP_MAP: nämnder in "${part}" must be nämnd ids (like fritidsnamnden)`);
      return {
        group,
        role: roleText as Role,
        namnder: [...new Set(namnder)].sort(),
        inputWithoutInsats: items.includes('none'),
      };
    });
}

/** The access `groups` (the claim's value) give under `rules`; undefined when no rule matches. */
export function accessFromGroups(rules: readonly OidcGroupRule[], groups: unknown): GroupAccess | undefined {
  const held = new Set(
    Array.isArray(groups)
      ? groups.filter((g): g is string => typeof g === 'string')
      : typeof groups === 'string'
        ? [groups]
        : [],
  );
  const matched = rules.filter((r) => held.has(r.group));
  if (matched.length === 0) return undefined;
  const role = matched.reduce(
    (best, r) => (RANK[r.role] > RANK[best] ? r.role : best),
    matched[0]?.role as Role,
  );
  const top = matched.filter((r) => r.role === role);
  if (role === 'admin' || top.some((r) => r.namnder.length === 0))
    return { role, namnder: [], inputWithoutInsats: false };
  return {
    role,
    namnder: [...new Set(top.flatMap((r) => r.namnder))].sort(),
    inputWithoutInsats: top.some((r) => r.inputWithoutInsats),
  };
}
