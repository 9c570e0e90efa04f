/**
 * From the identity provider's claims to a staff account: the account already linked to this
 * provider account; else the account with the same e-mail address (an admin's invitation, or
 * a local account), linked now; else a new account with no role, which waits until an admin
 * grants one. Every link and creation is audited with the actor `oidc` (the provider vouched
 * for it, no staff member did it).
 */
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { Email, MAX_NAME_CHARS } from '../../../common/wire/staff.ts';
import type { StaffUserRecord, Store } from '../../store/index.ts';
import { accessFromGroups, type OidcGroupRule } from './groups.ts';

/** The audit actor label of changes the sign-in itself makes. */
export const OIDC_ACTOR = 'oidc';

/** What the provider said about the person, after the code exchange. */
export interface OidcIdentity {
  /** The issuer as discovery reported it. */
  issuer: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  /** The value of the groups claim (OIDC_GROUPS_CLAIM), when the provider sent one. */
  groups?: unknown;
}

/** Why no account was found or made. */
export type OidcRefusal =
  /** No usable e-mail address among the claims, and no account linked to the subject. */
  | 'no-email'
  /** The provider says the address was not verified: it cannot pick an account. */
  | 'email-unverified'
  /** The account with this address is linked to another provider account. */
  | 'linked-elsewhere'
  /** Another request changed the account at the same moment; trying again works. */
  | 'conflict';

/** The subject as stored: the issuer and `sub`, since `sub` is unique only per issuer. */
export function oidcSubject(identity: Pick<OidcIdentity, 'issuer' | 'sub'>): string {
  return `${identity.issuer}|${identity.sub}`;
}

/**
 * The staff account for `identity`, found, linked or created (see the module comment).
 * Whether it is active is the caller's to check.
 */
export async function staffUserFor(
  store: Store,
  identity: OidcIdentity,
  context: { at: string; requestId: string | null },
): Promise<{ user: StaffUserRecord } | { refused: OidcRefusal }> {
  const subject = oidcSubject(identity);
  const linked = await store.findStaffUserByOidcSubject(subject);
  if (linked) return { user: linked };

  const email = v.safeParse(Email, identity.email);
  if (!email.success) return { refused: 'no-email' };
  // Absent is accepted: many providers (Entra ID among them) only issue addresses they own.
  if (identity.email_verified === false || identity.email_verified === 'false')
    return { refused: 'email-unverified' };
  const audit = {
    id: randomUUID(),
    at: context.at,
    actorId: null,
    actorLabel: OIDC_ACTOR,
    targetType: 'staff_user',
    requestId: context.requestId,
  };

  const existing = await store.findStaffUserByEmail(email.output);
  if (existing) {
    if (existing.oidcSubject !== null) return { refused: 'linked-elsewhere' };
    // A deactivated account is refused by the caller; it is not linked on the way.
    if (!existing.active) return { user: existing };
    const update = await store.updateStaffUser(
      existing.id,
      { oidcSubject: subject, updatedAt: context.at },
      { ...audit, action: 'user.oidc_link', targetId: existing.id },
    );
    return update.status === 'updated' ? { user: update.after } : { refused: 'conflict' };
  }

  const name = typeof identity.name === 'string' ? identity.name.trim().slice(0, MAX_NAME_CHARS) : '';
  const user: StaffUserRecord = {
    id: randomUUID(),
    email: email.output,
    name,
    role: null,
    active: true,
    passwordHash: null,
    oidcSubject: subject,
    createdAt: context.at,
    updatedAt: context.at,
    lastLoginAt: null,
    namnder: [],
    inputWithoutInsats: false,
  };
  const created = await store.createStaffUser(user, {
    ...audit,
    action: 'user.create',
    targetId: user.id,
    before: null,
    after: { email: user.email, name: user.name, role: null, active: true, oidcLinked: true },
  });
  if (created === 'created') return { user };
  // `email-taken`: the same person's other tab got there first, and linked the account.
  const raced = await store.findStaffUserByOidcSubject(subject);
  return raced ? { user: raced } : { refused: 'conflict' };
}

/**
 * With a group mapping (OIDC_GROUP_MAP): the role and nämnder the person's groups give, set on
 * the account at each sign-in and audited (`user.oidc_groups`, actor `oidc`, before and after).
 * No mapped group: the account stays as an admin set it. The last active admin is never
 * demoted this way (the store refuses; the account is left as it was).
 */
export async function applyGroupAccess(
  store: Store,
  rules: readonly OidcGroupRule[],
  user: StaffUserRecord,
  groups: unknown,
  context: { at: string; requestId: string | null },
): Promise<StaffUserRecord> {
  if (rules.length === 0 || !user.active) return user;
  const access = accessFromGroups(rules, groups);
  if (access === undefined) return user;
  const known = new Set((await store.listNamnder()).map((n) => n.id));
  const namnder = access.namnder.filter((id) => known.has(id));
  // A rule naming only nämnder that do not exist must not widen the account to everything.
  if (access.namnder.length > 0 && namnder.length === 0) return user;
  const update = await store.updateStaffUser(
    user.id,
    { role: access.role, namnder, inputWithoutInsats: access.inputWithoutInsats, updatedAt: context.at },
    {
      id: randomUUID(),
      at: context.at,
      actorId: null,
      actorLabel: OIDC_ACTOR,
      action: 'user.oidc_groups',
      targetType: 'staff_user',
      targetId: user.id,
      requestId: context.requestId,
    },
  );
  return update.status === 'updated' ? update.after : user;
}
